// Preferences: the template a new plan starts from, the handout template and paper size, the
// minutes without use before the app locks itself, and the guidance thresholds (stored in guidance.json, which the command line reads too).
#pragma once

#include "core/Guidance.h"
#include "core/PlanJson.h"

#include <wx/dialog.h>

#include <array>
#include <string>
#include <vector>

class wxChoice;
class wxSpinCtrl;

namespace sp::gui {

struct Preferences {
    std::string defaultTemplate; // template id; empty: start from an empty plan
    std::string paper = "a4";    // "a4" or "letter"
    std::string handoutTemplate = "classic"; // an id in templates/handouts
    int lockMinutes = 10; // idle minutes before the app locks itself
    GuidanceThresholds thresholds;
};

class PreferencesDialog : public wxDialog {
public:
    PreferencesDialog(wxWindow* parent, const Preferences& preferences, const std::vector<PlanTemplate>& templates);
    Preferences preferences() const;

private:
    std::vector<std::string> m_templateIds;
    std::vector<std::string> m_handoutIds;
    wxChoice* m_template;
    wxChoice* m_handout;
    wxChoice* m_paper;
    wxSpinCtrl* m_lockMinutes;
    std::array<wxSpinCtrl*, 10> m_spins{};
};

} // namespace sp::gui
