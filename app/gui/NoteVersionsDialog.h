// Every version of an amended follow-up note, oldest first: who wrote each, when and why,
// what it changed from the one before, and the whole note as it then read. Read-only.
#pragma once

#include "db/ClinicStore.h"

#include <wx/dialog.h>

#include <vector>

class wxListCtrl;
class wxTextCtrl;

namespace sp::gui {

// A note as plain text, one field a line (the versions dialog shows it; tests read it).
wxString noteText(const FollowUpNote& note);

class NoteVersionsDialog : public wxDialog {
public:
    NoteVersionsDialog(wxWindow* parent, const wxString& patientName, std::vector<db::NoteVersion> versions);
    // Shows versions()[index].
    void showVersion(std::size_t index);
    wxString shownText() const;
    std::size_t versionCount() const { return m_versions.size(); }

private:
    std::vector<db::NoteVersion> m_versions;
    wxListCtrl* m_list;
    wxTextCtrl* m_text;
};

} // namespace sp::gui
