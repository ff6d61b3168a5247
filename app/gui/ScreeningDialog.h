// The red-flag screening checklist: every red flag the loaded packs list, each a
// checkbox, and the date of the screening. The result is stored as one dated screening.
#pragma once

#include "core/Catalog.h"
#include "core/Patient.h"

#include <wx/dialog.h>

#include <vector>

class wxCheckBox;
class wxStaticText;
class wxTextCtrl;

namespace sp::gui {

class ScreeningDialog : public wxDialog {
public:
    ScreeningDialog(wxWindow* parent, const Patient& patient, const std::vector<QualifiedRedFlag>& flags);

    // Every flag asked about, present or not, on the date given.
    RedFlagScreening screening() const;
    void setPresent(std::size_t flag, bool present);

private:
    bool validateDate();

    std::vector<QualifiedRedFlag> m_flags;
    std::vector<wxCheckBox*> m_boxes;
    wxTextCtrl* m_date;
    wxStaticText* m_dateMessage;
    wxStaticText* m_summary;
};

} // namespace sp::gui
