// The clinic's profile: the branding every handout carries (name, address, contacts,
// logo, accent colour, footer), with each field's problem shown as it is typed and a
// preview of the logo.
#pragma once

#include "core/ClinicProfile.h"

#include <wx/dialog.h>

#include <map>
#include <string>

class wxButton;
class wxColourPickerCtrl;
class wxStaticBitmap;
class wxStaticText;
class wxTextCtrl;

namespace sp::gui {

class ClinicDialog : public wxDialog {
public:
    // `isDemo`: the profile shown is the demo clinic's, not yet the clinic's own.
    ClinicDialog(wxWindow* parent, const ClinicProfile& profile, bool isDemo);

    ClinicProfile profile() const;
    bool validateNow();
    // Reads a PNG or JPEG of at most 2 MiB as the logo; false (with the reason shown)
    // when the file cannot be used.
    bool setLogoFile(const wxString& path);

private:
    void addField(wxSizer* grid, const std::string& key, const wxString& label, const std::string& value,
                  long style = 0);
    void showLogo();

    std::map<std::string, wxTextCtrl*> m_fields;
    std::map<std::string, wxStaticText*> m_messages;
    wxColourPickerCtrl* m_accent;
    wxStaticBitmap* m_logoPreview;
    wxStaticText* m_logoInfo;
    std::string m_logo;
};

} // namespace sp::gui
