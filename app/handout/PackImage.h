// A picture an exercise names, read from inside its pack's folder and from nowhere else.
// The name may come from a plan file or an old database row rather than from the pack,
// so it is held to the pack rules again here, where it is used: a relative path without
// "..", that stays inside the pack folder with every link followed, naming a regular file
// (opened without following a last link and without waiting, so a FIFO never blocks).
#pragma once

#include "handout/ImageDecode.h"

#include <filesystem>
#include <string_view>

namespace sp::handout {

// The decoded picture, or an error starting with `relative`. A path that cannot be used
// inside the pack gets one message whatever the reason (missing, a link leading out, not a
// regular file, unreadable), so the message never tells whether some file exists.
DecodedImage decodePackImage(const std::filesystem::path& packFolder, std::string_view relative,
                             const ImageLimits& limits = {});

} // namespace sp::handout
