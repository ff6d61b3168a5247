// The main window's actions: what the menus, buttons and tests ask for. Each catches its
// failures here, at the UI edge, and shows them as a dialog.
#include "db/ClinicStore.h"
#include "gui/AppSettings.h"
#include "gui/CatalogPanel.h"
#include "gui/ClinicDialog.h"
#include "gui/DosageEditor.h"
#include "gui/DueFollowUpsPanel.h"
#include "gui/ErrorDialog.h"
#include "gui/FollowUpPanel.h"
#include "gui/GuidancePanel.h"
#include "gui/HandoutPanel.h"
#include "gui/HistoryDialog.h"
#include "gui/MainFrame.h"
#include "gui/PatientDialog.h"
#include "gui/PatientHeader.h"
#include "gui/PatientListPanel.h"
#include "gui/PlanPanel.h"
#include "gui/PreferencesDialog.h"
#include "gui/ScreeningDialog.h"
#include "gui/WxText.h"

#include <wx/aboutdlg.h>
#include <wx/choicdlg.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/textdlg.h>

#include <algorithm>

namespace sp::gui {

std::int64_t MainFrame::addPatient(const Patient& patient)
{
    std::int64_t id = 0;
    if (!guarded(this, _("Cannot add the patient"), [&] { id = m_workspace.store().patients().add(patient); }))
        return 0;
    m_patients->reload();
    if (!selectPatient(id))
        return id;
    m_patients->showSelected(id);
    return id;
}

bool MainFrame::updatePatient(const Patient& patient)
{
    // What this window read is the base: fields someone else changed meanwhile are kept,
    // and a change to the same field is refused with who made it.
    try {
        const Patient read =
            m_patient && m_patient->id == patient.id ? *m_patient : m_workspace.store().patients().get(patient.id);
        m_workspace.store().patients().update(read, patient);
    } catch (const db::DbError& e) {
        if (e.kind() == db::DbErrorKind::Conflict) {
            // Show what they saved; the clinician's own values come back in the dialog,
            // and saving them again is a deliberate change on top of the other one.
            guarded(this, _("Cannot read the patient's details"), [&] {
                m_patient = m_workspace.store().patients().get(patient.id);
                m_header->show(&*m_patient, m_workspace.thresholds());
            });
            showError(this, _("The patient's details were changed by someone else"),
                      wxs(e.what()) + "\n\n" +
                          _("Your changes are kept in the dialog: look at the details above, then save them "
                            "again if they are still right."));
        } else {
            showError(this, _("Cannot save the patient's details"), describeException(e));
        }
        return false;
    } catch (const std::exception& e) {
        showError(this, _("Cannot save the patient's details"), describeException(e));
        return false;
    }
    if (!guarded(this, _("Cannot read the patient's details"),
                 [&] { m_patient = m_workspace.store().patients().get(patient.id); }))
        return true;
    m_header->show(&*m_patient, m_workspace.thresholds());
    m_patients->reload(patient.id);
    refreshGuidance();
    refreshStatus();
    m_handout->invalidate(); // the handout shows the patient's name
    return true;
}

bool MainFrame::selectPatient(std::int64_t id)
{
    if (id == m_patientId)
        return true;
    m_plan->commitText();
    if (!settleUnsaved()) {
        m_patients->showSelected(m_patientId);
        return false;
    }
    std::optional<Patient> patient;
    if (id != 0 && !guarded(this, _("Cannot open the patient"), [&] { patient = m_workspace.store().patients().get(id); })) {
        m_patients->showSelected(m_patientId);
        return false;
    }
    m_patient = patient;
    m_patientId = patient ? id : 0;
    m_header->show(m_patient ? &*m_patient : nullptr, m_workspace.thresholds());
    m_patients->showSelected(m_patientId);
    if (m_patient) {
        loadPatientPlans(std::nullopt);
    } else {
        m_editor.clear();
        m_plan->setPlans({}, 0);
    }
    m_followUps->showPatient(m_patientId);
    saveState();
    refreshStatus();
    return true;
}

std::int64_t MainFrame::chooseInitialPlan(std::int64_t patientId) const
{
    // The newest active plan: the one the patient is following now.
    std::int64_t best = 0;
    for (const Plan& p : m_workspace.store().plans().listForPatient(patientId))
        if (p.status == PlanStatus::Active && p.id > best)
            best = p.id;
    return best;
}

void MainFrame::loadPatientPlans(std::optional<std::int64_t> planId)
{
    guarded(this, _("Cannot open the patient's plan"), [&] {
        const std::int64_t id = planId.value_or(chooseInitialPlan(m_patientId));
        if (id != 0)
            m_editor.load(m_workspace.store().plans().get(id), m_workspace.store().plans().revision(id));
        else
            m_editor.startNew(PlanDraft{u8(_("Home exercises")), {}, {}});
        m_plan->setPlans(m_workspace.store().plans().listForPatient(m_patientId), m_editor.planId());
        // The first exercise selected, so that its dosage is on screen at once.
        if (!m_editor.draft().items.empty())
            m_plan->selectIndex(0);
    });
}

bool MainFrame::recordScreening(const RedFlagScreening& screening)
{
    if (!m_patient)
        return false;
    if (!guarded(this, _("Cannot record the screening"),
                 [&] { m_workspace.store().patients().recordScreening(m_patientId, screening); }))
        return false;
    m_patient = m_workspace.store().patients().get(m_patientId);
    m_header->show(&*m_patient, m_workspace.thresholds());
    refreshGuidance();
    return true;
}

void MainFrame::setArchived(std::int64_t id, bool archived)
{
    if (!guarded(this, archived ? _("Cannot archive the patient") : _("Cannot unarchive the patient"),
                 [&] { m_workspace.store().patients().setArchived(id, archived); }))
        return;
    if (id == m_patientId) {
        m_patient = m_workspace.store().patients().get(id);
        m_header->show(&*m_patient, m_workspace.thresholds());
    }
    m_patients->reload(id);
    m_due->reload(localToday());
    refreshStatus();
    SetStatusText(archived ? _("Archived: the records are kept and come back with Unarchive.") : _("Unarchived."));
}

bool MainFrame::addExercise(const std::string& exerciseId, std::size_t at)
{
    if (!m_patient || !m_editor.isOpen()) {
        SetStatusText(_("Select a patient first."));
        return false;
    }
    const Catalog::Lookup found = m_workspace.catalog().lookup(exerciseId);
    if (!found.exercise) {
        showError(this, _("Cannot add the exercise"), wxs(found.error));
        return false;
    }
    const std::string id = found.exercise->qualifiedId();
    const auto& items = m_editor.draft().items;
    if (const auto it = std::find_if(items.begin(), items.end(), [&](const PlanItem& i) { return i.exerciseId == id; });
        it != items.end()) {
        m_plan->selectIndex(static_cast<std::size_t>(it - items.begin()));
        SetStatusText(wxString::Format(_("%s is already in the plan."), wxs(found.exercise->name)));
        return false;
    }
    if (!m_editor.addItem(*found.exercise, at)) {
        SetStatusText(wxString::Format(_("A plan holds at most %zu exercises."), kMaxPlanItems));
        return false;
    }
    const auto& now = m_editor.draft().items;
    for (std::size_t i = 0; i < now.size(); ++i)
        if (now[i].exerciseId == id)
            m_plan->selectIndex(i);
    SetStatusText(wxString::Format(_("Added %s."), wxs(found.exercise->name)));
    return true;
}

bool MainFrame::addSuggestedExercise()
{
    const std::string id = m_guidance->firstSuggestion();
    if (id.empty()) {
        SetStatusText(_("The guidance has no exercise to suggest."));
        return false;
    }
    return addExercise(id);
}

bool MainFrame::openPlan(std::int64_t planId)
{
    m_plan->commitText();
    if (!settleUnsaved())
        return false;
    loadPatientPlans(planId);
    return m_editor.planId() == planId;
}

bool MainFrame::newPlanFromTemplate(const std::string& templateId, const std::string& title)
{
    if (!m_patient)
        return false;
    m_plan->commitText();
    if (!settleUnsaved())
        return false;
    return guarded(this, _("Cannot start the plan"), [&] {
        PlanDraft draft = templateId.empty() ? PlanDraft{title, {}, {}} : m_workspace.draftFromTemplate(templateId, title);
        m_editor.startNew(std::move(draft));
        m_plan->setPlans(m_workspace.store().plans().listForPatient(m_patientId), 0);
    });
}

int MainFrame::saveRevision(const std::string& reason)
{
    m_plan->commitText();
    if (!m_patient || !m_editor.isOpen())
        return 0;
    int number = 0;
    for (;;) {
        try {
            number = m_workspace.save(m_editor, m_patientId, reason);
            break;
        } catch (const db::DbError& e) {
            // Someone saved the plan meanwhile: nothing was written, the draft stays.
            if (e.kind() != db::DbErrorKind::Conflict) {
                showError(this, _("Cannot save the plan"), describeException(e));
                return 0;
            }
            if (!resolvePlanConflict(wxs(e.what()), reason))
                return 0;
        } catch (const std::exception& e) {
            showError(this, _("Cannot save the plan"), describeException(e));
            return 0;
        }
    }
    guarded(this, _("Cannot list the plans"),
            [&] { m_plan->setPlans(m_workspace.store().plans().listForPatient(m_patientId), m_editor.planId()); });
    SetStatusText(wxString::Format(_("Saved revision %d of %s."), number, wxs(m_editor.draft().title)));
    return number;
}

void MainFrame::undo()
{
    m_plan->commitText();
    m_editor.undo();
}

void MainFrame::redo()
{
    m_editor.redo();
}

bool MainFrame::settleUnsaved()
{
    if (!m_editor.isDirty())
        return true;
    UnsavedChoice choice = UnsavedChoice::Cancel;
    if (m_unsavedPrompt) {
        choice = m_unsavedPrompt();
    } else {
        wxMessageDialog ask(this,
                            wxString::Format(_("Save the changes to the plan \"%s\" as a new revision?"),
                                             wxs(m_editor.draft().title)),
                            _("Unsaved plan changes"), wxYES_NO | wxCANCEL | wxICON_QUESTION);
        ask.SetYesNoCancelLabels(_("&Save…"), _("&Discard changes"), _("&Cancel"));
        const int answer = ask.ShowModal();
        choice = answer == wxID_YES ? UnsavedChoice::Save : answer == wxID_NO ? UnsavedChoice::Discard : UnsavedChoice::Cancel;
    }
    switch (choice) {
    case UnsavedChoice::Save:
        onSave();
        return !m_editor.isDirty();
    case UnsavedChoice::Discard:
        return true;
    case UnsavedChoice::Cancel:
        return false;
    }
    return false;
}

void MainFrame::onNewPatient()
{
    Patient edited;
    edited.clinician = m_workspace.clinicianName();
    // A save that fails (the server went away) opens the dialog again with what was typed.
    for (;;) {
        PatientDialog dialog(this, edited, m_workspace.contactsOnly());
        if (dialog.ShowModal() != wxID_OK)
            return;
        edited = dialog.patient();
        if (addPatient(edited) != 0)
            return;
    }
}

void MainFrame::onEditPatient()
{
    if (!m_patient)
        return;
    Patient read = *m_patient;
    Patient edited = read;
    // A save that fails (a conflict, the server went away) opens the dialog again with
    // what was typed. After a conflict it shows what is stored now with this clinician's
    // own changes on top, so that saving again changes only what they changed.
    for (;;) {
        PatientDialog dialog(this, edited, m_workspace.contactsOnly());
        if (dialog.ShowModal() != wxID_OK)
            return;
        edited = dialog.patient();
        if (updatePatient(edited))
            return;
        if (m_patient && m_patient->id == read.id && !(*m_patient == read)) {
            edited = mergePatientEdit(*m_patient, read, edited).merged;
            read = *m_patient;
        }
    }
}

void MainFrame::onScreening()
{
    if (!m_patient)
        return;
    const auto flags = redFlags(m_workspace.catalog());
    if (flags.empty()) {
        showError(this, _("Cannot screen for red flags"), _("No loaded exercise pack lists red flags to screen for."));
        return;
    }
    ScreeningDialog dialog(this, *m_patient, flags);
    if (dialog.ShowModal() == wxID_OK)
        recordScreening(dialog.screening());
}

void MainFrame::onSave()
{
    m_plan->commitText();
    if (!m_patient || !m_editor.isOpen())
        return;
    if (!m_editor.isDirty()) {
        SetStatusText(_("No changes to save."));
        return;
    }
    wxTextEntryDialog ask(this, _("Why does the plan change? (kept with the revision and shown in its history)"),
                          _("Save revision"), m_editor.isNew() ? _("First plan") : wxString());
    while (ask.ShowModal() == wxID_OK) {
        const wxString reason = ask.GetValue().Strip(wxString::both);
        if (!reason.empty()) {
            saveRevision(u8(reason));
            return;
        }
        showError(this, _("Cannot save the plan"), _("Give a reason for the change."));
    }
}

void MainFrame::onNewPlan()
{
    if (!m_patient)
        return;
    wxArrayString names;
    std::vector<std::string> ids;
    names.Add(_("An empty plan"));
    ids.emplace_back();
    const std::string preferred = u8(readConfig(cfg::kDefaultTemplate, wxString()));
    int selection = 0;
    for (const PlanTemplate& t : m_workspace.templates()) {
        names.Add(wxs(t.title));
        ids.push_back(t.id);
        if (t.id == preferred)
            selection = static_cast<int>(ids.size()) - 1;
    }
    wxSingleChoiceDialog choose(this, _("Start the new plan from:"), _("New plan"), names);
    choose.SetSelection(selection);
    if (choose.ShowModal() != wxID_OK)
        return;
    const std::size_t picked = static_cast<std::size_t>(choose.GetSelection());
    wxTextEntryDialog title(this, _("Title of the new plan:"), _("New plan"),
                            picked == 0 ? _("Home exercises") : names[picked]);
    if (title.ShowModal() == wxID_OK && !title.GetValue().Strip(wxString::both).empty())
        newPlanFromTemplate(ids[picked], u8(title.GetValue().Strip(wxString::both)));
}

void MainFrame::onHistory()
{
    if (!m_editor.isOpen() || m_editor.isNew())
        return;
    guarded(this, _("Cannot show the history"), [&] {
        HistoryDialog dialog(this, m_workspace.store(), m_workspace.store().plans().get(m_editor.planId()));
        dialog.ShowModal();
    });
}

void MainFrame::onClinic()
{
    guarded(this, _("Cannot change the clinic profile"), [&] {
        ClinicDialog dialog(this, m_workspace.clinicProfile(), !m_workspace.hasOwnClinicProfile());
        if (dialog.ShowModal() == wxID_OK) {
            m_workspace.store().clinic().set(dialog.profile());
            m_handout->invalidate(); // the handout shows the clinic's branding
            SetStatusText(_("Saved the clinic profile."));
        }
    });
}

void MainFrame::onPreferences()
{
    Preferences current;
    current.defaultTemplate = u8(readConfig(cfg::kDefaultTemplate, wxString()));
    current.paper = u8(readConfig(cfg::kPaper, "a4"));
    current.handoutTemplate = u8(readConfig(cfg::kHandoutTemplate, "classic"));
    current.lockMinutes = lockAfterMinutes();
    current.thresholds = m_workspace.thresholds();
    PreferencesDialog dialog(this, current, m_workspace.templates());
    if (dialog.ShowModal() != wxID_OK)
        return;
    const Preferences chosen = dialog.preferences();
    writeConfig(cfg::kDefaultTemplate, wxs(chosen.defaultTemplate));
    writeConfig(cfg::kPaper, wxs(chosen.paper));
    writeConfig(cfg::kHandoutTemplate, wxs(chosen.handoutTemplate));
    writeConfig(cfg::kLockMinutes, static_cast<long>(chosen.lockMinutes));
    m_handout->applyPreferences();
    if (chosen.thresholds != current.thresholds &&
        guarded(this, _("Cannot save the guidance thresholds"), [&] { m_workspace.saveThresholds(chosen.thresholds); }))
        onPlanChanged();
    if (m_patient)
        m_header->show(&*m_patient, m_workspace.thresholds());
}

void MainFrame::onAbout()
{
    wxAboutDialogInfo info;
    info.SetName(_("StretchPlan"));
    info.SetVersion(SP_VERSION);
    info.SetDescription(_("Home-exercise programs for physical therapists: build a guided plan from the exercise "
                          "catalog and keep every revision."));
    wxAboutBox(info, this);
}

void MainFrame::onClose(wxCloseEvent& event)
{
    if (event.CanVeto() && m_handout->isSending()) {
        // Closing now would leave a sent e-mail out of the handout log.
        SetStatusText(_("An e-mail is being sent: close again once it has been sent or has failed."));
        event.Veto();
        return;
    }
    m_plan->commitText();
    if (event.CanVeto() && !settleUnsaved()) {
        event.Veto();
        return;
    }
    saveState();
    Destroy();
}

} // namespace sp::gui
