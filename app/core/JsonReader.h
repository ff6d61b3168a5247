// Reading one JSON object strictly against a schema written as code: each accessor checks
// presence, type and range, reports a problem at the field's pointer and carries on, and
// finish() reports every member the schema did not ask for.
#pragma once

#include "core/Enums.h"
#include "core/JsonText.h"
#include "core/Problem.h"

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace sp {

enum class Presence { Required = 1, Optional };

struct TextRule {
    std::size_t minChars = 1;
    std::size_t maxChars = 120;
};

struct ListRule {
    std::size_t minItems = 0;
    std::size_t maxItems = 20;
};

// A short, safe rendering of a JSON value for messages: "\"stretchy\"", "150", "an object".
std::string quoteValue(const Json& value);

// The JSON type of a value in words: "a string", "a number", "an array".
std::string typeName(const Json& value);

// Checks a string's content: length in characters and no control characters but newline.
// Returns the problem text, or an empty string when it is fine.
std::string checkText(const std::string& text, const TextRule& rule);

class ObjectReader {
public:
    // Reports "expected an object" when `value` is not one; every accessor then yields nothing.
    ObjectReader(const Json& value, std::string pointer, ProblemSink& sink);

    bool isObject() const { return m_object != nullptr; }
    const std::string& pointer() const { return m_pointer; }
    std::string pointerOf(std::string_view key) const { return m_pointer + "/" + pointerToken(std::string(key)); }
    ProblemSink& sink() { return m_sink; }

    // The member, or nullptr when absent (reporting it when required). Marks it as read.
    const Json* member(std::string_view key, Presence presence = Presence::Required);

    std::optional<std::string> text(std::string_view key, TextRule rule, Presence presence = Presence::Required);
    std::optional<std::string> id(std::string_view key);
    std::optional<long long> integer(std::string_view key, long long min, long long max,
                                     Presence presence = Presence::Required);
    std::optional<double> number(std::string_view key, double min, double max,
                                 Presence presence = Presence::Required);
    std::optional<std::vector<std::string>> textList(std::string_view key, ListRule list, TextRule item,
                                                     Presence presence = Presence::Required);

    template <class E> std::optional<E> enumeration(std::string_view key, Presence presence = Presence::Required)
    {
        const Json* v = member(key, presence);
        if (!v)
            return std::nullopt;
        return enumValue<E>(*v, pointerOf(key), m_sink);
    }

    // An array member checked for its length; nullptr (with a problem) when absent or not an array.
    const Json* array(std::string_view key, ListRule list, Presence presence = Presence::Required);

    // Reports every member that was never read as an unknown field.
    void finish();

    template <class E> static std::optional<E> enumValue(const Json& v, const std::string& pointer, ProblemSink& sink)
    {
        if (!v.is_string()) {
            sink.add(pointer, "expected a string, got " + typeName(v));
            return std::nullopt;
        }
        if (auto e = parseEnum<E>(v.get_ref<const std::string&>()))
            return e;
        sink.add(pointer, quoteValue(v) + " is not one of " + enumChoices<E>());
        return std::nullopt;
    }

    static std::optional<std::string> textValue(const Json& v, const std::string& pointer, TextRule rule,
                                                ProblemSink& sink);

private:
    const Json* m_object = nullptr;
    std::string m_pointer;
    ProblemSink& m_sink;
    std::set<std::string, std::less<>> m_read;
};

} // namespace sp
