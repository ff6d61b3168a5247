// The main window's follow-up actions: the note dialog (new notes and amendments), the
// Follow-ups tab and the dashboard of follow-ups due. Failures end here, at the UI edge.
#include "db/ClinicStore.h"
#include "gui/DueFollowUpsPanel.h"
#include "gui/ErrorDialog.h"
#include "gui/FollowUpPanel.h"
#include "gui/MainFrame.h"
#include "gui/NoteDialog.h"
#include "gui/NoteVersionsDialog.h"
#include "gui/PatientListPanel.h"
#include "gui/WxText.h"

#include <wx/intl.h>
#include <wx/notebook.h>

namespace sp::gui {
namespace {

// Every revision of the patient's plans, newest plan first, latest revision first.
std::vector<RevisionChoice> revisionChoices(db::ClinicStore& store, std::int64_t patientId)
{
    std::vector<RevisionChoice> out;
    auto plans = store.plans().listForPatient(patientId);
    for (auto plan = plans.rbegin(); plan != plans.rend(); ++plan) {
        auto history = store.plans().history(plan->id);
        for (auto r = history.rbegin(); r != history.rend(); ++r)
            out.push_back({r->id, wxString::Format(_("%s, revision %d (%s)"), wxs(plan->title), r->number,
                                                   wxs(r->createdAt.substr(0, 10)))});
    }
    return out;
}

} // namespace

void MainFrame::bindFollowUps()
{
    m_followUps->onAdd = [this] { openNoteDialog(); };
    m_followUps->onEdit = [this](std::int64_t noteId) { openNoteDialog(noteId); };
    m_followUps->onVersions = [this](std::int64_t noteId) {
        guarded(this, _("Cannot show the versions of the note"), [&] {
            NoteVersionsDialog dialog(this, m_patient ? wxs(m_patient->name) : wxString(),
                                      m_workspace.store().notes().versions(noteId));
            dialog.ShowModal();
        });
    };
    m_due->onOpen = [this](std::int64_t patientId) { openFollowUps(patientId); };
}

std::int64_t MainFrame::defaultRevisionId() const
{
    // The latest revision of the plan open in the editor; a plan not saved yet was never
    // given to the patient, so then the newest active plan's.
    std::int64_t planId = m_editor.isOpen() && !m_editor.isNew() ? m_editor.planId() : chooseInitialPlan(m_patientId);
    if (planId == 0)
        return 0;
    return m_workspace.store().plans().revision(planId).id;
}

bool MainFrame::openNoteDialog(std::int64_t noteId)
{
    if (!m_patient)
        return false;
    FollowUpNote note;
    std::vector<RevisionChoice> revisions;
    if (!guarded(this, noteId ? _("Cannot open the note") : _("Cannot start a note"), [&] {
            revisions = revisionChoices(m_workspace.store(), m_patientId);
            if (noteId != 0) {
                note = m_workspace.store().notes().get(noteId);
                return;
            }
            note.patientId = m_patientId;
            note.visitDate = localToday();
            if (const std::int64_t revision = defaultRevisionId())
                note.revisionId = revision;
            // The same activities are scored again at each visit; start from the last scores.
            const auto previous = m_workspace.store().notes().listForPatient(m_patientId);
            if (!previous.empty()) {
                note.psfs = previous.front().psfs;
                note.sessionsPrescribed = previous.front().sessionsPrescribed;
                note.painNow = previous.front().painNow;
            }
        }))
        return false;
    const bool amending = noteId != 0;
    if (!amending)
        note.sessionsDone.reset(); // adherence counts as recorded only once entered
    std::int64_t savedId = noteId;
    NoteDialog dialog(this, wxs(m_patient->name), note, revisions, amending);
    dialog.setSaver([this, amending, &savedId, &dialog](const FollowUpNote& n, const std::string& reason) {
        if (!amending) {
            savedId = m_workspace.store().notes().add(n);
            return;
        }
        try {
            m_workspace.store().notes().amend(n, reason);
        } catch (const db::DbError& e) {
            if (e.kind() != db::DbErrorKind::Conflict)
                throw;
            // They have now been told who amended it: the typed amendment stays in the
            // dialog, and the next Save records it on top of that version.
            dialog.rebase(m_workspace.store().notes().get(n.id).version);
            throw db::DbError(db::DbErrorKind::Conflict,
                              e.what() + std::string(" ") +
                                  u8(_("Your amendment is still here: Save again to record it on top of theirs.")));
        }
    });
    const int result = m_noteRunner ? m_noteRunner(dialog) : dialog.ShowModal();
    if (result != wxID_OK || savedId == 0)
        return false;
    refreshFollowUps();
    m_followUps->selectNote(savedId);
    showFollowUpsTab();
    const FollowUpNote saved = dialog.note();
    SetStatusText(amending ? wxString::Format(_("Amended the note of %s; the earlier version is kept."),
                                              wxs(saved.visitDate.toString()))
                           : wxString::Format(_("Saved the note of %s."), wxs(saved.visitDate.toString())));
    return true;
}

bool MainFrame::openFollowUps(std::int64_t patientId)
{
    if (!selectPatient(patientId))
        return false;
    m_patients->showSelected(patientId);
    showFollowUpsTab();
    return m_patientId == patientId;
}

void MainFrame::showFollowUpsTab()
{
    const int page = m_tabs->FindPage(m_followUps);
    if (page != wxNOT_FOUND && m_tabs->GetSelection() != page)
        m_tabs->SetSelection(page);
}

void MainFrame::refreshFollowUps()
{
    m_followUps->showPatient(m_patientId);
    m_due->reload(localToday());
    m_patients->reload(m_patientId);
    refreshStatus();
}

} // namespace sp::gui
