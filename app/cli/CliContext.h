// What every command shares: the global options, the exit codes, the catalog (loaded once
// on first use, with a warning on stderr for each pack that failed), the clinic
// database (opened once on first use) and the clinic profile handouts are branded with.
#pragma once

#include "core/ClinicProfile.h"
#include "core/Date.h"
#include "core/Guidance.h"
#include "db/ClinicStore.h"
#include "pluginhost/PluginHost.h"

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

namespace sp::cli {

// 4 is kExitBlocked (GuidanceOutput.h): a handout held back by the guidance.
// kExitForbidden: the clinic server refused the signed-in person's role (DbErrorKind::Forbidden).
enum ExitCode : int { kExitOk = 0, kExitUsage = 2, kExitData = 3, kExitForbidden = 5 };

// A plan file holds a full copy of each exercise: at most 4 MiB.
inline constexpr std::uintmax_t kMaxPlanFileBytes = 4 * 1024 * 1024;

struct GlobalOptions {
    std::vector<std::string> pluginDirs;
    bool noBuiltIn = false;
    std::string dbPath; // empty: the default database in the XDG data dir
    std::string user;   // empty: the login name; ignored on a server, which records the signed-in login
    std::string guidanceSettings; // empty: $XDG_CONFIG_HOME/stretchplan/guidance.json if it exists
};

// A data error to report and exit with 3 (or `code`); thrown by commands, caught in main.
class CliError : public std::runtime_error {
public:
    explicit CliError(const std::string& message, int code = kExitData) : std::runtime_error(message), m_code(code) {}
    int code() const { return m_code; }

private:
    int m_code;
};

class CliContext {
public:
    CliContext(std::ostream& out, std::ostream& err);
    ~CliContext();

    GlobalOptions& options() { return m_options; }
    std::ostream& out() { return m_out; }
    std::ostream& err() { return m_err; }

    // Loads on first call. With `warn`, failed packs, unreadable plugin folders and native
    // plugins waiting to be trusted each get one line on stderr. `rerunNative` runs native
    // plugins again instead of using the cache (plugins reload).
    const CatalogLoad& load(bool warn = true, bool rerunNative = false);

    // The plugin folders the global options select, in load order.
    std::vector<PluginDir> pluginDirList() const;

    // The settings file (plugin trust, mail): $SP_SETTINGS_FILE or
    // $XDG_CONFIG_HOME/stretchplan/settings.json.
    std::filesystem::path settingsPath() const;

    // Opens (creating it and its folder if needed) on first call.
    db::ClinicStore& store();
    std::filesystem::path databasePath() const;
    // What --db names, as it may be shown: a file path, or a server without its password.
    std::string databaseLocation() const;

    // The branding for a handout: the profile stored in the database, or else the demo
    // clinic shipped with StretchPlan. Throws CliError naming every problem when the demo
    // is needed but cannot be loaded (a broken installation).
    ClinicProfile clinicProfile();
    // The demo clinic alone (templates/branding/demo), with the same CliError.
    static ClinicProfile demoClinicProfile();

    // The guidance thresholds: defaults, changed by the settings file where there is one.
    const GuidanceThresholds& thresholds();
    std::string user() const;

    // Today's date in local time.
    static Date today();

    // "stretchplan-cli: <message>" on stderr; returns `code` for `return ctx.fail(...)`.
    int fail(int code, const std::string& message);

private:
    GlobalOptions m_options;
    std::ostream& m_out;
    std::ostream& m_err;
    std::unique_ptr<CatalogLoad> m_load;
    std::unique_ptr<db::ClinicStore> m_store;
    std::unique_ptr<GuidanceThresholds> m_thresholds;
};

} // namespace sp::cli
