// Folding text for search, so that "Psoas", "psoas" and "PSÓAS" are the same word.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sp {

// Case-folded, accents removed (NFD, then combining marks dropped), every run of
// characters that is not a letter or digit turned into one space, trimmed. UTF-8 in and out.
std::string foldForSearch(std::string_view utf8);

// The words of already folded text.
std::vector<std::string> splitWords(std::string_view folded);

} // namespace sp
