#include "gui/PreferencesDialog.h"

#include "core/GuidanceSettings.h"
#include "delivery/HandoutRenderer.h"
#include "gui/WxText.h"

#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/statbox.h>
#include <wx/settings.h>
#include <wx/stattext.h>

namespace sp::gui {
namespace {

// "max_session_minutes" -> "Max session minutes": the documented key, readable.
wxString keyLabel(std::string_view key)
{
    std::string text(key);
    for (char& c : text)
        if (c == '_')
            c = ' ';
    if (!text.empty())
        text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return wxs(text);
}

} // namespace

PreferencesDialog::PreferencesDialog(wxWindow* parent, const Preferences& preferences,
                                     const std::vector<PlanTemplate>& templates)
    : wxDialog(parent, wxID_PREFERENCES, _("Preferences"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER)
{
    auto* plans = new wxStaticBoxSizer(wxVERTICAL, this, _("Plans and handouts"));
    auto* planGrid = new wxFlexGridSizer(2, FromDIP(6), FromDIP(8));
    planGrid->AddGrowableCol(1, 1);
    planGrid->Add(new wxStaticText(plans->GetStaticBox(), wxID_ANY, _("New plans start &from")), 0,
                  wxALIGN_CENTER_VERTICAL);
    m_template = new wxChoice(plans->GetStaticBox(), wxID_ANY);
    m_template->Append(_("An empty plan"));
    m_templateIds.push_back({});
    m_template->SetSelection(0);
    for (const PlanTemplate& t : templates) {
        m_template->Append(wxs(t.title));
        m_templateIds.push_back(t.id);
        if (t.id == preferences.defaultTemplate)
            m_template->SetSelection(static_cast<int>(m_templateIds.size()) - 1);
    }
    planGrid->Add(m_template, 1, wxEXPAND);
    planGrid->Add(new wxStaticText(plans->GetStaticBox(), wxID_ANY, _("&Handout template")), 0,
                  wxALIGN_CENTER_VERTICAL);
    m_handout = new wxChoice(plans->GetStaticBox(), wxID_ANY);
    try {
        for (const auto& t : delivery::handoutTemplateChoices()) {
            m_handout->Append(wxs(t.name.empty() ? t.id : t.name));
            m_handoutIds.push_back(t.id);
            if (t.id == preferences.handoutTemplate || m_handout->GetSelection() == wxNOT_FOUND)
                m_handout->SetSelection(static_cast<int>(m_handoutIds.size()) - 1);
        }
    } catch (const std::exception&) {
        // No templates folder: nothing to choose from; handouts say why when made.
    }
    planGrid->Add(m_handout, 0);
    planGrid->Add(new wxStaticText(plans->GetStaticBox(), wxID_ANY, _("&Paper size")), 0, wxALIGN_CENTER_VERTICAL);
    m_paper = new wxChoice(plans->GetStaticBox(), wxID_ANY);
    m_paper->Append(_("A4"));
    m_paper->Append(_("US Letter"));
    m_paper->SetSelection(preferences.paper == "letter" ? 1 : 0);
    planGrid->Add(m_paper, 0);
    plans->Add(planGrid, 0, wxEXPAND | wxALL, FromDIP(6));

    auto* privacy = new wxStaticBoxSizer(wxHORIZONTAL, this, _("Privacy"));
    privacy->Add(new wxStaticText(privacy->GetStaticBox(), wxID_ANY, _("&Lock after")), 0,
                 wxALIGN_CENTER_VERTICAL | wxALL, FromDIP(6));
    m_lockMinutes = new wxSpinCtrl(privacy->GetStaticBox(), wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                                   wxSP_ARROW_KEYS | wxALIGN_RIGHT, 1, 240, preferences.lockMinutes, "LockMinutes");
    privacy->Add(m_lockMinutes, 0, wxALIGN_CENTER_VERTICAL | wxTOP | wxBOTTOM, FromDIP(6));
    privacy->Add(new wxStaticText(privacy->GetStaticBox(), wxID_ANY,
                                  _("minutes without the keyboard or mouse (1–240); Ctrl+L locks at once")),
                 0, wxALIGN_CENTER_VERTICAL | wxALL, FromDIP(6));

    auto* guidance = new wxStaticBoxSizer(wxVERTICAL, this, _("Guidance thresholds"));
    auto* grid = new wxFlexGridSizer(3, FromDIP(4), FromDIP(8));
    grid->AddGrowableCol(2, 1);
    for (std::size_t i = 0; i < kThresholdFields.size(); ++i) {
        const ThresholdField& f = kThresholdFields[i];
        grid->Add(new wxStaticText(guidance->GetStaticBox(), wxID_ANY, keyLabel(f.key)), 0, wxALIGN_CENTER_VERTICAL);
        m_spins[i] = new wxSpinCtrl(guidance->GetStaticBox(), wxID_ANY, wxEmptyString, wxDefaultPosition,
                                    wxDefaultSize, wxSP_ARROW_KEYS | wxALIGN_RIGHT, f.min, f.max,
                                    preferences.thresholds.*f.member);
        grid->Add(m_spins[i], 0);
        auto* meaning = new wxStaticText(guidance->GetStaticBox(), wxID_ANY,
                                         wxs(std::string(f.meaning)) + wxString::Format(" (%d–%d)", f.min, f.max));
        meaning->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        grid->Add(meaning, 0, wxALIGN_CENTER_VERTICAL);
    }
    guidance->Add(grid, 0, wxEXPAND | wxALL, FromDIP(6));
    auto* note = new wxStaticText(guidance->GetStaticBox(), wxID_ANY,
                                  _("Saved in guidance.json, which the command line uses too."));
    guidance->Add(note, 0, wxALL, FromDIP(6));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(plans, 0, wxEXPAND | wxALL, FromDIP(10));
    sizer->Add(privacy, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10));
    sizer->Add(guidance, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(10));
    sizer->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(10));
    SetSizerAndFit(sizer);
}

Preferences PreferencesDialog::preferences() const
{
    Preferences p;
    const int t = m_template->GetSelection();
    p.defaultTemplate = t > 0 ? m_templateIds[static_cast<std::size_t>(t)] : std::string();
    p.paper = m_paper->GetSelection() == 1 ? "letter" : "a4";
    const int h = m_handout->GetSelection();
    p.handoutTemplate = h >= 0 ? m_handoutIds[static_cast<std::size_t>(h)] : std::string("classic");
    p.lockMinutes = m_lockMinutes->GetValue();
    for (std::size_t i = 0; i < kThresholdFields.size(); ++i)
        p.thresholds.*kThresholdFields[i].member = m_spins[i]->GetValue();
    return p;
}

} // namespace sp::gui
