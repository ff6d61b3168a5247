// Ranked, accent- and case-insensitive search over exercise names, aliases and summaries.
// The folded words are computed once when an exercise is added, not on every query.
#pragma once

#include "core/Exercise.h"

#include <string>
#include <string_view>
#include <vector>

namespace sp {

class SearchIndex {
public:
    void add(const Exercise& exercise);
    void clear() { m_entries.clear(); }

    struct Hit {
        std::size_t index; // position of the exercise in the order they were added
        int score;
    };

    // Exercises matching every word of the query, best first: a whole-name match, then
    // name words, then aliases and the id, then the summary; ties in the order added.
    std::vector<Hit> search(std::string_view query) const;

private:
    struct Entry {
        std::string name;                  // folded whole name
        std::vector<std::string> aliases;  // folded whole aliases
        std::vector<std::string> nameWords;
        std::vector<std::string> aliasWords; // from aliases and the id
        std::vector<std::string> summaryWords;
    };
    std::vector<Entry> m_entries;
};

} // namespace sp
