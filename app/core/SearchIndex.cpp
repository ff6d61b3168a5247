#include "core/SearchIndex.h"

#include "core/TextFold.h"

#include <algorithm>

namespace sp {
namespace {

// How well one query word matches a list of words: whole word 3, start of a word 2,
// inside a word 1 (inside only for words of three letters or more, to keep noise down).
int wordMatch(const std::vector<std::string>& words, const std::string& q)
{
    int best = 0;
    for (const std::string& w : words) {
        if (w == q)
            return 3;
        if (w.rfind(q, 0) == 0)
            best = std::max(best, 2);
        else if (q.size() >= 3 && w.find(q) != std::string::npos)
            best = std::max(best, 1);
    }
    return best;
}

void appendWords(std::vector<std::string>& to, std::string_view text)
{
    for (auto& w : splitWords(foldForSearch(text)))
        to.push_back(std::move(w));
}

} // namespace

void SearchIndex::add(const Exercise& ex)
{
    Entry e;
    e.name = foldForSearch(ex.name);
    e.nameWords = splitWords(e.name);
    for (const std::string& alias : ex.aliases) {
        e.aliases.push_back(foldForSearch(alias));
        appendWords(e.aliasWords, alias);
    }
    appendWords(e.aliasWords, ex.id);
    appendWords(e.summaryWords, ex.summary);
    m_entries.push_back(std::move(e));
}

std::vector<SearchIndex::Hit> SearchIndex::search(std::string_view query) const
{
    const std::string folded = foldForSearch(query);
    const std::vector<std::string> words = splitWords(folded);
    std::vector<Hit> hits;
    if (words.empty())
        return hits;
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        const Entry& e = m_entries[i];
        int score = 0;
        bool all = true;
        for (const std::string& q : words) {
            const int name = wordMatch(e.nameWords, q);
            const int alias = wordMatch(e.aliasWords, q);
            const int summary = wordMatch(e.summaryWords, q);
            if (name + alias + summary == 0) {
                all = false;
                break;
            }
            score += std::max({name * 10, alias * 8, summary * 2});
        }
        if (!all)
            continue;
        if (e.name == folded)
            score += 1000;
        else if (std::find(e.aliases.begin(), e.aliases.end(), folded) != e.aliases.end())
            score += 800;
        else if (e.name.rfind(folded, 0) == 0)
            score += 500;
        hits.push_back({i, score});
    }
    std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.score > b.score; });
    return hits;
}

} // namespace sp
