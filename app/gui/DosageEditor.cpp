#include "gui/DosageEditor.h"

#include "gui/EnumLabels.h"
#include "gui/WxText.h"

#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/settings.h>
#include <wx/textctrl.h>

#include <algorithm>

namespace sp::gui {

DosageEditor::DosageEditor(wxWindow* parent) : wxPanel(parent, wxID_ANY)
{
    // A long exercise name is cut with "…" rather than widening the window: the pane's
    // width decides, never the name's (a too-wide label once grew the window each launch).
    m_title = new wxStaticText(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                               wxST_ELLIPSIZE_END | wxST_NO_AUTORESIZE);
    m_title->SetFont(m_title->GetFont().Bold());
    m_title->SetMinSize(wxSize(FromDIP(60), -1));
    auto* grid = new wxFlexGridSizer(2, FromDIP(4), FromDIP(8));
    for (std::size_t i = 0; i < kDosageFields.size(); ++i) {
        const DosageField& f = kDosageFields[i];
        grid->Add(new wxStaticText(this, wxID_ANY, dosageFieldLabel(f.key)), 0, wxALIGN_CENTER_VERTICAL);
        m_spins[i] = new wxSpinCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                                    wxSP_ARROW_KEYS | wxALIGN_RIGHT, f.min, f.max, f.min);
        m_spins[i]->SetToolTip(wxString::Format(_("From %d to %d"), f.min, f.max));
        grid->Add(m_spins[i], 0, wxEXPAND);
        m_spins[i]->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) { dosageChanged(); });
    }
    grid->Add(new wxStaticText(this, wxID_ANY, _("S&ide")), 0, wxALIGN_CENTER_VERTICAL);
    m_side = new wxChoice(this, wxID_ANY);
    for (const auto& [side, name] : EnumNames<Side>::values)
        m_side->Append(sideLabel(side));
    grid->Add(m_side, 0, wxEXPAND);
    grid->AddGrowableCol(1, 1);
    m_side->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { dosageChanged(); });

    m_note = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxTE_MULTILINE);
    m_note->SetToolTip(_("A note for this patient, printed under the exercise"));
    m_note->SetMinSize(wxSize(-1, FromDIP(44)));
    m_note->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        if (!m_updating && onNote)
            onNote(u8(m_note->GetValue()));
    });
    m_plain = new wxStaticText(this, wxID_ANY, wxEmptyString);
    m_plain->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_title, 0, wxEXPAND | wxBOTTOM, FromDIP(4));
    sizer->Add(grid, 0, wxEXPAND | wxBOTTOM, FromDIP(4));
    sizer->Add(new wxStaticText(this, wxID_ANY, _("N&ote")), 0);
    sizer->Add(m_note, 1, wxEXPAND | wxBOTTOM, FromDIP(4));
    sizer->Add(m_plain, 0, wxEXPAND);
    SetSizer(sizer);
    show(nullptr);
}

void DosageEditor::show(const PlanItem* item)
{
    m_updating = true;
    Enable(item != nullptr);
    if (!item) {
        m_title->SetLabel(_("Dosage"));
        m_plain->SetLabel(_("Select an exercise in the plan to change its dosage."));
        m_plain->Wrap(std::max(FromDIP(120), GetClientSize().x));
        if (!m_note->IsEmpty())
            m_note->ChangeValue(wxEmptyString);
        m_updating = false;
        return;
    }
    m_title->SetLabel(wxString::Format(_("Dosage of %s"), wxs(item->snapshot.name)));
    m_title->SetToolTip(wxs(item->snapshot.name));
    for (std::size_t i = 0; i < kDosageFields.size(); ++i) {
        const int value = item->dosage.*kDosageFields[i].member;
        if (m_spins[i]->GetValue() != value)
            m_spins[i]->SetValue(value);
    }
    const int side = static_cast<int>(item->dosage.side) - 1;
    if (m_side->GetSelection() != side)
        m_side->SetSelection(side);
    if (u8(m_note->GetValue()) != item->note)
        m_note->ChangeValue(wxs(item->note));
    m_plain->SetLabel(wxs(describe(item->dosage)));
    m_plain->Wrap(std::max(FromDIP(120), GetClientSize().x));
    m_plain->SetMinSize(wxSize(FromDIP(60), -1));
    m_updating = false;
    Layout();
}

void DosageEditor::setField(std::string_view key, int value)
{
    for (std::size_t i = 0; i < kDosageFields.size(); ++i)
        if (kDosageFields[i].key == key)
            m_spins[i]->SetValue(value);
    dosageChanged();
}

int DosageEditor::field(std::string_view key) const
{
    for (std::size_t i = 0; i < kDosageFields.size(); ++i)
        if (kDosageFields[i].key == key)
            return m_spins[i]->GetValue();
    return 0;
}

Dosage DosageEditor::current() const
{
    Dosage d;
    for (std::size_t i = 0; i < kDosageFields.size(); ++i)
        d.*kDosageFields[i].member = m_spins[i]->GetValue();
    d.side = EnumNames<Side>::values[static_cast<std::size_t>(std::max(0, m_side->GetSelection()))].first;
    return d;
}

void DosageEditor::dosageChanged()
{
    if (!m_updating && onDosage)
        onDosage(current());
}

} // namespace sp::gui
