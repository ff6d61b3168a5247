// Asking the person at the terminal for a secret (a password), without echo.
#pragma once

#include <optional>
#include <string>

namespace sp::cli {

// Writes `prompt` to the terminal (/dev/tty) and reads one line typed there with echo
// off; nullopt when the process has no terminal to ask on.
std::optional<std::string> readHiddenLine(const std::string& prompt);

} // namespace sp::cli
