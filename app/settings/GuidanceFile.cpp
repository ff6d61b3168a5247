#include "settings/GuidanceFile.h"

#include "core/GuidanceSettings.h"
#include "settings/SettingsFile.h"
#include "settings/XdgDirs.h"

#include <fstream>
#include <sstream>
#include <vector>
#include <system_error>

namespace fs = std::filesystem;

namespace sp {
namespace {

// Far more than ten keys need; a bigger file is a wrong file.
constexpr std::uintmax_t kMaxGuidanceFileBytes = 256 * 1024;
constexpr const char* kFailure = "guidance settings not usable:";

} // namespace

fs::path defaultGuidanceSettingsPath()
{
    const fs::path dir = userConfigDir();
    return dir.empty() ? fs::path() : dir / "guidance.json";
}

GuidanceThresholds loadGuidanceThresholds(const fs::path& file)
{
    std::error_code ec;
    const auto status = fs::status(file, ec);
    if (ec || status.type() != fs::file_type::regular)
        throw SettingsError(std::string(kFailure) + "\n" + file.string() + ": not a readable file");
    if (fs::file_size(file, ec) > kMaxGuidanceFileBytes || ec)
        throw SettingsError(std::string(kFailure) + "\n" + file.string() + ": larger than 256 KiB");
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    std::vector<Problem> problems;
    ProblemSink sink(file.string(), problems);
    if (auto doc = parseJsonText(text.str(), sink))
        if (auto parsed = parseGuidanceSettings(*doc, sink); parsed && problems.empty())
            return *parsed;
    throw SettingsError(kFailure + describeProblems(problems));
}

GuidanceThresholds loadDefaultGuidanceThresholds()
{
    const fs::path file = defaultGuidanceSettingsPath();
    std::error_code ec;
    if (file.empty() || !fs::exists(file, ec))
        return {};
    return loadGuidanceThresholds(file);
}

void saveGuidanceThresholds(const fs::path& file, const GuidanceThresholds& thresholds)
{
    writePrivateFile(file, toJson(thresholds).dump(2) + "\n");
}

} // namespace sp
