#include "core/Catalog.h"

#include <algorithm>
#include <stdexcept>
#include <unordered_set>

namespace sp {

bool ExerciseFilter::matches(const Exercise& ex) const
{
    return (!type || ex.type == *type) && (!direction || ex.hasDirection(*direction)) &&
           (!position || ex.position == *position) && (pack.empty() || ex.pack == pack);
}

void Catalog::addPack(CatalogPack pack, std::vector<Exercise> exercises)
{
    SearchIndex index;
    for (const Exercise& ex : exercises)
        index.add(ex);
    addPack(std::move(pack), std::move(exercises), std::move(index));
}

void Catalog::addPack(CatalogPack pack, std::vector<Exercise> exercises, SearchIndex index)
{
    const std::string id = pack.manifest.id;
    if (this->pack(id))
        throw std::invalid_argument("pack id \"" + id + "\" is already in the catalog");
    std::unordered_set<std::string_view> seen;
    for (const Exercise& ex : exercises)
        if (!seen.insert(ex.id).second)
            throw std::invalid_argument("pack \"" + id + "\" repeats exercise id \"" + ex.id + "\"");
    if (index.size() != exercises.size())
        throw std::invalid_argument("pack \"" + id + "\": a search index of " + std::to_string(index.size()) +
                                    " exercises for " + std::to_string(exercises.size()));

    m_packs.push_back(std::move(pack));
    m_index.append(std::move(index));
    // Grow geometrically: reserving exactly what each pack needs would move every
    // exercise already in the catalog once per pack.
    if (const std::size_t needed = m_exercises.size() + exercises.size(); needed > m_exercises.capacity())
        m_exercises.reserve(std::max(needed, 2 * m_exercises.capacity()));
    for (Exercise& ex : exercises) {
        ex.pack = id;
        const std::size_t index = m_exercises.size();
        m_byQualifiedId.emplace(ex.qualifiedId(), index);
        m_byBareId.emplace(ex.id, index);
        m_exercises.push_back(std::move(ex));
    }
}

void Catalog::reserve(std::size_t exercises)
{
    m_exercises.reserve(exercises);
    m_byQualifiedId.reserve(exercises);
    m_byBareId.reserve(exercises);
}

const CatalogPack* Catalog::pack(std::string_view id) const
{
    const auto it = std::find_if(m_packs.begin(), m_packs.end(), [&](const CatalogPack& p) { return p.manifest.id == id; });
    return it == m_packs.end() ? nullptr : &*it;
}

const Exercise* Catalog::find(std::string_view qualifiedId) const
{
    const auto it = m_byQualifiedId.find(std::string(qualifiedId));
    return it == m_byQualifiedId.end() ? nullptr : &m_exercises[it->second];
}

Catalog::Lookup Catalog::lookup(std::string_view id) const
{
    Lookup result;
    if (id.find('/') != std::string_view::npos) {
        result.exercise = find(id);
        if (!result.exercise)
            result.error = "no exercise \"" + std::string(id) + "\" in the catalog";
        return result;
    }
    const auto [begin, end] = m_byBareId.equal_range(std::string(id));
    for (auto it = begin; it != end; ++it)
        result.candidates.push_back(m_exercises[it->second].qualifiedId());
    std::sort(result.candidates.begin(), result.candidates.end());
    if (result.candidates.size() == 1) {
        result.exercise = &m_exercises[begin->second];
    } else if (result.candidates.empty()) {
        result.error = "no exercise \"" + std::string(id) + "\" in the catalog";
    } else {
        result.error = std::string("\"").append(id).append("\" is in more than one pack; say which:");
        for (const std::string& c : result.candidates)
            result.error += " " + c;
    }
    return result;
}

std::vector<const Exercise*> Catalog::filter(const ExerciseFilter& filter) const
{
    std::vector<const Exercise*> out;
    for (const Exercise& ex : m_exercises)
        if (filter.matches(ex))
            out.push_back(&ex);
    return out;
}

std::vector<const Exercise*> Catalog::search(std::string_view text, const ExerciseFilter& filter) const
{
    std::vector<const Exercise*> out;
    for (const SearchIndex::Hit& hit : m_index.search(text))
        if (filter.matches(m_exercises[hit.index]))
            out.push_back(&m_exercises[hit.index]);
    return out;
}

std::vector<QualifiedRedFlag> redFlags(const Catalog& catalog)
{
    std::vector<QualifiedRedFlag> flags;
    for (const CatalogPack& pack : catalog.packs())
        for (const RedFlag& f : pack.guidance.redFlags)
            flags.push_back({pack.manifest.id + "/" + f.id, f.text});
    return flags;
}

} // namespace sp
