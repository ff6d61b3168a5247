#include "pluginhost/PackLoader.h"

#include "core/JsonText.h"
#include "core/PackJson.h"
#include "pluginhost/ExerciseCollector.h"
#include "pluginhost/PackFiles.h"
#include "pluginhost/PluginFolders.h"

#include <algorithm>
#include <system_error>

namespace fs = std::filesystem;

namespace sp {
namespace {

class Loader {
public:
    Loader(LoadedPack& pack, std::string display) : m_pack(pack), m_display(std::move(display)), m_root(pack.folder) {}

    // The document in `relative`, or nullopt with its problem recorded.
    std::optional<Json> readJson(const std::string& relative, std::uintmax_t maxBytes)
    {
        ProblemSink sink = sinkFor(relative);
        const FileRead read = readPackFile(m_root, m_pack.folder / relative, maxBytes);
        if (!read.text) {
            sink.add("", read.error);
            return std::nullopt;
        }
        return parseJsonText(*read.text, sink);
    }

    ProblemSink sinkFor(const std::string& relative) { return ProblemSink(m_display + "/" + relative, m_pack.problems); }

    void loadManifest()
    {
        if (auto doc = readJson("manifest.json", kMaxManifestBytes)) {
            ProblemSink sink = sinkFor("manifest.json");
            m_pack.manifest = parseManifest(*doc, sink);
            // Name the pack and its version in reports even when another manifest field is wrong.
            m_pack.declaredId = declaredIdOf(*doc);
            const auto version = doc->is_object() ? doc->find("version") : doc->end();
            if (version != doc->end() && version->is_string() && version->get_ref<const std::string&>().size() <= 40)
                m_pack.declaredVersion = version->get<std::string>();
        }
    }

    void loadExercises()
    {
        const fs::path dir = m_pack.folder / "exercises";
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) {
            sinkFor("exercises").add("", "folder is missing; a pack needs at least one exercise file");
            return;
        }
        std::vector<std::string> files;
        for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
            const std::string name = entry.path().filename().string();
            if (entry.path().extension() == ".json")
                files.push_back(name);
            else
                sinkFor("exercises/" + name).add("", "is not an exercise file (only *.json files belong in exercises/)");
        }
        if (ec) {
            sinkFor("exercises").add("", "cannot be listed: " + ec.message());
            return;
        }
        std::sort(files.begin(), files.end());
        if (files.empty())
            sinkFor("exercises").add("", "holds no exercise files (*.json)");
        if (files.size() > kMaxExercisesPerPack) {
            sinkFor("exercises").add("", "holds " + std::to_string(files.size()) + " exercise files, at most " +
                                             std::to_string(kMaxExercisesPerPack) + " are allowed");
            return;
        }
        ExerciseCollector collector(m_pack);
        for (const std::string& name : files) {
            const std::string relative = "exercises/" + name;
            auto doc = readJson(relative, kMaxExerciseFileBytes);
            if (!doc) {
                collector.addUnreadable(fs::path(name).stem().string());
                continue;
            }
            ProblemSink sink = sinkFor(relative);
            collector.add(*doc, sink);
        }
        collector.qualifyReferences();
    }

    void loadGuidance()
    {
        std::error_code ec;
        if (!fs::exists(fs::symlink_status(m_pack.folder / "guidance.json", ec)))
            return; // optional
        if (auto doc = readJson("guidance.json", kMaxManifestBytes)) {
            ProblemSink sink = sinkFor("guidance.json");
            if (auto g = parseGuidance(*doc, sink))
                m_pack.guidance = std::move(*g);
        }
    }

private:
    LoadedPack& m_pack;
    std::string m_display;
    PackRoot m_root; // resolved once for the hundreds of files of a pack
};

} // namespace

LoadedPack loadPack(const fs::path& folder, const std::string& display)
{
    LoadedPack pack;
    pack.folder = folder;
    Loader loader(pack, display);
    loader.loadManifest();
    loader.loadExercises();
    loader.loadGuidance();
    return pack;
}

} // namespace sp
