#include "handout/PackImage.h"

#include "core/ExerciseJson.h"

#include <string>
#include <system_error>

#include <fcntl.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace sp::handout {

DecodedImage decodePackImage(const fs::path& packFolder, std::string_view relative, const ImageLimits& limits)
{
    const std::string name(relative);
    if (const std::string problem = packPathProblem(relative); !problem.empty())
        return {nullptr, name + " " + problem};
    const DecodedImage unavailable{nullptr, name + " is not an image file inside the pack folder"};
    std::error_code ec;
    const fs::path realFolder = fs::canonical(packFolder, ec);
    if (ec)
        return unavailable;
    const fs::path real = fs::weakly_canonical(packFolder / fs::path(name), ec);
    const fs::path inside = real.lexically_relative(realFolder);
    if (ec || inside.empty() || inside == "." || *inside.begin() == "..")
        return unavailable;
    // decodeImageDescriptor reads only what fstat calls a regular file.
    const int fd = ::open(real.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW | O_NOCTTY);
    if (fd < 0)
        return unavailable;
    DecodedImage decoded = decodeImageDescriptor(fd, name, limits);
    ::close(fd);
    return decoded;
}

} // namespace sp::handout
