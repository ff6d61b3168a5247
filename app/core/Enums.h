// Enumerations of the exercise model and their one spelling in files and on screen.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace sp {

// Values start at 1 so that a zero-initialised enum is never a valid value by accident.
enum class ExerciseType { Release = 1, ActiveStretch, Mobility, Activation, Strength, Stability };
enum class Direction { Flexion = 1, Extension, Rotation, LateralFlexion, Neutral };
enum class Position { Supine = 1, Prone, SideLying, Quadruped, HalfKneeling, Sitting, Standing };
enum class Side { Left = 1, Right, Both, Each };

template <class E> struct EnumNames;

template <> struct EnumNames<ExerciseType> {
    static constexpr std::array<std::pair<ExerciseType, std::string_view>, 6> values{{
        {ExerciseType::Release, "release"},
        {ExerciseType::ActiveStretch, "active-stretch"},
        {ExerciseType::Mobility, "mobility"},
        {ExerciseType::Activation, "activation"},
        {ExerciseType::Strength, "strength"},
        {ExerciseType::Stability, "stability"},
    }};
};

template <> struct EnumNames<Direction> {
    static constexpr std::array<std::pair<Direction, std::string_view>, 5> values{{
        {Direction::Flexion, "flexion"},
        {Direction::Extension, "extension"},
        {Direction::Rotation, "rotation"},
        {Direction::LateralFlexion, "lateral-flexion"},
        {Direction::Neutral, "neutral"},
    }};
};

template <> struct EnumNames<Position> {
    static constexpr std::array<std::pair<Position, std::string_view>, 7> values{{
        {Position::Supine, "supine"},
        {Position::Prone, "prone"},
        {Position::SideLying, "side-lying"},
        {Position::Quadruped, "quadruped"},
        {Position::HalfKneeling, "half-kneeling"},
        {Position::Sitting, "sitting"},
        {Position::Standing, "standing"},
    }};
};

template <> struct EnumNames<Side> {
    static constexpr std::array<std::pair<Side, std::string_view>, 4> values{{
        {Side::Left, "left"},
        {Side::Right, "right"},
        {Side::Both, "both"},
        {Side::Each, "each"},
    }};
};

template <class E> constexpr std::string_view toString(E value)
{
    for (const auto& [e, name] : EnumNames<E>::values)
        if (e == value)
            return name;
    return "invalid";
}

template <class E> constexpr std::optional<E> parseEnum(std::string_view text)
{
    for (const auto& [e, name] : EnumNames<E>::values)
        if (name == text)
            return e;
    return std::nullopt;
}

// "a, b, c": the accepted spellings, for error messages and help texts.
template <class E> std::string enumChoices()
{
    std::string out;
    for (const auto& [e, name] : EnumNames<E>::values) {
        if (!out.empty())
            out += ", ";
        out += name;
    }
    return out;
}

} // namespace sp
