// The clinic's own exercise pack: a real pack folder in the user plugin folder that the
// exercise editor writes into. Everything written is checked by the same loader that
// reads packs, so what the editor saves is a pack that loads here and on any other
// machine it is copied to. Also: importing a pack folder, and exporting one.
// On a clinic server the folder is the workstation's copy of the server's pack, and the
// hooks keep the two in step (editor/ServerClinicPack.h): this library knows no database.
#pragma once

#include "core/Exercise.h"
#include "core/Problem.h"
#include "pluginhost/PackLoader.h"

#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace sp {

// A change that was refused; nothing was written. `problems` say what and where.
class PackEditError : public std::runtime_error {
public:
    PackEditError(const std::string& message, std::vector<Problem> problems = {});
    const std::vector<Problem>& problems() const { return m_problems; }

private:
    std::vector<Problem> m_problems;
};

// $XDG_DATA_HOME/stretchplan/plugins: where the clinic's own packs and trusted plugins go.
std::filesystem::path userPluginDir();

// What happens around each change of the pack's exercises, when the folder is a copy of a
// pack kept elsewhere. Either may be empty.
struct ClinicPackHooks {
    // Before the change: brings the folder up to date (on a server, its latest version).
    std::function<void()> refresh;
    // After the change, once the whole pack loads: stores it (on a server, as the next
    // version). When it throws, the change is undone in the folder and the exception passes.
    std::function<void()> publish;
};

class ClinicPack {
public:
    explicit ClinicPack(std::filesystem::path folder, ClinicPackHooks hooks = {})
        : m_folder(std::move(folder)), m_hooks(std::move(hooks))
    {
    }

    // userPluginDir()/clinic.
    static std::filesystem::path defaultFolder();

    const std::filesystem::path& folder() const { return m_folder; }
    bool exists() const;
    // Runs the refresh hook, if any: the folder as it is kept elsewhere now.
    void refresh();

    // Creates the folder with its manifest (and exercises/, media/). Throws PackEditError
    // when the manifest is invalid or a pack is already there.
    void create(const PackManifest& manifest);

    // Writes the exercise to exercises/<id>.json (replacing an earlier version). Each file
    // of `photos` (PNG or JPEG) is checked, copied into media/ and appended to the
    // exercise's images with its caption. The whole pack must still load afterwards (and
    // the publish hook succeed), or nothing is changed. Returns the exercise as saved.
    struct Photo {
        std::filesystem::path file;
        std::string caption;
    };
    Exercise saveExercise(Exercise exercise, const std::vector<Photo>& photos = {});

    // Removes exercises/<id>.json; refused when another exercise of the pack refers to it
    // or it is the pack's last exercise.
    void removeExercise(const std::string& id);

    // The pack as the loader sees it.
    LoadedPack load() const;

private:
    std::filesystem::path m_folder;
    ClinicPackHooks m_hooks;
};

// Copies the pack in `source` into `pluginDir`/<its folder name>, after checking it loads;
// refused when it does not, or when that folder exists. Returns the new folder.
std::filesystem::path importPack(const std::filesystem::path& source, const std::filesystem::path& pluginDir);

// Copies the pack in `pack` to `target` (which must not exist), and checks the copy loads.
void exportPack(const std::filesystem::path& pack, const std::filesystem::path& target);

} // namespace sp
