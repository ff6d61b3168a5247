#include "core/SnapshotDiff.h"

#include "core/ExerciseJson.h"

namespace sp {

std::string SnapshotDiff::message() const
{
    std::string out = "item " + std::to_string(item + 1) + " (" + exerciseId + ", \"" + exerciseName + "\"): ";
    if (pack.empty()) {
        out += "its pack is not installed, so its text cannot be checked against the pack";
    } else if (!exerciseInstalled) {
        out += "the installed pack " + pack + " has no such exercise, so its text cannot be checked";
    } else {
        out += "the plan's copy differs from the installed pack " + pack + " in ";
        for (std::size_t i = 0; i < fields.size(); ++i)
            out += (i == 0 ? "" : ", ") + fields[i];
    }
    return out + "; the handout prints the plan's text, not the pack's";
}

std::optional<SnapshotDiff> snapshotDiff(const PlanItem& item, std::size_t position, const Catalog& catalog)
{
    SnapshotDiff d;
    d.item = position;
    d.exerciseId = item.exerciseId;
    d.exerciseName = item.snapshot.name;
    const auto ref = parseIdRef(item.exerciseId);
    const CatalogPack* pack = ref ? catalog.pack(ref->pack) : nullptr;
    if (!pack)
        return d;
    d.pack = pack->manifest.id + " " + pack->manifest.version;
    const Exercise* installed = catalog.find(item.exerciseId);
    if (!installed)
        return d;
    d.exerciseInstalled = true;
    // Compared in the pack format, so that every field a pack file has is compared, the
    // ones added later too, and each is named as a pack author knows it.
    const Json mine = toJson(item.snapshot);
    const Json theirs = toJson(*installed);
    for (const auto& [key, value] : theirs.items())
        if (!mine.contains(key) || mine.at(key) != value)
            d.fields.push_back(key);
    for (const auto& [key, value] : mine.items())
        if (!theirs.contains(key))
            d.fields.push_back(key);
    if (d.fields.empty())
        return std::nullopt;
    return d;
}

std::vector<SnapshotDiff> snapshotDiffs(const std::vector<PlanItem>& items, const Catalog& catalog)
{
    std::vector<SnapshotDiff> out;
    for (std::size_t i = 0; i < items.size(); ++i)
        if (auto d = snapshotDiff(items[i], i, catalog))
            out.push_back(std::move(*d));
    return out;
}

} // namespace sp
