#include "gui/HistoryDialog.h"

#include "core/PlanDiff.h"
#include "gui/ErrorDialog.h"
#include "gui/WxText.h"

#include <wx/html/htmlwin.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/splitter.h>

namespace sp::gui {
wxString revisionDiffHtml(const PlanRevision* from, const PlanRevision& to)
{
    wxString html = "<html><body>";
    if (to.number == 0) // a draft, not stored yet
        html += "<h3>" + _("Your draft (not saved)") + "</h3><p><i>" + htmlEscaped(to.reason) + "</i></p>";
    else
        html += "<h3>" + wxString::Format(_("Revision %d"), to.number) + "</h3><p>" +
                wxString::Format(_("%s by %s"), htmlEscaped(to.createdAt), htmlEscaped(to.author)) + "<br><i>" +
                htmlEscaped(to.reason) + "</i></p>";
    if (!from) {
        html += "<p><b>" + _("First revision:") + "</b></p><ol>";
        for (const PlanItem& item : to.items)
            html += "<li>" + htmlEscaped(item.snapshot.name) + ": " + htmlEscaped(describe(item.dosage)) + "</li>";
        return html + "</ol></body></html>";
    }
    const PlanDiff d = diff(*from, to);
    if (d.empty())
        html += "<p>" + wxString::Format(_("No change from revision %d."), from->number) + "</p>";
    if (!d.added.empty()) {
        html += "<p><b><font color=\"#1E783C\">" + _("Added") + "</font></b></p><ul>";
        for (const PlanItem* item : d.added)
            html += "<li>" + htmlEscaped(item->snapshot.name) + ": " + htmlEscaped(describe(item->dosage)) + "</li>";
        html += "</ul>";
    }
    if (!d.removed.empty()) {
        html += "<p><b><font color=\"#B03A2E\">" + _("Removed") + "</font></b></p><ul>";
        for (const PlanItem* item : d.removed)
            html += "<li>" + htmlEscaped(item->snapshot.name) + "</li>";
        html += "</ul>";
    }
    if (!d.changed.empty()) {
        html += "<p><b>" + _("Changed") + "</b></p><ul>";
        for (const ItemChange& c : d.changed) {
            html += "<li>" + htmlEscaped(c.name) + ": ";
            for (std::size_t i = 0; i < c.changes.size(); ++i)
                html += (i ? "; " : "") + htmlEscaped(c.changes[i].field) + " " + htmlEscaped(c.changes[i].from) + " → " +
                        htmlEscaped(c.changes[i].to);
            html += "</li>";
        }
        html += "</ul>";
    }
    if (d.goalsChanged)
        html += "<p>" + _("The goals changed.") + "</p>";
    if (d.orderChanged)
        html += "<p>" + _("The exercises are in a new order.") + "</p>";
    return html + "</body></html>";
}

HistoryDialog::HistoryDialog(wxWindow* parent, db::ClinicStore& store, const Plan& plan)
    : wxDialog(parent, wxID_ANY, wxString::Format(_("History of %s"), wxs(plan.title)), wxDefaultPosition,
               wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_store(store), m_plan(plan)
{
    auto* split = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(760, 440)), wxSP_LIVE_UPDATE);
    m_list = new wxListCtrl(split, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    m_list->AppendColumn(_("Revision"), wxLIST_FORMAT_RIGHT, FromDIP(70));
    m_list->AppendColumn(_("Date"), wxLIST_FORMAT_LEFT, FromDIP(150));
    m_list->AppendColumn(_("Reason"), wxLIST_FORMAT_LEFT, FromDIP(200));
    m_diff = new wxHtmlWindow(split, wxID_ANY);
    split->SplitVertically(m_list, m_diff, FromDIP(320));
    split->SetMinimumPaneSize(FromDIP(120));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(split, 1, wxEXPAND | wxALL, FromDIP(10));
    sizer->Add(CreateSeparatedButtonSizer(wxCLOSE), 0, wxEXPAND | wxALL, FromDIP(10));
    SetSizerAndFit(sizer);
    SetEscapeId(wxID_CLOSE);
    SetAffirmativeId(wxID_CLOSE);

    guarded(parent, _("Cannot read the plan's history"), [&] { m_history = store.plans().history(plan.id); });
    for (auto it = m_history.rbegin(); it != m_history.rend(); ++it) {
        const long row = m_list->InsertItem(m_list->GetItemCount(), wxString::Format("%d", it->number));
        m_list->SetItem(row, 1, wxs(it->createdAt));
        m_list->SetItem(row, 2, wxs(it->reason));
    }
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
        const std::size_t row = static_cast<std::size_t>(e.GetIndex());
        if (row < m_history.size())
            showRevision(m_history[m_history.size() - 1 - row].number);
    });
    if (!m_history.empty())
        m_list->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
}

void HistoryDialog::showRevision(int number)
{
    guarded(this, _("Cannot compare the revisions"), [&] {
        const PlanRevision to = m_store.plans().revision(m_plan.id, number);
        if (number <= 1) {
            m_diff->SetPage(revisionDiffHtml(nullptr, to));
            return;
        }
        const PlanRevision from = m_store.plans().revision(m_plan.id, number - 1);
        m_diff->SetPage(revisionDiffHtml(&from, to));
    });
}

wxString HistoryDialog::diffText() const
{
    return m_diff->ToText();
}

} // namespace sp::gui
