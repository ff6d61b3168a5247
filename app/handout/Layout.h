// A handout laid out once into pages of positioned boxes, in PDF points (1/72 inch) with
// the origin at the bottom left of the page and y pointing up. The PDF writer draws
// exactly these boxes, and the GUI preview and printing will show the same pages.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace sp::handout {

struct Color {
    double r = 0, g = 0, b = 0; // 0..1
    bool operator==(const Color&) const = default;
};

enum class FontFace { Regular = 1, Bold };

// One line of text; the layout has already broken paragraphs into lines.
struct TextRun {
    double x = 0, y = 0; // start of the baseline
    FontFace face = FontFace::Regular;
    double size = 10;    // points
    Color color;
    std::string text;    // UTF-8, no line breaks
};

struct Line {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    double width = 1;
    Color color;
    bool roundCaps = false;
};

struct Rect {
    double x = 0, y = 0, w = 0, h = 0; // lower-left corner, size
    std::optional<Color> fill;
    std::optional<Color> stroke;
    double strokeWidth = 0.5;
};

struct Circle {
    double cx = 0, cy = 0, r = 0;
    std::optional<Color> fill;
    std::optional<Color> stroke;
    double strokeWidth = 1;
};

struct Polygon {
    std::vector<std::pair<double, double>> points; // closed and filled
    Color fill;
};

// Decoded pixels, 8-bit RGB, rows top to bottom, no padding.
struct RgbImage {
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    std::vector<std::uint8_t> pixels; // width * height * 3
};

struct ImageBox {
    double x = 0, y = 0, w = 0, h = 0;
    std::shared_ptr<const RgbImage> image; // shared so that a logo on every page is embedded once
};

// A QR code: dark modules drawn as squares of `module` points, quiet zone included in x/y.
struct QrBox {
    double x = 0, y = 0;  // lower-left corner of the symbol (without the quiet zone)
    double module = 2;    // points per module
    int size = 0;         // modules per side
    std::vector<bool> dark; // size * size, rows top to bottom
};

using Box = std::variant<TextRun, Line, Rect, Circle, Polygon, ImageBox, QrBox>;

struct Page {
    std::vector<Box> boxes; // in painting order
};

struct PageSize {
    double width = 595.276;  // A4
    double height = 841.89;
};

struct DocumentInfo {
    std::string title;
    std::string author;       // the clinic
    std::string subject;
    std::string creationDate; // "YYYY-MM-DDTHH:MM:SSZ"; fixed by --deterministic
};

struct LaidOutDocument {
    PageSize size;
    DocumentInfo info;
    std::vector<Page> pages;
    std::vector<std::string> warnings; // e.g. characters the font cannot show, images replaced
};

} // namespace sp::handout
