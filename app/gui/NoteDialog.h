// Recording a follow-up visit, or amending a stored note: the visit date, pain (NPRS now,
// worst and best), adherence, PSFS activities with their scores, the SOAP text, the next
// due date and the plan revision followed. The core validator's messages show under each
// field as the clinician types; OK saves through the given function and closes only when
// that worked, so bad input never closes the dialog and a refused save shows why.
#pragma once

#include "core/FollowUpNote.h"

#include <wx/dialog.h>

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

class wxButton;
class wxCheckBox;
class wxChoice;
class wxFlexGridSizer;
class wxPanel;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace sp::gui {

struct RevisionChoice {
    std::int64_t revisionId = 0;
    wxString label; // "Low back, revision 2 (2025-03-01)"
};

class NoteDialog : public wxDialog {
public:
    // `note`: the stored note when amending, else the new note's starting values.
    NoteDialog(wxWindow* parent, const wxString& patientName, const FollowUpNote& note,
               std::vector<RevisionChoice> revisions, bool amending);

    bool amending() const { return m_amending; }
    // The note as entered (id, patient and author as given).
    FollowUpNote note() const;
    std::string reason() const; // why it is amended
    // Re-validates and shows each field's problem; true when there is none.
    bool validateNow();
    // For tests: the message under a field ("pain_worst", "psfs/1/activity", "next_due", "" for the dialog's own).
    wxString messageFor(const std::string& field) const;

    // OK calls this with the note and the reason; an exception keeps the dialog open with
    // its message (a DbError's field errors under their fields).
    void setSaver(std::function<void(const FollowUpNote&, const std::string& reason)> saver) { m_saver = std::move(saver); }
    // After a conflict: the amendment now goes on top of the note's `version`.
    void rebase(int version) { m_base.version = version; }
    // As the OK button: validates, saves, closes; true when it closed.
    bool pressOk();

    // The controls, for tests to fill as a clinician would.
    wxTextCtrl* text(const std::string& field) const; // visit_date, next_due, subjective, objective, assessment, plan_text, reason
    wxSpinCtrl* spin(const std::string& field) const; // pain, pain_worst, pain_best, adherence/done, adherence/prescribed
    wxCheckBox* check(const std::string& field) const; // pain_worst, pain_best, adherence
    wxChoice* revisionChoice() const { return m_revision; }
    void addPsfsRow(const wxString& activity, int score);
    void removePsfsRow(std::size_t row);
    std::size_t psfsRowCount() const { return m_psfs.size(); }
    wxTextCtrl* psfsActivity(std::size_t row) const;
    wxSpinCtrl* psfsScore(std::size_t row) const;

private:
    struct PsfsRow {
        wxTextCtrl* activity;
        wxSpinCtrl* score;
        wxButton* remove;
        wxStaticText* message;
    };
    wxSizer* buildVisit(wxWindow* parent);
    wxSizer* buildPain(wxWindow* parent);
    wxSizer* buildPsfs(wxWindow* parent);
    wxSizer* buildSoap(wxWindow* parent);
    wxSizer* buildDue(wxWindow* parent);
    wxStaticText* addMessage(wxWindow* parent, const std::string& field);
    wxSpinCtrl* addSpin(wxWindow* parent, const std::string& field, int min, int max, int value);
    void rebuildPsfs(std::vector<PsfsScore> rows);
    std::vector<PsfsScore> psfsRows() const;
    void setDueInDays(int days);
    void finish(int code);
    void onOk();

    FollowUpNote m_base;
    bool m_amending;
    std::vector<RevisionChoice> m_revisions;
    std::function<void(const FollowUpNote&, const std::string&)> m_saver;
    std::map<std::string, wxTextCtrl*> m_texts;
    std::map<std::string, wxSpinCtrl*> m_spins;
    std::map<std::string, wxCheckBox*> m_checks;
    std::map<std::string, wxStaticText*> m_messages;
    wxChoice* m_revision = nullptr;
    wxPanel* m_psfsPanel = nullptr;
    wxFlexGridSizer* m_psfsGrid = nullptr;
    wxButton* m_addPsfs = nullptr;
    std::vector<PsfsRow> m_psfs;
    wxStaticText* m_general = nullptr;
    bool m_building = true;
    bool m_saved = false;
};

} // namespace sp::gui
