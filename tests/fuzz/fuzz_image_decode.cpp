// Fuzzes the handout's image decoder with what a photo or logo file holds byte for byte:
// PNG and JPEG (the format is sniffed from the content), through the same limits the
// handout uses. A decoded image must be exactly as large as its header said.
#include "handout/ImageDecode.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    // Small limits as well as the defaults: the size checks come before any allocation.
    sp::handout::ImageLimits tight;
    tight.maxWidth = tight.maxHeight = 64;
    tight.maxPixels = 2048;
    for (const sp::handout::ImageLimits& limits : {sp::handout::ImageLimits{}, tight}) {
        const sp::handout::DecodedImage decoded = sp::handout::decodeImage(bytes, limits);
        if (decoded.image) {
            const auto& img = *decoded.image;
            if (img.width == 0 || img.height == 0 || img.width > limits.maxWidth || img.height > limits.maxHeight ||
                img.pixels.size() != static_cast<std::size_t>(img.width) * img.height * 3)
                __builtin_trap();
        } else if (decoded.error.empty()) {
            __builtin_trap();
        }
    }
    return 0;
}
