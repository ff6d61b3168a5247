// The main window's Handout menu and what keeps the Handout tab on the plan that is open.
// The actions themselves are the tab's (HandoutPanel, HandoutActions.cpp).
#include "gui/HandoutPanel.h"
#include "gui/MainFrame.h"

#include <wx/intl.h>
#include <wx/menu.h>
#include <wx/notebook.h>

namespace sp::gui {
namespace {

// Apart from MainFrame.cpp's ids (from +1) and the Tools menu's (ToolsMenu.h, from +200).
enum HandoutMenuId {
    kIdHandoutShow = wxID_HIGHEST + 300,
    kIdHandoutSavePdf,
    kIdHandoutPrintPreview,
    kIdHandoutEmail,
};

} // namespace

wxMenu* MainFrame::makeHandoutMenu()
{
    auto* menu = new wxMenu;
    menu->Append(kIdHandoutShow, _("S&how handout\tCtrl+H"), _("The handout of the plan's latest saved revision"));
    menu->AppendSeparator();
    menu->Append(kIdHandoutSavePdf, _("&Save as PDF…\tCtrl+Shift+S"));
    menu->Append(wxID_PRINT, _("&Print…\tCtrl+P"));
    menu->Append(kIdHandoutPrintPreview, _("Print pre&view…"));
    menu->Append(kIdHandoutEmail, _("&E-mail to patient…"));

    // Each action shows the tab first: the clinician sees the pages being handed out.
    const auto onTab = [this](auto action) {
        return [this, action](wxCommandEvent&) {
            showHandout();
            (m_handout->*action)();
        };
    };
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { showHandout(); }, kIdHandoutShow);
    Bind(wxEVT_MENU, onTab(&HandoutPanel::savePdf), kIdHandoutSavePdf);
    Bind(wxEVT_MENU, onTab(&HandoutPanel::print), wxID_PRINT);
    Bind(wxEVT_MENU, onTab(&HandoutPanel::printPreview), kIdHandoutPrintPreview);
    Bind(wxEVT_MENU, onTab(&HandoutPanel::emailToPatient), kIdHandoutEmail);
    for (int id : {int(kIdHandoutSavePdf), int(wxID_PRINT), int(kIdHandoutPrintPreview), int(kIdHandoutEmail)})
        Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(m_handout && m_handout->canHandOut()); }, id);
    Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(m_patientId != 0); }, kIdHandoutShow);
    return menu;
}

void MainFrame::showHandout()
{
    const int index = m_tabs->FindPage(m_handout);
    if (index != wxNOT_FOUND && m_tabs->GetSelection() != index)
        m_tabs->SetSelection(index);
}

void MainFrame::refreshHandout()
{
    if (!m_handout)
        return;
    HandoutSource source;
    source.patientId = m_patientId;
    if (m_patient && m_editor.isOpen()) {
        source.planId = m_editor.planId();
        source.revision = m_editor.isNew() ? 0 : m_editor.baseRevision();
        source.dirty = m_editor.isDirty();
    }
    m_handout->setSource(source);
}

} // namespace sp::gui
