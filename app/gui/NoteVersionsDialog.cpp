#include "gui/NoteVersionsDialog.h"

#include "gui/FollowUpPanel.h"
#include "gui/WxText.h"

#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>

namespace sp::gui {
namespace {

wxString fieldLabel(const std::string& field)
{
    static const std::pair<const char*, const char*> labels[] = {
        {"revision", "plan followed"}, {"visit_date", "visit date"},   {"pain", "pain now"},
        {"pain_worst", "worst pain"},  {"pain_best", "best pain"},     {"adherence", "adherence"},
        {"psfs", "PSFS"},              {"subjective", "subjective"},   {"objective", "objective"},
        {"assessment", "assessment"},  {"plan_text", "plan"},          {"next_due", "next follow-up"}};
    for (const auto& [key, label] : labels)
        if (field == key)
            return wxGetTranslation(label);
    return wxs(field);
}

// "2026-11-24T09:29:25.594Z" as "2026-11-24 09:29 UTC".
wxString shortTime(const std::string& timestamp)
{
    wxString text = wxs(timestamp.substr(0, 16));
    text.Replace("T", " ");
    return timestamp.size() >= 16 ? text + " UTC" : text;
}

} // namespace

wxString noteText(const FollowUpNote& n)
{
    wxString text = wxString::Format(_("Visit: %s"), wxs(n.visitDate.toString())) + "\n";
    text += wxString::Format(_("Pain now: %d"), n.painNow);
    if (n.painWorst)
        text += wxString::Format(_(", worst %d"), *n.painWorst);
    if (n.painBest)
        text += wxString::Format(_(", best %d"), *n.painBest);
    text += "\n";
    const wxString adherence = adherenceText(n);
    text += _("Adherence: ") + (adherence.empty() ? _("not recorded") : adherence) + "\n";
    for (const PsfsScore& s : n.psfs)
        text += wxString::Format(_("PSFS: %s %d/10"), wxs(s.activity), s.score) + "\n";
    const std::pair<wxString, const std::string*> soap[] = {{_("Subjective"), &n.subjective},
                                                            {_("Objective"), &n.objective},
                                                            {_("Assessment"), &n.assessment},
                                                            {_("Plan"), &n.planText}};
    for (const auto& [label, value] : soap)
        if (!value->empty())
            text += label + ": " + wxs(*value) + "\n";
    text += _("Next follow-up: ") + (n.nextDue ? wxs(n.nextDue->toString()) : _("none")) + "\n";
    return text;
}

NoteVersionsDialog::NoteVersionsDialog(wxWindow* parent, const wxString& patientName,
                                       std::vector<db::NoteVersion> versions)
    : wxDialog(parent, wxID_ANY, wxString::Format(_("Versions of a follow-up note: %s"), patientName),
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_versions(std::move(versions))
{
    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(620, 130)), wxLC_REPORT | wxLC_SINGLE_SEL);
    m_list->AppendColumn(_("Version"), wxLIST_FORMAT_RIGHT, FromDIP(64));
    m_list->AppendColumn(_("Written"), wxLIST_FORMAT_LEFT, FromDIP(150));
    m_list->AppendColumn(_("By"), wxLIST_FORMAT_LEFT, FromDIP(110));
    m_list->AppendColumn(_("Why"), wxLIST_FORMAT_LEFT, FromDIP(290));
    for (const db::NoteVersion& v : m_versions) {
        const long row = m_list->InsertItem(m_list->GetItemCount(), wxString::Format("%d", v.version));
        m_list->SetItem(row, 1, shortTime(v.writtenAt));
        m_list->SetItem(row, 2, wxs(v.writtenBy));
        m_list->SetItem(row, 3, v.version == 1 ? _("as first written") : wxs(v.reason));
    }
    m_text = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, FromDIP(wxSize(620, 300)),
                            wxTE_MULTILINE | wxTE_READONLY);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_list, 0, wxEXPAND | wxALL, FromDIP(10));
    sizer->Add(m_text, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(10));
    sizer->Add(CreateSeparatedButtonSizer(wxCLOSE), 0, wxEXPAND | wxALL, FromDIP(10));
    SetSizerAndFit(sizer);
    SetEscapeId(wxID_CLOSE);
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
        if (e.GetIndex() >= 0)
            showVersion(static_cast<std::size_t>(e.GetIndex()));
    });
    if (!m_versions.empty())
        m_list->SetItemState(static_cast<long>(m_versions.size() - 1), wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    if (!m_versions.empty())
        showVersion(m_versions.size() - 1);
}

void NoteVersionsDialog::showVersion(std::size_t index)
{
    if (index >= m_versions.size())
        return;
    const db::NoteVersion& v = m_versions[index];
    wxString text = wxString::Format(_("Version %d, written %s by %s"), v.version, shortTime(v.writtenAt), wxs(v.writtenBy)) +
                    "\n";
    if (index > 0) {
        wxString changed;
        for (const std::string& field : changedFields(m_versions[index - 1].note, v.note))
            changed += (changed.empty() ? "" : ", ") + fieldLabel(field);
        text += wxString::Format(_("Why: %s"), wxs(v.reason)) + "\n";
        text += wxString::Format(_("Changed from version %d: %s"), m_versions[index - 1].version, changed) + "\n";
    }
    text += "\n" + noteText(v.note);
    m_text->ChangeValue(text);
}

wxString NoteVersionsDialog::shownText() const
{
    return m_text->GetValue();
}

} // namespace sp::gui
