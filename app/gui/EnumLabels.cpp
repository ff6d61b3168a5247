#include "gui/EnumLabels.h"

#include <wx/intl.h>

namespace sp::gui {

wxString typeLabel(ExerciseType type)
{
    switch (type) {
    case ExerciseType::Release: return _("Release");
    case ExerciseType::ActiveStretch: return _("Active stretch");
    case ExerciseType::Mobility: return _("Mobility");
    case ExerciseType::Activation: return _("Activation");
    case ExerciseType::Strength: return _("Strength");
    case ExerciseType::Stability: return _("Stability");
    }
    return wxString();
}

wxString directionLabel(Direction direction)
{
    switch (direction) {
    case Direction::Flexion: return _("Flexion");
    case Direction::Extension: return _("Extension");
    case Direction::Rotation: return _("Rotation");
    case Direction::LateralFlexion: return _("Side bending");
    case Direction::Neutral: return _("Neutral");
    }
    return wxString();
}

wxString positionLabel(Position position)
{
    switch (position) {
    case Position::Supine: return _("Lying on the back");
    case Position::Prone: return _("Lying face down");
    case Position::SideLying: return _("Lying on the side");
    case Position::Quadruped: return _("Hands and knees");
    case Position::HalfKneeling: return _("Half kneeling");
    case Position::Sitting: return _("Sitting");
    case Position::Standing: return _("Standing");
    }
    return wxString();
}

wxString sideLabel(Side side)
{
    switch (side) {
    case Side::Left: return _("Left");
    case Side::Right: return _("Right");
    case Side::Both: return _("Both at once");
    case Side::Each: return _("Each side");
    }
    return wxString();
}

wxString preferenceLabel(DirectionalPreference preference)
{
    switch (preference) {
    case DirectionalPreference::ExtensionRelieves: return _("Extension relieves");
    case DirectionalPreference::FlexionRelieves: return _("Flexion relieves");
    case DirectionalPreference::None: return _("No directional preference");
    case DirectionalPreference::Unknown: return _("Not assessed");
    }
    return wxString();
}

wxString severityLabel(Severity severity)
{
    switch (severity) {
    case Severity::Blocker: return _("Blocker");
    case Severity::Warning: return _("Warning");
    case Severity::Info: return _("Note");
    }
    return wxString();
}

wxString dosageFieldLabel(std::string_view key)
{
    if (key == "sets") return _("&Sets");
    if (key == "reps") return _("&Reps");
    if (key == "hold_s") return _("&Hold (s)");
    if (key == "rest_s") return _("R&est (s)");
    if (key == "per_day") return _("Times a &day");
    if (key == "days_per_week") return _("Days a &week");
    if (key == "tempo_s") return _("&Tempo (s)");
    return wxString::FromUTF8(key.data(), key.size());
}

} // namespace sp::gui
