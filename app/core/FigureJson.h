// Figures in pack files: strict parsing with pointer-named problems, and writing back.
#pragma once

#include "core/Figure.h"
#include "core/JsonText.h"
#include "core/Problem.h"

#include <optional>
#include <string>

namespace sp {

std::optional<Figure> parseFigure(const Json& value, const std::string& pointer, ProblemSink& sink);
Json toJson(const Figure& figure);

} // namespace sp
