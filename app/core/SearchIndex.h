// Ranked, accent- and case-insensitive search over exercise names, aliases and summaries.
// The text is folded once, when an exercise is added, into an inverted index: every
// distinct word of the catalog with the exercises (and fields) it occurs in. A query then
// compares its words with the distinct words, thousands, instead of with every word of
// every exercise, which at tens of thousands of exercises took tens of milliseconds.
#pragma once

#include "core/Exercise.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sp {

class SearchIndex {
public:
    void add(const Exercise& exercise);
    // Adds every exercise of `other` after those already here, as if each had been added
    // here: the plugin host indexes each pack on the thread that loaded it, and the
    // catalog only joins the packs' indexes, which costs a look-up per distinct word.
    void append(SearchIndex&& other);
    // Lets go of what only adding needs (the word look-up table); append() still works.
    void finishForAppend();
    void clear();
    std::size_t size() const { return m_entries.size(); } // exercises added

    struct Hit {
        std::size_t index; // position of the exercise in the order they were added
        int score;
    };

    // Exercises matching every word of the query, best first: a whole-name match, then
    // name words, then aliases and the id, then the summary; ties in the order added.
    // A query word matches a word whole (best), its start, or inside it (only query
    // words of three letters or more, to keep noise down).
    std::vector<Hit> search(std::string_view query) const;

private:
    enum Field : std::uint8_t { InName = 1, InAlias = 2, InSummary = 4 }; // alias: aliases and the id
    struct Posting {
        std::uint32_t entry;
        std::uint8_t fields; // Field bits
    };
    struct Entry {
        std::string name;                 // folded whole name
        std::vector<std::string> aliases; // folded whole aliases
    };
    std::vector<Entry> m_entries;
    std::vector<std::string> m_words;              // every distinct folded word
    std::vector<std::vector<Posting>> m_postings;  // per word: where it occurs, in the order added
    // Looked up by string_view, so that a word already known costs no copy.
    struct WordHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view w) const { return std::hash<std::string_view>{}(w); }
    };
    std::unordered_map<std::string, std::uint32_t, WordHash, std::equal_to<>> m_wordIds;
};

} // namespace sp
