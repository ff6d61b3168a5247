// The dosage of the selected plan item: a spin control per number of the model's dosage
// (its range from kDosageFields), the side, and the clinician's note for this patient.
#pragma once

#include "core/Plan.h"

#include <wx/panel.h>

#include <array>
#include <functional>
#include <string>

class wxChoice;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace sp::gui {

class DosageEditor : public wxPanel {
public:
    explicit DosageEditor(wxWindow* parent);

    // Shows the item (nullptr: nothing selected, everything disabled). Controls whose value
    // already matches are left alone, so typing is never interrupted.
    void show(const PlanItem* item);

    // Sets the field as if the clinician had spun it (tests, keyboard shortcuts).
    void setField(std::string_view key, int value);
    int field(std::string_view key) const;

    std::function<void(const Dosage&)> onDosage;
    std::function<void(const std::string&)> onNote;

private:
    Dosage current() const;
    void dosageChanged();

    wxStaticText* m_title;
    std::array<wxSpinCtrl*, 7> m_spins{};
    wxChoice* m_side;
    wxTextCtrl* m_note;
    wxStaticText* m_plain;
    bool m_updating = false;
};

} // namespace sp::gui
