#include "core/SearchIndex.h"

#include "core/TextFold.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <unordered_set>

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

// The words of an exercise with the field each occurs in, as views of its folded text:
// no word is copied until it turns out to be new to the index.
using WordFields = std::vector<std::pair<std::string_view, std::uint8_t>>;

void collect(WordFields& words, std::string_view folded, std::uint8_t field)
{
    std::size_t start = 0;
    while (start < folded.size()) {
        const auto end = folded.find(' ', start);
        const auto stop = end == std::string_view::npos ? folded.size() : end;
        if (stop > start)
            words.emplace_back(folded.substr(start, stop - start), field);
        start = stop + 1;
    }
}

// Each distinct word once, with every field it occurs in. (The order of words does not
// matter: search() ranks by score, then by the order exercises were added.)
void mergeDuplicates(WordFields& words)
{
    std::sort(words.begin(), words.end());
    std::size_t out = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (out > 0 && words[out - 1].first == words[i].first)
            words[out - 1].second |= words[i].second;
        else
            words[out++] = words[i];
    }
    words.resize(out);
}

} // namespace

void SearchIndex::add(const Exercise& ex)
{
    const auto entry = static_cast<std::uint32_t>(m_data.entries.size());
    ensureWordTable();
    Entry e;
    e.name = foldForSearch(ex.name);
    e.aliases.reserve(ex.aliases.size());
    for (const std::string& alias : ex.aliases)
        e.aliases.push_back(foldForSearch(alias));
    const std::string id = foldForSearch(ex.id);
    const std::string summary = foldForSearch(ex.summary);
    WordFields words;
    collect(words, e.name, InName);
    for (const std::string& alias : e.aliases)
        collect(words, alias, InAlias);
    collect(words, id, InAlias);
    collect(words, summary, InSummary);
    mergeDuplicates(words);
    for (const auto& [word, fields] : words) {
        auto it = m_wordIds.find(word);
        if (it == m_wordIds.end()) {
            it = m_wordIds.emplace(std::string(word), static_cast<std::uint32_t>(m_data.words.size())).first;
            m_data.words.emplace_back(word);
            m_data.postings.emplace_back();
        }
        m_data.postings[it->second].push_back({entry, fields});
    }
    m_data.entries.push_back(std::move(e));
}

void SearchIndex::append(SearchIndex&& other)
{
    const auto offset = static_cast<std::uint32_t>(m_data.entries.size());
    ensureWordTable();
    if (m_data.entries.empty() && m_data.words.empty()) {
        m_data = std::move(other.m_data);
        other.clear();
        return;
    }
    m_data.entries.reserve(m_data.entries.size() + other.m_data.entries.size());
    for (Entry& e : other.m_data.entries)
        m_data.entries.push_back(std::move(e));
    for (std::size_t w = 0; w < other.m_data.words.size(); ++w) {
        auto it = m_wordIds.find(other.m_data.words[w]);
        if (it == m_wordIds.end()) {
            it = m_wordIds.emplace(other.m_data.words[w], static_cast<std::uint32_t>(m_data.words.size())).first;
            m_data.words.push_back(std::move(other.m_data.words[w]));
            m_data.postings.emplace_back();
        }
        std::vector<Posting>& postings = m_data.postings[it->second];
        for (const Posting& p : other.m_data.postings[w])
            postings.push_back({p.entry + offset, p.fields});
    }
    other.clear();
}

void SearchIndex::ensureWordTable()
{
    if (!m_wordIds.empty() || m_data.words.empty())
        return;
    m_wordIds.reserve(m_data.words.size());
    for (std::uint32_t i = 0; i < m_data.words.size(); ++i)
        m_wordIds.emplace(m_data.words[i], i);
}

void SearchIndex::finishForAppend()
{
    m_wordIds = {};
}

SearchIndex SearchIndex::fromData(Data data)
{
    const auto fail = [](const std::string& what) { throw std::invalid_argument("search index: " + what); };
    if (data.postings.size() != data.words.size())
        fail(std::to_string(data.postings.size()) + " posting lists for " + std::to_string(data.words.size()) + " words");
    std::unordered_set<std::string_view> seen;
    seen.reserve(data.words.size());
    for (std::uint32_t w = 0; w < data.words.size(); ++w) {
        if (data.words[w].empty())
            fail("word " + std::to_string(w) + " is empty");
        if (!seen.insert(data.words[w]).second)
            fail("the word \"" + data.words[w] + "\" is there twice");
        const std::vector<Posting>& postings = data.postings[w];
        if (postings.empty())
            fail("the word \"" + data.words[w] + "\" occurs nowhere");
        for (std::size_t i = 0; i < postings.size(); ++i) {
            if (postings[i].entry >= data.entries.size())
                fail("the word \"" + data.words[w] + "\" names exercise " + std::to_string(postings[i].entry) + " of " +
                     std::to_string(data.entries.size()));
            if (i > 0 && postings[i].entry <= postings[i - 1].entry)
                fail("the exercises of the word \"" + data.words[w] + "\" are out of order");
            if (postings[i].fields == 0 || (postings[i].fields & ~(InName | InAlias | InSummary)) != 0)
                fail("the word \"" + data.words[w] + "\" has unknown fields");
        }
    }
    SearchIndex index;
    index.m_data = std::move(data); // the word table is made when something is added
    return index;
}

void SearchIndex::clear()
{
    m_data.entries.clear();
    m_data.words.clear();
    m_data.postings.clear();
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
    std::vector<int> score(m_data.entries.size(), 0);
    std::vector<std::uint32_t> matched(m_data.entries.size(), 0);
    // Per query word, the best match in each field (name, alias, summary), per exercise.
    std::vector<std::array<std::uint8_t, 3>> best(m_data.entries.size());
    std::vector<std::uint32_t> touched;
    for (std::size_t qi = 0; qi < words.size(); ++qi) {
        const std::string& q = words[qi];
        touched.clear();
        for (std::size_t wi = 0; wi < m_data.words.size(); ++wi) {
            const int level = wordMatch(m_data.words[wi], q);
            if (level == 0)
                continue;
            for (const Posting& p : m_data.postings[wi]) {
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
        const Entry& e = m_data.entries[i];
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
