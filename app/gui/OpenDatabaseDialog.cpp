#include "gui/OpenDatabaseDialog.h"

#include "db/ClinicStore.h"
#include "db/OpenStore.h"
#include "gui/FieldMessages.h"
#include "gui/WxText.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/filepicker.h>
#include <wx/intl.h>
#include <wx/panel.h>
#include <wx/radiobut.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <array>

namespace sp::gui {
namespace {

// The TLS choices, in the order shown; "" is StretchPlan's default (verify-full for a
// server off this computer, libpq's own for this one).
constexpr std::array<const char*, 5> kSslModes = {"", "verify-full", "verify-ca", "require", "disable"};

wxArrayString sslModeLabels()
{
    wxArrayString labels;
    labels.Add(_("Default: verify the server's certificate unless it is this computer"));
    labels.Add(_("Verify the server's certificate and name (verify-full)"));
    labels.Add(_("Verify the certificate only, not the name (verify-ca)"));
    labels.Add(_("Encrypt, but do not verify the server (require)"));
    labels.Add(_("Do not encrypt: this computer or a trusted network only (disable)"));
    return labels;
}

} // namespace

OpenDatabaseDialog::OpenDatabaseDialog(wxWindow* parent, const std::string& current, bool keyringAvailable)
    : wxDialog(parent, wxID_ANY, _("Open clinic database"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER, "OpenDatabaseDialog")
{
    m_useFile = new wxRadioButton(this, wxID_ANY, _("A &file on this computer"), wxDefaultPosition, wxDefaultSize,
                                  wxRB_GROUP);
    m_useFile->SetName("UseFile");
    m_filePage = buildFilePage();
    m_useServer = new wxRadioButton(this, wxID_ANY, _("The clinic's &server (PostgreSQL)"));
    m_useServer->SetName("UseServer");
    m_serverPage = buildServerPage(keyringAvailable);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_useFile, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(10));
    sizer->Add(m_filePage, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(28));
    sizer->Add(m_useServer, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(10));
    sizer->Add(m_serverPage, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(28));
    sizer->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(10));
    SetSizerAndFit(sizer);
    SetMinSize(FromDIP(wxSize(560, -1)));
    Fit();

    if (db::isServerLocation(current)) {
        m_useServer->SetValue(true);
        try {
            showServerFields(db::serverFields(current));
        } catch (const db::DbError&) {
            // Not a location libpq reads: start from empty fields.
        }
    } else {
        m_useFile->SetValue(true);
        m_file->SetPath(wxs(current));
    }
    updateEnabled();
    m_useFile->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { updateEnabled(); });
    m_useServer->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { updateEnabled(); });
    m_tls->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { updateEnabled(); });
    // A pg_service.conf entry is used as it is until one of its fields is typed over.
    for (wxTextCtrl* field : {m_host, m_database, m_user})
        field->Bind(wxEVT_TEXT, [this](wxCommandEvent& event) {
            m_service.clear();
            event.Skip();
        });
    FindWindow(wxID_OK)->Bind(wxEVT_BUTTON, [this](wxCommandEvent& event) {
        if (validateChoice())
            event.Skip();
    });
}

wxStaticText* OpenDatabaseDialog::messageLabel(wxWindow* parent, const std::string& field)
{
    auto* label = new wxStaticText(parent, wxID_ANY, wxString());
    label->SetForegroundColour(*wxRED);
    label->SetName("Message." + wxs(field));
    m_messages[field] = label;
    return label;
}

wxWindow* OpenDatabaseDialog::buildFilePage()
{
    auto* page = new wxPanel(this);
    m_file = new wxFilePickerCtrl(page, wxID_ANY, wxString(), _("Clinic database file"),
                                  _("StretchPlan databases (*.db)|*.db|All files|*"), wxDefaultPosition,
                                  wxDefaultSize, wxFLP_SAVE | wxFLP_USE_TEXTCTRL, wxDefaultValidator, "File");
    auto* hint = new wxStaticText(page, wxID_ANY, _("A new file becomes a new, empty clinic database."));
    hint->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_file, 0, wxEXPAND | wxTOP, FromDIP(4));
    sizer->Add(messageLabel(page, "file"), 0, wxEXPAND);
    sizer->Add(hint, 0, wxEXPAND | wxTOP, FromDIP(2));
    page->SetSizer(sizer);
    return page;
}

wxWindow* OpenDatabaseDialog::buildServerPage(bool keyringAvailable)
{
    auto* page = new wxPanel(this);
    auto* grid = new wxFlexGridSizer(2, FromDIP(2), FromDIP(8));
    grid->AddGrowableCol(1, 1);
    const auto row = [&](const wxString& label, wxWindow* control, const std::string& field) {
        grid->Add(new wxStaticText(page, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(control, 0, wxEXPAND);
        grid->AddSpacer(0);
        grid->Add(messageLabel(page, field), 0, wxEXPAND);
    };
    m_host = new wxTextCtrl(page, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, "Host");
    m_host->SetHint(_("clinic-server.example.org"));
    row(_("&Host"), m_host, "host");
    m_port = new wxSpinCtrl(page, wxID_ANY, "5432", wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 1, 65535, 5432,
                            "Port");
    row(_("P&ort"), m_port, "port");
    m_database = new wxTextCtrl(page, wxID_ANY, "stretchplan", wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                                "Database");
    row(_("&Database"), m_database, "database");
    m_user = new wxTextCtrl(page, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, "User");
    row(_("&User"), m_user, "user");
    m_tls = new wxChoice(page, wxID_ANY, wxDefaultPosition, wxDefaultSize, sslModeLabels(), 0, wxDefaultValidator, "Tls");
    m_tls->SetSelection(0);
    row(_("&Security"), m_tls, "sslmode");
    m_ca = new wxFilePickerCtrl(page, wxID_ANY, wxString(), _("The clinic's CA certificate"),
                                _("Certificates (*.pem;*.crt)|*.pem;*.crt|All files|*"), wxDefaultPosition,
                                wxDefaultSize, wxFLP_OPEN | wxFLP_FILE_MUST_EXIST | wxFLP_USE_TEXTCTRL,
                                wxDefaultValidator, "CaFile");
    row(_("&CA certificate"), m_ca, "sslrootcert");
    m_password = new wxTextCtrl(page, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PASSWORD,
                                wxDefaultValidator, "Password");
    m_password->SetHint(_("empty: from the keyring or ~/.pgpass"));
    row(_("&Password"), m_password, "password");
    m_remember = new wxCheckBox(page, wxID_ANY, _("&Remember the password in the keyring"), wxDefaultPosition,
                                wxDefaultSize, 0, wxDefaultValidator, "RememberPassword");
    m_remember->Enable(keyringAvailable);
    if (!keyringAvailable)
        m_remember->SetToolTip(_("No keyring answers in this session."));
    grid->AddSpacer(0);
    grid->Add(m_remember, 0, wxTOP, FromDIP(2));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid, 1, wxEXPAND | wxTOP, FromDIP(4));
    page->SetSizer(sizer);
    return page;
}

void OpenDatabaseDialog::showServerFields(const db::ServerFields& f)
{
    m_service = f.service;
    m_host->ChangeValue(wxs(f.host));
    m_port->SetValue(f.port);
    m_database->ChangeValue(wxs(f.database));
    m_user->ChangeValue(wxs(f.user));
    m_ca->SetPath(wxs(f.sslrootcert));
    m_tls->SetSelection(0);
    for (std::size_t i = 0; i < kSslModes.size(); ++i)
        if (f.sslmode == kSslModes[i])
            m_tls->SetSelection(static_cast<int>(i));
}

db::ServerFields OpenDatabaseDialog::serverFields() const
{
    db::ServerFields f;
    f.host = u8(m_host->GetValue().Strip(wxString::both));
    f.port = m_port->GetValue();
    f.database = u8(m_database->GetValue().Strip(wxString::both));
    f.user = u8(m_user->GetValue().Strip(wxString::both));
    const int tls = m_tls->GetSelection();
    f.sslmode = tls >= 0 ? kSslModes[static_cast<std::size_t>(tls)] : "";
    if (m_ca->IsEnabled())
        f.sslrootcert = u8(m_ca->GetPath());
    return f;
}

void OpenDatabaseDialog::updateEnabled()
{
    const bool server = m_useServer->GetValue();
    m_filePage->Enable(!server);
    m_serverPage->Enable(server);
    const std::string mode = kSslModes[static_cast<std::size_t>(std::max(0, m_tls->GetSelection()))];
    m_ca->Enable(server && mode != "require" && mode != "disable");
}

bool OpenDatabaseDialog::validateChoice()
{
    FieldMessages problems;
    if (m_useFile->GetValue()) {
        if (m_file->GetPath().Strip(wxString::both).empty())
            problems["file"] = _("Choose the database file, or type the name of a new one.");
    } else if (m_service.empty()) {
        try {
            (void)db::serverLocation(serverFields());
        } catch (const db::DbError& e) {
            addFieldErrors(problems, e.fieldErrors());
        }
    }
    (void)showFieldMessages(problems, m_messages);
    Layout();
    return problems.empty();
}

DatabaseChoice OpenDatabaseDialog::choice() const
{
    DatabaseChoice c;
    if (m_useFile->GetValue()) {
        c.location = u8(m_file->GetPath().Strip(wxString::both));
        return c;
    }
    db::ServerFields f = serverFields();
    f.service = m_service;
    c.location = db::serverLocation(f);
    c.password = u8(m_password->GetValue());
    c.rememberPassword = !c.password.empty() && m_remember->IsEnabled() && m_remember->GetValue();
    return c;
}

} // namespace sp::gui
