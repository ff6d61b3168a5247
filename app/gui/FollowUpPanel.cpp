#include "gui/FollowUpPanel.h"

#include "gui/AdherenceChart.h"
#include "gui/ErrorDialog.h"
#include "gui/PainChart.h"
#include "gui/WxText.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <cmath>

namespace sp::gui {
namespace {

enum Column { kVisit, kPainNow, kWorst, kBest, kAdherence, kPsfs, kNextDue, kAuthor };

wxString optionalNumber(const std::optional<int>& value)
{
    return value ? wxString::Format("%d", *value) : wxString("–");
}

} // namespace

wxString psfsSummary(const std::vector<PsfsScore>& scores)
{
    wxString text;
    for (const PsfsScore& s : scores)
        text += (text.empty() ? "" : ", ") + wxs(s.activity) + wxString::Format(" %d", s.score);
    return text;
}

wxString adherenceText(const FollowUpNote& n)
{
    if (!n.sessionsDone || !n.sessionsPrescribed || *n.sessionsPrescribed <= 0)
        return wxString();
    const long percent = std::lround(100.0 * *n.sessionsDone / *n.sessionsPrescribed);
    return wxString::Format("%d/%d (%ld%%)", *n.sessionsDone, *n.sessionsPrescribed, percent);
}

FollowUpPanel::FollowUpPanel(wxWindow* parent, Workspace& workspace)
    : wxPanel(parent, wxID_ANY), m_workspace(workspace)
{
    SetName("FollowUps");
    m_summary = new wxStaticText(this, wxID_ANY, wxEmptyString);
    m_add = new wxButton(this, wxID_ANY, _("A&dd note…"));
    m_edit = new wxButton(this, wxID_ANY, _("Edi&t note…"));
    m_edit->SetToolTip(_("Amend the selected note; the version it replaces is kept"));
    m_versions = new wxButton(this, wxID_ANY, _("&Versions…"));
    m_versions->SetToolTip(_("Every version of the selected note, and why it was amended"));
    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    m_list->AppendColumn(_("Visit"), wxLIST_FORMAT_LEFT, FromDIP(92));
    m_list->AppendColumn(_("Pain now"), wxLIST_FORMAT_RIGHT, FromDIP(70));
    m_list->AppendColumn(_("Worst"), wxLIST_FORMAT_RIGHT, FromDIP(54));
    m_list->AppendColumn(_("Best"), wxLIST_FORMAT_RIGHT, FromDIP(50));
    m_list->AppendColumn(_("Adherence"), wxLIST_FORMAT_LEFT, FromDIP(104));
    m_list->AppendColumn(_("PSFS"), wxLIST_FORMAT_LEFT, FromDIP(340));
    m_list->AppendColumn(_("Next due"), wxLIST_FORMAT_LEFT, FromDIP(92));
    m_list->AppendColumn(_("Author"), wxLIST_FORMAT_LEFT, FromDIP(140));
    m_list->SetMinSize(FromDIP(wxSize(300, 110)));
    m_pain = new PainChart(this);
    m_adherence = new AdherenceChart(this);

    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(m_summary, 1, wxALIGN_CENTER_VERTICAL);
    top->Add(m_add, 0, wxRIGHT, FromDIP(4));
    top->Add(m_edit, 0, wxRIGHT, FromDIP(4));
    top->Add(m_versions, 0);
    auto* charts = new wxBoxSizer(wxHORIZONTAL);
    charts->Add(m_pain, 3, wxEXPAND | wxRIGHT, FromDIP(6));
    charts->Add(m_adherence, 2, wxEXPAND);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(top, 0, wxEXPAND | wxALL, FromDIP(6));
    sizer->Add(m_list, 2, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(6));
    sizer->Add(charts, 3, wxEXPAND | wxALL, FromDIP(6));
    SetSizer(sizer);

    m_add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { addNote(); });
    m_edit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { editSelected(); });
    m_versions->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { showVersionsOfSelected(); });
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { editSelected(); });
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { updateButtons(); });
    m_list->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { updateButtons(); });
    fill();
}

void FollowUpPanel::showPatient(std::int64_t patientId)
{
    const std::optional<std::int64_t> keep = patientId == m_patientId ? selectedNoteId() : std::nullopt;
    m_patientId = patientId;
    m_notes.clear();
    m_series = ProgressSeries{};
    if (patientId != 0) {
        guarded(this, _("Cannot read the follow-up notes"), [&] {
            auto& store = m_workspace.store();
            m_notes = store.notes().listForPatient(patientId);
            std::vector<PlanHistory> histories;
            for (const Plan& plan : store.plans().listForPatient(patientId))
                histories.push_back({plan, store.plans().history(plan.id)});
            m_series = progressSeries(m_notes, histories);
        });
    }
    fill();
    // The newest note selected unless another was: Edit note… is one click away.
    if (keep)
        selectNote(*keep);
    else if (!m_notes.empty())
        selectNote(m_notes.front().id);
}

void FollowUpPanel::fill()
{
    m_list->Freeze();
    m_list->DeleteAllItems();
    for (const FollowUpNote& n : m_notes) {
        const long row = m_list->InsertItem(m_list->GetItemCount(), wxs(n.visitDate.toString()));
        m_list->SetItem(row, kPainNow, wxString::Format("%d", n.painNow));
        m_list->SetItem(row, kWorst, optionalNumber(n.painWorst));
        m_list->SetItem(row, kBest, optionalNumber(n.painBest));
        m_list->SetItem(row, kAdherence, adherenceText(n));
        m_list->SetItem(row, kPsfs, psfsSummary(n.psfs));
        m_list->SetItem(row, kNextDue, n.nextDue ? wxs(n.nextDue->toString()) : wxString());
        m_list->SetItem(row, kAuthor, n.version > 1 ? wxString::Format(_("%s (amended)"), wxs(n.author)) : wxs(n.author));
    }
    m_list->Thaw();
    if (m_patientId == 0)
        m_summary->SetLabel(_("Select a patient to see their follow-up notes."));
    else if (m_notes.empty())
        m_summary->SetLabel(_("No follow-up notes yet: add one after the patient's visit."));
    else
        m_summary->SetLabel(wxString::Format(wxPLURAL("%zu note, newest first", "%zu notes, newest first", m_notes.size()),
                                             m_notes.size()));
    m_pain->setSeries(m_series);
    m_adherence->setSeries(m_series, m_workspace.thresholds().lowAdherencePercent);
    updateButtons();
    Layout();
}

std::optional<std::int64_t> FollowUpPanel::selectedNoteId() const
{
    const long row = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (row < 0 || static_cast<std::size_t>(row) >= m_notes.size())
        return std::nullopt;
    return m_notes[static_cast<std::size_t>(row)].id;
}

void FollowUpPanel::selectNote(std::int64_t noteId)
{
    for (std::size_t i = 0; i < m_notes.size(); ++i)
        if (m_notes[i].id == noteId) {
            m_list->SetItemState(static_cast<long>(i), wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                 wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
            m_list->EnsureVisible(static_cast<long>(i));
        }
    updateButtons();
}

wxString FollowUpPanel::cellText(std::size_t row, int column) const
{
    return row < m_notes.size() ? m_list->GetItemText(static_cast<long>(row), column) : wxString();
}

void FollowUpPanel::addNote()
{
    if (m_patientId != 0 && onAdd)
        onAdd();
}

void FollowUpPanel::editSelected()
{
    if (const auto id = selectedNoteId(); id && onEdit)
        onEdit(*id);
}

void FollowUpPanel::showVersionsOfSelected()
{
    if (const auto id = selectedNoteId(); id && canShowVersions() && onVersions)
        onVersions(*id);
}

bool FollowUpPanel::canShowVersions() const
{
    const auto id = selectedNoteId();
    for (const FollowUpNote& n : m_notes)
        if (id && n.id == *id)
            return n.version > 1;
    return false;
}

void FollowUpPanel::updateButtons()
{
    m_add->Enable(m_patientId != 0);
    m_edit->Enable(selectedNoteId().has_value());
    m_versions->Enable(canShowVersions());
}

} // namespace sp::gui
