// The questions the Tools actions and dialogs ask the clinician: a folder to import or
// export, a yes/no confirmation (trusting a native plugin, removing an exercise), an error
// to show, a folder to open in the file manager. Hooks, so that tests answer them instead
// of a modal dialog (like MainFrame::setUnsavedPrompt).
#pragma once

#include <wx/string.h>
#include <wx/window.h>

#include <filesystem>
#include <functional>
#include <optional>

namespace sp::gui {

struct ToolPrompts {
    // A folder chosen by the clinician; nullopt when they cancelled.
    std::function<std::optional<std::filesystem::path>(wxWindow* parent, const wxString& message)> chooseFolder;
    // True when the clinician agreed.
    std::function<bool(wxWindow* parent, const wxString& title, const wxString& message)> confirm;
    // A failure: what was being done, and why it failed.
    std::function<void(wxWindow* parent, const wxString& doing, const wxString& why)> report;
    // Opens the folder in the desktop's file manager; false with `error` set when it cannot.
    std::function<bool(const std::filesystem::path& folder, wxString& error)> openFolder;
};

// The real dialogs: wxDirDialog, a wxMessageDialog, showError, wxLaunchDefaultApplication.
ToolPrompts defaultToolPrompts();

// Runs `action`; an exception goes to prompts.report as "<doing>: <why>". False then.
bool guardedBy(const ToolPrompts& prompts, wxWindow* parent, const wxString& doing,
               const std::function<void()>& action);

} // namespace sp::gui
