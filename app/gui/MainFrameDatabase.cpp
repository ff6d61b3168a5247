// The main window and its clinic database: File > Open clinic database, and what happens
// when someone else saved the plan or the patient first. Nothing the clinician typed is
// lost on a conflict or a broken connection: the draft stays open, unsaved.
#include "db/ClinicStore.h"
#include "gui/DueFollowUpsPanel.h"
#include "gui/ErrorDialog.h"
#include "gui/FollowUpPanel.h"
#include "gui/HandoutPanel.h"
#include "gui/MainFrame.h"
#include "gui/MainFrameIds.h"
#include "gui/PatientHeader.h"
#include "gui/PatientListPanel.h"
#include "gui/PlanConflictDialog.h"
#include "gui/PlanPanel.h"
#include "gui/ToolsMenu.h"
#include "gui/WxText.h"
#include "keyring/Keyring.h"

#include <wx/infobar.h>
#include <wx/intl.h>
#include <wx/menu.h>
#include <wx/notebook.h>
#include <wx/stattext.h>

namespace sp::gui {

void MainFrame::onOpenDatabase()
{
    m_plan->commitText();
    if (!settleUnsaved())
        return;
    if (auto chosen = m_databasePrompts.choose(this, m_workspace.databaseLocation()))
        openDatabase(*chosen);
}

bool MainFrame::openDatabase(const DatabaseChoice& choice)
{
    m_plan->commitText();
    if (!settleUnsaved())
        return false;
    if (!openDatabaseInteractively(this, m_workspace, choice, true, false, m_databasePrompts))
        return false;
    showNewDatabase();
    SetStatusText(wxString::Format(_("Opened %s."), wxs(m_workspace.displayDatabase())));
    return true;
}

bool MainFrame::switchUser()
{
    if (!m_workspace.onServer()) {
        SetStatusText(_("A database file has no accounts: there is nobody to switch to."));
        return false;
    }
    m_plan->commitText();
    if (!settleUnsaved())
        return false;
    const auto next = m_databasePrompts.signIn(this, m_workspace.databaseLocation(),
                                               _("Sign in as the next person. The current person is signed out once "
                                                 "the next one is in."),
                                               true);
    return next && openDatabase(*next);
}

void MainFrame::applyRole()
{
    const auto who = m_workspace.store().signedIn();
    const bool reception = who && who->role == db::StaffRole::Reception;
    const bool admin = !who || who->role == db::StaffRole::Admin;
    wxMenuBar* bar = GetMenuBar();
    bar->Enable(kIdClinic, admin);
    // The clinic's exercises: on a server only admins change them, and reception has none.
    bar->Enable(kIdClinicExercises, m_workspace.mayEditClinicPack());
    bar->Enable(kIdExportPack, !reception);
    bar->Enable(kIdSwitchUser, m_workspace.onServer());
    // Reception: the patient list, contact details and the follow-ups due; nothing clinical.
    for (const wxString& title : {_("P&lan"), _("&Handout")})
        if (const int index = bar->FindMenu(title); index != wxNOT_FOUND)
            bar->EnableTop(static_cast<size_t>(index), !reception);
    for (const int id : {static_cast<int>(kIdScreening), static_cast<int>(kIdAddNote), static_cast<int>(kIdArchive),
                         static_cast<int>(wxID_SAVE)})
        bar->Enable(id, !reception);
    m_tabs->Show(!reception);
    m_roleNote->Show(reception);
    m_tabs->GetParent()->Layout();
}

void MainFrame::showNewDatabase()
{
    // Nothing of the old database stays on screen: no patient, no plan, no notes.
    m_editor.clear();
    m_patient.reset();
    m_patientId = 0;
    m_header->show(nullptr, m_workspace.thresholds());
    m_plan->setPlans({}, 0);
    m_followUps->showPatient(0);
    m_patients->reload();
    m_patients->showSelected(0);
    m_due->reload(localToday());
    m_handout->invalidate();
    saveState();
    applyRole();
    refreshStatus();
    m_banner->Dismiss();
    m_bannerText.clear();
    m_staleBanner->Dismiss();
    m_staleText.clear();
    checkDatabaseInBackground();
    watchChanges();
}

bool MainFrame::resolvePlanConflict(const wxString& message, const std::string& reason)
{
    const std::int64_t planId = m_editor.planId();
    PlanRevision base, theirs;
    if (!guarded(this, _("Cannot show what was saved meanwhile"), [&] {
            theirs = m_workspace.store().plans().revision(planId);
            base = m_workspace.store().plans().revision(planId, m_editor.baseRevision());
        }))
        return false;
    PlanConflictDialog dialog(this, message, base, theirs, m_editor.revision(reason));
    const int result = m_conflictRunner ? m_conflictRunner(dialog) : dialog.ShowModal();
    // They have seen the other revision: the draft now goes on top of it.
    m_editor.rebase(theirs.number);
    guarded(this, _("Cannot list the plans"),
            [&] { m_plan->setPlans(m_workspace.store().plans().listForPatient(m_patientId), planId); });
    return result == wxID_SAVE;
}

} // namespace sp::gui
