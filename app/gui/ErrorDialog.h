// The UI edge: every failure ends here as a dialog that says what was being done and
// why it failed (Poedit's errors.h does the same), never as a crash or silence.
#pragma once

#include <wx/string.h>
#include <wx/window.h>

#include <exception>
#include <functional>

namespace sp::gui {

// The exception's message, with a validation error's fields one per line.
wxString describeException(const std::exception& e);

void showError(wxWindow* parent, const wxString& doing, const wxString& why);

// For tests: every error goes to `sink` instead of a modal dialog; an empty sink shows
// dialogs again.
using ErrorSink = std::function<void(const wxString& doing, const wxString& why)>;
void setErrorSink(ErrorSink sink);

// Runs `action`; an exception becomes a dialog "<doing>: <why>". Returns false then.
bool guarded(wxWindow* parent, const wxString& doing, const std::function<void()>& action);

} // namespace sp::gui
