// Breaking text into lines that fit a width, measured with the real font metrics.
#pragma once

#include "handout/TextMeasurer.h"

#include <string>
#include <string_view>
#include <vector>

namespace sp::handout {

// Greedy word wrap. Newlines start a new line; a word wider than the line (a long URL)
// is broken between characters rather than left to overflow.
std::vector<std::string> wrapText(const TextMeasurer& measurer, FontFace face, double size, std::string_view text,
                                  double width);

} // namespace sp::handout
