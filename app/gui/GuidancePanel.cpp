#include "gui/GuidancePanel.h"

#include "gui/EnumLabels.h"
#include "gui/WxText.h"

#include <wx/html/htmlwin.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

namespace sp::gui {
namespace {

const char* severityColour(Severity s)
{
    switch (s) {
    case Severity::Blocker: return "#B03A2E";
    case Severity::Warning: return "#B9770E";
    case Severity::Info: return "#2A6F97";
    }
    return "#000000";
}

} // namespace

GuidancePanel::GuidancePanel(wxWindow* parent) : wxPanel(parent, wxID_ANY)
{
    auto* heading = new wxStaticText(this, wxID_ANY, _("Guidance"));
    heading->SetFont(heading->GetFont().Bold());
    m_summary = new wxStaticText(this, wxID_ANY, wxEmptyString);
    m_html = new wxHtmlWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxHW_SCROLLBAR_AUTO);
    m_html->SetMinSize(FromDIP(wxSize(200, 120)));
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(heading, 0, wxRIGHT, FromDIP(8));
    top->Add(m_summary, 1);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(top, 0, wxEXPAND | wxALL, FromDIP(4));
    sizer->Add(m_html, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(4));
    SetSizer(sizer);
    m_html->Bind(wxEVT_HTML_LINK_CLICKED, &GuidancePanel::onLink, this);
    clear(_("Select a patient to see guidance."));
}

void GuidancePanel::show(const std::vector<Finding>& findings, const Catalog& catalog,
                         const std::vector<std::string>& inPlan)
{
    m_findings = findings;
    m_inPlan = inPlan;
    int counts[4] = {0, 0, 0, 0};
    for (const Finding& f : findings)
        ++counts[static_cast<int>(f.severity)];
    m_summary->SetLabel(findings.empty() ? _("no findings: the plan fits the patient")
                                         : wxString::Format(_("%d blocker(s), %d warning(s), %d note(s)"),
                                                            counts[3], counts[2], counts[1]));
    wxString html = "<html><body>";
    if (findings.empty())
        html += "<p>" + _("Nothing to point out.") + "</p>";
    for (const Finding& f : findings) {
        html += wxString::Format("<p><font color=\"%s\"><b>%s</b></font> ", severityColour(f.severity),
                                 severityLabel(f.severity));
        html += htmlEscaped(f.message);
        wxString links;
        for (const std::string& id : f.suggestions) {
            if (std::find(inPlan.begin(), inPlan.end(), id) != inPlan.end())
                continue;
            const Exercise* e = catalog.find(id);
            links += wxString::Format("<a href=\"add:%s\">%s</a> ", htmlEscaped(id),
                                      wxString::Format(_("Add %s"), htmlEscaped(e ? e->name : id)));
        }
        if (!links.empty())
            html += "<br>&nbsp;&nbsp;" + links;
        html += "</p>";
    }
    m_html->SetPage(html + "</body></html>");
    Layout();
}

void GuidancePanel::clear(const wxString& why)
{
    m_findings.clear();
    m_summary->SetLabel(wxEmptyString);
    m_html->SetPage("<html><body><p>" + why + "</p></body></html>");
}

wxString GuidancePanel::text() const
{
    return m_summary->GetLabel() + "\n" + m_html->ToText();
}

std::string GuidancePanel::firstSuggestion() const
{
    for (const Finding& f : m_findings)
        for (const std::string& id : f.suggestions)
            if (std::find(m_inPlan.begin(), m_inPlan.end(), id) == m_inPlan.end())
                return id;
    return {};
}

void GuidancePanel::onLink(wxHtmlLinkEvent& event)
{
    wxString id;
    if (event.GetLinkInfo().GetHref().StartsWith("add:", &id) && onAddSuggestion)
        onAddSuggestion(u8(id));
}

} // namespace sp::gui
