#include "pluginhost/PluginFolders.h"

#include "core/Exercise.h"
#include "pluginhost/NativePlugin.h"
#include "pluginhost/PackFiles.h"

#include <algorithm>
#include <system_error>

namespace fs = std::filesystem;

namespace sp {

std::vector<FoundPlugin> pluginFolders(const PluginDir& dir, std::vector<Problem>& problems)
{
    std::vector<FoundPlugin> found;
    std::error_code ec;
    if (!fs::exists(dir.path, ec)) {
        // Only a folder the user named must exist; the standard ones are optional.
        if (dir.origin == PluginOrigin::CommandLine || dir.origin == PluginOrigin::BuiltIn)
            problems.push_back({dir.path.string(), "", "plugin folder not found"});
        return found;
    }
    for (const fs::directory_entry& entry : fs::directory_iterator(dir.path, ec)) {
        std::error_code entryEc;
        if (!entry.is_directory(entryEc))
            continue;
        if (fs::exists(entry.path() / "manifest.json", entryEc)) {
            found.push_back({entry.path(), PluginKind::Pack});
        } else if (fs::exists(nativeLibraryOf(entry.path()), entryEc)) {
            found.push_back({entry.path(), PluginKind::Native});
        } else {
            for (const fs::directory_entry& file : fs::directory_iterator(entry.path(), entryEc))
                if (file.path().extension() == ".so") {
                    problems.push_back({(entry.path().filename() / file.path().filename()).string(), "",
                                        "is not loaded: a native plugin's library must be named after its folder (" +
                                            nativeLibraryOf(entry.path()).filename().string() + ")"});
                    break;
                }
        }
    }
    if (ec)
        problems.push_back({dir.path.string(), "", "cannot be listed: " + ec.message()});
    std::sort(found.begin(), found.end(), [](const FoundPlugin& a, const FoundPlugin& b) { return a.folder < b.folder; });
    return found;
}

std::string declaredIdOf(const Json& manifest)
{
    const auto id = manifest.is_object() ? manifest.find("id") : manifest.end();
    if (id != manifest.end() && id->is_string() && isValidId(id->get_ref<const std::string&>()))
        return id->get<std::string>();
    return {};
}

std::vector<ClaimedId> claimedIds(const std::vector<PluginDir>& dirs)
{
    std::vector<ClaimedId> claimed;
    std::vector<Problem> ignored; // the catalog's load reports them
    for (const PluginDir& dir : dirs) {
        for (FoundPlugin& plugin : pluginFolders(dir, ignored)) {
            std::string id = plugin.folder.filename().string();
            if (plugin.kind == PluginKind::Pack) {
                const FileRead read = readPackFile(plugin.folder, plugin.folder / "manifest.json", kMaxManifestBytes);
                ProblemSink sink("manifest.json", ignored);
                const auto doc = read.text ? parseJsonText(*read.text, sink) : std::nullopt;
                id = doc ? declaredIdOf(*doc) : std::string();
            }
            claimed.push_back({std::move(plugin), dir.origin, std::move(id)});
        }
    }
    return claimed;
}

} // namespace sp
