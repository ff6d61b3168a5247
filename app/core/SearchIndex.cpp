#include "core/SearchIndex.h"

#include "core/TextFold.h"

#include <algorithm>
#include <array>

namespace sp {
namespace {

// How well query word `q` matches word `w`: whole word 3, start of the word 2, inside the
// word 1 (inside only for query words of three letters or more).
int wordMatch(const std::string& w, const std::string& q)
{
    if (w.size() < q.size())
        return 0;
    if (w.compare(0, q.size(), q) == 0)
        return w.size() == q.size() ? 3 : 2;
    return q.size() >= 3 && w.find(q, 1) != std::string::npos ? 1 : 0;
}

// The distinct words of an exercise with the fields each occurs in.
void collect(std::vector<std::pair<std::string, std::uint8_t>>& words, std::string_view folded, std::uint8_t field)
{
    for (std::string& w : splitWords(folded)) {
        const auto it = std::find_if(words.begin(), words.end(), [&](const auto& p) { return p.first == w; });
        if (it == words.end())
            words.emplace_back(std::move(w), field);
        else
            it->second |= field;
    }
}

} // namespace

void SearchIndex::add(const Exercise& ex)
{
    const auto entry = static_cast<std::uint32_t>(m_entries.size());
    Entry e;
    e.name = foldForSearch(ex.name);
    std::vector<std::pair<std::string, std::uint8_t>> words;
    collect(words, e.name, InName);
    for (const std::string& alias : ex.aliases) {
        e.aliases.push_back(foldForSearch(alias));
        collect(words, e.aliases.back(), InAlias);
    }
    collect(words, foldForSearch(ex.id), InAlias);
    collect(words, foldForSearch(ex.summary), InSummary);
    m_entries.push_back(std::move(e));
    for (auto& [word, fields] : words) {
        auto [it, fresh] = m_wordIds.try_emplace(word, static_cast<std::uint32_t>(m_words.size()));
        if (fresh) {
            m_words.push_back(std::move(word));
            m_postings.emplace_back();
        }
        m_postings[it->second].push_back({entry, fields});
    }
}

void SearchIndex::clear()
{
    m_entries.clear();
    m_words.clear();
    m_postings.clear();
    m_wordIds.clear();
}

std::vector<SearchIndex::Hit> SearchIndex::search(std::string_view query) const
{
    const std::string folded = foldForSearch(query);
    const std::vector<std::string> words = splitWords(folded);
    std::vector<Hit> hits;
    if (words.empty())
        return hits;

    // Per exercise: the score so far and how many query words it matched. An exercise
    // that missed a word is out, so only those that matched every word so far are kept.
    std::vector<int> score(m_entries.size(), 0);
    std::vector<std::uint32_t> matched(m_entries.size(), 0);
    // Per query word, the best match in each field (name, alias, summary), per exercise.
    std::vector<std::array<std::uint8_t, 3>> best(m_entries.size());
    std::vector<std::uint32_t> touched;
    for (std::size_t qi = 0; qi < words.size(); ++qi) {
        const std::string& q = words[qi];
        touched.clear();
        for (std::size_t wi = 0; wi < m_words.size(); ++wi) {
            const int level = wordMatch(m_words[wi], q);
            if (level == 0)
                continue;
            for (const Posting& p : m_postings[wi]) {
                if (matched[p.entry] != qi)
                    continue; // missed an earlier query word
                auto& b = best[p.entry];
                if (b == std::array<std::uint8_t, 3>{})
                    touched.push_back(p.entry);
                const auto l = static_cast<std::uint8_t>(level);
                if (p.fields & InName)
                    b[0] = std::max(b[0], l);
                if (p.fields & InAlias)
                    b[1] = std::max(b[1], l);
                if (p.fields & InSummary)
                    b[2] = std::max(b[2], l);
            }
        }
        for (const std::uint32_t entry : touched) {
            auto& b = best[entry];
            score[entry] += std::max({b[0] * 10, b[1] * 8, b[2] * 2});
            matched[entry] = static_cast<std::uint32_t>(qi + 1);
            b = {};
        }
        if (touched.empty())
            return hits;
    }
    // Every exercise left matched the last word, so `touched` holds them all.
    std::sort(touched.begin(), touched.end());
    for (const std::uint32_t i : touched) {
        const Entry& e = m_entries[i];
        int s = score[i];
        if (e.name == folded)
            s += 1000;
        else if (std::find(e.aliases.begin(), e.aliases.end(), folded) != e.aliases.end())
            s += 800;
        else if (e.name.rfind(folded, 0) == 0)
            s += 500;
        hits.push_back({i, s});
    }
    std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.score > b.score; });
    return hits;
}

} // namespace sp
