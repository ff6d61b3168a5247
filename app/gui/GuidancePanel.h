// What the guidance rules say about the plan as it is now, refreshed on every change:
// blockers, warnings and notes, each with one-click links that add a suggested exercise.
#pragma once

#include "core/Catalog.h"
#include "core/Guidance.h"

#include <wx/panel.h>

#include <functional>
#include <string>
#include <vector>

class wxHtmlWindow;
class wxHtmlLinkEvent;
class wxStaticText;

namespace sp::gui {

class GuidancePanel : public wxPanel {
public:
    explicit GuidancePanel(wxWindow* parent);

    // `plan` says which exercises the plan already has (not suggested again).
    void show(const std::vector<Finding>& findings, const Catalog& catalog, const std::vector<std::string>& inPlan);
    void clear(const wxString& why);
    const std::vector<Finding>& findings() const { return m_findings; }
    // The panel's text as the clinician reads it.
    wxString text() const;
    // What "Add suggested exercise" adds first: the first suggestion of the most severe
    // finding that has one; empty when none.
    std::string firstSuggestion() const;

    std::function<void(const std::string&)> onAddSuggestion; // qualified exercise id

private:
    void onLink(wxHtmlLinkEvent& event);

    wxStaticText* m_summary;
    wxHtmlWindow* m_html;
    std::vector<Finding> m_findings;
    std::vector<std::string> m_inPlan;
};

} // namespace sp::gui
