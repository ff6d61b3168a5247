#include "cli/ArgParsing.h"

#include "cli/CliContext.h"
#include "core/Dosage.h"

#include <charconv>

namespace sp::cli {
namespace {

std::optional<long long> toInteger(const std::string& text)
{
    long long value = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end || text.empty())
        return std::nullopt;
    return value;
}

std::string inQuotes(const std::string& text)
{
    return "\"" + text + "\"";
}

} // namespace

std::int64_t parseRecordId(const std::string& text, const std::string& what)
{
    const auto n = toInteger(text);
    if (!n || *n < 1)
        throw CliError(inQuotes(text) + " is not a " + what + " id (a whole number, 1 or more)");
    return *n;
}

Date parseDateOption(const std::string& text, const std::string& option)
{
    if (auto d = Date::parse(text))
        return *d;
    throw CliError(option + ": " + inQuotes(text) + " is not a date (YYYY-MM-DD, a real day from 1900 to 2199)");
}

int parseIntOption(const std::string& text, const std::string& option, int min, int max)
{
    const auto n = toInteger(text);
    if (!n)
        throw CliError(option + ": " + inQuotes(text) + " is not a whole number");
    if (*n < min || *n > max)
        throw CliError(option + ": " + outOfRangeMessage(*n, min, max));
    return static_cast<int>(*n);
}

PlanItemSpec parseItemSpec(const std::string& text, const std::string& option)
{
    PlanItemSpec spec;
    const auto colon = text.find(':');
    spec.exercise = text.substr(0, colon);
    if (spec.exercise.empty())
        throw CliError(option + ": " + inQuotes(text) + " names no exercise");
    if (colon == std::string::npos)
        return spec;
    std::string rest = text.substr(colon + 1);
    while (!rest.empty()) {
        const auto eq = rest.find('=');
        if (eq == std::string::npos)
            throw CliError(option + ": " + inQuotes(rest) + " is not key=value");
        const std::string key = rest.substr(0, eq);
        if (key == "note") {
            spec.note = rest.substr(eq + 1);
            break;
        }
        const auto comma = rest.find(',', eq);
        const std::string value = rest.substr(eq + 1, comma == std::string::npos ? std::string::npos : comma - eq - 1);
        rest = comma == std::string::npos ? "" : rest.substr(comma + 1);
        const std::string where = option + " " + spec.exercise + ": " + key;
        if (key == "side") {
            const auto side = parseEnum<Side>(value);
            if (!side)
                throw CliError(where + ": " + inQuotes(value) + " is not one of " + enumChoices<Side>());
            spec.dosage.side = *side;
            continue;
        }
        const DosageField* field = nullptr;
        for (const DosageField& f : kDosageFields)
            if (f.key == key)
                field = &f;
        if (!field) {
            std::string keys;
            for (const DosageField& f : kDosageFields)
                keys += std::string(f.key) + ", ";
            throw CliError(option + " " + spec.exercise + ": unknown setting " + inQuotes(key) + " (use " + keys +
                           "side or note)");
        }
        spec.dosage.values[key] = parseIntOption(value, where, field->min, field->max);
    }
    return spec;
}

std::pair<int, int> parseAdherence(const std::string& text)
{
    const auto slash = text.find('/');
    if (slash == std::string::npos)
        throw CliError("--adherence: " + inQuotes(text) + " is not DONE/PRESCRIBED (e.g. 10/14)");
    return {parseIntOption(text.substr(0, slash), "--adherence (sessions done)", 0, 1000),
            parseIntOption(text.substr(slash + 1), "--adherence (sessions prescribed)", 1, 1000)};
}

std::pair<std::string, int> parsePsfs(const std::string& text)
{
    const auto eq = text.rfind('=');
    if (eq == std::string::npos || eq == 0)
        throw CliError("--psfs: " + inQuotes(text) + " is not \"activity=score\" (e.g. \"Putting on socks=4\")");
    return {text.substr(0, eq), parseIntOption(text.substr(eq + 1), "--psfs " + text.substr(0, eq), 0, 10)};
}

std::vector<std::string> splitList(const std::string& text, char separator)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = text.find(separator, start);
        std::string part = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!part.empty())
            out.push_back(std::move(part));
        if (end == std::string::npos)
            break;
        start = end + 1;
    }
    return out;
}

} // namespace sp::cli
