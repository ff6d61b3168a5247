// The Handout tab's actions: save as PDF, print, print preview, e-mail. Each makes the
// handout of the revision on screen through sp_delivery (the code `plan export` and
// `plan email` run), stops at the guidance gate unless the clinician gives a reason, and
// writes what it did to the handout log. Failures end here, as a message that says what
// and why.
#include "gui/HandoutPanel.h"

#include "delivery/GuidanceGate.h"
#include "delivery/HandoutLog.h"
#include "delivery/HandoutMail.h"
#include "delivery/MailSetup.h"
#include "gui/ErrorDialog.h"
#include "gui/HandoutPrintout.h"
#include "gui/WxText.h"
#include "mail/Address.h"
#include "mail/EmailTemplate.h"
#include "mail/Headers.h"
#include "mail/MailError.h"

#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/log.h>
#include <wx/print.h>

#include <cctype>
#include <fstream>
#include <iterator>
#include <system_error>

#include <unistd.h>

namespace fs = std::filesystem;

namespace sp::gui {
namespace {

std::string readFile(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// "Ana Nunez" -> a file name part: letters, digits and '-' (other characters dropped).
std::string fileNamePart(const std::string& name)
{
    std::string out;
    for (const char c : name) {
        if (c == ' ' || c == '-')
            out += out.empty() || out.back() == '-' ? "" : "-";
        else if (static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c)))
            out += c;
    }
    while (!out.empty() && out.back() == '-')
        out.pop_back();
    return out;
}

// What wxWidgets logs while printing (e.g. "Cannot open file for PostScript printing!"),
// kept for the one error message the clinician gets instead of a log window besides it.
class CollectedLog : public wxLog {
public:
    CollectedLog() : m_previous(wxLog::SetActiveTarget(this)) {}
    ~CollectedLog() override { wxLog::SetActiveTarget(m_previous); }
    const wxString& text() const { return m_text; }

protected:
    void DoLogTextAtLevel(wxLogLevel level, const wxString& message) override
    {
        if (level <= wxLOG_Warning)
            m_text += (m_text.empty() ? "" : "\n") + message;
    }

private:
    wxLog* m_previous;
    wxString m_text;
};

// Removes a temporary PDF when it goes out of scope.
struct TemporaryFile {
    fs::path path;
    ~TemporaryFile()
    {
        std::error_code ec;
        if (!path.empty())
            fs::remove(path, ec);
    }
};

} // namespace

bool HandoutPanel::attempt(const wxString& doing, const std::function<void()>& action)
{
    try {
        action();
        return true;
    } catch (const std::exception& e) {
        m_prompts.error(doing, describeException(e));
    }
    return false;
}

bool HandoutPanel::passGate(const wxString& action, std::string& reason)
{
    reason.clear();
    std::vector<Finding> blockers;
    if (!attempt(_("Cannot check the plan's guidance"), [&] {
            const delivery::DeliveryContext dc = context();
            const Plan plan = dc.store.plans().get(m_source.planId);
            blockers = delivery::blockersOf(
                delivery::checkPlan(dc, plan, dc.store.plans().revision(m_source.planId, m_source.revision)));
        }))
        return false;
    if (blockers.empty())
        return true;
    const auto given = m_prompts.overrideReason(action, blockers);
    if (!given || given->find_first_not_of(" \t\r\n") == std::string::npos) {
        note(wxString::Format(_("Not done: %s is held back by a guidance blocker."), action));
        return false;
    }
    reason = *given;
    return true;
}

fs::path HandoutPanel::writeTemporary(const std::string& action, const std::string& reason, std::int64_t& revisionId)
{
    // The outbox: a folder only its owner may enter (the PDF holds patient data).
    static int count = 0;
    const fs::path file = delivery::outboxDir() / (".handout-" + std::to_string(::getpid()) + "-" +
                                                   std::to_string(++count) + ".pdf");
    delivery::DeliveryContext dc = context();
    const auto w = delivery::writePlanHandout(dc, m_source.planId, m_source.revision, m_options, action, reason, file);
    revisionId = w.handout.revision.id;
    return file;
}

bool HandoutPanel::savePdf()
{
    if (!canHandOut())
        return false;
    wxString defaultName;
    if (!attempt(_("Cannot save the handout"), [&] {
            defaultName = wxs(fileNamePart(m_workspace.store().patients().get(m_source.patientId).name) + "-" +
                              mail::attachmentFileName(localToday().toString()));
        }))
        return false;
    const auto path = m_prompts.savePath(defaultName);
    if (!path)
        return false;
    std::string reason;
    if (!passGate(_("Saving the handout as PDF"), reason))
        return false;
    const fs::path file(u8(*path));
    bool done = false;
    try {
        delivery::DeliveryContext dc = context();
        const auto w = delivery::writePlanHandout(dc, m_source.planId, m_source.revision, m_options, "export", reason,
                                                  file);
        try {
            delivery::logHandout(m_workspace.store(), w.handout.revision.id, HandoutChannel::Pdf,
                                 file.filename().string(), file);
            done = true;
        } catch (const std::exception& e) {
            m_prompts.error(_("The handout was saved but could not be logged"),
                            wxs(file.string()) + "\n" + describeException(e));
        }
    } catch (const std::exception& e) {
        m_prompts.error(_("Cannot save the handout"), describeException(e));
    }
    if (done)
        note(wxString::Format(_("Saved %s; written to the handout log."), wxs(file.string())));
    return done;
}

bool HandoutPanel::print()
{
    if (!canHandOut())
        return false;
    std::string reason;
    if (!passGate(_("Printing the handout"), reason))
        return false;
    TemporaryFile pdf;
    std::int64_t revisionId = 0;
    std::shared_ptr<const PdfPages> pages;
    if (!attempt(_("Cannot print the handout"), [&] {
            pdf.path = writeTemporary("print", reason, revisionId);
            pages = std::make_shared<const PdfPages>(readFile(pdf.path));
        }))
        return false;
    HandoutPrintout printout(pages, _("Home exercise plan"), m_maxPrintDpi);
    m_printData.SetPaperId(m_options.paper == "letter" ? wxPAPER_LETTER : wxPAPER_A4); // the handout's paper
    wxPrintDialogData dialogData(m_printData);
    dialogData.SetMinPage(1);
    dialogData.SetMaxPage(pages->pageCount());
    wxPrinter printer(&dialogData);
    bool printed = false;
    wxString logged;
    {
        const CollectedLog log;
        printed = printer.Print(this, &printout, m_prompts.printDialog);
        logged = log.text();
    }
    m_printData = printer.GetPrintDialogData().GetPrintData();
    if (!printed || printout.pagesPrinted() == 0) {
        if (wxPrinter::GetLastError() == wxPRINTER_CANCELLED && printout.error().empty() && logged.empty()) {
            note(_("Printing cancelled; nothing logged."));
        } else {
            wxString why = !printout.error().empty() ? wxs(printout.error())
                           : !logged.empty()          ? logged
                                                      : wxString(_("The printer reported an error."));
            if (m_printData.GetPrintMode() == wxPRINT_MODE_FILE)
                why += "\n" + wxString::Format(_("(printing to the file %s)"), m_printData.GetFilename());
            m_prompts.error(_("Cannot print the handout"), why + "\n" + _("Nothing was logged as printed."));
        }
        return false;
    }
    const wxString recipient = m_printData.GetPrintMode() == wxPRINT_MODE_FILE
                                   ? wxFileName(m_printData.GetFilename()).GetFullName()
                                   : (m_printData.GetPrinterName().empty() ? wxString(_("default printer"))
                                                                           : m_printData.GetPrinterName());
    if (!attempt(_("The handout was printed but could not be logged"), [&] {
            delivery::logHandout(m_workspace.store(), revisionId, HandoutChannel::Print, u8(recipient), pdf.path);
        }))
        return false;
    note(wxString::Format(_("Printed %d page(s) to %s; written to the handout log."),
                                      printout.pagesPrinted(), recipient));
    return true;
}

bool HandoutPanel::printPreview()
{
    if (!canHandOut())
        return false;
    std::string reason;
    if (!passGate(_("Printing the handout"), reason))
        return false;
    // The file stays until the preview window closes: printing from it logs its hash.
    auto pdf = std::make_shared<TemporaryFile>();
    std::int64_t revisionId = 0;
    std::shared_ptr<const PdfPages> pages;
    if (!attempt(_("Cannot show the print preview"), [&] {
            pdf->path = writeTemporary("print", reason, revisionId);
            pages = std::make_shared<const PdfPages>(readFile(pdf->path));
        }))
        return false;
    auto* forPrinting = new HandoutPrintout(pages, _("Home exercise plan"), m_maxPrintDpi);
    wxPrintDialogData dialogData(m_printData);
    auto* preview = new wxPrintPreview(new HandoutPrintout(pages, _("Home exercise plan")), forPrinting, &dialogData);
    if (!preview->IsOk()) {
        delete preview;
        m_prompts.error(_("Cannot show the print preview"), _("No printer is set up to preview for."));
        return false;
    }
    forPrinting->onPrinted = [this, pdf, revisionId, preview](int pagesPrinted) {
        const wxPrintData& data = preview->GetPrintDialogData().GetPrintData();
        const wxString recipient = data.GetPrintMode() == wxPRINT_MODE_FILE
                                       ? wxFileName(data.GetFilename()).GetFullName()
                                       : (data.GetPrinterName().empty() ? wxString(_("default printer"))
                                                                        : data.GetPrinterName());
        if (attempt(_("The handout was printed but could not be logged"), [&] {
                delivery::logHandout(m_workspace.store(), revisionId, HandoutChannel::Print, u8(recipient), pdf->path);
            }))
            note(wxString::Format(_("Printed %d page(s) to %s; written to the handout log."),
                                              pagesPrinted, recipient));
    };
    auto* frame = new wxPreviewFrame(preview, wxGetTopLevelParent(this), _("Print preview: home exercise plan"),
                                     wxDefaultPosition, FromDIP(wxSize(800, 900)));
    frame->SetName("HandoutPrintPreview");
    frame->Bind(wxEVT_CLOSE_WINDOW, [pdf](wxCloseEvent& e) mutable {
        pdf.reset(); // this handler's copy; the printout's goes with the preview
        e.Skip();
    });
    frame->Initialize();
    frame->Show();
    return true;
}

bool HandoutPanel::emailToPatient()
{
    if (!canHandOut())
        return false;
    const wxString doing = _("Cannot e-mail the handout");
    std::optional<mail::MailSettings> settings;
    fs::path settingsFile;
    if (!attempt(doing, [&] {
            settingsFile = delivery::mailSettingsPath();
            settings = delivery::loadMailSettings();
        }))
        return false;
    if (!settings) {
        m_prompts.error(_("E-mail is not set up"),
                        wxString::Format(_("No SMTP server is configured for sending handouts. Set it up once from "
                                           "a terminal with\n\n    stretchplan-cli mail configure --host SERVER "
                                           "--from ADDRESS\n\n(see \u201cE-mailing handouts\u201d in the README); "
                                           "the settings are kept in %s. Until then, save the handout as PDF and "
                                           "attach it in your own mail program."),
                                         wxs(settingsFile.string())));
        return false;
    }
    MailAnswers proposed;
    delivery::PlanHandout h;
    if (!attempt(doing, [&] {
            delivery::DeliveryContext dc = context();
            h = delivery::readPlanHandout(dc, m_source.planId, m_source.revision, false);
            const auto tmpl = mail::loadEmailTemplate("default", delivery::emailTemplateDirs());
            const delivery::MailText text = delivery::handoutMailText(tmpl, dc.clinic, h);
            proposed = {h.patient.email, text.subject, text.body};
        }))
        return false;
    const wxString sender = wxs((settings->fromName.empty() ? m_workspace.clinicProfile().name : settings->fromName) +
                                " <" + settings->fromAddress + ">, " + "via " + settings->host);
    const auto answers = m_prompts.mail(proposed, wxs(mail::attachmentFileName(h.date.toString())), sender);
    if (!answers)
        return false;
    try {
        mail::requireAddress(answers->to, "the patient's address");
        mail::requireSingleLine("the subject", answers->subject);
    } catch (const mail::MailError& e) {
        m_prompts.error(doing, wxs(e.what()));
        return false;
    }
    std::optional<std::string> password;
    if (!attempt(doing, [&] { password = delivery::storedPassword(*settings, settingsFile); }))
        return false;
    if (!password) {
        password = m_prompts.password(wxs(settings->username + "@" + settings->host));
        if (!password)
            return false;
    }
    std::string reason;
    if (!passGate(_("E-mailing the handout"), reason))
        return false;
    delivery::OutboxHandout out;
    mail::MailMessage message;
    try {
        delivery::DeliveryContext dc = context();
        out = delivery::writeOutboxHandout(dc, m_source.planId, m_source.revision, m_options, "email", reason,
                                           delivery::outboxDir());
        message = delivery::handoutMessage(*settings, dc.clinic, answers->to, {answers->subject, answers->body}, out);
    } catch (const std::exception& e) {
        m_prompts.error(doing, describeException(e));
        return false;
    }
    m_sending = true;
    updateControls();
    setBusy(wxString::Format(_("Sending the handout to %s…"), wxs(answers->to)));
    const std::int64_t revisionId = out.written.handout.revision.id;
    m_jobs.run<mail::MailMessage>(
        [settings = *settings, password = *password, message]() mutable {
            delivery::sendHandoutMail(settings, password, message);
            return message;
        },
        [this, revisionId](mail::MailMessage sent) { finishSending(sent, revisionId); },
        [this](std::exception_ptr error) { failSending(error); });
    return true;
}

void HandoutPanel::finishSending(const mail::MailMessage& message, std::int64_t revisionId)
{
    m_sending = false;
    setBusy(wxString());
    updateControls();
    try {
        delivery::logSentMail(m_workspace.store(), revisionId, message);
    } catch (const std::exception& e) {
        m_prompts.error(_("The e-mail was sent but could not be logged"), describeException(e));
        return;
    }
    note(wxString::Format(_("Sent to %s (Message-ID %s); written to the handout log."), wxs(message.to),
                                      wxs(message.messageId)));
}

void HandoutPanel::failSending(std::exception_ptr error)
{
    m_sending = false;
    setBusy(wxString());
    updateControls();
    try {
        std::rethrow_exception(error);
    } catch (const delivery::SendFailedError& e) {
        note(_("The e-mail was not sent; nothing logged."));
        m_prompts.mailFailed(wxs(e.reason()), wxs(e.keptPdf().string()));
    } catch (const std::exception& e) {
        m_prompts.error(_("Cannot e-mail the handout"), describeException(e));
    }
}

} // namespace sp::gui
