#include "pluginhost/PluginConfig.h"

#include "pluginhost/PackCache.h"
#include "settings/SettingsFile.h"

namespace fs = std::filesystem;

namespace sp {
namespace {

PluginSettings parseSection(const SettingsFile& file, std::vector<Problem>& problems)
{
    ProblemSink sink(file.path().string(), problems);
    return parsePluginSettings(file.section(kPluginSettingsSection), sink);
}

} // namespace

LoadOptions readLoadOptions(const fs::path& settingsFile, std::vector<std::string>& warnings)
{
    LoadOptions options;
    options.native.cacheFile = defaultPluginCacheFile();
    options.packCacheDir = defaultPackCacheDir();
    try {
        std::vector<Problem> problems;
        options.settings = parseSection(SettingsFile::load(settingsFile), problems);
        for (const Problem& p : problems)
            warnings.push_back(p.format() + " (ignored)");
    } catch (const SettingsError& e) {
        warnings.push_back(std::string(e.what()) + "\n(plugin settings ignored: user and system native plugins stay off)");
    }
    return options;
}

void setPluginEnabled(const fs::path& settingsFile, const PackReport& plugin, bool enabled)
{
    SettingsFile::update(settingsFile, [&](SettingsFile& file) {
        std::vector<Problem> problems;
        PluginSettings settings = parseSection(file, problems);
        if (!problems.empty())
            throw SettingsError("the plugin settings cannot be changed until they are fixed:" +
                                describeProblems(problems));
        PluginState state;
        state.enabled = enabled;
        if (enabled && plugin.kind == PluginKind::Native) {
            state.sha256 = plugin.sha256;
            state.folderSha256 = plugin.folderSha256;
        }
        if (enabled && plugin.kind == PluginKind::Pack)
            settings.states.erase(plugin.id); // packs are on unless disabled
        else
            settings.states[plugin.id] = state;
        file.setSection(kPluginSettingsSection, toJson(settings));
    });
}

} // namespace sp
