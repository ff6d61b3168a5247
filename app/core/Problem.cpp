#include "core/Problem.h"

namespace sp {

std::string Problem::format() const
{
    std::string line = pointer.empty() ? file + ": " + message : file + ": " + pointer + ": " + message;
    // One problem, one line: a key or file name holding a control character must not break it.
    for (char& c : line)
        if (static_cast<unsigned char>(c) < 0x20)
            c = '?';
    return line;
}

void ProblemSink::add(std::string pointer, std::string message)
{
    m_out.push_back({m_file, std::move(pointer), std::move(message)});
}

std::string pointerToken(const std::string& key)
{
    std::string out;
    out.reserve(key.size());
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

} // namespace sp
