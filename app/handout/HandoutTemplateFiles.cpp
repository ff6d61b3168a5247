#include "handout/HandoutTemplateFiles.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <system_error>

namespace fs = std::filesystem;

namespace sp::handout {

HandoutTemplateLoad loadHandoutTemplates(const fs::path& dir)
{
    constexpr std::uintmax_t kMaxBytes = 256 * 1024;
    HandoutTemplateLoad result;
    std::error_code ec;
    std::vector<fs::path> files;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec))
        if (entry.path().extension() == ".json" && entry.is_regular_file(ec))
            files.push_back(entry.path());
    if (ec) {
        result.problems.push_back({dir.string(), "", "cannot be listed: " + ec.message()});
        return result;
    }
    std::sort(files.begin(), files.end());
    std::set<std::string> ids;
    for (const fs::path& file : files) {
        ProblemSink sink("handouts/" + file.filename().string(), result.problems);
        const std::uintmax_t size = fs::file_size(file, ec);
        if (ec || size > kMaxBytes) {
            sink.add("", ec ? "cannot be read: " + ec.message() : "is too large (at most 256 KiB)");
            continue;
        }
        std::ifstream in(file, std::ios::binary);
        const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        const auto doc = parseJsonText(text, sink);
        auto parsed = doc ? parseHandoutTemplate(*doc, sink) : std::nullopt;
        if (!parsed)
            continue;
        if (!ids.insert(parsed->id).second) {
            sink.add("/id", "template id \"" + parsed->id + "\" is used by another file");
            continue;
        }
        result.templates.push_back(std::move(*parsed));
    }
    std::sort(result.templates.begin(), result.templates.end(),
              [](const HandoutTemplate& a, const HandoutTemplate& b) { return a.id < b.id; });
    return result;
}

} // namespace sp::handout
