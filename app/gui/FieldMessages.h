// Inline validation for the editing dialogs: the core validators' messages, gathered by
// field, shown under each field's control.
#pragma once

#include "core/Validation.h"

#include <wx/string.h>

#include <map>
#include <string>
#include <vector>

class wxStaticText;

namespace sp::gui {

using FieldMessages = std::map<std::string, wxString>; // field -> "message; message"

// Adds each error to the messages of its field.
void addFieldErrors(FieldMessages& messages, const std::vector<FieldError>& errors);

// Shows each field's messages under it (clearing the others) and returns the fields that
// have a message but no place to show it. Everything is fine when `messages` is empty.
FieldMessages showFieldMessages(const FieldMessages& messages, std::map<std::string, wxStaticText*>& labels);

} // namespace sp::gui
