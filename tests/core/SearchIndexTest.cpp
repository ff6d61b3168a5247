// The search index answers exactly as the plain definition of search does: every query
// word must match a word of the name, the aliases and id, or the summary (whole, start,
// or inside for three letters or more), ranked by the best field per word plus the
// whole-name, whole-alias and name-prefix bonuses, ties in the order added. The
// definition is written out here the simple way (every word of every exercise) and
// compared with the index on a generated catalog.
#include "core/SearchIndex.h"
#include "core/TextFold.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <random>

using namespace sp;

namespace {

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

std::vector<std::string> wordsOf(const std::vector<std::string>& texts)
{
    std::vector<std::string> out;
    for (const std::string& t : texts)
        for (std::string& w : splitWords(foldForSearch(t)))
            out.push_back(std::move(w));
    return out;
}

std::vector<SearchIndex::Hit> reference(const std::vector<Exercise>& exercises, const std::string& query)
{
    const std::string folded = foldForSearch(query);
    const std::vector<std::string> words = splitWords(folded);
    std::vector<SearchIndex::Hit> hits;
    if (words.empty())
        return hits;
    for (std::size_t i = 0; i < exercises.size(); ++i) {
        const Exercise& ex = exercises[i];
        std::vector<std::string> aliasTexts = ex.aliases;
        aliasTexts.push_back(ex.id);
        const auto name = wordsOf({ex.name}), alias = wordsOf(aliasTexts), summary = wordsOf({ex.summary});
        int score = 0;
        bool all = true;
        for (const std::string& q : words) {
            const int n = wordMatch(name, q), a = wordMatch(alias, q), s = wordMatch(summary, q);
            if (n + a + s == 0) {
                all = false;
                break;
            }
            score += std::max({n * 10, a * 8, s * 2});
        }
        if (!all)
            continue;
        std::vector<std::string> foldedAliases;
        for (const std::string& a : ex.aliases)
            foldedAliases.push_back(foldForSearch(a));
        const std::string foldedName = foldForSearch(ex.name);
        if (foldedName == folded)
            score += 1000;
        else if (std::find(foldedAliases.begin(), foldedAliases.end(), folded) != foldedAliases.end())
            score += 800;
        else if (foldedName.rfind(folded, 0) == 0)
            score += 500;
        hits.push_back({i, score});
    }
    std::stable_sort(hits.begin(), hits.end(),
                     [](const SearchIndex::Hit& a, const SearchIndex::Hit& b) { return a.score > b.score; });
    return hits;
}

const std::vector<std::string> kWords{"hip", "hips", "hamstring", "stretch", "Stretching", "release", "psoas",
                                      "Psóas", "glute", "bridge", "prone", "press-up", "cat", "camel", "90-90",
                                      "étirement", "Hüfte", "lumbar", "active", "reactive", "the", "a", "QL"};

std::string phrase(std::mt19937& rng, int maxWords)
{
    std::string out;
    const int n = 1 + static_cast<int>(rng() % static_cast<unsigned>(maxWords));
    for (int i = 0; i < n; ++i)
        out += (i ? " " : "") + kWords[rng() % kWords.size()];
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(search_index)

BOOST_AUTO_TEST_CASE(ranks_exactly_as_the_plain_definition_of_search)
{
    std::mt19937 rng(7);
    std::vector<Exercise> exercises;
    SearchIndex index;
    for (int i = 0; i < 300; ++i) {
        Exercise ex;
        ex.id = "ex-" + std::to_string(i) + (i % 7 == 0 ? "-hip" : "");
        ex.name = phrase(rng, 4);
        for (int a = 0; a < static_cast<int>(rng() % 3); ++a)
            ex.aliases.push_back(phrase(rng, 3));
        ex.summary = phrase(rng, 8);
        index.add(ex);
        exercises.push_back(std::move(ex));
    }
    std::vector<std::string> queries{"", " - ", "hip", "HIP hip", "str", "ret", "ch", "psoas", "PSOAS stretch",
                                     "etire", "hufte", "90", "90 90", "q", "ql", "ex 12", "hip stretch release",
                                     "nothing-like-this"};
    for (int i = 0; i < 200; ++i) {
        std::string q = phrase(rng, 3);
        if (i % 3 == 0) // the start of a word
            q = q.substr(0, 1 + rng() % q.size());
        queries.push_back(q);
    }
    for (const Exercise& ex : exercises) // whole names: the bonuses
        if (queries.size() < 300)
            queries.push_back(ex.name);
    // The same exercises indexed in parts of different sizes and joined, as the plugin
    // host does with packs, answer exactly alike.
    SearchIndex joined;
    for (std::size_t start = 0, part = 1; start < exercises.size(); start += part, part = part * 3 % 97 + 1) {
        SearchIndex pack;
        for (std::size_t i = start; i < std::min(exercises.size(), start + part); ++i)
            pack.add(exercises[i]);
        if (part % 2 == 0)
            pack.finishForAppend();
        joined.append(std::move(pack));
        BOOST_TEST(pack.size() == 0u); // taken over
    }
    BOOST_TEST_REQUIRE(joined.size() == exercises.size());
    for (const std::string& q : queries) {
        BOOST_TEST_CONTEXT("query \"" << q << "\"")
        {
            const auto got = index.search(q);
            const auto want = reference(exercises, q);
            const auto fromParts = joined.search(q);
            BOOST_TEST_REQUIRE(got.size() == want.size());
            BOOST_TEST_REQUIRE(fromParts.size() == want.size());
            for (std::size_t i = 0; i < got.size(); ++i) {
                BOOST_TEST(got[i].index == want[i].index);
                BOOST_TEST(got[i].score == want[i].score);
                BOOST_TEST(fromParts[i].index == want[i].index);
                BOOST_TEST(fromParts[i].score == want[i].score);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(a_joined_index_keeps_taking_exercises_one_by_one)
{
    Exercise bridge, hug;
    bridge.id = "bridge-hold";
    bridge.name = "Bridge hold";
    hug.id = "knee-hug";
    hug.name = "Knee hug";
    hug.summary = "Eases the low back; hold like a bridge";
    SearchIndex first, second;
    first.add(bridge);
    first.finishForAppend();
    second.add(hug);
    SearchIndex joined;
    joined.append(std::move(first));
    joined.append(std::move(second));
    joined.add(bridge); // after a join: the word table must still know every word
    const auto hits = joined.search("bridge");
    BOOST_TEST_REQUIRE(hits.size() == 3u);
    BOOST_TEST(hits[0].index == 0u); // whole name, in the order added
    BOOST_TEST(hits[1].index == 2u);
    BOOST_TEST(hits[2].index == 1u); // in the summary only
    BOOST_TEST(joined.search("knee").size() == 1u);
}

BOOST_AUTO_TEST_CASE(comes_back_from_its_data_and_refuses_data_that_does_not_fit)
{
    Exercise bridge;
    bridge.id = "bridge-hold";
    bridge.name = "Bridge hold";
    bridge.summary = "Lift the hips";
    SearchIndex index;
    index.add(bridge);
    SearchIndex back = SearchIndex::fromData(index.data());
    BOOST_TEST((back.data() == index.data()));
    BOOST_TEST_REQUIRE(back.search("hips").size() == 1u);
    back.add(bridge); // the word table is made again on demand
    BOOST_TEST(back.search("bridge").size() == 2u);

    using Data = SearchIndex::Data;
    const Data good = index.data();
    const auto refused = [](Data d, const std::string& what) {
        try {
            SearchIndex::fromData(std::move(d));
            BOOST_ERROR("accepted: " << what);
        } catch (const std::invalid_argument& e) {
            BOOST_TEST(std::string(e.what()).find("search index: ") == 0u, what << ": " << e.what());
        }
    };
    Data d = good;
    d.postings.pop_back();
    refused(d, "a word without postings list");
    d = good;
    d.postings[0][0].entry = 1;
    refused(d, "a posting of an exercise that is not there");
    d = good;
    d.postings[0].push_back(d.postings[0][0]);
    refused(d, "an exercise twice for one word");
    d = good;
    d.postings[0][0].fields = 8;
    refused(d, "unknown field bits");
    d = good;
    d.postings[0][0].fields = 0;
    refused(d, "no field");
    d = good;
    d.words[1] = d.words[0];
    refused(d, "a repeated word");
    d = good;
    d.words[0].clear();
    refused(d, "an empty word");
    d = good;
    d.postings[0].clear();
    refused(d, "a word that occurs nowhere");
}

BOOST_AUTO_TEST_CASE(forgets_everything_when_cleared)
{
    SearchIndex index;
    Exercise ex;
    ex.id = "bridge-hold";
    ex.name = "Bridge hold";
    index.add(ex);
    BOOST_TEST(index.search("bridge").size() == 1u);
    index.clear();
    BOOST_TEST(index.search("bridge").empty());
    index.add(ex);
    BOOST_TEST(index.search("bridge").size() == 1u);
    BOOST_TEST(index.search("bridge")[0].index == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
