#include "gui/ScreeningDialog.h"

#include "gui/WxText.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/intl.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace sp::gui {

ScreeningDialog::ScreeningDialog(wxWindow* parent, const Patient& patient, const std::vector<QualifiedRedFlag>& flags)
    : wxDialog(parent, wxID_ANY, wxString::Format(_("Red-flag screening: %s"), wxs(patient.name)), wxDefaultPosition,
               wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_flags(flags)
{
    auto* intro = new wxStaticText(this, wxID_ANY,
                                   _("Ask the patient about each warning sign. Tick those that are present; any "
                                     "ticked sign means referral before exercise is prescribed."));
    intro->Wrap(FromDIP(520));
    auto* scroll = new wxScrolledWindow(this, wxID_ANY);
    scroll->SetScrollRate(0, FromDIP(10));
    auto* list = new wxBoxSizer(wxVERTICAL);
    for (const QualifiedRedFlag& flag : flags) {
        // A checkbox's own label does not wrap; the sign's text beside it does, and
        // clicking it ticks the box as a label would.
        auto* box = new wxCheckBox(scroll, wxID_ANY, wxEmptyString);
        box->SetToolTip(wxs(flag.id));
        auto* text = new wxStaticText(scroll, wxID_ANY, wxs(flag.text));
        text->Wrap(FromDIP(480));
        text->Bind(wxEVT_LEFT_DOWN, [this, box](wxMouseEvent&) {
            box->SetValue(!box->GetValue());
            validateDate();
        });
        if (patient.screening)
            for (const RedFlagAnswer& a : patient.screening->answers)
                if (a.flag == flag.id)
                    box->SetValue(a.present);
        box->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { validateDate(); });
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        row->Add(box, 0, wxRIGHT, FromDIP(6));
        row->Add(text, 1);
        list->Add(row, 0, wxEXPAND | wxBOTTOM, FromDIP(8));
        m_boxes.push_back(box);
    }
    scroll->SetSizer(list);
    scroll->SetMinSize(FromDIP(wxSize(540, 320)));

    auto* dateRow = new wxBoxSizer(wxHORIZONTAL);
    dateRow->Add(new wxStaticText(this, wxID_ANY, _("&Date of screening")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT,
                 FromDIP(8));
    m_date = new wxTextCtrl(this, wxID_ANY, wxs(localToday().toString()));
    dateRow->Add(m_date, 0);
    m_dateMessage = new wxStaticText(this, wxID_ANY, wxEmptyString);
    m_dateMessage->SetForegroundColour(wxColour(176, 58, 46));
    dateRow->Add(m_dateMessage, 1, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(8));
    m_summary = new wxStaticText(this, wxID_ANY, wxEmptyString);
    m_summary->SetFont(m_summary->GetFont().Bold());
    m_date->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { validateDate(); });

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(intro, 0, wxALL, FromDIP(10));
    sizer->Add(scroll, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(10));
    sizer->Add(dateRow, 0, wxEXPAND | wxALL, FromDIP(10));
    sizer->Add(m_summary, 0, wxLEFT | wxRIGHT, FromDIP(10));
    sizer->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(10));
    SetSizerAndFit(sizer);
    if (auto* ok = FindWindow(wxID_OK))
        ok->SetLabel(_("&Record screening"));
    validateDate();
}

RedFlagScreening ScreeningDialog::screening() const
{
    RedFlagScreening s;
    s.date = Date::parse(u8(m_date->GetValue().Strip(wxString::both))).value_or(localToday());
    for (std::size_t i = 0; i < m_flags.size(); ++i)
        s.answers.push_back({m_flags[i].id, m_boxes[i]->GetValue()});
    return s;
}

void ScreeningDialog::setPresent(std::size_t flag, bool present)
{
    if (flag < m_boxes.size())
        m_boxes[flag]->SetValue(present);
    validateDate();
}

bool ScreeningDialog::validateDate()
{
    const auto date = Date::parse(u8(m_date->GetValue().Strip(wxString::both)));
    const bool ok = date && *date <= localToday();
    m_dateMessage->SetLabel(ok ? wxString() : _("a date no later than today, as YYYY-MM-DD"));
    int present = 0;
    for (wxCheckBox* box : m_boxes)
        present += box->GetValue() ? 1 : 0;
    m_summary->SetLabel(present == 0 ? _("No red flags present.")
                                     : wxString::Format(_("%d red flag(s) present: refer before exercise."), present));
    m_summary->SetForegroundColour(present == 0 ? wxColour(30, 120, 60) : wxColour(176, 58, 46));
    if (auto* okButton = FindWindow(wxID_OK))
        okButton->Enable(ok && !m_flags.empty());
    Layout();
    return ok;
}

} // namespace sp::gui
