// A main window whose Tools never open a modal dialog: folders, confirmations and errors
// go through the test's hooks, which record what they were asked. The user plugin folder
// and the settings file are shared by the whole test process, so each test starts and
// ends without a clinic pack, imported packs or plugin choices.
#pragma once

#include "GuiFixture.h"
#include "gui/WxText.h"

#include "pluginhost/ClinicPack.h"
#include "pluginhost/NativePlugin.h"
#include "pluginhost/PackCache.h"
#include "settings/SettingsFile.h"

#include <wx/image.h>

#include <fstream>
#include <string>
#include <vector>

namespace sp::test {

struct ToolsFixture : FrameFixture {
    std::vector<std::string> reports;    // "<doing>: <why>" of every error shown
    std::vector<std::string> questions;  // every confirmation asked
    bool answer = true;                  // what the clinician answers
    std::optional<std::filesystem::path> folderAnswer;
    std::vector<std::filesystem::path> opened;

    explicit ToolsFixture(bool builtIn = true) : FrameFixture(builtIn)
    {
        clean();
        gui::ToolPrompts& p = frame->toolPrompts();
        p.report = [this](wxWindow*, const wxString& doing, const wxString& why) {
            reports.push_back(gui::u8(doing + ": " + why));
        };
        p.confirm = [this](wxWindow*, const wxString& title, const wxString& message) {
            questions.push_back(gui::u8(title + "\n" + message));
            return answer;
        };
        p.chooseFolder = [this](wxWindow*, const wxString&) { return folderAnswer; };
        p.openFolder = [this](const std::filesystem::path& folder, wxString&) {
            opened.push_back(folder);
            return true;
        };
        frame->reloadCatalog();
    }
    ~ToolsFixture() { clean(); }

    static void clean()
    {
        std::filesystem::remove_all(userPluginDir());
        std::filesystem::remove(defaultSettingsPath());
        std::filesystem::remove(defaultPluginCacheFile());
        std::filesystem::remove_all(defaultPackCacheDir());
    }

    std::string allReports() const
    {
        std::string all;
        for (const std::string& r : reports)
            all += r + "\n";
        return all;
    }

    // A real image written by the test: 8×8 pixels.
    std::filesystem::path writePng(const std::string& name) const
    {
        wxImage image(8, 8);
        image.SetRGB(wxRect(0, 0, 8, 8), 42, 111, 151);
        const std::filesystem::path file = folder / name;
        image.SaveFile(wxString::FromUTF8(file.string()), wxBITMAP_TYPE_PNG);
        return file;
    }

    std::filesystem::path writeBytes(const std::string& name, const std::string& bytes) const
    {
        const std::filesystem::path file = folder / name;
        std::ofstream(file, std::ios::binary) << bytes;
        return file;
    }
};

} // namespace sp::test
