// SHA-256 as lower-case hex, of bytes or of a file's content.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace sp {

std::string sha256Hex(std::string_view bytes);

// Throws std::runtime_error naming the file when it cannot be read.
std::string sha256FileHex(const std::filesystem::path& file);

} // namespace sp
