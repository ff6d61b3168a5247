// The Handout tab: the current plan's latest saved revision as the patient will get it.
// The preview is the PDF itself, made by sp_delivery exactly as `plan export` makes it
// and rasterised by sp_preview, with page navigation and zoom; template, paper and
// large-print switches render it again on a worker thread. Its actions (save as PDF,
// print, print preview, e-mail) go through the guidance gate and are written to the
// handout log, as the command line's are.
#pragma once

#include "delivery/HandoutRenderer.h"
#include "editor/Workspace.h"
#include "gui/BackgroundJobs.h"
#include "gui/HandoutPrompts.h"
#include "preview/PdfPages.h"

#include <wx/cmndata.h>
#include <wx/image.h>
#include <wx/panel.h>

#include <cstdint>
#include <exception>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

class wxBookCtrlEvent;
class wxButton;
class wxCheckBox;
class wxChoice;
class wxGauge;
class wxStaticText;
class wxTimer;

namespace sp::delivery {
struct DeliveryContext;
}
namespace sp::mail {
struct MailMessage;
}

namespace sp::gui {

class HandoutPreview;

// Which plan the main window has open, and whether it has changes not yet saved.
struct HandoutSource {
    std::int64_t patientId = 0;
    std::int64_t planId = 0; // 0: the plan has never been saved
    int revision = 0;        // the saved revision the plan is at
    bool dirty = false;
    bool operator==(const HandoutSource&) const = default;
};

class HandoutPanel : public wxPanel {
public:
    HandoutPanel(wxWindow* parent, Workspace& workspace);
    ~HandoutPanel() override;

    // From the main window at every plan change; renders again only when the saved
    // revision shown changes.
    void setSource(const HandoutSource& source);
    // The patient's record or the clinic's branding changed: render again.
    void invalidate();
    // The default template and paper from the Preferences.
    void applyPreferences();
    void setPrompts(HandoutPrompts prompts) { m_prompts = std::move(prompts); }

    // --- the switches
    const delivery::HandoutOptions& options() const { return m_options; }
    void setTemplate(const std::string& id);
    void setPaper(const std::string& paper); // "a4" or "letter"
    void setLargePrint(bool largePrint);

    // --- the preview
    // True from a change until its pages are on screen (or its failure is).
    bool isRendering() const { return m_wanted != m_shown; }
    int pageCount() const { return m_pages ? m_pages->pageCount() : 0; }
    int currentPage() const { return m_page; } // 0-based
    void showPage(int index);
    HandoutPreview& preview() { return *m_preview; }
    // What is shown ("Revision 2, saved ... by ..."), then, on a line of its own, what
    // the clinician should know (unsaved changes, never saved).
    wxString stateText() const;
    wxString pageText() const;
    // A saved revision to hand out (and no rendering failure in the way).
    bool canHandOut() const;

    // --- the actions; each returns true once done and logged (e-mail: once sending
    // started; see isSending()).
    bool savePdf();
    bool print();
    bool printPreview();
    bool emailToPatient();
    bool isSending() const { return m_sending; }
    // The outcome of the last action, as the line under the preview says it.
    const wxString& lastNote() const { return m_note; }
    wxPrintData& printData() { return m_printData; }
    // Pages are printed at the printer's resolution up to this (300 dpi: sharp text
    // without print jobs of hundreds of megabytes).
    void setMaxPrintDpi(double dpi) { m_maxPrintDpi = dpi; }

private:
    void buildControls();
    wxString headline() const;
    wxString warning() const;
    void onPageChanged(wxBookCtrlEvent& event);
    void updateControls();
    void requestRender();
    void requestPageImage();
    void onRendered(std::uint64_t generation, std::shared_ptr<const std::string> pdf, int page, double dpi,
                    const PageImage& image);
    void showFailure(const wxString& why);
    delivery::DeliveryContext context();

    // Runs `action`; an exception goes to the error prompt as "<doing>: <why>".
    bool attempt(const wxString& doing, const std::function<void()>& action);
    // The guidance gate: true to go ahead, with `reason` set when a blocker was overridden.
    bool passGate(const wxString& action, std::string& reason);
    // Writes the handout for `action` ("export", "print", "email") to a private temporary file.
    std::filesystem::path writeTemporary(const std::string& action, const std::string& reason,
                                         std::int64_t& revisionId);
    void finishSending(const mail::MailMessage& message, std::int64_t revisionId);
    void failSending(std::exception_ptr error);
    void setBusy(const wxString& text);
    void note(const wxString& text);

    Workspace& m_workspace;
    HandoutPrompts m_prompts;
    HandoutSource m_source;
    delivery::HandoutOptions m_options;
    std::vector<delivery::TemplateChoice> m_templates;
    wxString m_revisionText;
    wxString m_failure;

    BackgroundJobs m_jobs;
    std::uint64_t m_wanted = 0; // the generation asked for last
    std::uint64_t m_shown = 0;  // the generation on screen
    std::shared_ptr<const std::string> m_pdf;
    std::unique_ptr<PdfPages> m_pages; // m_pdf's pages, for their sizes (UI thread only)
    int m_page = 0;
    std::map<int, std::pair<double, wxImage>> m_images; // page -> the dpi it was rendered at, the image
    bool m_imageJob = false;   // a page image is being rendered
    bool m_imageAgain = false; // and another was asked for meanwhile

    bool m_sending = false;
    wxString m_sendingText;
    wxString m_note;
    wxPrintData m_printData;
    double m_maxPrintDpi = 300.0;

    wxStaticText* m_state = nullptr;
    wxStaticText* m_warning = nullptr;
    wxChoice* m_template = nullptr;
    wxChoice* m_paper = nullptr;
    wxCheckBox* m_largePrint = nullptr;
    wxButton* m_save = nullptr;
    wxButton* m_print = nullptr;
    wxButton* m_printPreview = nullptr;
    wxButton* m_email = nullptr;
    wxButton* m_zoomOut = nullptr;
    wxButton* m_zoomIn = nullptr;
    wxButton* m_fitWidth = nullptr;
    wxButton* m_fitPage = nullptr;
    wxButton* m_prev = nullptr;
    wxButton* m_next = nullptr;
    wxStaticText* m_pageLabel = nullptr;
    wxStaticText* m_zoomLabel = nullptr;
    wxStaticText* m_busy = nullptr;
    wxGauge* m_gauge = nullptr;
    std::unique_ptr<wxTimer> m_pulse; // owned: stopped and gone with the panel
    HandoutPreview* m_preview = nullptr;
};

} // namespace sp::gui
