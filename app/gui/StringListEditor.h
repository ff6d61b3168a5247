// An editable list of short texts (an exercise's steps, cues, mistakes, precautions):
// add, edit in place, remove and reorder, with the list's rule as a hint below it.
#pragma once

#include <wx/panel.h>

#include <functional>
#include <string>
#include <vector>

class wxEditableListBox;

namespace sp::gui {

class StringListEditor : public wxPanel {
public:
    // `label` heads the list (with its mnemonic); `hint` says what belongs in it.
    StringListEditor(wxWindow* parent, const wxString& label, const wxString& hint);

    // The texts in order, each trimmed; empty ones are left out.
    std::vector<std::string> strings() const;
    void setStrings(const std::vector<std::string>& strings);

    // Called after every change the clinician makes.
    std::function<void()> onChange;

private:
    wxEditableListBox* m_list;
};

} // namespace sp::gui
