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
    // Lets go of what only adding needs (the word look-up table, made again if needed).
    void finishForAppend();
    void clear();
    std::size_t size() const { return m_data.entries.size(); } // exercises added

    struct Hit {
        std::size_t index; // position of the exercise in the order they were added
        int score;
    };

    // Exercises matching every word of the query, best first: a whole-name match, then
    // name words, then aliases and the id, then the summary; ties in the order added.
    // A query word matches a word whole (best), its start, or inside it (only query
    // words of three letters or more, to keep noise down).
    std::vector<Hit> search(std::string_view query) const;

    // The index as plain data, so that the plugin host can keep each pack's index in its
    // pack cache instead of folding the text again at every start.
    enum Field : std::uint8_t { InName = 1, InAlias = 2, InSummary = 4 }; // alias: aliases and the id
    struct Posting {
        std::uint32_t entry;
        std::uint8_t fields; // Field bits
        bool operator==(const Posting&) const = default;
    };
    struct Entry {
        std::string name;                 // folded whole name
        std::vector<std::string> aliases; // folded whole aliases
        bool operator==(const Entry&) const = default;
    };
    struct Data {
        std::vector<Entry> entries;
        std::vector<std::string> words;              // distinct, none empty
        std::vector<std::vector<Posting>> postings;  // per word: ascending entries, each once
        bool operator==(const Data&) const = default;
    };
    const Data& data() const { return m_data; }
    // Throws std::invalid_argument naming what does not fit: a posting of an exercise
    // that is not there, a repeated or empty word, unknown field bits, ...
    static SearchIndex fromData(Data data);

private:
    void ensureWordTable(); // after fromData() or finishForAppend(), before adding
    Data m_data;
    // Looked up by string_view, so that a word already known costs no copy.
    struct WordHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view w) const { return std::hash<std::string_view>{}(w); }
    };
    std::unordered_map<std::string, std::uint32_t, WordHash, std::equal_to<>> m_wordIds;
};

} // namespace sp
