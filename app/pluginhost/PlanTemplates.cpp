#include "pluginhost/PlanTemplates.h"

#include "pluginhost/PackFiles.h"
#include "pluginhost/PluginDirs.h"

#include <algorithm>
#include <map>
#include <system_error>

namespace fs = std::filesystem;

namespace sp {

fs::path builtInPlanTemplateDir()
{
    return builtInDataDir() / "templates" / "plans";
}

PlanTemplateLoad loadPlanTemplates(const fs::path& dir)
{
    PlanTemplateLoad result;
    std::error_code ec;
    std::vector<fs::path> files;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec))
        if (entry.path().extension() == ".json")
            files.push_back(entry.path());
    if (ec) {
        result.problems.push_back({dir.string(), "", "cannot be listed: " + ec.message()});
        return result;
    }
    std::sort(files.begin(), files.end());
    std::map<std::string, std::string> fileOfId;
    for (const fs::path& file : files) {
        const std::string display = "plans/" + file.filename().string();
        ProblemSink sink(display, result.problems);
        const FileRead read = readPackFile(dir, file, kMaxManifestBytes);
        if (!read.text) {
            sink.add("", read.error);
            continue;
        }
        const auto doc = parseJsonText(*read.text, sink);
        if (!doc)
            continue;
        auto parsed = parsePlanTemplate(*doc, sink);
        if (!parsed)
            continue;
        if (auto [it, fresh] = fileOfId.emplace(parsed->id, display); !fresh) {
            sink.add("/id", "template id \"" + parsed->id + "\" is already used by " + it->second);
            continue;
        }
        result.templates.push_back(std::move(*parsed));
    }
    std::sort(result.templates.begin(), result.templates.end(),
              [](const PlanTemplate& a, const PlanTemplate& b) { return a.id < b.id; });
    return result;
}

} // namespace sp
