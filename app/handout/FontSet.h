// The two faces every handout is set in (DejaVu Sans regular and bold, from Debian's
// fonts-dejavu-core), measured exactly as the PDF writer will draw them: widths come from
// libharu's own metrics for the embedded font, glyph coverage from FreeType.
#pragma once

#include "handout/TextMeasurer.h"

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace sp::handout {

// A font file is missing or unreadable; the message names the file and the package.
class FontError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class FontSet final : public TextMeasurer {
public:
    // Loads both faces from `fontDir` (tests point it elsewhere); throws FontError.
    explicit FontSet(std::filesystem::path fontDir = defaultDir());
    ~FontSet() override;
    FontSet(const FontSet&) = delete;
    FontSet& operator=(const FontSet&) = delete;

    // DejaVu Sans from fonts-dejavu-core, cut down at build time (see CMakeLists.txt):
    // defaultDirFor() the folder of the running executable.
    static std::filesystem::path defaultDir();
    // <exeDir>/../share/stretchplan/fonts when it holds the fonts (an installed binary),
    // else <exeDir>/../fonts (a build-tree binary in build/bin). Relative to the binary only,
    // so an installed tree can be moved and never reads the build machine's folders.
    static std::filesystem::path defaultDirFor(const std::filesystem::path& exeDir);
    // The file of `face` in `fontDir`; throws FontError naming the path and the Debian
    // package when it is not a readable file. The PDF writer uses the same files.
    static std::filesystem::path fontFile(const std::filesystem::path& fontDir, FontFace face);

    const std::filesystem::path& fontDir() const;

    // Safe to call from several threads at once.
    double width(FontFace face, double size, std::string_view utf8) const override;
    double ascent(FontFace face, double size) const override;
    double descent(FontFace face, double size) const override;
    // Also lists code points beyond U+FFFF even where DejaVu has a glyph: libharu's UTF-8
    // text path is UCS-2 only and draws them as spaces.
    std::vector<char32_t> missingGlyphs(FontFace face, std::string_view utf8) const override;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// The code points of valid UTF-8 text (the layout guarantees validity; a malformed byte
// becomes U+FFFD rather than undefined behaviour), and one code point as UTF-8.
std::u32string decodeUtf8(std::string_view utf8);
std::string encodeUtf8(char32_t codePoint);

// A TrueType font program with a version 3 'post' table, that is without glyph names: a PDF
// CID font finds glyphs by index and never uses them, and in DejaVu Sans as libharu embeds
// it they are 40% of the bytes. Anything it cannot parse is returned unchanged.
std::string withoutGlyphNames(std::string_view trueType);

} // namespace sp::handout
