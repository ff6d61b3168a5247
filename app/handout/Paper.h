// Paper sizes and units: handouts are laid out in PDF points.
#pragma once

#include "core/Enums.h"
#include "handout/Layout.h"

namespace sp::handout {

enum class Paper { A4 = 1, Letter };

inline constexpr double kPointsPerMm = 72.0 / 25.4;

inline constexpr double mm(double millimetres)
{
    return millimetres * kPointsPerMm;
}

PageSize pageSize(Paper paper);

} // namespace sp::handout

namespace sp {
template <> struct EnumNames<handout::Paper> {
    static constexpr std::array<std::pair<handout::Paper, std::string_view>, 2> values{{
        {handout::Paper::A4, "a4"},
        {handout::Paper::Letter, "letter"},
    }};
};
} // namespace sp
