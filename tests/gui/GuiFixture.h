// A main window over a fresh temporary database, as the app would show it.
#pragma once

#include "editor/Workspace.h"
#include "gui/MainFrame.h"

#include <wx/app.h>
#include <wx/utils.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

namespace sp::test {

struct FrameFixture {
    // A folder of its own per test: the database leaves -wal and -shm files beside it.
    std::filesystem::path folder = std::filesystem::path(std::getenv("HOME")) / ("case-" + std::to_string(++s_count));
    std::filesystem::path db = folder / "clinic.db";
    static inline int s_count = 0;
    std::unique_ptr<Workspace> workspace;
    gui::MainFrame* frame = nullptr;

    // Without `builtIn`, only the user's plugin folders are loaded (--no-builtin).
    explicit FrameFixture(bool builtIn = true)
    {
        std::filesystem::create_directories(folder);
        workspace = std::make_unique<Workspace>(WorkspaceOptions{db, {}, !builtIn, "tester", {}, {}});
        workspace->openDatabase();
        workspace->loadCatalog();
        workspace->loadTemplatesAndThresholds();
        frame = new gui::MainFrame(*workspace);
        // A test must never wait on a modal question: leaving unsaved work discards it
        // unless the test says otherwise.
        frame->setUnsavedPrompt([] { return gui::UnsavedChoice::Discard; });
        frame->Show();
        pump();
    }
    ~FrameFixture()
    {
        frame->setUnsavedPrompt([] { return gui::UnsavedChoice::Discard; });
        frame->Destroy();
        pump();
        workspace.reset();
        std::filesystem::remove_all(folder);
    }

    static void pump()
    {
        for (int i = 0; i < 3; ++i) {
            wxTheApp->ProcessPendingEvents();
            wxYield();
        }
        wxTheApp->ProcessIdle(); // deletes the windows Destroy() queued
    }
};

} // namespace sp::test
