// Plain-text rendering for the terminal: tables, wrapped paragraphs, exercise details.
#pragma once

#include "core/Catalog.h"
#include "core/JsonText.h"

#include <string>
#include <string_view>
#include <vector>

namespace sp::cli {

// Width on a terminal, counting each code point once (good enough for our Latin text).
std::size_t displayWidth(std::string_view utf8);

// Words of `text` wrapped to `width` columns, each line starting with `indent`.
std::string wrap(std::string_view text, std::string_view indent, std::size_t width = 80);

// Columns padded to their widest cell; the last column is not padded.
std::string table(const std::vector<std::vector<std::string>>& rows);

// "a, b, c" of the enum values.
template <class E> std::string joinEnums(const std::vector<E>& values)
{
    std::string out;
    for (E v : values)
        out += (out.empty() ? "" : ", ") + std::string(toString(v));
    return out;
}

std::string join(const std::vector<std::string>& items, std::string_view separator = ", ");

// Every field of the exercise, as a therapist reads it.
std::string exerciseDetails(const Exercise& exercise, const Catalog& catalog);

// The exercise in the pack format, plus "qualified_id" and "pack".
Json exerciseJson(const Exercise& exercise);

} // namespace sp::cli
