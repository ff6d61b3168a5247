#include "gui/PatientListPanel.h"

#include "gui/ErrorDialog.h"
#include "gui/WxText.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>

namespace sp::gui {

PatientListPanel::PatientListPanel(wxWindow* parent, Workspace& workspace)
    : wxPanel(parent, wxID_ANY), m_workspace(workspace)
{
    m_search = new wxSearchCtrl(this, wxID_ANY);
    m_search->SetDescriptiveText(_("Find a patient"));
    m_search->ShowCancelButton(true);
    m_dueOnly = new wxCheckBox(this, wxID_ANY, _("Follow-ups d&ue or overdue"));
    m_showArchived = new wxCheckBox(this, wxID_ANY, _("Show arc&hived"));
    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    m_list->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, FromDIP(118));
    m_list->AppendColumn(_("Age"), wxLIST_FORMAT_RIGHT, FromDIP(36));
    m_list->AppendColumn(_("Follow-up"), wxLIST_FORMAT_LEFT, FromDIP(84));
    auto* add = new wxButton(this, wxID_NEW, _("&New patient…"));
    m_archive = new wxButton(this, wxID_ANY, _("Archi&ve"));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(add, 1, wxRIGHT, FromDIP(4));
    buttons->Add(m_archive, 1);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_search, 0, wxEXPAND | wxALL, FromDIP(4));
    sizer->Add(m_dueOnly, 0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(4));
    sizer->Add(m_showArchived, 0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(4));
    sizer->Add(m_list, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(4));
    sizer->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(4));
    SetSizer(sizer);

    m_search->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { fill(); });
    m_search->Bind(wxEVT_SEARCHCTRL_CANCEL_BTN, [this](wxCommandEvent&) { m_search->Clear(); });
    m_dueOnly->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { fill(); });
    m_showArchived->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { fill(); });
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, &PatientListPanel::onItemSelected, this);
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (onNewPatient)
            onNewPatient();
    });
    m_archive->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const std::int64_t id = selectedId();
        for (const Patient& p : m_patients)
            if (p.id == id && onArchive)
                onArchive(id, !p.archived);
    });
    updateButtons();
}

void PatientListPanel::reload(std::int64_t selectId)
{
    const std::int64_t keep = selectId ? selectId : selectedId();
    const Date today = localToday();
    guarded(this, _("Cannot list the patients"), [&] {
        m_due.clear();
        m_dueCount = 0;
        // Upcoming follow-ups too, for the column; the filter and the count take those due by today.
        for (const db::FollowUpDue& d : m_workspace.store().notes().due(today.plusDays(3650))) {
            m_due[d.patientId] = d.due;
            if (d.due <= today)
                ++m_dueCount;
        }
    });
    fill();
    showSelected(keep);
}

void PatientListPanel::fill()
{
    const std::int64_t keep = selectedId();
    const Date today = localToday();
    guarded(this, _("Cannot search the patients"), [&] {
        m_patients = m_workspace.store().patients().search({u8(m_search->GetValue()), m_showArchived->GetValue(), 500});
    });
    m_quiet = true;
    m_list->Freeze();
    m_list->DeleteAllItems();
    m_ids.clear();
    for (const Patient& p : m_patients) {
        const auto due = m_due.find(p.id);
        const bool isDue = due != m_due.end() && due->second <= today;
        if (m_dueOnly->GetValue() && !isDue)
            continue;
        const long row = m_list->InsertItem(m_list->GetItemCount(), wxs(p.name) + (p.archived ? _(" (archived)") : wxString()));
        m_list->SetItem(row, 1, p.dateOfBirth ? wxString::Format("%d", yearsBetween(*p.dateOfBirth, today)) : wxString());
        if (due != m_due.end()) {
            // The date alone fits the column; red says it is due or overdue.
            m_list->SetItem(row, 2, due->second == today ? _("today") : wxs(due->second.toString()));
            if (isDue)
                m_list->SetItemTextColour(row, wxColour(176, 58, 46));
        }
        if (p.archived)
            m_list->SetItemTextColour(row, wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        m_ids.push_back(p.id);
    }
    m_list->Thaw();
    m_quiet = false;
    showSelected(keep);
}

std::int64_t PatientListPanel::selectedId() const
{
    const long row = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    return row >= 0 && static_cast<std::size_t>(row) < m_ids.size() ? m_ids[static_cast<std::size_t>(row)] : 0;
}

void PatientListPanel::showSelected(std::int64_t id)
{
    m_quiet = true;
    for (std::size_t i = 0; i < m_ids.size(); ++i) {
        const long row = static_cast<long>(i);
        const bool on = m_ids[i] == id;
        m_list->SetItemState(row, on ? wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED : 0,
                             wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        if (on)
            m_list->EnsureVisible(row);
    }
    m_quiet = false;
    updateButtons();
}

void PatientListPanel::setSearch(const wxString& text)
{
    m_search->SetValue(text); // sends wxEVT_TEXT, as typing does
}

void PatientListPanel::setDueOnly(bool dueOnly)
{
    m_dueOnly->SetValue(dueOnly);
    fill();
}

void PatientListPanel::focusSearch()
{
    m_search->SetFocus();
    m_search->SelectAll();
}

void PatientListPanel::updateButtons()
{
    const std::int64_t id = selectedId();
    m_archive->Enable(id != 0);
    for (const Patient& p : m_patients)
        if (p.id == id)
            m_archive->SetLabel(p.archived ? _("Unarchi&ve") : _("Archi&ve"));
}

void PatientListPanel::onItemSelected(wxListEvent& event)
{
    updateButtons();
    if (m_quiet)
        return;
    const long row = event.GetIndex();
    if (row < 0 || static_cast<std::size_t>(row) >= m_ids.size())
        return;
    if (onSelect)
        onSelect(m_ids[static_cast<std::size_t>(row)]);
}

} // namespace sp::gui
