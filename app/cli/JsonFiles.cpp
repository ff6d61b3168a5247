#include "cli/JsonFiles.h"

#include "pluginhost/PackFiles.h"

namespace fs = std::filesystem;

namespace sp::cli {

std::string problemLines(const std::vector<Problem>& problems)
{
    std::string lines;
    for (const Problem& p : problems)
        lines += "\n" + p.format();
    return lines;
}

Json readJsonFile(const fs::path& file, std::uintmax_t maxBytes, const std::string& failure)
{
    const FileRead read = readPackFile(file.parent_path().empty() ? fs::path(".") : file.parent_path(), file, maxBytes);
    if (!read.text)
        throw CliError(failure + "\n" + file.string() + ": " + read.error);
    std::vector<Problem> problems;
    ProblemSink sink(file.string(), problems);
    auto doc = parseJsonText(*read.text, sink);
    if (!doc)
        throw CliError(failure + problemLines(problems));
    return std::move(*doc);
}

} // namespace sp::cli
