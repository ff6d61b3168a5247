#include "handout/FontSet.h"

#include <hpdf.h>

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <type_traits>

namespace sp::handout {

namespace {

constexpr const char* kFontPackage = "fonts-dejavu-core";

// The UTF-8 decoder shared by measuring and decodeUtf8(); advances `i` past one code point.
char32_t nextCodePoint(std::string_view text, std::size_t& i)
{
    const auto lead = static_cast<unsigned char>(text[i++]);
    if (lead < 0x80)
        return lead;
    const int extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : -1;
    if (extra < 0)
        return U'\uFFFD';
    char32_t codePoint = lead & (0x3F >> extra);
    for (int k = 0; k < extra; ++k) {
        if (i >= text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
            return U'\uFFFD';
        codePoint = (codePoint << 6) | (static_cast<unsigned char>(text[i++]) & 0x3F);
    }
    return codePoint;
}

std::uint32_t readU32(std::string_view bytes, std::size_t at)
{
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i)
        value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
    return value;
}

void writeU32(std::string& bytes, std::size_t at, std::uint32_t value)
{
    for (std::size_t i = 0; i < 4; ++i)
        bytes[at + i] = static_cast<char>(value >> (24 - 8 * i));
}

// The TrueType checksum: the sum of the big-endian words of the 4-byte padded data.
std::uint32_t checksum(std::string_view padded)
{
    std::uint32_t sum = 0;
    for (std::size_t at = 0; at + 4 <= padded.size(); at += 4)
        sum += readU32(padded, at);
    return sum;
}

std::string hex(unsigned long value)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "0x%04lX", value);
    return buffer;
}

struct HpdfDocDeleter {
    void operator()(HPDF_Doc doc) const { HPDF_Free(doc); }
};
using HpdfDocPtr = std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, HpdfDocDeleter>;

struct FtLibraryDeleter {
    void operator()(FT_Library library) const { FT_Done_FreeType(library); }
};
struct FtFaceDeleter {
    void operator()(FT_Face face) const { FT_Done_Face(face); }
};

// One cache slot per BMP code point, filled on first use. Packing the "known" and
// "missing" flags with the width into one atomic word keeps the hot path lock-free.
constexpr std::uint32_t kKnown = 1u << 31;
constexpr std::uint32_t kMissing = 1u << 30;
constexpr std::uint32_t kWidthMask = kMissing - 1;
constexpr char32_t kLastUcs2 = 0xFFFF;

struct Face {
    HPDF_Font font = nullptr;
    std::unique_ptr<std::remove_pointer_t<FT_Face>, FtFaceDeleter> ftFace;
    double ascent = 0;  // per 1000 units of size
    double descent = 0; // positive
    std::unique_ptr<std::atomic<std::uint32_t>[]> slots =
        std::make_unique<std::atomic<std::uint32_t>[]>(kLastUcs2 + 1);
};

} // namespace

struct FontSet::Impl {
    std::filesystem::path dir;
    HpdfDocPtr doc; // only measures; never saved
    std::unique_ptr<std::remove_pointer_t<FT_Library>, FtLibraryDeleter> ftLibrary;
    std::array<Face, 2> faces;
    // libharu keeps parse state in its encoder and FreeType faces are not thread-safe,
    // so cache misses are filled one at a time.
    mutable std::mutex fillMutex;

    const Face& face(FontFace which) const { return faces[which == FontFace::Bold ? 1 : 0]; }

    void load(FontFace which)
    {
        const std::filesystem::path path = fontFile(dir, which);
        Face& target = faces[which == FontFace::Bold ? 1 : 0];

        const char* name = HPDF_LoadTTFontFromFile(doc.get(), path.c_str(), HPDF_FALSE);
        if (name)
            target.font = HPDF_GetFont(doc.get(), name, "UTF-8");
        if (!target.font)
            throw FontError("cannot load font " + path.string() + ": libharu error " +
                            hex(HPDF_GetError(doc.get())) + " (detail " +
                            std::to_string(HPDF_GetErrorDetail(doc.get())) + ")");
        target.ascent = HPDF_Font_GetAscent(target.font);
        target.descent = -HPDF_Font_GetDescent(target.font);

        FT_Face ftFace = nullptr;
        if (FT_New_Face(ftLibrary.get(), path.c_str(), 0, &ftFace) != 0)
            throw FontError("FreeType cannot read font " + path.string());
        target.ftFace.reset(ftFace);
        if (FT_Select_Charmap(ftFace, FT_ENCODING_UNICODE) != 0)
            throw FontError("font " + path.string() + " has no Unicode character map");
    }

    std::uint32_t slot(const Face& f, char32_t codePoint) const
    {
        std::uint32_t value = f.slots[codePoint].load(std::memory_order_acquire);
        if (value & kKnown)
            return value;
        std::lock_guard lock(fillMutex);
        value = f.slots[codePoint].load(std::memory_order_relaxed);
        if (value & kKnown)
            return value;
        // The width libharu itself will use when it advances the text position and writes
        // the /W array, so the layout and the page agree to the unit.
        const std::string utf8 = encodeUtf8(codePoint);
        const HPDF_TextWidth measured =
            HPDF_Font_TextWidth(f.font, reinterpret_cast<const HPDF_BYTE*>(utf8.data()),
                                static_cast<HPDF_UINT>(utf8.size()));
        value = kKnown | (measured.width & kWidthMask);
        if (FT_Get_Char_Index(f.ftFace.get(), codePoint) == 0)
            value |= kMissing;
        f.slots[codePoint].store(value, std::memory_order_release);
        return value;
    }
};

FontSet::FontSet(std::filesystem::path fontDir)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->dir = std::move(fontDir);
    m_impl->doc.reset(HPDF_New(nullptr, nullptr));
    if (!m_impl->doc)
        throw FontError("cannot measure fonts: libharu is out of memory");
    if (HPDF_UseUTFEncodings(m_impl->doc.get()) != HPDF_OK)
        throw FontError("cannot measure fonts: libharu has no UTF-8 encoder");
    FT_Library library = nullptr;
    if (FT_Init_FreeType(&library) != 0)
        throw FontError("cannot measure fonts: FreeType failed to start");
    m_impl->ftLibrary.reset(library);
    m_impl->load(FontFace::Regular);
    m_impl->load(FontFace::Bold);
}

FontSet::~FontSet() = default;

std::filesystem::path FontSet::defaultDir()
{
    std::error_code error;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", error);
    return defaultDirFor(error ? std::filesystem::path() : exe.parent_path());
}

std::filesystem::path FontSet::defaultDirFor(const std::filesystem::path& exeDir)
{
    const std::filesystem::path installed = (exeDir / SP_INSTALLED_FONT_DIR_FROM_BIN).lexically_normal();
    std::error_code error;
    if (std::filesystem::is_regular_file(installed / "DejaVuSans.ttf", error))
        return installed;
    return (exeDir / SP_FONT_DIR_FROM_BIN).lexically_normal();
}

std::filesystem::path FontSet::fontFile(const std::filesystem::path& fontDir, FontFace face)
{
    std::filesystem::path path =
        fontDir / (face == FontFace::Bold ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf");
    std::error_code error;
    const bool isFile = std::filesystem::is_regular_file(path, error);
    std::ifstream in(path, std::ios::binary);
    if (!isFile || !in)
        throw FontError("font file " + path.string() + " is missing or unreadable (install the " +
                        kFontPackage + " package)");
    // libharu 2.3.0 crashes on a truncated font; check that every table is in the file.
    const auto size = std::filesystem::file_size(path, error);
    std::string directory(12, '\0');
    bool complete = !error && in.read(directory.data(), 12) && readU32(directory, 0) == 0x00010000;
    const std::size_t tables = complete ? readU32(directory, 4) >> 16 : 0;
    directory.resize(12 + 16 * tables);
    complete = complete && in.read(directory.data() + 12, std::streamsize(16 * tables));
    for (std::size_t i = 0; complete && i < tables; ++i)
        complete = std::uint64_t{readU32(directory, 12 + 16 * i + 8)} +
                       readU32(directory, 12 + 16 * i + 12) <= size;
    if (!complete)
        throw FontError("font file " + path.string() + " is damaged (reinstall the " +
                        kFontPackage + " package)");
    return path;
}

const std::filesystem::path& FontSet::fontDir() const
{
    return m_impl->dir;
}

double FontSet::width(FontFace face, double size, std::string_view utf8) const
{
    const Face& f = m_impl->face(face);
    std::uint64_t units = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        char32_t codePoint = nextCodePoint(utf8, i);
        // libharu draws what UCS-2 cannot hold as a space; measure what is drawn.
        if (codePoint > kLastUcs2)
            codePoint = U' ';
        units += m_impl->slot(f, codePoint) & kWidthMask;
    }
    return static_cast<double>(units) * size / 1000.0;
}

double FontSet::ascent(FontFace face, double size) const
{
    return m_impl->face(face).ascent * size / 1000.0;
}

double FontSet::descent(FontFace face, double size) const
{
    return m_impl->face(face).descent * size / 1000.0;
}

std::vector<char32_t> FontSet::missingGlyphs(FontFace face, std::string_view utf8) const
{
    const Face& f = m_impl->face(face);
    std::vector<char32_t> missing;
    for (std::size_t i = 0; i < utf8.size();) {
        const char32_t codePoint = nextCodePoint(utf8, i);
        const bool drawable = codePoint <= kLastUcs2 && !(m_impl->slot(f, codePoint) & kMissing);
        if (!drawable && std::find(missing.begin(), missing.end(), codePoint) == missing.end())
            missing.push_back(codePoint);
    }
    return missing;
}

std::string encodeUtf8(char32_t codePoint)
{
    std::string out;
    if (codePoint < 0x80) {
        out += static_cast<char>(codePoint);
    } else if (codePoint < 0x800) {
        out += static_cast<char>(0xC0 | (codePoint >> 6));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    } else if (codePoint < 0x10000) {
        out += static_cast<char>(0xE0 | (codePoint >> 12));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (codePoint >> 18));
        out += static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    }
    return out;
}

std::u32string decodeUtf8(std::string_view utf8)
{
    std::u32string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();)
        out += nextCodePoint(utf8, i);
    return out;
}

std::string withoutGlyphNames(std::string_view trueType)
{
    constexpr std::size_t kPostHeader = 32; // the fields of version 3, which has no names
    if (trueType.size() < 12)
        return std::string(trueType);
    const std::size_t tableCount = (static_cast<unsigned char>(trueType[4]) << 8) |
                                   static_cast<unsigned char>(trueType[5]);
    const std::size_t directoryEnd = 12 + 16 * tableCount;
    if (trueType.size() < directoryEnd)
        return std::string(trueType);

    std::string out(trueType.substr(0, directoryEnd));
    std::size_t headAt = 0;
    bool shortened = false;
    for (std::size_t i = 0; i < tableCount; ++i) {
        const std::size_t record = 12 + 16 * i;
        const std::string_view tag = trueType.substr(record, 4);
        const std::size_t offset = readU32(trueType, record + 8);
        std::size_t length = readU32(trueType, record + 12);
        if (offset > trueType.size() || length > trueType.size() - offset)
            return std::string(trueType);
        std::string table(trueType.substr(offset, length));
        if (tag == "post" && length > kPostHeader) {
            table.resize(kPostHeader);
            writeU32(table, 0, 0x00030000);
            length = kPostHeader;
            shortened = true;
        }
        if (tag == "head" && length >= 12) {
            headAt = out.size();
            writeU32(table, 8, 0); // checkSumAdjustment counts as 0 in every checksum
        }
        table.resize((length + 3) & ~std::size_t{3}, '\0');
        writeU32(out, record + 4, checksum(table));
        writeU32(out, record + 8, static_cast<std::uint32_t>(out.size()));
        writeU32(out, record + 12, static_cast<std::uint32_t>(length));
        out += table;
    }
    if (!shortened)
        return std::string(trueType);
    if (headAt != 0)
        writeU32(out, headAt + 8, 0xB1B0AFBA - checksum(out));
    return out;
}

} // namespace sp::handout
