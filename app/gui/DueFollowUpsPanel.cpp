#include "gui/DueFollowUpsPanel.h"

#include "gui/ErrorDialog.h"
#include "gui/WxText.h"

#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

namespace sp::gui {
namespace {

const wxColour kOverdue(176, 58, 46);

wxString weekdayAndDate(const Date& d)
{
    const wxDateTime when(static_cast<wxDateTime::wxDateTime_t>(d.day), static_cast<wxDateTime::Month>(d.month - 1), d.year);
    return wxString::Format("%s %d %s", wxDateTime::GetWeekDayName(when.GetWeekDay(), wxDateTime::Name_Abbr), d.day,
                            wxDateTime::GetMonthName(static_cast<wxDateTime::Month>(d.month - 1), wxDateTime::Name_Abbr));
}

} // namespace

DueSummary summarizeDue(const std::vector<db::FollowUpDue>& due, const Date& today)
{
    DueSummary s;
    const Date weekEnd = today.plusDays(kDueWeekDays - 1);
    for (const db::FollowUpDue& d : due) {
        if (d.due < today)
            s.overdue.push_back(d);
        else if (d.due == today)
            s.today.push_back(d);
        else if (d.due <= weekEnd)
            s.thisWeek.push_back(d);
    }
    return s;
}

wxString dueSummaryText(const DueSummary& s)
{
    if (s.total() == 0)
        return _("No follow-ups due this week");
    wxArrayString parts;
    if (!s.overdue.empty())
        parts.Add(wxString::Format(_("%zu overdue"), s.overdue.size()));
    if (!s.today.empty())
        parts.Add(wxString::Format(_("%zu today"), s.today.size()));
    if (!s.thisWeek.empty())
        parts.Add(wxString::Format(parts.empty() ? _("%zu this week") : _("%zu later this week"), s.thisWeek.size()));
    wxString text;
    for (const wxString& part : parts)
        text += (text.empty() ? "" : ", ") + part;
    return text;
}

DueFollowUpsPanel::DueFollowUpsPanel(wxWindow* parent, Workspace& workspace)
    : wxPanel(parent, wxID_ANY), m_workspace(workspace)
{
    SetName("DueFollowUps");
    m_title = new wxStaticText(this, wxID_ANY, _("Follow-ups due"));
    m_title->SetFont(m_title->GetFont().Bold());
    m_title->SetToolTip(_("Overdue, due today and due in the next six days, for every patient not archived"));
    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                            wxLC_REPORT | wxLC_SINGLE_SEL | wxLC_NO_HEADER);
    m_list->AppendColumn(_("Patient"), wxLIST_FORMAT_LEFT, FromDIP(118));
    m_list->AppendColumn(_("Due"), wxLIST_FORMAT_LEFT, FromDIP(104));
    m_list->SetToolTip(_("Click a patient, or press Enter, to open their follow-ups"));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_title, 0, wxALL, FromDIP(6));
    sizer->Add(m_list, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(4));
    SetSizer(sizer);

    // The patient's name takes what the date or "n days overdue" leaves.
    m_list->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        fitColumns();
        e.Skip();
    });
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
        if (!m_quiet && e.GetIndex() >= 0)
            onActivated(static_cast<std::size_t>(e.GetIndex()));
    });
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) {
        if (e.GetIndex() >= 0)
            onActivated(static_cast<std::size_t>(e.GetIndex()));
    });
}

void DueFollowUpsPanel::reload(const Date& today)
{
    std::vector<db::FollowUpDue> due;
    guarded(this, _("Cannot list the follow-ups due"),
            [&] { due = m_workspace.store().notes().due(today.plusDays(kDueWeekDays - 1)); });
    m_summary = summarizeDue(due, today);
    m_title->SetLabel(m_summary.total() == 0 ? _("No follow-ups due this week")
                                             : wxString::Format(_("Follow-ups due (%zu)"), m_summary.total()));
    m_quiet = true;
    m_list->Freeze();
    m_list->DeleteAllItems();
    m_rows.clear();
    if (!m_summary.overdue.empty()) {
        addHeading(wxString::Format(_("Overdue (%zu)"), m_summary.overdue.size()));
        for (const db::FollowUpDue& d : m_summary.overdue) {
            const long days = today.toDays() - d.due.toDays();
            addRow(d, wxString::Format(wxPLURAL("%ld day overdue", "%ld days overdue", days), days), kOverdue);
        }
    }
    if (!m_summary.today.empty()) {
        addHeading(wxString::Format(_("Today (%zu)"), m_summary.today.size()));
        for (const db::FollowUpDue& d : m_summary.today)
            addRow(d, _("due today"), wxSystemSettings::GetColour(wxSYS_COLOUR_LISTBOXTEXT));
    }
    if (!m_summary.thisWeek.empty()) {
        addHeading(wxString::Format(_("This week (%zu)"), m_summary.thisWeek.size()));
        for (const db::FollowUpDue& d : m_summary.thisWeek)
            addRow(d, weekdayAndDate(d.due), wxSystemSettings::GetColour(wxSYS_COLOUR_LISTBOXTEXT));
    }
    m_list->Thaw();
    m_quiet = false;
    fitColumns();
    Layout();
}

void DueFollowUpsPanel::fitColumns()
{
    int due = FromDIP(60);
    for (long row = 0; row < m_list->GetItemCount(); ++row)
        if (m_rows[static_cast<std::size_t>(row)] != 0)
            due = std::max(due, m_list->GetTextExtent(m_list->GetItemText(row, 1)).x + FromDIP(14));
    const int width = m_list->GetClientSize().x;
    m_list->SetColumnWidth(1, due);
    m_list->SetColumnWidth(0, std::max(FromDIP(80), width - due - FromDIP(2)));
}

void DueFollowUpsPanel::addHeading(const wxString& text)
{
    const long row = m_list->InsertItem(m_list->GetItemCount(), text);
    wxFont bold = m_list->GetFont().Bold();
    m_list->SetItemFont(row, bold);
    m_list->SetItemTextColour(row, wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    m_rows.push_back(0);
}

void DueFollowUpsPanel::addRow(const db::FollowUpDue& due, const wxString& when, const wxColour& colour)
{
    const long row = m_list->InsertItem(m_list->GetItemCount(), wxs(due.patientName));
    m_list->SetItem(row, 1, when);
    m_list->SetItemTextColour(row, colour);
    m_rows.push_back(due.patientId);
}

wxString DueFollowUpsPanel::rowText(std::size_t row, int column) const
{
    return row < m_rows.size() ? m_list->GetItemText(static_cast<long>(row), column) : wxString();
}

void DueFollowUpsPanel::onActivated(std::size_t row)
{
    if (row >= m_rows.size() || m_rows[row] == 0)
        return; // a heading
    if (onOpen)
        onOpen(m_rows[row]);
}

} // namespace sp::gui
