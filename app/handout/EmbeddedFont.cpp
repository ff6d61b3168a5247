#include "handout/EmbeddedFont.h"

#include "handout/FontSet.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

namespace sp::handout {
namespace {

// A ToUnicode CMap for the 2-byte codes libharu writes (code = CID = UCS-2 code point).
// libharu 2.3.0 puts its encoding CMap here, whose `begincidrange` is not valid in a
// ToUnicode CMap (poppler warns); this one lists just the characters used.
std::string toUnicodeCMap(const std::vector<unsigned>& cids)
{
    std::string cmap =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    for (std::size_t first = 0; first < cids.size(); first += 100) { // at most 100 per block
        const std::size_t last = std::min(cids.size(), first + 100);
        cmap += std::to_string(last - first) + " beginbfchar\n";
        for (std::size_t i = first; i < last; ++i) {
            char line[32];
            std::snprintf(line, sizeof line, "<%04X> <%04X>\n", cids[i], cids[i]);
            cmap += line;
        }
        cmap += "endbfchar\n";
    }
    return cmap + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
}

void replaceStreamData(HPDF_Dict stream, const void* data, std::size_t size)
{
    HPDF_MemStream_FreeData(stream->stream);
    HPDF_Stream_Write(stream->stream, static_cast<const HPDF_BYTE*>(data),
                      static_cast<HPDF_UINT>(size));
}

// libharu 2.3.0's UTF-8 mode describes all 65536 code points in every font: a /W entry
// for each glyph (~24 KB, not compressed), a 128 KB CIDToGIDMap, and its encoding CMap as
// ToUnicode. Cut these down to the characters used (`cids`, ascending), declare the
// Adobe-Identity ordering that Identity-H implies, and drop the glyph names. This goes through libharu's object API
// (hpdf_objects.h), which 2.3.0 installs and exports; where the objects are not laid out
// as expected the font is left as libharu made it, larger but valid.
} // namespace

void shrinkFont(HPDF_Font type0, const std::vector<unsigned>& cids)
{
    auto item = [](HPDF_Dict dict, const char* key, HPDF_UINT16 type) {
        return dict ? HPDF_Dict_GetItem(dict, key, type) : nullptr;
    };
    auto* descendants = static_cast<HPDF_Array>(item(type0, "DescendantFonts", HPDF_OCLASS_ARRAY));
    auto* cidFont = descendants
                        ? static_cast<HPDF_Dict>(HPDF_Array_GetItem(descendants, 0, HPDF_OCLASS_DICT))
                        : nullptr;
    auto* toUnicode = static_cast<HPDF_Dict>(item(type0, "ToUnicode", HPDF_OCLASS_DICT));
    auto* cidToGid = static_cast<HPDF_Dict>(item(cidFont, "CIDToGIDMap", HPDF_OCLASS_DICT));
    auto* systemInfo = static_cast<HPDF_Dict>(item(cidFont, "CIDSystemInfo", HPDF_OCLASS_DICT));
    if (!toUnicode || !cidToGid || !systemInfo || cids.empty())
        return;
    const HPDF_MMgr mmgr = type0->mmgr;
    const HPDF_FontDef fontDef = static_cast<HPDF_FontAttr>(type0->attr)->fontdef;

    HPDF_Array widths = HPDF_Array_New(mmgr);
    HPDF_Array run = nullptr;
    std::vector<HPDF_BYTE> glyphIds((cids.back() + 1) * 2, 0); // unused CIDs map to .notdef
    for (std::size_t i = 0; i < cids.size(); ++i) {
        const unsigned cid = cids[i];
        if (!run || cids[i - 1] + 1 != cid) {
            run = widths ? HPDF_Array_New(mmgr) : nullptr;
            if (!run)
                return; // out of memory, reported through the error handler
            HPDF_Array_AddNumber(widths, static_cast<HPDF_INT32>(cid));
            HPDF_Array_Add(widths, run);
        }
        // The width libharu advanced the text by (and FontSet measured).
        const std::string utf8 = encodeUtf8(cid);
        const HPDF_TextWidth width =
            HPDF_Font_TextWidth(type0, reinterpret_cast<const HPDF_BYTE*>(utf8.data()),
                                static_cast<HPDF_UINT>(utf8.size()));
        HPDF_Array_AddNumber(run, static_cast<HPDF_INT32>(width.width));
        const HPDF_UINT16 glyph = HPDF_TTFontDef_GetGlyphid(fontDef, static_cast<HPDF_UINT16>(cid));
        glyphIds[cid * 2] = static_cast<HPDF_BYTE>(glyph >> 8);
        glyphIds[cid * 2 + 1] = static_cast<HPDF_BYTE>(glyph);
    }
    HPDF_Dict_Add(cidFont, "W", widths);
    replaceStreamData(cidToGid, glyphIds.data(), glyphIds.size());

    const std::string cmap = toUnicodeCMap(cids);
    replaceStreamData(toUnicode, cmap.data(), cmap.size());
    for (const char* key : {"Type", "CMapName", "CIDSystemInfo", "WMode"})
        HPDF_Dict_RemoveElement(toUnicode, key); // a missing key is no error here

    HPDF_Dict_Add(systemInfo, "Ordering", HPDF_String_New(mmgr, "Identity", nullptr));

    // Have libharu build the embedded font program now rather than while saving, so that
    // its glyph names can go: that halves a handout and saves compressing them. The second
    // call, from HPDF_SaveToStream, finds the descriptor made and only renews two names.
    if (!type0->before_write_fn || type0->before_write_fn(type0) != HPDF_OK)
        return;
    auto* descriptor = static_cast<HPDF_Dict>(item(cidFont, "FontDescriptor", HPDF_OCLASS_DICT));
    auto* program = static_cast<HPDF_Dict>(item(descriptor, "FontFile2", HPDF_OCLASS_DICT));
    if (!program || !program->stream || program->stream->type != HPDF_STREAM_MEMORY)
        return;
    std::string bytes;
    for (HPDF_UINT i = 0; i < HPDF_MemStream_GetBufCount(program->stream); ++i) {
        HPDF_UINT length = 0;
        const HPDF_BYTE* chunk = HPDF_MemStream_GetBufPtr(program->stream, i, &length);
        bytes.append(reinterpret_cast<const char*>(chunk), chunk ? length : 0);
    }
    const std::string smaller = withoutGlyphNames(bytes);
    replaceStreamData(program, smaller.data(), smaller.size());
    HPDF_Dict_AddNumber(program, "Length1", static_cast<HPDF_INT32>(smaller.size()));
}

} // namespace sp::handout
