// Measuring text with the real metrics of the embedded fonts, so that the layout's line
// breaks are the ones the PDF shows. The layout depends on this interface only; the
// libharu-backed implementation lives with the PDF writer.
#pragma once

#include "handout/Layout.h"

#include <string>
#include <string_view>
#include <vector>

namespace sp::handout {

class TextMeasurer {
public:
    virtual ~TextMeasurer() = default;
    // Advance width in points of UTF-8 text (no line breaks) at `size` points.
    virtual double width(FontFace face, double size, std::string_view utf8) const = 0;
    // Distance from the baseline up to the tallest glyph / down to the lowest, in points
    // at `size` (descent is positive).
    virtual double ascent(FontFace face, double size) const = 0;
    virtual double descent(FontFace face, double size) const = 0;
    // The code points of `utf8` the font has no glyph for (each once, in order of appearance).
    virtual std::vector<char32_t> missingGlyphs(FontFace face, std::string_view utf8) const = 0;
};

} // namespace sp::handout
