#include "gui/StringListEditor.h"

#include "gui/WxText.h"

#include <wx/bmpbuttn.h>
#include <wx/editlbox.h>
#include <wx/listctrl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace sp::gui {

StringListEditor::StringListEditor(wxWindow* parent, const wxString& label, const wxString& hint)
    : wxPanel(parent, wxID_ANY)
{
    m_list = new wxEditableListBox(this, wxID_ANY, label, wxDefaultPosition, wxDefaultSize,
                                   wxEL_ALLOW_NEW | wxEL_ALLOW_EDIT | wxEL_ALLOW_DELETE);
    m_list->SetMinSize(FromDIP(wxSize(260, 130)));
    auto* hintText = new wxStaticText(this, wxID_ANY, hint);
    hintText->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_list, 1, wxEXPAND);
    sizer->Add(hintText, 0, wxTOP, FromDIP(2));
    SetSizer(sizer);

    const auto changed = [this](wxEvent& e) {
        e.Skip();
        // After the list control has taken the change.
        CallAfter([this] {
            if (onChange)
                onChange();
        });
    };
    wxListCtrl* list = m_list->GetListCtrl();
    list->Bind(wxEVT_LIST_END_LABEL_EDIT, changed);
    list->Bind(wxEVT_LIST_DELETE_ITEM, changed);
    for (wxWindow* button : {static_cast<wxWindow*>(m_list->GetUpButton()), static_cast<wxWindow*>(m_list->GetDownButton())})
        if (button)
            button->Bind(wxEVT_BUTTON, changed);
}

std::vector<std::string> StringListEditor::strings() const
{
    wxArrayString texts;
    m_list->GetStrings(texts);
    std::vector<std::string> out;
    for (wxString text : texts) {
        text.Trim().Trim(false);
        if (!text.empty())
            out.push_back(u8(text));
    }
    return out;
}

void StringListEditor::setStrings(const std::vector<std::string>& strings)
{
    wxArrayString texts;
    for (const std::string& s : strings)
        texts.Add(wxs(s));
    m_list->SetStrings(texts);
}

} // namespace sp::gui
