// "E-mail to patient": the address (the patient's, prefilled), the subject and the text
// from the e-mail template, all editable, and the name of the attached handout. Send
// stays off while the address is not usable or the subject has a line break.
#pragma once

#include <wx/dialog.h>

#include <string>

class wxButton;
class wxStaticText;
class wxTextCtrl;

namespace sp::gui {

struct MailAnswers {
    std::string to;
    std::string subject;
    std::string body;
};

class HandoutMailDialog : public wxDialog {
public:
    // `sender`: who it comes from and through which server, shown so nobody wonders.
    HandoutMailDialog(wxWindow* parent, const MailAnswers& proposed, const wxString& attachment,
                      const wxString& sender);

    MailAnswers answers() const;

private:
    void validateNow();

    wxTextCtrl* m_to = nullptr;
    wxTextCtrl* m_subject = nullptr;
    wxTextCtrl* m_body = nullptr;
    wxStaticText* m_problem = nullptr;
    wxButton* m_send = nullptr;
};

} // namespace sp::gui
