// QR codes for the handout (a link to the exercise video), via libqrencode.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sp::handout {

struct QrMatrix {
    int size = 0;           // modules per side, 21 + 4 * (version - 1); no quiet zone
    std::vector<bool> dark; // size * size, rows top to bottom
};

// Longer text makes modules too small to scan from a printed page; a link should be short.
inline constexpr std::size_t kMaxQrTextBytes = 1000;

// Error correction level M (survives a crease or a pen mark), smallest version that fits.
// Returns nothing, and says why in `error` if given, for empty or over-long text.
std::optional<QrMatrix> encodeQr(std::string_view utf8, std::string* error = nullptr);

} // namespace sp::handout
