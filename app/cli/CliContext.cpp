#include "cli/CliContext.h"

#include "db/OpenStore.h"
#include "db/ServerLocation.h"
#include "db/sqlite/SqliteStore.h"
#include "keyring/Keyring.h"
#include "pluginhost/DemoClinic.h"
#include "pluginhost/PackFiles.h"
#include "pluginhost/PluginConfig.h"
#include "settings/GuidanceFile.h"
#include "settings/SettingsFile.h"
#include "settings/XdgDirs.h"

#include <ctime>
#include <cstdlib>
#include <ostream>
#include <system_error>

namespace fs = std::filesystem;

namespace sp::cli {

CliContext::CliContext(std::ostream& out, std::ostream& err) : m_out(out), m_err(err) {}
CliContext::~CliContext() = default;

const CatalogLoad& CliContext::load(bool warn, bool rerunNative)
{
    if (m_load)
        return *m_load;
    std::vector<std::string> settingsWarnings;
    LoadOptions loadOptions;
    try {
        loadOptions = readLoadOptions(settingsPath(), settingsWarnings);
    } catch (const SettingsError& e) {
        settingsWarnings.push_back(e.what());
    }
    loadOptions.native.rerun = rerunNative;
    m_load = std::make_unique<CatalogLoad>(loadCatalog(pluginDirList(), loadOptions));
    for (const std::string& w : settingsWarnings)
        m_err << "warning: " << w << '\n';
    if (warn) {
        for (const Problem& p : m_load->folderProblems)
            m_err << "warning: " << p.format() << '\n';
        for (const PackReport& pack : m_load->packs) {
            const bool awaitsTrust = pack.status == PackStatus::Disabled && pack.kind == PluginKind::Native &&
                                     pack.disabledReason.rfind("disabled by a clinician", 0) != 0;
            if (awaitsTrust)
                m_err << "note: native plugin " << pack.id << " in " << pack.folder.string() << " is off: "
                      << pack.disabledReason << '\n';
            if (pack.status != PackStatus::Failed)
                continue;
            const std::size_t n = pack.problems.size();
            m_err << "warning: " << (pack.kind == PluginKind::Native ? "native plugin " : "pack ")
                  << (pack.id.empty() ? pack.folder.filename().string() : pack.id) << " in "
                  << pack.folder.string() << " was not loaded (" << n << (n == 1 ? " problem" : " problems")
                  << "; run 'stretchplan-cli plugins list' for details)\n";
        }
    }
    return *m_load;
}

std::vector<PluginDir> CliContext::pluginDirList() const
{
    PluginDirOptions dirOptions;
    dirOptions.builtIn = !m_options.noBuiltIn;
    for (const std::string& dir : m_options.pluginDirs)
        dirOptions.extraDirs.emplace_back(dir);
    return pluginDirs(dirOptions);
}

fs::path CliContext::settingsPath() const
{
    try {
        return defaultSettingsPath();
    } catch (const SettingsError& e) {
        throw CliError(e.what());
    }
}

fs::path CliContext::databasePath() const
{
    if (!m_options.dbPath.empty())
        return m_options.dbPath;
    const fs::path path = defaultDatabasePath();
    if (path.empty())
        throw CliError("cannot find the default database: HOME is not set; give --db FILE");
    return path;
}

std::string CliContext::user() const
{
    if (!m_options.user.empty())
        return m_options.user;
    return loginName();
}

db::ClinicStore& CliContext::store()
{
    if (m_store)
        return *m_store;
    db::StoreOptions options;
    options.actor = user();
    if (db::isServerLocation(m_options.dbPath)) {
        // The password from the keyring, as the app stores it; else libpq's own sources.
        const db::ServerFields fields = db::serverFields(m_options.dbPath);
        if (!fields.passwordGiven)
            options.password = keyring::databasePassword(db::accountOf(fields));
        m_store = db::openClinicStore(m_options.dbPath, options);
        if (!m_options.user.empty())
            m_err << "warning: --user is ignored on a clinic server: it records the signed-in login ("
                  << m_store->signedIn().value_or(db::StaffMember{}).login << ")\n";
        return *m_store;
    }
    const fs::path path = databasePath();
    if (m_options.dbPath.empty()) {
        createPrivateDataDir(path.parent_path());
    } else if (!path.parent_path().empty() && !fs::is_directory(path.parent_path())) {
        throw CliError("cannot open database " + path.string() + ": folder " + path.parent_path().string() +
                       " does not exist");
    }
    m_store = db::openSqliteStore(path, options);
    return *m_store;
}

std::string CliContext::databaseLocation() const
{
    if (db::isServerLocation(m_options.dbPath))
        return db::displayLocation(m_options.dbPath);
    return databasePath().string();
}

ClinicProfile CliContext::clinicProfile()
{
    if (auto stored = store().clinic().get())
        return std::move(*stored);
    return demoClinicProfile();
}

ClinicProfile CliContext::demoClinicProfile()
{
    ClinicLoad load = loadClinicBranding(builtInBrandingDir());
    if (load.profile)
        return std::move(*load.profile);
    std::string lines;
    for (const Problem& p : load.problems)
        lines += "\n" + p.format();
    throw CliError("the demo clinic branding shipped with StretchPlan cannot be loaded (reinstall, or set your own "
                   "with 'stretchplan-cli clinic set --name NAME'):" + lines);
}

const GuidanceThresholds& CliContext::thresholds()
{
    if (m_thresholds)
        return *m_thresholds;
    try {
        m_thresholds = std::make_unique<GuidanceThresholds>(
            m_options.guidanceSettings.empty() ? loadDefaultGuidanceThresholds()
                                               : loadGuidanceThresholds(m_options.guidanceSettings));
    } catch (const SettingsError& e) {
        throw CliError(e.what());
    }
    return *m_thresholds;
}

Date CliContext::today()
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

int CliContext::fail(int code, const std::string& message)
{
    m_err << "stretchplan-cli: " << message << '\n';
    return code;
}

} // namespace sp::cli
