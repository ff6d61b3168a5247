#include "core/JsonText.h"

#include <string>
#include <vector>

namespace sp {
namespace {

// Builds the document like nlohmann's own DOM parser, but knows at every moment the
// JSON pointer of the value it is reading, refuses duplicate keys and caps the depth.
class TrackingSax {
public:
    using number_integer_t = Json::number_integer_t;
    using number_unsigned_t = Json::number_unsigned_t;
    using number_float_t = Json::number_float_t;
    using string_t = Json::string_t;
    using binary_t = Json::binary_t;

    TrackingSax(std::string_view text, ProblemSink& sink, int maxDepth)
        : m_text(text), m_sink(sink), m_maxDepth(maxDepth) {}

    bool null() { return add(Json(nullptr)); }
    bool boolean(bool v) { return add(Json(v)); }
    bool number_integer(number_integer_t v) { return add(Json(v)); }
    bool number_unsigned(number_unsigned_t v) { return add(Json(v)); }
    bool number_float(number_float_t v, const string_t&) { return add(Json(v)); }
    bool string(string_t& v) { return add(Json(std::move(v))); }
    bool binary(binary_t&) { return fail("binary values are not JSON"); }

    bool start_object(std::size_t) { return open(Json::object()); }
    bool start_array(std::size_t) { return open(Json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(string_t& k)
    {
        Frame& top = m_stack.back();
        top.key = k;
        if (top.value->contains(k))
            return fail("duplicate key \"" + k + "\"");
        return true;
    }

    bool parse_error(std::size_t byte, const std::string&, const nlohmann::detail::exception& ex)
    {
        if (m_failed)
            return false;
        m_failed = true;
        m_sink.add(currentPointer(), describe(ex.what()) + " (" + location(byte) + ")");
        return false;
    }

    std::optional<Json> take() { return m_failed ? std::nullopt : std::optional<Json>(std::move(m_root)); }

private:
    struct Frame {
        Json* value;
        std::string key; // the member being read, for objects
    };

    Json* slotForNext()
    {
        if (m_stack.empty())
            return &m_root;
        Frame& top = m_stack.back();
        if (top.value->is_array()) {
            top.value->push_back(nullptr);
            return &top.value->back();
        }
        return &(*top.value)[top.key];
    }

    bool add(Json v)
    {
        *slotForNext() = std::move(v);
        return true;
    }

    bool open(Json container)
    {
        if (static_cast<int>(m_stack.size()) >= m_maxDepth)
            return fail("nesting is deeper than " + std::to_string(m_maxDepth) + " levels");
        Json* slot = slotForNext();
        *slot = std::move(container);
        m_stack.push_back({slot, {}});
        return true;
    }

    bool close()
    {
        m_stack.pop_back();
        return true;
    }

    bool fail(std::string message)
    {
        m_failed = true;
        m_sink.add(currentPointer(), std::move(message));
        return false;
    }

    // The pointer of the value being read: each open container's current member.
    std::string currentPointer() const
    {
        std::string out;
        for (std::size_t i = 0; i < m_stack.size(); ++i) {
            const Frame& f = m_stack[i];
            // An open child is already the array's last element; at the top, the value
            // being read has not been added yet.
            const bool childOpen = i + 1 < m_stack.size();
            if (f.value->is_array())
                out += "/" + std::to_string(f.value->size() - (childOpen ? 1 : 0));
            else if (!f.key.empty() || f.value->size() > 0)
                out += "/" + pointerToken(f.key);
        }
        return out;
    }

    std::string location(std::size_t byte) const
    {
        // nlohmann counts bytes from 1 and points at the byte after the bad token.
        const std::size_t end = std::min(byte > 0 ? byte - 1 : 0, m_text.size());
        std::size_t line = 1, column = 1;
        for (std::size_t i = 0; i < end; ++i) {
            if (m_text[i] == '\n') {
                ++line;
                column = 1;
            } else if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80) {
                ++column;
            }
        }
        return "line " + std::to_string(line) + ", column " + std::to_string(column);
    }

    // nlohmann's message minus its prefix and its echo of the raw input, which may not be
    // valid UTF-8 and must not reach the user's terminal.
    static std::string describe(std::string what)
    {
        if (what.find("ill-formed UTF-8") != std::string::npos)
            return "invalid UTF-8";
        if (auto colon = what.find(": "); what.rfind("[json.exception", 0) == 0 && colon != std::string::npos)
            what = what.substr(colon + 2);
        if (auto lastRead = what.find("; last read"); lastRead != std::string::npos)
            what.erase(lastRead);
        return "malformed JSON: " + what;
    }

    std::string_view m_text;
    ProblemSink& m_sink;
    int m_maxDepth;
    Json m_root;
    std::vector<Frame> m_stack;
    bool m_failed = false;
};

} // namespace

std::optional<Json> parseJsonText(std::string_view text, ProblemSink& sink, int maxDepth)
{
    TrackingSax sax(text, sink, maxDepth);
    Json::sax_parse(text.begin(), text.end(), &sax, nlohmann::detail::input_format_t::json, true);
    return sax.take();
}

} // namespace sp
