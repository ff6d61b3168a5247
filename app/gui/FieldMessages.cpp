#include "gui/FieldMessages.h"

#include "gui/WxText.h"

#include <wx/stattext.h>

namespace sp::gui {

void addFieldErrors(FieldMessages& messages, const std::vector<FieldError>& errors)
{
    for (const FieldError& e : errors)
        messages[e.field] += (messages[e.field].empty() ? "" : "; ") + wxs(e.message);
}

FieldMessages showFieldMessages(const FieldMessages& messages, std::map<std::string, wxStaticText*>& labels)
{
    for (auto& [key, label] : labels) {
        const auto it = messages.find(key);
        const wxString text = it == messages.end() ? wxString() : it->second;
        if (label->GetLabel() != text)
            label->SetLabel(text);
    }
    FieldMessages unplaced;
    for (const auto& [key, text] : messages)
        if (!labels.count(key))
            unplaced[key] = text;
    return unplaced;
}

} // namespace sp::gui
