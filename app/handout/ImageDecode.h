// Safe decoding of the clinic's own photos and logos into raw RGB pixels for the PDF writer.
// libharu's own PNG loader calls abort() on a corrupt file, so every image goes through here
// first: a corrupt, truncated, oversized or mislabelled file becomes an error message the
// handout can show beside a placeholder, never a crash, a hang or a huge allocation.
#pragma once

#include "handout/Layout.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace sp::handout {

// Checked before any pixel memory is allocated, from the header alone.
struct ImageLimits {
    std::uint32_t maxWidth = 4096, maxHeight = 4096;
    std::uint64_t maxPixels = 16'000'000;
    std::uint64_t maxFileBytes = 16 * 1024 * 1024;
};

struct DecodedImage {
    std::shared_ptr<const RgbImage> image; // set on success
    std::string error;                     // set on failure, in words a clinic admin understands
};

// Sniffs PNG or JPEG from the first bytes (the file name may lie). Transparency is
// composited over white, because the handout is printed on white paper.
DecodedImage decodeImage(std::string_view bytes, const ImageLimits& limits = {});

// As decodeImage, for a file; errors name the file. Only a regular file is read: a FIFO
// or a device is an error, never a wait.
DecodedImage decodeImageFile(const std::filesystem::path& file, const ImageLimits& limits = {});

// As decodeImageFile, for a file already open (and left open); errors start with `name`.
DecodedImage decodeImageDescriptor(int fd, const std::string& name, const ImageLimits& limits = {});

} // namespace sp::handout
