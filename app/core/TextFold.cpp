#include "core/TextFold.h"

#include <optional>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace sp {
namespace {

// ASCII text, most of a catalog, folds the same by hand: NFD leaves it alone, it has no
// combining marks, its letters and digits are exactly [A-Za-z0-9] and case folding is
// lower-casing. Skipping ICU's UTF-16 round trip there makes loading a large catalog
// (every name, alias and summary is folded for search) several times cheaper.
std::optional<std::string> foldAscii(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    bool pendingSpace = false;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80)
            return std::nullopt;
        const bool digit = c >= '0' && c <= '9';
        const bool upper = c >= 'A' && c <= 'Z';
        const bool lower = c >= 'a' && c <= 'z';
        if (!digit && !upper && !lower) {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace)
            out.push_back(' ');
        pendingSpace = false;
        out.push_back(upper ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
    }
    return out;
}

} // namespace

std::string foldForSearch(std::string_view utf8)
{
    if (auto ascii = foldAscii(utf8))
        return std::move(*ascii);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    const icu::UnicodeString source =
        icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    icu::UnicodeString decomposed = U_SUCCESS(status) ? nfd->normalize(source, status) : source;
    if (U_FAILURE(status))
        decomposed = source;

    icu::UnicodeString kept;
    bool pendingSpace = false;
    for (int32_t i = 0; i < decomposed.length();) {
        const UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK)
            continue;
        if (!u_isalnum(c)) {
            pendingSpace = !kept.isEmpty();
            continue;
        }
        if (pendingSpace)
            kept.append(static_cast<UChar>(u' '));
        pendingSpace = false;
        kept.append(c);
    }
    kept.foldCase();
    std::string out;
    kept.toUTF8String(out);
    return out;
}

std::vector<std::string> splitWords(std::string_view folded)
{
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < folded.size()) {
        const auto end = folded.find(' ', start);
        const auto stop = end == std::string_view::npos ? folded.size() : end;
        if (stop > start)
            words.emplace_back(folded.substr(start, stop - start));
        start = stop + 1;
    }
    return words;
}

} // namespace sp
