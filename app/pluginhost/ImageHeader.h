// The pixel size of a PNG or JPEG image, read from its header alone (the PNG IHDR chunk,
// the JPEG SOF segment): a pack check must refuse a photo too large to print without
// decoding, or even allocating, its pixels.
#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <string>

namespace sp {

struct ImageSize {
    std::uint32_t width = 0;
    std::uint32_t height = 0;
};

// Each reads from the start of the file. The size, or nullopt with `error` set ("its
// header is cut short", ...).
std::optional<ImageSize> readPngSize(std::istream& in, std::string& error);
std::optional<ImageSize> readJpegSize(std::istream& in, std::string& error);

} // namespace sp
