#include "pluginhost/ExerciseCollector.h"

#include "core/ExerciseJson.h"
#include "core/JsonReader.h"
#include "pluginhost/PackFiles.h"

namespace sp {
namespace {

void qualify(std::vector<std::string>& refs, const std::string& pointer, const std::string& packId,
             const std::map<std::string, std::string>& ids, const std::set<std::string>& broken, ProblemSink& sink)
{
    for (std::size_t i = 0; i < refs.size(); ++i) {
        const auto ref = parseIdRef(refs[i]);
        const bool samePack = ref && (ref->pack.empty() || ref->pack == packId);
        if (!samePack)
            continue;
        if (!ids.contains(ref->id) && !broken.contains(ref->id))
            sink.add(pointer + "/" + std::to_string(i), "no exercise \"" + ref->id + "\" in this pack");
        refs[i] = packId + "/" + ref->id;
    }
}

} // namespace

void ExerciseCollector::add(const Json& document, ProblemSink& sink)
{
    auto exercise = parseExercise(document, sink);
    if (!exercise) {
        const auto id = document.is_object() ? document.find("id") : document.end();
        if (id != document.end() && id->is_string())
            m_brokenIds.insert(id->get<std::string>());
        return;
    }
    if (auto [it, fresh] = m_fileOfId.emplace(exercise->id, sink.file()); !fresh) {
        sink.add("/id", "duplicate id \"" + exercise->id + "\" (also in " + it->second + ")");
        return;
    }
    checkMedia(*exercise, sink);
    m_pack.exercises.push_back(std::move(*exercise));
    m_pack.exerciseFiles.push_back(sink.file());
}

void ExerciseCollector::addUnreadable(const std::string& likelyId)
{
    m_brokenIds.insert(likelyId);
}

void ExerciseCollector::qualifyReferences()
{
    if (!m_pack.manifest)
        return;
    const std::string& packId = m_pack.manifest->id;
    for (std::size_t i = 0; i < m_pack.exercises.size(); ++i) {
        Exercise& ex = m_pack.exercises[i];
        ex.pack = packId;
        ProblemSink sink(m_pack.exerciseFiles[i], m_pack.problems);
        qualify(ex.progressions, "/progressions", packId, m_fileOfId, m_brokenIds, sink);
        qualify(ex.regressions, "/regressions", packId, m_fileOfId, m_brokenIds, sink);
    }
}

void ExerciseCollector::checkMedia(const Exercise& ex, ProblemSink& sink)
{
    for (std::size_t i = 0; i < ex.media.images.size(); ++i) {
        const std::string pointer = "/media/images/" + std::to_string(i) + "/file";
        const std::string& file = ex.media.images[i].file;
        const PackPath resolved = resolvePackPath(m_pack.folder, file);
        const std::string problem = resolved.error.empty() ? checkImageFile(resolved.path) : resolved.error;
        if (!problem.empty())
            sink.add(pointer, quoteValue(Json(file)) + " " + problem);
    }
}

} // namespace sp
