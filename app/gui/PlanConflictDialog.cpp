#include "gui/PlanConflictDialog.h"

#include "gui/HistoryDialog.h"
#include "gui/WxText.h"

#include <wx/button.h>
#include <wx/html/htmlwin.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace sp::gui {

PlanConflictDialog::PlanConflictDialog(wxWindow* parent, const wxString& message, const PlanRevision& base,
                                       const PlanRevision& theirs, const PlanRevision& draft)
    : wxDialog(parent, wxID_ANY, _("The plan was changed by someone else"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER, "PlanConflictDialog")
{
    wxString said = message; // the store's sentence, which starts in lower case
    if (!said.empty())
        said[0] = wxToupper(said[0]);
    auto* intro = new wxStaticText(this, wxID_ANY,
                                   said + "\n\n" +
                                       _("Your draft is still open and unchanged. Review both, then save your draft "
                                         "on top of theirs, or keep editing it."));
    intro->Wrap(FromDIP(760));
    const auto pane = [this](const wxString& heading, wxHtmlWindow*& html, const wxString& page) {
        auto* column = new wxBoxSizer(wxVERTICAL);
        auto* label = new wxStaticText(this, wxID_ANY, heading);
        label->SetFont(label->GetFont().Bold());
        column->Add(label, 0, wxBOTTOM, FromDIP(4));
        html = new wxHtmlWindow(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(380, 320)));
        html->SetPage(page);
        column->Add(html, 1, wxEXPAND);
        return column;
    };
    auto* panes = new wxBoxSizer(wxHORIZONTAL);
    panes->Add(pane(wxString::Format(_("What %s saved as revision %d (%s)"), wxs(theirs.author), theirs.number,
                                     wxs(theirs.createdAt)),
                    m_theirs, revisionDiffHtml(base.number > 0 ? &base : nullptr, theirs)),
               1, wxEXPAND | wxRIGHT, FromDIP(8));
    panes->Add(pane(wxString::Format(_("What your draft changes on top of revision %d"), theirs.number), m_draft,
                    revisionDiffHtml(&theirs, draft)),
               1, wxEXPAND);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    buttons->Add(new wxButton(this, wxID_CANCEL, _("&Keep editing")), 0, wxRIGHT, FromDIP(8));
    auto* save = new wxButton(this, wxID_SAVE,
                              wxString::Format(_("&Save my draft as revision %d"), theirs.number + 1));
    buttons->Add(save);
    save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EndModal(wxID_SAVE); });

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(intro, 0, wxEXPAND | wxALL, FromDIP(10));
    sizer->Add(panes, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(10));
    sizer->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(10));
    SetSizerAndFit(sizer);
    SetEscapeId(wxID_CANCEL);
}

wxString PlanConflictDialog::theirChangesText() const
{
    return m_theirs->ToText();
}

wxString PlanConflictDialog::draftChangesText() const
{
    return m_draft->ToText();
}

} // namespace sp::gui
