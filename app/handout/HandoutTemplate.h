// A handout template: the look of a handout as data (templates/handouts/*.json): columns,
// figure placement, margins, type sizes for normal and large print, colours and the order
// of the sections. Parsed as strictly as packs.
#pragma once

#include "core/Enums.h"
#include "core/JsonText.h"
#include "core/Problem.h"
#include "handout/Layout.h"

#include <optional>
#include <string>
#include <vector>

namespace sp::handout {

enum class Section { Header = 1, Patient, Exercises, Guidance, RedFlags, FollowUp };
enum class FigurePlacement { Beside = 1, Above };

struct TypeSizes {
    double title = 20;
    double heading = 13;
    double body = 10.5;
    double small = 8.5;
};

struct HandoutTemplate {
    std::string id;
    std::string name;
    std::string description;
    int columns = 1;
    FigurePlacement figure = FigurePlacement::Beside;
    double figureWidthMm = 55;
    double qrSizeMm = 22;
    double marginTopMm = 16, marginBottomMm = 16, marginLeftMm = 18, marginRightMm = 18;
    double lineSpacing = 1.3; // line height as a multiple of the type size
    TypeSizes normal;
    TypeSizes largePrint;   // body at least 16 pt
    Color text, muted, rule, panel;
    std::vector<Section> sections;
};

// Large print needs body text of at least this size (checked when a template loads).
inline constexpr double kLargePrintMinBody = 16;

std::optional<HandoutTemplate> parseHandoutTemplate(const Json& document, ProblemSink& sink);

// "#1F2D3D" → colour; nullopt when not exactly #RRGGBB.
std::optional<Color> parseHexColor(std::string_view text);

} // namespace sp::handout

namespace sp {
template <> struct EnumNames<handout::Section> {
    static constexpr std::array<std::pair<handout::Section, std::string_view>, 6> values{{
        {handout::Section::Header, "header"},
        {handout::Section::Patient, "patient"},
        {handout::Section::Exercises, "exercises"},
        {handout::Section::Guidance, "guidance"},
        {handout::Section::RedFlags, "red_flags"},
        {handout::Section::FollowUp, "follow_up"},
    }};
};
template <> struct EnumNames<handout::FigurePlacement> {
    static constexpr std::array<std::pair<handout::FigurePlacement, std::string_view>, 2> values{{
        {handout::FigurePlacement::Beside, "beside"},
        {handout::FigurePlacement::Above, "above"},
    }};
};
} // namespace sp
