// One problem found in a file a clinic gave us: where it is and what is wrong.
#pragma once

#include <string>
#include <vector>

namespace sp {

struct Problem {
    std::string file;    // as the user knows it, e.g. "my-pack/exercises/bridge.json"
    std::string pointer; // RFC 6901 JSON pointer of the offending value; empty for the whole file
    std::string message; // what is wrong, naming the value

    // "<file>: <pointer>: <message>", or "<file>: <message>" for whole-file problems.
    std::string format() const;
};

// Collects the problems of one file; readers add to it and carry on, so that a
// clinician sees every problem of a pack at once rather than one per attempt.
class ProblemSink {
public:
    ProblemSink(std::string file, std::vector<Problem>& out) : m_file(std::move(file)), m_out(out) {}

    void add(std::string pointer, std::string message);
    const std::string& file() const { return m_file; }
    std::size_t count() const { return m_out.size(); }

private:
    std::string m_file;
    std::vector<Problem>& m_out;
};

// RFC 6901 escaping of one reference token ("~" -> "~0", "/" -> "~1").
std::string pointerToken(const std::string& key);

} // namespace sp
