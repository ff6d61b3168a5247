#include "cli/CliContext.h"

#include <ostream>

namespace sp::cli {

const CatalogLoad& CliContext::load(bool warn)
{
    if (m_load)
        return *m_load;
    PluginDirOptions dirOptions;
    dirOptions.builtIn = !m_options.noBuiltIn;
    for (const std::string& dir : m_options.pluginDirs)
        dirOptions.extraDirs.emplace_back(dir);
    m_load = std::make_unique<CatalogLoad>(loadCatalog(pluginDirs(dirOptions)));
    if (warn) {
        for (const Problem& p : m_load->folderProblems)
            m_err << "warning: " << p.format() << '\n';
        for (const PackReport& pack : m_load->packs) {
            if (pack.status != PackStatus::Failed)
                continue;
            const std::size_t n = pack.problems.size();
            m_err << "warning: pack " << (pack.id.empty() ? pack.folder.filename().string() : pack.id) << " in "
                  << pack.folder.string() << " was not loaded (" << n << (n == 1 ? " problem" : " problems")
                  << "; run 'stretchplan-cli plugins list' for details)\n";
        }
    }
    return *m_load;
}

int CliContext::fail(int code, const std::string& message)
{
    m_err << "stretchplan-cli: " << message << '\n';
    return code;
}

} // namespace sp::cli
