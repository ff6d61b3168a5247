#include "core/JsonReader.h"

#include "core/Dosage.h"
#include "core/Exercise.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace sp {

namespace {

bool isContinuationByte(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

std::size_t countChars(const std::string& s)
{
    std::size_t n = 0;
    for (char c : s)
        n += isContinuationByte(c) ? 0 : 1;
    return n;
}

std::string truncateUtf8(const std::string& s, std::size_t maxBytes)
{
    if (s.size() <= maxBytes)
        return s;
    std::size_t cut = maxBytes;
    while (cut > 0 && isContinuationByte(s[cut]))
        --cut;
    return s.substr(0, cut) + "\u2026";
}

// Edits (insert, delete, replace, swap two neighbours) from `a` to `b`: the optimal
// string alignment distance, so that a typed "stpes" is one edit from "steps".
std::size_t editDistance(std::string_view a, std::string_view b)
{
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i)
        d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j)
        d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

// The key the schema asked for that `unknown` most likely misspells: at most two edits
// away (one for keys of five characters or fewer, so that short keys do not suggest
// unrelated ones), and not present itself. The first in order on a tie; empty when none.
std::string nearestKey(const std::string& unknown, const std::set<std::string, std::less<>>& known, const Json& object)
{
    const std::size_t allowed = unknown.size() <= 5 ? 1 : 2;
    std::string best;
    std::size_t bestDistance = allowed + 1;
    for (const std::string& key : known) {
        if (object.contains(key))
            continue;
        const std::size_t distance = editDistance(unknown, key);
        if (distance < bestDistance) {
            best = key;
            bestDistance = distance;
        }
    }
    return best;
}

} // namespace

std::string typeName(const Json& v)
{
    switch (v.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::object: return "an object";
    case Json::value_t::array: return "an array";
    case Json::value_t::string: return "a string";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: return "an integer";
    case Json::value_t::number_float: return "a number";
    default: return "an unsupported value";
    }
}

std::string quoteValue(const Json& v)
{
    if (v.is_object() || v.is_array())
        return typeName(v);
    // dump() escapes quotes and control characters, so the message stays on one line.
    return truncateUtf8(v.dump(-1, ' ', false, Json::error_handler_t::replace), 60);
}

std::string checkText(const std::string& text, const TextRule& rule)
{
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\n') || u == 0x7F)
            return "contains a control character (code " + std::to_string(u) + ")";
    }
    const std::size_t n = countChars(text);
    if (n < rule.minChars)
        return rule.minChars == 1 ? "must not be empty"
                                  : "is too short (" + std::to_string(n) + " characters, at least " +
                                        std::to_string(rule.minChars) + ")";
    if (n > rule.maxChars)
        return "is too long (" + std::to_string(n) + " characters, at most " + std::to_string(rule.maxChars) + ")";
    return {};
}

ObjectReader::ObjectReader(const Json& value, std::string pointer, ProblemSink& sink)
    : m_pointer(std::move(pointer)), m_sink(sink)
{
    if (value.is_object())
        m_object = &value;
    else
        m_sink.add(m_pointer, "expected an object, got " + typeName(value));
}

const Json* ObjectReader::member(std::string_view key, Presence presence)
{
    if (!m_object)
        return nullptr;
    m_read.emplace(key);
    const auto it = m_object->find(key);
    if (it == m_object->end()) {
        if (presence == Presence::Required)
            m_sink.add(pointerOf(key), "is required but missing");
        return nullptr;
    }
    return &*it;
}

std::optional<std::string> ObjectReader::textValue(const Json& v, const std::string& pointer, TextRule rule,
                                                   ProblemSink& sink)
{
    if (!v.is_string()) {
        sink.add(pointer, "expected a string, got " + typeName(v));
        return std::nullopt;
    }
    const auto& s = v.get_ref<const std::string&>();
    if (auto problem = checkText(s, rule); !problem.empty()) {
        sink.add(pointer, problem);
        return std::nullopt;
    }
    return s;
}

std::optional<std::string> ObjectReader::text(std::string_view key, TextRule rule, Presence presence)
{
    const Json* v = member(key, presence);
    return v ? textValue(*v, pointerOf(key), rule, m_sink) : std::nullopt;
}

std::optional<std::string> ObjectReader::id(std::string_view key)
{
    auto value = text(key, {1, 64});
    if (value && !isValidId(*value)) {
        m_sink.add(pointerOf(key), quoteValue(*value) +
                                       " is not a valid id (use a-z, 0-9 and '-', not starting with '-')");
        return std::nullopt;
    }
    return value;
}

std::optional<long long> ObjectReader::integer(std::string_view key, long long min, long long max,
                                               Presence presence)
{
    const Json* v = member(key, presence);
    if (!v)
        return std::nullopt;
    if (v->is_number_unsigned() && v->get<unsigned long long>() > static_cast<unsigned long long>(max)) {
        m_sink.add(pointerOf(key), quoteValue(*v) + " is out of range (" + std::to_string(min) + "\u2013" +
                                       std::to_string(max) + ")");
        return std::nullopt;
    }
    if (!v->is_number_integer()) {
        m_sink.add(pointerOf(key), "expected a whole number, got " + typeName(*v) +
                                       (v->is_number() ? " (" + quoteValue(*v) + ")" : std::string()));
        return std::nullopt;
    }
    const long long n = v->get<long long>();
    if (n < min || n > max) {
        m_sink.add(pointerOf(key), outOfRangeMessage(n, min, max));
        return std::nullopt;
    }
    return n;
}

std::optional<double> ObjectReader::number(std::string_view key, double min, double max, Presence presence)
{
    const Json* v = member(key, presence);
    if (!v)
        return std::nullopt;
    if (!v->is_number()) {
        m_sink.add(pointerOf(key), "expected a number, got " + typeName(*v));
        return std::nullopt;
    }
    const double d = v->get<double>();
    if (!std::isfinite(d) || d < min || d > max) {
        m_sink.add(pointerOf(key), quoteValue(*v) + " is out of range (" + quoteValue(Json(min)) + "\u2013" +
                                       quoteValue(Json(max)) + ")");
        return std::nullopt;
    }
    return d;
}

const Json* ObjectReader::array(std::string_view key, ListRule list, Presence presence)
{
    const Json* v = member(key, presence);
    if (!v)
        return nullptr;
    if (!v->is_array()) {
        m_sink.add(pointerOf(key), "expected an array, got " + typeName(*v));
        return nullptr;
    }
    if (v->size() < list.minItems) {
        m_sink.add(pointerOf(key), list.minItems == 1 ? std::string("must have at least one item")
                                                      : "must have at least " + std::to_string(list.minItems) +
                                                            " items, has " + std::to_string(v->size()));
        return nullptr;
    }
    if (v->size() > list.maxItems) {
        m_sink.add(pointerOf(key), "has too many items (" + std::to_string(v->size()) + ", at most " +
                                       std::to_string(list.maxItems) + ")");
        return nullptr;
    }
    return v;
}

std::optional<std::vector<std::string>> ObjectReader::textList(std::string_view key, ListRule list, TextRule item,
                                                               Presence presence)
{
    const Json* v = array(key, list, presence);
    if (!v)
        return std::nullopt;
    std::vector<std::string> out;
    bool ok = true;
    for (std::size_t i = 0; i < v->size(); ++i) {
        auto s = textValue((*v)[i], pointerOf(key) + "/" + std::to_string(i), item, m_sink);
        if (s)
            out.push_back(std::move(*s));
        else
            ok = false;
    }
    return ok ? std::optional(std::move(out)) : std::nullopt;
}

void ObjectReader::finish()
{
    if (!m_object)
        return;
    for (const auto& [key, value] : m_object->items()) {
        if (m_read.contains(key))
            continue;
        const std::string nearest = nearestKey(key, m_read, *m_object);
        m_sink.add(pointerOf(key), "unknown field " + quoteValue(Json(key)) +
                                       (nearest.empty() ? std::string() : "; did you mean " + quoteValue(Json(nearest)) + "?"));
    }
}

} // namespace sp
