#include "handout/TextWrap.h"

namespace sp::handout {
namespace {

std::size_t nextCodePoint(std::string_view s, std::size_t i)
{
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80)
        ++i;
    return i;
}

// Splits a word too wide for the line into pieces that fit.
void breakWord(const TextMeasurer& m, FontFace face, double size, std::string_view word, double width,
               std::vector<std::string>& lines)
{
    std::size_t start = 0;
    while (start < word.size()) {
        std::size_t end = nextCodePoint(word, start);
        std::size_t fit = end;
        while (end < word.size()) {
            const std::size_t next = nextCodePoint(word, end);
            if (m.width(face, size, word.substr(start, next - start)) > width)
                break;
            end = next;
            fit = end;
        }
        lines.emplace_back(word.substr(start, fit - start));
        start = fit;
    }
}

void wrapParagraph(const TextMeasurer& m, FontFace face, double size, std::string_view text, double width,
                   std::vector<std::string>& lines)
{
    std::string line;
    std::size_t i = 0;
    bool any = false;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ')
            ++i;
        if (i >= text.size())
            break;
        const std::size_t end = text.find(' ', i);
        const std::string_view word = text.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
        i = end == std::string_view::npos ? text.size() : end;
        const std::string candidate = line.empty() ? std::string(word) : line + " " + std::string(word);
        if (m.width(face, size, candidate) <= width) {
            line = candidate;
            continue;
        }
        if (!line.empty()) {
            lines.push_back(line);
            any = true;
            line.clear();
        }
        if (m.width(face, size, word) <= width) {
            line = std::string(word);
        } else {
            breakWord(m, face, size, word, width, lines);
            any = true;
            // The last piece may take following words.
            line = lines.back();
            lines.pop_back();
        }
    }
    if (!line.empty() || !any)
        lines.push_back(line);
}

} // namespace

std::vector<std::string> wrapText(const TextMeasurer& m, FontFace face, double size, std::string_view text,
                                  double width)
{
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = text.find('\n', start);
        wrapParagraph(m, face, size, text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start),
                      width, lines);
        if (end == std::string_view::npos)
            break;
        start = end + 1;
    }
    return lines;
}

} // namespace sp::handout
