#include "editor/ClinicExercises.h"

#include "core/TextFold.h"

#include <algorithm>
#include <system_error>

namespace fs = std::filesystem;

namespace sp {
namespace {

// Cuts the id (ASCII only) to `max` characters without leaving a trailing '-'.
std::string cut(std::string text, std::size_t max)
{
    if (text.size() > max)
        text.resize(max);
    while (!text.empty() && text.back() == '-')
        text.pop_back();
    return text;
}

} // namespace

PackManifest clinicPackManifest(const std::string& clinicName)
{
    // Names and authors are at most 120 characters; a longer clinic name is not cut
    // (it could end inside a character) but replaced.
    const bool usable = !clinicName.empty() && clinicName.size() <= 100;
    PackManifest m;
    m.id = "clinic";
    m.name = usable ? clinicName + " exercises" : "Clinic exercises";
    m.version = "1.0.0";
    m.api = kPackApi;
    m.author = usable ? clinicName : "The clinic";
    m.license = "All rights reserved";
    m.description = "The clinic's own exercises, written with the StretchPlan exercise editor.";
    return m;
}

std::string exerciseIdFromName(const std::string& name)
{
    std::string id;
    for (char c : foldForSearch(name)) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (ok)
            id += c;
        else if (!id.empty() && id.back() != '-')
            id += '-';
    }
    while (!id.empty() && id.front() == '-')
        id.erase(id.begin());
    return cut(id, 64);
}

Exercise saveClinicExercise(ClinicPack& pack, const std::string& clinicName, Exercise exercise,
                            const std::vector<ClinicPack::Photo>& photos)
{
    pack.refresh();
    const bool created = !pack.exists();
    if (created)
        pack.create(clinicPackManifest(clinicName));
    try {
        return pack.saveExercise(std::move(exercise), photos);
    } catch (...) {
        if (created) {
            std::error_code ec;
            fs::remove_all(pack.folder(), ec);
        }
        throw;
    }
}

std::vector<Problem> checkReferences(const Exercise& exercise, const std::string& packId,
                                     const std::vector<std::string>& packExercises, const Catalog& catalog)
{
    std::vector<Problem> problems;
    const std::string file = packId + "/exercises/" + exercise.id + ".json";
    for (const auto& [key, list] : {std::pair{"/progressions/", &exercise.progressions},
                                    std::pair{"/regressions/", &exercise.regressions}}) {
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string& text = (*list)[i];
            const std::string pointer = key + std::to_string(i);
            const auto ref = parseIdRef(text);
            if (!ref) {
                problems.push_back({file, pointer, "\"" + text + "\" is not an exercise id (id or pack/id)"});
                continue;
            }
            const bool samePack = ref->pack.empty() || ref->pack == packId;
            if (samePack && ref->id == exercise.id) {
                problems.push_back({file, pointer, "an exercise may not name itself"});
            } else if (samePack) {
                if (std::find(packExercises.begin(), packExercises.end(), ref->id) == packExercises.end())
                    problems.push_back({file, pointer, "no exercise \"" + ref->id + "\" in this pack"});
            } else if (!catalog.find(text)) {
                problems.push_back({file, pointer, "\"" + text + "\" is not in any loaded pack"});
            }
        }
    }
    return problems;
}

std::string fieldOfPointer(const std::string& pointer)
{
    if (pointer.size() < 2 || pointer.front() != '/')
        return {};
    const std::size_t end = pointer.find('/', 1);
    const std::string first = pointer.substr(1, end == std::string::npos ? std::string::npos : end - 1);
    if (first == "media" && pointer.rfind("/media/video_url", 0) == 0)
        return "video_url";
    return first;
}

} // namespace sp
