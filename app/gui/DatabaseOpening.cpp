#include "gui/DatabaseOpening.h"

#include "db/ClinicStore.h"
#include "db/OpenStore.h"
#include "db/ServerLocation.h"
#include "gui/AppSettings.h"
#include "gui/ErrorDialog.h"
#include "gui/SignInDialog.h"
#include "gui/WxText.h"
#include "keyring/Keyring.h"
#include "settings/XdgDirs.h"

#include <wx/artprov.h>
#include <wx/busyinfo.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <cstdlib>
#include <memory>

namespace sp::gui {
namespace {

keyring::SecretKey keyFor(const std::string& location)
{
    return keyring::databaseKey(db::accountOf(db::serverFields(location)));
}

void rememberPassword(wxWindow* parent, const std::string& location, const std::string& password)
{
    try {
        keyring::store(keyFor(location), password);
    } catch (const std::exception& e) {
        showError(parent, _("The password was not stored in the keyring"), describeException(e));
    }
}

OpenFailure describeFailure(const std::string& location, const std::exception& error, bool atStart)
{
    OpenFailure f;
    f.location = u8(databaseLabel(location));
    f.reason = describeException(error);
    f.server = db::isServerLocation(location);
    const auto* dbError = dynamic_cast<const db::DbError*>(&error);
    f.askPassword = f.server && dbError && dbError->kind() == db::DbErrorKind::Auth;
    const std::filesystem::path local = defaultDatabasePath();
    f.localAvailable = !local.empty() && (f.server || std::filesystem::path(location) != local);
    f.atStart = atStart;
    return f;
}

} // namespace

DatabaseUnavailableDialog::DatabaseUnavailableDialog(wxWindow* parent, const OpenFailure& failure,
                                                     bool keyringAvailable)
    : wxDialog(parent, wxID_ANY, _("The clinic database cannot be opened"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER, "DatabaseUnavailableDialog")
{
    const wxString heading = failure.server ? wxString::Format(_("StretchPlan cannot open the clinic server %s."),
                                                               wxs(failure.location))
                                            : wxString::Format(_("StretchPlan cannot open the clinic database %s."),
                                                               wxs(failure.location));
    wxString advice;
    if (failure.askPassword)
        advice = _("The server refused the sign-in. Type the password the server knows you by, then try again.");
    else if (failure.server)
        advice = _("Check that this computer is on the clinic's network and that the server is running (ask "
                   "whoever looks after it), then try again. Nothing was opened and nothing was changed.");
    else
        advice = _("Nothing was opened and nothing was changed.");
    if (failure.localAvailable)
        advice += "\n" + _("Meanwhile you can work in the database on this computer; its records are not the "
                           "clinic server's.");
    m_text = heading + "\n\n" + failure.reason + "\n\n" + advice;

    auto* head = new wxStaticText(this, wxID_ANY, heading);
    head->SetFont(head->GetFont().Bold().Larger());
    head->Wrap(FromDIP(560));
    auto* reason = new wxStaticText(this, wxID_ANY, failure.reason, wxDefaultPosition, wxDefaultSize, 0, "Reason");
    reason->Wrap(FromDIP(560));
    auto* adviceText = new wxStaticText(this, wxID_ANY, advice);
    adviceText->Wrap(FromDIP(560));

    auto* texts = new wxBoxSizer(wxVERTICAL);
    texts->Add(head, 0, wxBOTTOM, FromDIP(10));
    texts->Add(reason, 0, wxBOTTOM, FromDIP(10));
    texts->Add(adviceText, 0, wxBOTTOM, FromDIP(6));
    if (failure.askPassword) {
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        row->Add(new wxStaticText(this, wxID_ANY, _("&Password")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(8));
        m_password = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(260, -1)),
                                    wxTE_PASSWORD | wxTE_PROCESS_ENTER, wxDefaultValidator, "Password");
        row->Add(m_password, 1);
        texts->Add(row, 0, wxEXPAND | wxTOP, FromDIP(4));
        m_remember = new wxCheckBox(this, wxID_ANY, _("&Remember the password in the keyring"), wxDefaultPosition,
                                    wxDefaultSize, 0, wxDefaultValidator, "RememberPassword");
        m_remember->Enable(keyringAvailable);
        texts->Add(m_remember, 0, wxTOP, FromDIP(4));
        m_password->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { choose(FailureAction::Retry); });
    }
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(new wxStaticBitmap(this, wxID_ANY, wxArtProvider::GetBitmapBundle(wxART_WARNING, wxART_MESSAGE_BOX)), 0,
             wxRIGHT, FromDIP(12));
    top->Add(texts, 1, wxEXPAND);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    const auto button = [&](const wxString& label, FailureAction action, const char* name) {
        auto* b = new wxButton(this, wxID_ANY, label, wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, name);
        b->Bind(wxEVT_BUTTON, [this, action](wxCommandEvent&) { choose(action); });
        buttons->Add(b, 0, wxLEFT, FromDIP(6));
        return b;
    };
    button(failure.atStart ? _("&Quit") : _("&Cancel"), FailureAction::GiveUp, "GiveUp");
    buttons->AddStretchSpacer();
    button(_("C&hoose another database…"), FailureAction::ChooseAnother, "ChooseAnother");
    if (failure.localAvailable)
        button(_("Open a &local database"), FailureAction::OpenLocal, "OpenLocal");
    button(_("&Retry"), FailureAction::Retry, "Retry")->SetDefault();

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(top, 1, wxEXPAND | wxALL, FromDIP(14));
    sizer->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(14));
    SetSizerAndFit(sizer);
    SetEscapeId(wxID_NONE);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { choose(FailureAction::GiveUp); });
    if (m_password)
        m_password->SetFocus();
}

void DatabaseUnavailableDialog::choose(FailureAction action)
{
    m_answer.action = action;
    if (m_password && action == FailureAction::Retry) {
        m_answer.password = u8(m_password->GetValue());
        m_answer.remember = !m_answer.password.empty() && m_remember->IsEnabled() && m_remember->GetValue();
    }
    if (IsModal())
        EndModal(wxID_OK);
}

DatabasePrompts defaultDatabasePrompts()
{
    DatabasePrompts prompts;
    prompts.failure = [](wxWindow* parent, const OpenFailure& failure) {
        DatabaseUnavailableDialog dialog(parent, failure, keyring::reachable());
        dialog.ShowModal();
        return dialog.answer();
    };
    prompts.signIn = [](wxWindow* parent, const std::string& location, const wxString& message,
                        bool nextPerson) -> std::optional<DatabaseChoice> {
        SignInDialog dialog(parent, location, message, keyring::reachable(), nextPerson);
        if (dialog.ShowModal() != wxID_OK)
            return std::nullopt;
        return dialog.choice();
    };
    prompts.choose = [](wxWindow* parent, const std::string& current) -> std::optional<DatabaseChoice> {
        OpenDatabaseDialog dialog(parent, current, keyring::reachable());
        if (dialog.ShowModal() != wxID_OK)
            return std::nullopt;
        return dialog.choice();
    };
    return prompts;
}

wxString databaseLabel(const std::string& location)
{
    if (db::isServerLocation(location)) {
        try {
            return wxs(db::accountOf(db::serverFields(location)));
        } catch (const db::DbError&) {
            return wxs(db::displayLocation(location));
        }
    }
    const char* home = std::getenv("HOME");
    const std::string prefix = home && *home ? std::string(home) + "/" : std::string();
    if (!prefix.empty() && location.rfind(prefix, 0) == 0)
        return wxs("~/" + location.substr(prefix.size()));
    return wxs(location);
}

std::string keyringPassword(const std::string& location)
{
    if (!db::isServerLocation(location))
        return {};
    try {
        const db::ServerFields fields = db::serverFields(location);
        return fields.passwordGiven ? std::string() : keyring::databasePassword(db::accountOf(fields));
    } catch (const db::DbError&) {
        return {}; // not a location libpq reads: opening it says why
    }
}

wxString signedInLabel(Workspace& workspace)
{
    const std::string location = workspace.databaseLocation();
    if (!workspace.onServer())
        return wxString::Format(_("File: %s"), databaseLabel(location));
    wxString server = wxs(db::displayLocation(location));
    try {
        server = wxs(db::serverOf(db::serverFields(location)));
    } catch (const db::DbError&) {
    }
    const auto who = workspace.store().signedIn();
    if (!who)
        return wxString::Format(_("Server: %s"), server);
    return wxString::Format(_("%s (%s) · %s"), wxs(who->fullName.empty() ? who->login : who->fullName),
                            wxs(std::string(toString(who->role))), server);
}

bool passwordAtHand(const std::string& location)
{
    if (const char* given = std::getenv("PGPASSWORD"); given && *given)
        return true;
    try {
        return db::serverFields(location).passwordGiven;
    } catch (const db::DbError&) {
        return false;
    }
}

std::string startLocation(const std::string& commandLine)
{
    if (!commandLine.empty())
        return commandLine;
    const wxString remembered = readConfig(cfg::kDatabase, wxString());
    if (!remembered.empty())
        return u8(remembered);
    return defaultDatabasePath().string();
}

bool openDatabaseInteractively(wxWindow* parent, Workspace& workspace, DatabaseChoice choice, bool chosenInApp,
                               bool atStart, const DatabasePrompts& prompts)
{
    for (;;) {
        if (choice.password.empty())
            choice.password = keyringPassword(choice.location);
        try {
            // Reaching a server may take up to its connect timeout: say what is going on.
            std::unique_ptr<wxBusyInfo> waiting;
            if (db::isServerLocation(choice.location))
                waiting = std::make_unique<wxBusyInfo>(
                    wxBusyInfoFlags().Parent(parent).Text(wxString::Format(
                        _("Connecting to the clinic server %s…"), databaseLabel(choice.location))));
            workspace.switchDatabase(choice.location, choice.password);
        } catch (const std::exception& e) {
            const FailureAnswer answer = prompts.failure(parent, describeFailure(choice.location, e, atStart));
            switch (answer.action) {
            case FailureAction::Retry:
                if (!answer.password.empty()) {
                    choice.password = answer.password;
                    choice.rememberPassword = answer.remember;
                }
                continue;
            case FailureAction::OpenLocal:
                choice = DatabaseChoice{defaultDatabasePath().string(), {}, false};
                chosenInApp = true;
                continue;
            case FailureAction::ChooseAnother:
                if (auto chosen = prompts.choose(parent, choice.location)) {
                    choice = *chosen;
                    chosenInApp = true;
                }
                continue;
            case FailureAction::GiveUp:
                return false;
            }
            return false;
        }
        if (choice.rememberPassword)
            rememberPassword(parent, choice.location, choice.password);
        if (chosenInApp)
            writeConfig(cfg::kDatabase, wxs(db::displayLocation(choice.location)));
        return true;
    }
}

} // namespace sp::gui
