#include "gui/HandoutPanel.h"

#include "delivery/PlanHandout.h"
#include "handout/HandoutBuilder.h"
#include "gui/AppSettings.h"
#include "gui/ErrorDialog.h"
#include "gui/HandoutPreview.h"
#include "gui/WxText.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/gauge.h>
#include <wx/intl.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/statline.h>
#include <wx/stattext.h>
#include <wx/timer.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <utility>

namespace sp::gui {
namespace {

// Page images sharper than this are not worth their memory on screen.
constexpr double kMaxPreviewDpi = 300.0;

wxImage toImage(const PageImage& page)
{
    if (page.width <= 0 || page.height <= 0)
        return {};
    wxImage image(page.width, page.height, false);
    std::memcpy(image.GetData(), page.rgb.data(), page.rgb.size());
    return image;
}

// What a render job hands back to the UI thread.
struct Rendered {
    std::shared_ptr<const std::string> pdf;
    int page = 0;
    double dpi = 0;
    PageImage image;
};

} // namespace

HandoutPanel::HandoutPanel(wxWindow* parent, Workspace& workspace)
    : wxPanel(parent, wxID_ANY), m_workspace(workspace), m_jobs(*this)
{
    SetName("HandoutPanel");
    m_prompts = dialogPrompts(this);
    try {
        m_templates = delivery::handoutTemplateChoices();
    } catch (const std::exception&) {
        // No templates folder: the template choice stays empty and rendering says why.
    }
    buildControls();
    applyPreferences();
    // Rendering starts when the tab is first looked at, not for every plan opened. (A
    // handler bound with `this` as its sink is unbound when the panel goes.)
    if (auto* book = dynamic_cast<wxNotebook*>(parent))
        book->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, &HandoutPanel::onPageChanged, this);
    updateControls();
}

HandoutPanel::~HandoutPanel() = default;

void HandoutPanel::onPageChanged(wxBookCtrlEvent& event)
{
    event.Skip();
    const auto* book = dynamic_cast<wxNotebook*>(GetParent());
    if (book && book->GetCurrentPage() == this && !isRendering() && !m_pages && m_failure.empty())
        requestRender();
}

void HandoutPanel::buildControls()
{
    m_state = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    m_state->SetName("HandoutState");
    m_state->SetFont(m_state->GetFont().Bold());
    m_warning = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    m_warning->SetName("HandoutWarning");
    m_warning->SetForegroundColour(wxColour(0xa0, 0x50, 0x00));
    auto* state = new wxBoxSizer(wxVERTICAL);
    state->Add(m_state, 0, wxEXPAND);
    state->Add(m_warning, 0, wxEXPAND);

    m_template = new wxChoice(this, wxID_ANY);
    for (const auto& t : m_templates)
        m_template->Append(wxs(t.name.empty() ? t.id : t.name));
    m_paper = new wxChoice(this, wxID_ANY);
    m_paper->Append(_("A4"));
    m_paper->Append(_("US Letter"));
    m_largePrint = new wxCheckBox(this, wxID_ANY, _("&Large print"));

    auto* options = new wxBoxSizer(wxHORIZONTAL);
    options->Add(state, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(12));
    options->Add(new wxStaticText(this, wxID_ANY, _("&Template")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(4));
    options->Add(m_template, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(10));
    options->Add(new wxStaticText(this, wxID_ANY, _("Pape&r")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(4));
    options->Add(m_paper, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(10));
    options->Add(m_largePrint, 0, wxALIGN_CENTER_VERTICAL);

    m_save = new wxButton(this, wxID_ANY, _("&Save as PDF…"));
    m_print = new wxButton(this, wxID_ANY, _("&Print…"));
    m_printPreview = new wxButton(this, wxID_ANY, _("Print pre&view…"));
    m_email = new wxButton(this, wxID_ANY, _("&E-mail to patient…"));
    m_prev = new wxButton(this, wxID_ANY, "\u25C0", wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    m_prev->SetToolTip(_("Previous page (Page Up)"));
    m_next = new wxButton(this, wxID_ANY, "\u25B6", wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    m_next->SetToolTip(_("Next page (Page Down)"));
    m_pageLabel = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                   wxALIGN_CENTER_HORIZONTAL | wxST_NO_AUTORESIZE);
    m_pageLabel->SetMinSize(wxSize(GetTextExtent(_("Page 88 of 88")).x + FromDIP(8), -1));
    m_zoomOut = new wxButton(this, wxID_ZOOM_OUT, "\u2212", wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    m_zoomOut->SetToolTip(_("Zoom out"));
    m_zoomIn = new wxButton(this, wxID_ZOOM_IN, "+", wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    m_zoomIn->SetToolTip(_("Zoom in"));
    m_zoomLabel = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                   wxALIGN_CENTER_HORIZONTAL | wxST_NO_AUTORESIZE);
    m_zoomLabel->SetMinSize(wxSize(GetTextExtent("400%").x + FromDIP(8), -1));
    m_fitWidth = new wxButton(this, wxID_ANY, _("Fit &width"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    m_fitPage = new wxButton(this, wxID_ANY, _("Fit pa&ge"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);

    auto* actions = new wxBoxSizer(wxHORIZONTAL);
    for (wxButton* b : {m_save, m_print, m_printPreview, m_email})
        actions->Add(b, 0, wxRIGHT, FromDIP(4));
    actions->AddStretchSpacer();
    actions->Add(m_prev, 0, wxALIGN_CENTER_VERTICAL);
    actions->Add(m_pageLabel, 0, wxALIGN_CENTER_VERTICAL);
    actions->Add(m_next, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(12));
    actions->Add(m_zoomOut, 0, wxALIGN_CENTER_VERTICAL);
    actions->Add(m_zoomLabel, 0, wxALIGN_CENTER_VERTICAL);
    actions->Add(m_zoomIn, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(4));
    actions->Add(m_fitWidth, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(2));
    actions->Add(m_fitPage, 0, wxALIGN_CENTER_VERTICAL);

    m_preview = new HandoutPreview(this);
    m_busy = new wxStaticText(this, wxID_ANY, wxString());
    m_busy->SetName("HandoutBusy");
    m_gauge = new wxGauge(this, wxID_ANY, 100, wxDefaultPosition, FromDIP(wxSize(120, 12)));
    m_pulse = std::make_unique<wxTimer>(this);
    auto* busy = new wxBoxSizer(wxHORIZONTAL);
    busy->Add(m_gauge, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(8));
    busy->Add(m_busy, 1, wxALIGN_CENTER_VERTICAL);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(options, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(8));
    sizer->Add(actions, 0, wxEXPAND | wxALL, FromDIP(8));
    sizer->Add(m_preview, 1, wxEXPAND);
    sizer->Add(busy, 0, wxEXPAND | wxALL, FromDIP(6));
    SetSizer(sizer);
    m_gauge->Hide();

    m_template->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        const int i = m_template->GetSelection();
        if (i >= 0)
            setTemplate(m_templates[static_cast<std::size_t>(i)].id);
    });
    m_paper->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { setPaper(m_paper->GetSelection() == 1 ? "letter" : "a4"); });
    m_largePrint->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { setLargePrint(m_largePrint->GetValue()); });
    m_save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { savePdf(); });
    m_print->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { print(); });
    m_printPreview->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { printPreview(); });
    m_email->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { emailToPatient(); });
    m_prev->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { showPage(m_page - 1); });
    m_next->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { showPage(m_page + 1); });
    m_zoomOut->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { m_preview->zoomBy(-1); });
    m_zoomIn->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { m_preview->zoomBy(1); });
    m_fitWidth->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { m_preview->setZoomMode(ZoomMode::FitWidth); });
    m_fitPage->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { m_preview->setZoomMode(ZoomMode::FitPage); });
    m_preview->onZoomChanged = [this] {
        updateControls();
        requestPageImage();
    };
    m_preview->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        CallAfter([this] { requestPageImage(); });
    });
    m_preview->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_PAGEDOWN && m_page + 1 < pageCount())
            showPage(m_page + 1);
        else if (e.GetKeyCode() == WXK_PAGEUP && m_page > 0)
            showPage(m_page - 1);
        else
            e.Skip();
    });
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { m_gauge->Pulse(); }, m_pulse->GetId());
}

void HandoutPanel::applyPreferences()
{
    const std::string tmpl = u8(readConfig(cfg::kHandoutTemplate, "classic"));
    const bool known = std::any_of(m_templates.begin(), m_templates.end(), [&](const auto& t) { return t.id == tmpl; });
    m_options.templateName = known ? tmpl : "classic";
    m_options.paper = u8(readConfig(cfg::kPaper, "a4")) == "letter" ? "letter" : "a4";
    for (std::size_t i = 0; i < m_templates.size(); ++i)
        if (m_templates[i].id == m_options.templateName)
            m_template->SetSelection(static_cast<int>(i));
    m_paper->SetSelection(m_options.paper == "letter" ? 1 : 0);
    if (m_pages || isRendering())
        requestRender();
}

void HandoutPanel::setSource(const HandoutSource& source)
{
    const bool sameRevision = source.patientId == m_source.patientId && source.planId == m_source.planId &&
                              source.revision == m_source.revision;
    m_source = source;
    if (!sameRevision) {
        m_pages.reset();
        m_pdf.reset();
        m_images.clear();
        m_failure.clear();
        m_page = 0;
        if (IsShownOnScreen()) {
            requestRender();
        } else {
            m_shown = ++m_wanted; // drops what is on its way; nothing is wanted until the tab is shown
        }
    }
    updateControls();
}

void HandoutPanel::invalidate()
{
    if (m_source.planId == 0)
        return;
    if (IsShownOnScreen() || m_pages) {
        requestRender();
    } else {
        m_pages.reset();
        m_failure.clear();
    }
}

void HandoutPanel::setTemplate(const std::string& id)
{
    if (id == m_options.templateName)
        return;
    m_options.templateName = id;
    for (std::size_t i = 0; i < m_templates.size(); ++i)
        if (m_templates[i].id == id)
            m_template->SetSelection(static_cast<int>(i));
    requestRender();
}

void HandoutPanel::setPaper(const std::string& paper)
{
    if (paper == m_options.paper)
        return;
    m_options.paper = paper;
    m_paper->SetSelection(paper == "letter" ? 1 : 0);
    requestRender();
}

void HandoutPanel::setLargePrint(bool largePrint)
{
    if (largePrint == m_options.largePrint)
        return;
    m_options.largePrint = largePrint;
    m_largePrint->SetValue(largePrint);
    requestRender();
}

delivery::DeliveryContext HandoutPanel::context()
{
    return {m_workspace.store(), m_workspace.catalog(), m_workspace.thresholds(), m_workspace.clinicProfile(),
            localToday()};
}

void HandoutPanel::requestRender()
{
    const std::uint64_t generation = ++m_wanted;
    m_failure.clear();
    if (m_source.planId == 0 || m_source.revision == 0) {
        m_shown = generation;
        m_pages.reset();
        m_pdf.reset();
        updateControls();
        return;
    }
    // The records are read and the texts gathered here, on the UI thread (the database
    // and the catalog are not shared with workers); decoding the pictures, laying out,
    // writing and rasterising the PDF happen on a worker thread: a picture may be large.
    handout::HandoutDraft draft;
    try {
        delivery::DeliveryContext dc = context();
        const delivery::PlanHandout h = delivery::readPlanHandout(dc, m_source.planId, m_source.revision, false);
        std::vector<std::string> warnings;
        draft = delivery::planHandoutDraft(dc, h, warnings);
        const auto saved = Date::parse(h.revision.createdAt.substr(0, 10));
        m_revisionText = wxString::Format(_("Revision %d, saved %s by %s"), h.revision.number,
                                          saved ? wxs(handout::longDate(*saved)) : wxs(h.revision.createdAt),
                                          wxs(h.revision.author));
    } catch (const std::exception& e) {
        m_shown = generation;
        showFailure(describeException(e));
        return;
    }
    const int page = m_page;
    const double dpi = std::clamp(m_preview->wantedDpi(), 36.0, kMaxPreviewDpi);
    m_jobs.run<Rendered>(
        [options = m_options, draft = std::move(draft), page, dpi] {
            std::vector<std::string> pictureWarnings; // the preview shows the placeholders
            const handout::HandoutContent content = handout::decodePictures(draft, pictureWarnings);
            const delivery::HandoutRenderer renderer(options);
            Rendered r;
            r.pdf = std::make_shared<const std::string>(renderer.render(content).pdf);
            const PdfPages pages(*r.pdf);
            if (pages.pageCount() < 1)
                throw PreviewError("the handout has no pages");
            r.page = std::clamp(page, 0, pages.pageCount() - 1);
            r.dpi = dpi;
            r.image = pages.render(r.page, dpi);
            return r;
        },
        [this, generation](Rendered r) { onRendered(generation, r.pdf, r.page, r.dpi, r.image); },
        [this, generation](std::exception_ptr error) {
            if (generation != m_wanted)
                return; // a newer request is on its way
            m_shown = generation;
            try {
                std::rethrow_exception(error);
            } catch (const std::exception& e) {
                showFailure(describeException(e));
            }
        });
    updateControls();
}

void HandoutPanel::onRendered(std::uint64_t generation, std::shared_ptr<const std::string> pdf, int page, double dpi,
                              const PageImage& image)
{
    if (generation != m_wanted)
        return; // stale: the switches changed since
    m_shown = generation;
    try {
        m_pages = std::make_unique<PdfPages>(*pdf);
    } catch (const std::exception& e) {
        showFailure(describeException(e));
        return;
    }
    m_pdf = std::move(pdf);
    m_images.clear();
    m_images[page] = {dpi, toImage(image)};
    m_page = page;
    m_preview->setPage(m_pages->pageSize(page), m_images[page].second);
    updateControls();
    requestPageImage(); // the fit may want another resolution than was guessed
}

void HandoutPanel::showFailure(const wxString& why)
{
    m_failure = why;
    m_pages.reset();
    m_pdf.reset();
    updateControls();
}

void HandoutPanel::showPage(int index)
{
    if (!m_pages || index < 0 || index >= m_pages->pageCount())
        return;
    m_page = index;
    const auto cached = m_images.find(index);
    m_preview->setPage(m_pages->pageSize(index), cached != m_images.end() ? cached->second.second : wxImage());
    m_preview->Scroll(0, 0);
    updateControls();
    requestPageImage();
}

void HandoutPanel::requestPageImage()
{
    if (!m_pdf || !m_pages || isRendering())
        return;
    if (m_imageJob) {
        m_imageAgain = true; // one page job at a time; the latest wish is taken up after it
        return;
    }
    const double dpi = std::clamp(m_preview->wantedDpi(), 36.0, kMaxPreviewDpi);
    const auto cached = m_images.find(m_page);
    if (cached != m_images.end() && std::abs(cached->second.first - dpi) < dpi * 0.1)
        return; // sharp enough
    m_imageJob = true;
    const auto finished = [this] {
        m_imageJob = false;
        if (std::exchange(m_imageAgain, false))
            requestPageImage();
    };
    m_jobs.run<Rendered>(
        [pdf = m_pdf, page = m_page, dpi] {
            const PdfPages pages(*pdf); // a PdfPages of its own: one thread at a time each
            return Rendered{pdf, page, dpi, pages.render(page, dpi)};
        },
        [this, finished](Rendered r) {
            if (r.pdf == m_pdf && m_pages) {
                m_images[r.page] = {r.dpi, toImage(r.image)};
                if (r.page == m_page)
                    m_preview->setPage(m_pages->pageSize(r.page), m_images[r.page].second);
            }
            finished();
        },
        [finished](std::exception_ptr) {
            // The scaled image already shown stays; a page that cannot be drawn at all
            // failed in the first render and says so there.
            finished();
        });
}

bool HandoutPanel::canHandOut() const
{
    return m_source.planId != 0 && m_source.revision != 0 && !m_sending;
}

wxString HandoutPanel::headline() const
{
    if (m_source.patientId == 0)
        return _("No patient selected");
    if (m_source.planId == 0)
        return _("Not saved yet");
    return m_revisionText.empty() ? wxString::Format(_("Revision %d"), m_source.revision) : m_revisionText;
}

wxString HandoutPanel::warning() const
{
    if (m_source.patientId != 0 && m_source.planId == 0)
        return _("This plan has not been saved yet: save a revision (Ctrl+S) to make its handout.");
    if (m_source.planId != 0 && m_source.dirty)
        return _("The plan has unsaved changes, which are not in this handout: save a revision (Ctrl+S) to "
                 "include them.");
    return {};
}

wxString HandoutPanel::stateText() const
{
    const wxString more = warning();
    return more.empty() ? headline() : headline() + "\n" + more;
}

wxString HandoutPanel::pageText() const
{
    return m_pages ? wxString::Format(_("Page %d of %d"), m_page + 1, m_pages->pageCount()) : wxString();
}

void HandoutPanel::updateControls()
{
    m_state->SetLabel(headline());
    m_state->SetToolTip(headline());
    m_warning->SetLabel(warning());
    m_warning->SetToolTip(warning());
    m_warning->Show(!warning().empty());
    if (!m_failure.empty())
        m_preview->setMessage(_("The handout cannot be shown:") + "\n" + m_failure);
    else if (m_source.patientId == 0)
        m_preview->setMessage(_("No patient selected"));
    else if (m_source.planId == 0)
        m_preview->setMessage(_("A handout is made from a saved revision of the plan."));
    else if (!m_pages)
        m_preview->setMessage(_("Rendering the handout…"));
    m_pageLabel->SetLabel(pageText());
    m_zoomLabel->SetLabel(m_pages ? wxString::Format("%d%%", m_preview->zoomPercent()) : wxString());
    for (wxButton* b : {m_zoomOut, m_zoomIn, m_fitWidth, m_fitPage})
        b->Enable(m_pages != nullptr);
    m_prev->Enable(m_pages && m_page > 0);
    m_next->Enable(m_pages && m_page + 1 < m_pages->pageCount());
    const bool ready = canHandOut();
    for (wxButton* b : {m_save, m_print, m_printPreview, m_email})
        b->Enable(ready);
    m_busy->SetLabel(m_sending ? m_sendingText : isRendering() ? _("Rendering…") : m_note);
    m_gauge->Show(m_sending || isRendering());
    if (m_gauge->IsShown() && !m_pulse->IsRunning())
        m_pulse->Start(100);
    else if (!m_gauge->IsShown())
        m_pulse->Stop();
    Layout();
}

void HandoutPanel::setBusy(const wxString& text)
{
    m_sendingText = text;
    updateControls();
}

void HandoutPanel::note(const wxString& text)
{
    m_note = text;
    updateControls();
}

} // namespace sp::gui
