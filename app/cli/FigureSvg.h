// An exercise figure as a standalone SVG document, every pose side by side with its
// label, so that pack authors can see their figures without the handout.
#pragma once

#include "core/Figure.h"

#include <string>

namespace sp::cli {

std::string figureSvg(const Figure& figure, const std::string& title);

} // namespace sp::cli
