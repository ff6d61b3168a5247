// The exercise catalog: every exercise of every loaded pack, looked up by id, filtered
// and searched. It is filled by the plugin host and read by everything else.
#pragma once

#include "core/Exercise.h"
#include "core/SearchIndex.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sp {

struct CatalogPack {
    PackManifest manifest;
    std::string folder; // where it was loaded from, to find its media
    PackGuidance guidance;
};

struct ExerciseFilter {
    std::optional<ExerciseType> type;
    std::optional<Direction> direction;
    std::optional<Position> position;
    std::string pack; // empty: any pack

    bool matches(const Exercise& exercise) const;
};

class Catalog {
public:
    // Adds a validated pack. Throws std::invalid_argument when its id is taken or its
    // exercises repeat an id, which the loader reports as pack problems before calling.
    void addPack(CatalogPack pack, std::vector<Exercise> exercises);
    // The same with the search index of exactly these exercises, built beforehand (the
    // plugin host builds it on the thread that loaded the pack).
    void addPack(CatalogPack pack, std::vector<Exercise> exercises, SearchIndex index);
    // Room for this many exercises in all, so that adding packs one by one does not move
    // every exercise already there (the loader knows the total before it adds any).
    void reserve(std::size_t exercises);

    const std::vector<CatalogPack>& packs() const { return m_packs; }
    const CatalogPack* pack(std::string_view id) const;
    const std::vector<Exercise>& exercises() const { return m_exercises; }

    // The exercise by qualified id ("lumbar/prone-press-up") only.
    const Exercise* find(std::string_view qualifiedId) const;

    struct Lookup {
        const Exercise* exercise = nullptr;
        std::vector<std::string> candidates; // the qualified ids a bare id could mean
        std::string error;                   // why there is no exercise, for the user
    };
    // By qualified id, or by bare id where only one pack has it.
    Lookup lookup(std::string_view id) const;

    std::vector<const Exercise*> filter(const ExerciseFilter& filter) const;

    // Matches for the text, best first (see SearchIndex), within the filter.
    std::vector<const Exercise*> search(std::string_view text, const ExerciseFilter& filter = {}) const;

private:
    std::vector<CatalogPack> m_packs;
    std::vector<Exercise> m_exercises;
    std::unordered_map<std::string, std::size_t> m_byQualifiedId;
    std::unordered_multimap<std::string, std::size_t> m_byBareId;
    SearchIndex m_index;
};

// A red flag as a screening asks about it: "pack/flag" and the pack's text.
struct QualifiedRedFlag {
    std::string id;
    std::string text;
};

// Every red flag of every loaded pack, in pack order.
std::vector<QualifiedRedFlag> redFlags(const Catalog& catalog);

} // namespace sp
