// The settings file: one JSON object whose top-level keys are sections owned by features
// ("plugins": which native plugins a clinician trusted; "mail": the SMTP server). Missing
// file = no settings. A broken file is an error naming file and pointer, never silently
// replaced. Saving writes a temporary file (0600) and renames it into place, so a crash
// leaves either the old or the new settings.
#pragma once

#include "core/JsonText.h"
#include "core/Problem.h"

#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace sp {

class SettingsError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// $SP_SETTINGS_FILE if set (tests, portable installs), else userConfigDir()/settings.json.
std::filesystem::path defaultSettingsPath();

class SettingsFile {
public:
    explicit SettingsFile(std::filesystem::path path);

    // Reads the file (absent: empty). Throws SettingsError listing every problem.
    static SettingsFile load(const std::filesystem::path& path);

    const std::filesystem::path& path() const { return m_path; }

    // The section, or an empty object when it is absent.
    Json section(const std::string& name) const;
    void setSection(const std::string& name, Json value);

    // Writes atomically, creating the folder; throws SettingsError on failure.
    void save() const;

    // Read-modify-write under an advisory lock, so that two StretchPlan processes
    // changing different sections do not lose each other's change.
    static void update(const std::filesystem::path& path, const std::function<void(SettingsFile&)>& change);

private:
    std::filesystem::path m_path;
    Json m_doc = Json::object();
};

// Writes `text` to a temporary file (0600) beside `path` and renames it into place,
// creating the folder; throws SettingsError. Shared by every settings file we write.
void writePrivateFile(const std::filesystem::path& path, const std::string& text);

// Where the problems of a settings section are reported: "<settings path>".
std::string describeProblems(const std::vector<Problem>& problems);

} // namespace sp
