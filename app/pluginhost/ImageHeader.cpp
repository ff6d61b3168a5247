#include "pluginhost/ImageHeader.h"

#include <array>

namespace sp {
namespace {

std::uint32_t bigEndian(const unsigned char* bytes, int count)
{
    std::uint32_t value = 0;
    for (int i = 0; i < count; ++i)
        value = (value << 8) | bytes[i];
    return value;
}

bool readBytes(std::istream& in, unsigned char* into, std::size_t count)
{
    in.read(reinterpret_cast<char*>(into), static_cast<std::streamsize>(count));
    return static_cast<std::size_t>(in.gcount()) == count;
}

// A start-of-frame marker: C0–CF except DHT (C4), JPG (C8) and DAC (CC).
bool isStartOfFrame(unsigned char marker)
{
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

} // namespace

std::optional<ImageSize> readPngSize(std::istream& in, std::string& error)
{
    // Signature (8), then the first chunk, which must be IHDR: length (4), type (4),
    // width (4), height (4).
    std::array<unsigned char, 24> head{};
    if (!readBytes(in, head.data(), head.size())) {
        error = "its header is cut short";
        return std::nullopt;
    }
    if (bigEndian(&head[8], 4) != 13 || std::string(reinterpret_cast<const char*>(&head[12]), 4) != "IHDR") {
        error = "it does not start with an IHDR header";
        return std::nullopt;
    }
    return ImageSize{bigEndian(&head[16], 4), bigEndian(&head[20], 4)};
}

std::optional<ImageSize> readJpegSize(std::istream& in, std::string& error)
{
    std::array<unsigned char, 2> soi{};
    if (!readBytes(in, soi.data(), soi.size()) || soi[0] != 0xFF || soi[1] != 0xD8) {
        error = "it does not start with a JPEG marker";
        return std::nullopt;
    }
    // Segments up to the frame header; the file size (at most 16 MiB) bounds the walk.
    for (;;) {
        unsigned char byte = 0;
        if (!readBytes(in, &byte, 1) || byte != 0xFF)
            break;
        unsigned char marker = 0xFF;
        while (marker == 0xFF)
            if (!readBytes(in, &marker, 1))
                break;
        if (marker == 0xFF)
            break;
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7))
            continue; // no length
        if (marker == 0xD9 || marker == 0xDA)
            break;    // the image ends, or its data starts, before any frame header
        std::array<unsigned char, 2> length{};
        if (!readBytes(in, length.data(), length.size()) || bigEndian(length.data(), 2) < 2)
            break;
        const std::uint32_t bodyBytes = bigEndian(length.data(), 2) - 2;
        if (isStartOfFrame(marker)) {
            std::array<unsigned char, 5> frame{}; // precision, height, width
            if (bodyBytes < frame.size() || !readBytes(in, frame.data(), frame.size()))
                break;
            return ImageSize{bigEndian(&frame[3], 2), bigEndian(&frame[1], 2)};
        }
        in.seekg(bodyBytes, std::ios::cur);
        if (!in)
            break;
    }
    error = "no frame header (SOF) was found";
    return std::nullopt;
}

} // namespace sp
