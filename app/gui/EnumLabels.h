// The model's enumerations as a clinician reads them on screen, translatable. Files keep
// the spelling of Enums.h; only the screen uses these.
#pragma once

#include "core/Enums.h"
#include "core/Guidance.h"
#include "core/Patient.h"

#include <wx/string.h>

#include <string_view>

namespace sp::gui {

wxString typeLabel(ExerciseType type);
wxString directionLabel(Direction direction);
wxString positionLabel(Position position);
wxString sideLabel(Side side);
wxString preferenceLabel(DirectionalPreference preference);
wxString severityLabel(Severity severity);
// The dosage field of kDosageFields by its key ("hold_s" -> "Hold (s)").
wxString dosageFieldLabel(std::string_view key);

} // namespace sp::gui
