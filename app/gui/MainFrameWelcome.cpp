// The first start: on one computer the name that goes on handouts (a file has no accounts,
// so nobody else can say it), then, for a new database, the demo patient.
#include "gui/MainFrame.h"

#include "db/ClinicStore.h"
#include "gui/AppSettings.h"
#include "gui/ErrorDialog.h"
#include "gui/HandoutPanel.h"
#include "gui/PatientListPanel.h"
#include "gui/WxText.h"
#include "settings/XdgDirs.h"

#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/textdlg.h>
#include <wx/tokenzr.h>

namespace sp::gui {

namespace {

// The dialog: the problem with the last answer above the question, the account's full
// name offered the first time.
std::optional<std::string> askInDialog(wxWindow* parent, const wxString& problem)
{
    // The account's full name, unless it only repeats the login ("root").
    static wxString last = accountFullName() == loginName() ? wxString() : wxs(accountFullName());
    wxString question = _("Handouts name the clinician who prepared them. What name should they give? For example "
                          "\"Sam Lee, physiotherapist\". You can change it later under File → Clinic profile.");
    if (!problem.empty())
        question = problem + "\n\n" + question;
    wxTextEntryDialog dialog(parent, question, _("Your name on handouts"), last);
    if (dialog.ShowModal() != wxID_OK)
        return std::nullopt;
    last = dialog.GetValue();
    return u8(last);
}

bool alreadyAsked(const wxString& database)
{
    const wxArrayString asked = wxStringTokenize(readConfig(cfg::kHandoutNameAsked, wxString()), "\n");
    return asked.Index(database) != wxNOT_FOUND;
}

void rememberAsked(const wxString& database)
{
    wxString asked = readConfig(cfg::kHandoutNameAsked, wxString());
    writeConfig(cfg::kHandoutNameAsked, asked.empty() ? database : asked + "\n" + database);
}

std::string trimmed(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

} // namespace

void MainFrame::welcome(bool newDatabase)
{
    bool ask = false;
    guarded(this, _("Cannot read the clinic profile"), [&] { ask = m_workspace.needsHandoutName(); });
    const wxString database = wxs(m_workspace.displayDatabase());
    if (ask && !alreadyAsked(database)) {
        rememberAsked(database);
        askHandoutName();
    }
    if (newDatabase)
        offerDemo();
}

bool MainFrame::askHandoutName()
{
    const NamePrompt prompt = m_namePrompt ? m_namePrompt
                                           : NamePrompt([this](const wxString& problem) { return askInDialog(this, problem); });
    wxString problem;
    for (;;) {
        const std::optional<std::string> answer = prompt(problem);
        if (!answer)
            return false;
        const std::string name = trimmed(*answer);
        if (name.empty()) {
            problem = _("Type the name to print, or choose Cancel to leave handouts naming each patient's clinician.");
            continue;
        }
        try {
            m_workspace.setHandoutName(name);
        } catch (const db::DbError& e) {
            if (e.kind() != db::DbErrorKind::Invalid) {
                showError(this, _("Cannot save the name on handouts"), e.what());
                return false;
            }
            problem = _("The name ") + (e.fieldErrors().empty() ? wxs(e.what()) : wxs(e.fieldErrors().front().message)) +
                      ".";
            continue;
        }
        m_handout->invalidate(); // the handout names the clinician
        SetStatusText(wxString::Format(_("Handouts now name %s as the clinician."), wxs(name)));
        return true;
    }
}

void MainFrame::offerDemo()
{
    wxMessageDialog ask(this,
                        _("This is a new, empty clinic database. Add a demo patient with a demo plan to try "
                          "StretchPlan? You can archive the demo patient later."),
                        _("Welcome to StretchPlan"), wxYES_NO | wxICON_QUESTION);
    ask.SetYesNoLabels(_("&Add demo patient"), _("Start &empty"));
    if (ask.ShowModal() != wxID_YES)
        return;
    std::int64_t id = 0;
    if (guarded(this, _("Cannot add the demo patient"), [&] { id = m_workspace.addDemoPatient(localToday()); })) {
        m_patients->reload();
        selectPatient(id);
    }
}

} // namespace sp::gui
