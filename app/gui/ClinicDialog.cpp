#include "gui/ClinicDialog.h"

#include "gui/FieldMessages.h"
#include "gui/WxText.h"
#include "pluginhost/PackFiles.h"

#include <wx/bmpbndl.h>
#include <wx/button.h>
#include <wx/clrpicker.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/image.h>
#include <wx/intl.h>
#include <wx/mstream.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <filesystem>

namespace sp::gui {

ClinicDialog::ClinicDialog(wxWindow* parent, const ClinicProfile& profile, bool isDemo)
    : wxDialog(parent, wxID_ANY, _("Clinic profile and branding"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_logo(profile.logo)
{
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    if (isDemo) {
        auto* note = new wxStaticText(this, wxID_ANY,
                                      _("Handouts carry the demo clinic shown here until you save your own profile."));
        note->Wrap(FromDIP(560));
        sizer->Add(note, 0, wxALL, FromDIP(10));
    }
    auto* grid = new wxFlexGridSizer(2, FromDIP(2), FromDIP(8));
    grid->AddGrowableCol(1, 1);
    addField(grid, "name", _("&Name"), profile.name);
    addField(grid, "address", _("&Address"), profile.address, wxTE_MULTILINE);
    addField(grid, "phone", _("&Phone"), profile.phone);
    addField(grid, "email", _("E-&mail"), profile.email);
    addField(grid, "web", _("&Web site"), profile.web);

    grid->Add(new wxStaticText(this, wxID_ANY, _("A&ccent colour")), 0, wxALIGN_CENTER_VERTICAL);
    m_accent = new wxColourPickerCtrl(this, wxID_ANY, wxColour(wxs(profile.accent)));
    grid->Add(m_accent, 0);
    grid->AddSpacer(0);
    grid->AddSpacer(FromDIP(6));

    grid->Add(new wxStaticText(this, wxID_ANY, _("&Logo")), 0, wxTOP, FromDIP(4));
    auto* logoRow = new wxBoxSizer(wxHORIZONTAL);
    m_logoPreview = new wxStaticBitmap(this, wxID_ANY, wxBitmapBundle());
    m_logoPreview->SetMinSize(FromDIP(wxSize(160, 80)));
    auto* logoButtons = new wxBoxSizer(wxVERTICAL);
    auto* choose = new wxButton(this, wxID_OPEN, _("C&hoose…"));
    auto* remove = new wxButton(this, wxID_ANY, _("Remo&ve"));
    m_logoInfo = new wxStaticText(this, wxID_ANY, wxEmptyString);
    logoButtons->Add(choose, 0, wxEXPAND | wxBOTTOM, FromDIP(4));
    logoButtons->Add(remove, 0, wxEXPAND | wxBOTTOM, FromDIP(4));
    logoButtons->Add(m_logoInfo, 0);
    logoRow->Add(m_logoPreview, 0, wxRIGHT, FromDIP(8));
    logoRow->Add(logoButtons, 1);
    grid->Add(logoRow, 0, wxEXPAND | wxBOTTOM, FromDIP(6));
    addField(grid, "footer", _("&Footer"), profile.footer, wxTE_MULTILINE);
    addField(grid, "clinician", _("Name on &handouts"), profile.clinician);
    m_fields["clinician"]->SetHint(_("e.g. Sam Lee, physiotherapist"));
    auto* nameNote = new wxStaticText(this, wxID_ANY,
                                      _("The clinician every handout names on this computer. On a clinic server each "
                                        "handout names the person signed in."));
    nameNote->Wrap(FromDIP(380));
    grid->AddSpacer(0);
    grid->Add(nameNote, 0, wxBOTTOM, FromDIP(4));

    sizer->Add(grid, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10));
    sizer->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(10));
    SetSizerAndFit(sizer);

    choose->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        wxFileDialog dialog(this, _("Choose the clinic's logo"), wxEmptyString, wxEmptyString,
                            _("Images (*.png;*.jpg;*.jpeg)|*.png;*.PNG;*.jpg;*.JPG;*.jpeg;*.JPEG"),
                            wxFD_OPEN | wxFD_FILE_MUST_EXIST);
        if (dialog.ShowModal() == wxID_OK)
            setLogoFile(dialog.GetPath());
    });
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        m_logo.clear();
        showLogo();
        validateNow();
    });
    m_accent->Bind(wxEVT_COLOURPICKER_CHANGED, [this](wxColourPickerEvent&) { validateNow(); });
    showLogo();
    validateNow();
}

void ClinicDialog::addField(wxSizer* grid, const std::string& key, const wxString& label, const std::string& value,
                            long style)
{
    grid->Add(new wxStaticText(this, wxID_ANY, label), 0, (style & wxTE_MULTILINE) ? int(wxTOP) : int(wxALIGN_CENTER_VERTICAL),
              FromDIP(4));
    auto* text = new wxTextCtrl(this, wxID_ANY, wxs(value), wxDefaultPosition, wxDefaultSize, style);
    text->SetMinSize(wxSize(FromDIP(380), style & wxTE_MULTILINE ? FromDIP(60) : -1));
    grid->Add(text, 1, wxEXPAND);
    grid->AddSpacer(0);
    auto* message = new wxStaticText(this, wxID_ANY, wxEmptyString);
    message->SetForegroundColour(wxColour(176, 58, 46));
    grid->Add(message, 0, wxEXPAND | wxBOTTOM, FromDIP(4));
    text->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { validateNow(); });
    m_fields[key] = text;
    m_messages[key] = message;
}

ClinicProfile ClinicDialog::profile() const
{
    ClinicProfile c;
    const auto value = [this](const char* key) { return u8(m_fields.at(key)->GetValue()); };
    c.name = value("name");
    c.address = value("address");
    c.phone = value("phone");
    c.email = value("email");
    c.web = value("web");
    c.footer = value("footer");
    c.clinician = value("clinician");
    c.accent = u8(m_accent->GetColour().GetAsString(wxC2S_HTML_SYNTAX));
    c.logo = m_logo;
    return c;
}

bool ClinicDialog::validateNow()
{
    FieldMessages problems;
    addFieldErrors(problems, validate(profile()));
    for (const auto& [key, text] : showFieldMessages(problems, m_messages))
        m_logoInfo->SetLabel(wxs(key) + ": " + text);
    const bool ok = problems.empty();
    if (auto* okButton = FindWindow(wxID_OK))
        okButton->Enable(ok);
    Layout();
    return ok;
}

bool ClinicDialog::setLogoFile(const wxString& path)
{
    wxFileName name(path);
    name.MakeAbsolute();
    const std::filesystem::path file(u8(name.GetFullPath()));
    const FileRead read = readPackFile(file.parent_path(), file, kMaxClinicLogoBytes);
    if (!read.text || !imageFormatOf(*read.text)) {
        m_logoInfo->SetLabel(read.text ? _("not a PNG or JPEG image") : wxs(read.error));
        m_logoInfo->SetForegroundColour(wxColour(176, 58, 46));
        Layout();
        return false;
    }
    m_logo = *read.text;
    m_logoInfo->SetForegroundColour(GetForegroundColour());
    showLogo();
    validateNow();
    return true;
}

void ClinicDialog::showLogo()
{
    if (m_logo.empty()) {
        m_logoPreview->SetBitmap(wxBitmapBundle());
        m_logoInfo->SetLabel(_("No logo"));
        return;
    }
    wxMemoryInputStream stream(m_logo.data(), m_logo.size());
    wxImage image;
    if (!image.LoadFile(stream, wxBITMAP_TYPE_ANY) || !image.IsOk()) {
        m_logoPreview->SetBitmap(wxBitmapBundle());
        m_logoInfo->SetLabel(_("The image cannot be shown"));
        return;
    }
    const wxSize box = FromDIP(wxSize(160, 80));
    const double scale = std::min(1.0, std::min(static_cast<double>(box.x) / image.GetWidth(),
                                                static_cast<double>(box.y) / image.GetHeight()));
    image.Rescale(std::max(1, static_cast<int>(image.GetWidth() * scale)),
                  std::max(1, static_cast<int>(image.GetHeight() * scale)), wxIMAGE_QUALITY_HIGH);
    m_logoPreview->SetBitmap(wxBitmap(image));
    m_logoInfo->SetLabel(wxString::Format(_("%zu KiB"), (m_logo.size() + 1023) / 1024));
    Layout();
}

} // namespace sp::gui
