// What every command shares: the global options, the exit codes, and the catalog, loaded
// once on first use with a warning on stderr for each pack that failed.
#pragma once

#include "pluginhost/PluginHost.h"

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

namespace sp::cli {

enum ExitCode : int { kExitOk = 0, kExitUsage = 2, kExitData = 3 };

struct GlobalOptions {
    std::vector<std::string> pluginDirs;
    bool noBuiltIn = false;
};

class CliContext {
public:
    CliContext(std::ostream& out, std::ostream& err) : m_out(out), m_err(err) {}

    GlobalOptions& options() { return m_options; }
    std::ostream& out() { return m_out; }
    std::ostream& err() { return m_err; }

    // Loads on first call. With `warn`, failed packs and unreadable plugin folders
    // each get one line on stderr.
    const CatalogLoad& load(bool warn = true);

    // "stretchplan-cli: <message>" on stderr; returns `code` for `return ctx.fail(...)`.
    int fail(int code, const std::string& message);

private:
    GlobalOptions m_options;
    std::ostream& m_out;
    std::ostream& m_err;
    std::unique_ptr<CatalogLoad> m_load;
};

} // namespace sp::cli
