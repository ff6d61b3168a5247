#include "pluginhost/PackLoader.h"

#include "core/ExerciseJson.h"
#include "core/JsonReader.h"
#include "core/JsonText.h"
#include "core/PackJson.h"
#include "pluginhost/PackFiles.h"

#include <algorithm>
#include <map>
#include <system_error>

namespace fs = std::filesystem;

namespace sp {
namespace {

class Loader {
public:
    Loader(LoadedPack& pack, std::string display) : m_pack(pack), m_display(std::move(display)) {}

    // The document in `relative`, or nullopt with its problem recorded.
    std::optional<Json> readJson(const std::string& relative, std::uintmax_t maxBytes)
    {
        ProblemSink sink = sinkFor(relative);
        const FileRead read = readPackFile(m_pack.folder, m_pack.folder / relative, maxBytes);
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
            // Name the pack in reports even when another manifest field is wrong.
            const auto id = doc->is_object() ? doc->find("id") : doc->end();
            if (id != doc->end() && id->is_string() && isValidId(id->get_ref<const std::string&>()))
                m_pack.declaredId = id->get<std::string>();
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
        std::map<std::string, std::string> fileOfId;
        for (const std::string& name : files) {
            const std::string relative = "exercises/" + name;
            auto doc = readJson(relative, kMaxExerciseFileBytes);
            if (!doc)
                continue;
            ProblemSink sink = sinkFor(relative);
            auto exercise = parseExercise(*doc, sink);
            if (!exercise)
                continue;
            if (auto [it, fresh] = fileOfId.emplace(exercise->id, relative); !fresh) {
                sink.add("/id", "duplicate id \"" + exercise->id + "\" (also in " + it->second + ")");
                continue;
            }
            checkMedia(*exercise, sink);
            m_pack.exercises.push_back(std::move(*exercise));
            m_pack.exerciseFiles.push_back(sink.file());
        }
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

    // Same-pack references must name an exercise of this pack; all become "pack/id".
    // References into other packs are checked once every pack is loaded (PluginHost).
    void qualifyReferences()
    {
        if (!m_pack.manifest)
            return;
        const std::string& packId = m_pack.manifest->id;
        std::map<std::string, bool> ids;
        for (const Exercise& ex : m_pack.exercises)
            ids[ex.id] = true;
        for (std::size_t i = 0; i < m_pack.exercises.size(); ++i) {
            Exercise& ex = m_pack.exercises[i];
            ex.pack = packId;
            ProblemSink sink(m_pack.exerciseFiles[i], m_pack.problems);
            qualify(ex.progressions, "/progressions", packId, ids, sink);
            qualify(ex.regressions, "/regressions", packId, ids, sink);
        }
    }

private:
    void checkMedia(const Exercise& ex, ProblemSink& sink)
    {
        for (std::size_t i = 0; i < ex.media.images.size(); ++i) {
            const std::string pointer = "/media/images/" + std::to_string(i) + "/file";
            const std::string& file = ex.media.images[i].file;
            const PackPath resolved = resolvePackPath(m_pack.folder, file);
            std::string problem = resolved.error.empty() ? checkImageFile(resolved.path) : resolved.error;
            if (!problem.empty())
                sink.add(pointer, quoteValue(Json(file)) + " " + problem);
        }
    }

    static void qualify(std::vector<std::string>& refs, const std::string& pointer, const std::string& packId,
                        const std::map<std::string, bool>& ids, ProblemSink& sink)
    {
        for (std::size_t i = 0; i < refs.size(); ++i) {
            const auto ref = parseIdRef(refs[i]);
            const bool samePack = ref && (ref->pack.empty() || ref->pack == packId);
            if (!samePack)
                continue;
            if (!ids.contains(ref->id))
                sink.add(pointer + "/" + std::to_string(i), "no exercise \"" + ref->id + "\" in this pack");
            refs[i] = packId + "/" + ref->id;
        }
    }

    LoadedPack& m_pack;
    std::string m_display;
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
    loader.qualifyReferences();
    return pack;
}

} // namespace sp
