#include "core/TextFold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace sp {

std::string foldForSearch(std::string_view utf8)
{
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
