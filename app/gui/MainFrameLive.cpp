// Live sharing: the main window follows what other workstations commit to the clinic
// server, as its change feed announces it. Whatever is on screen is read again; what the
// clinician is typing (the plan draft, an open dialog) is never touched.
#include "db/ClinicStore.h"
#include "gui/DueFollowUpsPanel.h"
#include "gui/ErrorDialog.h"
#include "gui/FollowUpPanel.h"
#include "gui/HandoutPanel.h"
#include "gui/MainFrame.h"
#include "gui/PatientHeader.h"
#include "gui/PatientListPanel.h"
#include "gui/PlanConflictDialog.h"
#include "gui/PlanPanel.h"
#include "gui/WxText.h"

#include <wx/datetime.h>
#include <wx/infobar.h>
#include <wx/intl.h>

#include <algorithm>

namespace sp::gui {
namespace {

constexpr int kPollMs = 250;

// "10:42" today, else "2026-12-04 10:42", in local time, from the store's UTC timestamp.
wxString localTime(const std::string& isoUtc)
{
    wxDateTime when;
    if (!when.ParseISOCombined(wxs(isoUtc.substr(0, 19)), 'T'))
        return wxs(isoUtc);
    when.MakeFromTimezone(wxDateTime::UTC);
    return when.IsSameDate(wxDateTime::Now()) ? when.Format("%H:%M") : when.Format("%Y-%m-%d %H:%M");
}

// A colleague as the clinic knows them: the staff account's full name on a server, else
// the name as recorded.
wxString personNamed(Workspace& workspace, const std::string& login)
{
    if (workspace.onServer()) {
        try {
            for (const db::StaffMember& member : workspace.store().staff().list())
                if (member.login == login && !member.fullName.empty())
                    return wxs(member.fullName);
        } catch (const db::DbError&) {
            // An account the server no longer lists: their login name.
        }
    }
    return wxs(login);
}

} // namespace

void MainFrame::watchChanges()
{
    m_feedTimer.Stop();
    m_feed.reset();
    try {
        m_feed = m_workspace.store().watchChanges();
    } catch (const std::exception& e) {
        SetStatusText(wxString::Format(_("Changes made at other workstations will not show until StretchPlan "
                                         "is started again: %s"),
                                       describeException(e)));
    }
    if (m_feed)
        m_feedTimer.Start(kPollMs);
}

void MainFrame::pollChanges()
{
    if (!m_feed)
        return;
    const std::vector<db::ChangeEvent> events = m_feed->poll();
    if (!events.empty())
        applyChanges(events);
}

void MainFrame::applyChanges(const std::vector<db::ChangeEvent>& events)
{
    const auto anyOf = [&](auto&& match) { return std::any_of(events.begin(), events.end(), match); };
    const bool all = anyOf([](const db::ChangeEvent& e) { return e.resync; });
    const bool current =
        m_patientId != 0 && (all || anyOf([this](const db::ChangeEvent& e) { return e.patientId == m_patientId; }));
    try {
        m_patients->reload();
        m_due->reload(localToday());
        if (current) {
            // The open patient: header, plans and notes again; the draft stays as it is.
            if (auto patient = m_workspace.store().patients().get(m_patientId); !(m_patient && *m_patient == patient)) {
                m_patient = std::move(patient);
                m_header->show(&*m_patient, m_workspace.thresholds());
            }
            m_plan->setPlans(m_workspace.store().plans().listForPatient(m_patientId), m_editor.planId());
            m_followUps->showPatient(m_patientId);
            checkStaleDraft();
            m_handout->invalidate();
        } else if (all || anyOf([](const db::ChangeEvent& e) { return e.entity == "clinic"; })) {
            m_handout->invalidate(); // the clinic's branding is on every handout
        }
        if (all || anyOf([](const db::ChangeEvent& e) { return e.entity == "clinic_pack"; }))
            followClinicPack();
    } catch (const db::DbError& e) {
        if (e.kind() == db::DbErrorKind::NotFound && current) {
            // Purged at another workstation: nothing of them stays on screen, except a
            // draft being typed, which the clinician leaves themselves.
            if (!m_editor.isDirty())
                m_editor.clear();
            m_patient.reset();
            m_patientId = 0;
            m_header->show(nullptr, m_workspace.thresholds());
            m_followUps->showPatient(0);
            SetStatusText(_("The patient shown was removed at another workstation."));
        } else {
            SetStatusText(wxString::Format(_("Could not show the latest changes: %s"), describeException(e)));
        }
    }
    refreshStatus();
}

void MainFrame::followClinicPack()
{
    // A new version of the clinic's exercises: this computer's copy follows and the catalog
    // is read again (a draft keeps its items, each with its own copy of the exercise).
    bool changed = false;
    try {
        changed = m_workspace.syncClinicPack();
    } catch (const db::DbError&) {
        throw;
    } catch (const std::exception& e) {
        SetStatusText(wxString::Format(_("Could not follow the clinic's exercises: %s"), describeException(e)));
        return;
    }
    if (changed)
        reloadCatalog();
}

void MainFrame::checkStaleDraft()
{
    wxString text;
    if (m_editor.isOpen() && !m_editor.isNew()) {
        const PlanRevision latest = m_workspace.store().plans().revision(m_editor.planId());
        if (latest.number > m_editor.baseRevision())
            text = wxString::Format(_("%s saved revision %d at %s while you were editing this plan. Your draft is "
                                      "based on revision %d."),
                                    personNamed(m_workspace, latest.author), latest.number,
                                    localTime(latest.createdAt), m_editor.baseRevision());
    }
    if (text == m_staleText)
        return;
    m_staleText = text;
    if (text.empty())
        m_staleBanner->Dismiss();
    else
        m_staleBanner->ShowMessage(text, wxICON_INFORMATION);
}

void MainFrame::reviewStaleDraft()
{
    if (m_staleText.empty() || !m_editor.isOpen() || m_editor.isNew())
        return;
    m_plan->commitText();
    if (resolvePlanConflict(m_staleText, {}))
        onSave();
    checkStaleDraft();
}

} // namespace sp::gui
