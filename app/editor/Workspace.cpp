#include "editor/Workspace.h"

#include "db/OpenStore.h"
#include "db/sqlite/SqliteStore.h"
#include "editor/ClinicExercises.h"
#include "editor/ServerClinicPack.h"
#include "pluginhost/DemoClinic.h"
#include "pluginhost/PluginConfig.h"
#include "pluginhost/PlanTemplates.h"
#include "settings/GuidanceFile.h"
#include "settings/SettingsFile.h"
#include "settings/XdgDirs.h"

#include <algorithm>
#include <system_error>

namespace fs = std::filesystem;

namespace sp {

Workspace::Workspace(WorkspaceOptions options) : m_options(std::move(options)) {}
Workspace::~Workspace() = default;

std::string Workspace::databaseLocation() const
{
    if (!m_options.database.empty())
        return m_options.database;
    const fs::path path = defaultDatabasePath();
    if (path.empty())
        throw WorkspaceError("cannot find the default database: HOME is not set; start with --db FILE");
    return path.string();
}

std::string Workspace::displayDatabase() const
{
    return db::displayLocation(databaseLocation());
}

bool Workspace::onServer() const
{
    return db::isServerLocation(databaseLocation());
}

std::string Workspace::user() const
{
    return m_options.user.empty() ? loginName() : m_options.user;
}

namespace {

// A file's folder must exist (the default one is made, private); a server needs nothing here.
bool prepareFile(const std::string& location, bool isDefault)
{
    const fs::path path = location;
    if (isDefault) {
        if (!createPrivateDataDir(path.parent_path()))
            throw WorkspaceError("cannot create the folder " + path.parent_path().string() + " for the database");
    } else if (!path.parent_path().empty() && !fs::is_directory(path.parent_path())) {
        throw WorkspaceError("cannot open database " + path.string() + ": folder " + path.parent_path().string() +
                             " does not exist");
    }
    std::error_code ec;
    return !fs::exists(path, ec);
}

} // namespace

void Workspace::openDatabase()
{
    switchDatabase(databaseLocation(), m_options.password);
}

void Workspace::switchDatabase(const std::string& location, const std::string& password)
{
    db::StoreOptions options;
    options.actor = user();
    options.password = password;
    bool created = false;
    std::unique_ptr<db::ClinicStore> store;
    if (db::isServerLocation(location)) {
        store = db::openClinicStore(location, options);
    } else {
        // The app holds its file alone: the file open now is open already.
        if (m_store && location == m_options.database)
            return;
        const fs::path defaultFile = defaultDatabasePath();
        created = prepareFile(location, !defaultFile.empty() && fs::path(location) == defaultFile);
        // The app's toolkit may open and close the file (file dialogs, thumbnails), which
        // drops SQLite's locks: the app keeps every other process out instead.
        options.access = db::StoreAccess::Exclusive;
        options.password.clear();
        store = db::openSqliteStore(location, options);
    }
    std::unique_ptr<ServerClinicPack> serverPack;
    const auto who = store->signedIn();
    if (who && who->role != db::StaffRole::Reception)
        serverPack = std::make_unique<ServerClinicPack>(*store, serverPackCacheDir(location));
    m_serverPack = std::move(serverPack);
    m_store = std::move(store);
    m_created = created;
    m_options.database = location;
    m_options.password = password;
}

CatalogLoad Workspace::loadPlugins(bool rerunNative)
{
    PluginDirOptions dirOptions;
    dirOptions.builtIn = !m_options.noBuiltIn;
    dirOptions.extraDirs = m_options.pluginDirs;
    // The same plugin settings (trust, time limit) and cache as the command line.
    m_settingsWarnings.clear();
    LoadOptions loadOptions;
    try {
        loadOptions = readLoadOptions(defaultSettingsPath(), m_settingsWarnings);
    } catch (const SettingsError& e) {
        m_settingsWarnings.push_back(e.what());
    }
    loadOptions.native.rerun = rerunNative;
    std::vector<PluginDir> dirs = pluginDirs(dirOptions);
    std::string serverProblem;
    if (onServer()) {
        // The server's clinic pack stands in for the one this computer keeps on its own.
        try {
            loadOptions.setAside.emplace_back(ClinicPack::defaultFolder(),
                                              "on a clinic server the clinic's exercises come from the server; this "
                                              "folder is the clinic pack used with a database on this computer");
        } catch (const PackEditError&) {
            // No user plugin folder: nothing to set aside.
        }
    }
    if (m_serverPack) {
        try {
            m_serverPack->sync();
        } catch (const std::exception& e) {
            serverProblem = e.what();
        }
        const auto user = std::find_if(dirs.begin(), dirs.end(), [](const PluginDir& d) {
            return d.origin == PluginOrigin::User || d.origin == PluginOrigin::CommandLine;
        });
        dirs.insert(user, PluginDir{m_serverPack->pluginDir(), PluginOrigin::Server});
        m_catalogPackVersion = m_serverPack->version();
    }
    CatalogLoad load = sp::loadCatalog(dirs, loadOptions);
    if (!serverProblem.empty())
        load.folderProblems.push_back({"clinic server", "",
                                       "the clinic's exercises could not be brought up to date (the copy on this "
                                       "computer is used): " + serverProblem});
    return load;
}

ClinicPack Workspace::clinicPack()
{
    if (m_serverPack)
        return m_serverPack->editable();
    if (onServer())
        throw PackEditError("your role has no clinic exercises on this clinic server");
    return ClinicPack(ClinicPack::defaultFolder());
}

fs::path Workspace::clinicPackFolder()
{
    if (!m_serverPack) {
        if (onServer())
            throw PackEditError("your role has no clinic exercises on this clinic server");
        return ClinicPack::defaultFolder();
    }
    m_serverPack->sync();
    return m_serverPack->folder();
}

bool Workspace::mayEditClinicPack() const
{
    if (!m_store)
        return false;
    const auto who = m_store->signedIn();
    return !who || who->role == db::StaffRole::Admin;
}

bool Workspace::syncClinicPack()
{
    if (!m_serverPack)
        return false;
    // The copy may have followed already (the clinic exercise editor brings it up to date
    // before each change) while the catalog still holds the version it loaded.
    const bool changed = m_serverPack->sync();
    return changed || m_serverPack->version() != m_catalogPackVersion;
}

bool Workspace::importsToServer(const fs::path& source) const
{
    if (!m_serverPack)
        return false;
    const LoadedPack pack = loadPack(source, source.filename().string());
    return pack.declaredId == clinicPackManifest("").id;
}

fs::path Workspace::importPack(const fs::path& source)
{
    if (importsToServer(source)) {
        m_serverPack->upload(source);
        return m_serverPack->folder();
    }
    return sp::importPack(source, userPluginDir());
}

void Workspace::loadCatalog()
{
    m_load = std::make_unique<CatalogLoad>(loadPlugins(false));
}

void Workspace::reloadCatalog(bool rerunNative)
{
    CatalogLoad load = loadPlugins(rerunNative);
    if (m_load)
        *m_load = std::move(load);
    else
        m_load = std::make_unique<CatalogLoad>(std::move(load));
}

fs::path Workspace::settingsPath() const
{
    try {
        return defaultSettingsPath();
    } catch (const SettingsError& e) {
        throw WorkspaceError(e.what());
    }
}

void Workspace::setPluginEnabled(const PackReport& plugin, bool enabled)
{
    const std::string name = plugin.id.empty() ? plugin.folder.filename().string() : plugin.id;
    if (plugin.id.empty())
        throw WorkspaceError("the plugin in " + plugin.folder.string() + " has no usable id; fix its manifest first");
    if (enabled && plugin.kind == PluginKind::Native && plugin.sha256.empty())
        throw WorkspaceError("cannot read the library of native plugin \"" + name + "\"" +
                             (plugin.problems.empty() ? std::string() : ": " + plugin.problems.front().format()));
    try {
        sp::setPluginEnabled(settingsPath(), plugin, enabled);
    } catch (const SettingsError& e) {
        throw WorkspaceError(e.what());
    }
}

void Workspace::loadTemplatesAndThresholds()
{
    PlanTemplateLoad load = loadPlanTemplates(builtInPlanTemplateDir());
    m_templates = std::move(load.templates);
    m_templateProblems = std::move(load.problems);
    try {
        m_thresholds = m_options.guidanceSettings.empty() ? loadDefaultGuidanceThresholds()
                                                          : loadGuidanceThresholds(m_options.guidanceSettings);
    } catch (const SettingsError& e) {
        throw WorkspaceError(e.what());
    }
}

db::ClinicStore& Workspace::store()
{
    if (!m_store)
        throw std::logic_error("Workspace: the database is not open");
    return *m_store;
}

const CatalogLoad& Workspace::catalogLoad() const
{
    static const CatalogLoad empty;
    return m_load ? *m_load : empty;
}

void Workspace::saveThresholds(const GuidanceThresholds& thresholds)
{
    const fs::path file =
        m_options.guidanceSettings.empty() ? defaultGuidanceSettingsPath() : m_options.guidanceSettings;
    if (file.empty())
        throw WorkspaceError("no folder for the guidance settings: HOME is not set");
    try {
        saveGuidanceThresholds(file, thresholds);
    } catch (const SettingsError& e) {
        throw WorkspaceError(e.what());
    }
    m_thresholds = thresholds;
}

ClinicProfile Workspace::clinicProfile()
{
    if (auto stored = store().clinic().get())
        return std::move(*stored);
    ClinicLoad load = loadClinicBranding(builtInBrandingDir());
    if (load.profile)
        return std::move(*load.profile);
    return ClinicProfile{};
}

bool Workspace::hasOwnClinicProfile()
{
    const std::optional<ClinicProfile> stored = store().clinic().get();
    if (!stored)
        return false;
    const ClinicLoad demo = loadClinicBranding(builtInBrandingDir());
    return !demo.profile || !sameBranding(*stored, *demo.profile);
}

std::string Workspace::clinicianName()
{
    if (const auto who = store().signedIn()) {
        if (who->role == db::StaffRole::Reception)
            return {}; // the front desk treats nobody: a patient it adds names no clinician yet
        return who->fullName.empty() ? who->login : who->fullName;
    }
    if (auto stored = store().clinic().get(); stored && !stored->clinician.empty())
        return stored->clinician;
    return user();
}

bool Workspace::contactsOnly()
{
    const auto who = store().signedIn();
    return who && who->role == db::StaffRole::Reception;
}

bool Workspace::needsHandoutName()
{
    if (onServer())
        return false;
    const std::optional<ClinicProfile> stored = store().clinic().get();
    return !stored || stored->clinician.empty();
}

void Workspace::setHandoutName(const std::string& name)
{
    ClinicProfile profile = clinicProfile();
    profile.clinician = name;
    store().clinic().set(profile);
}

PlanDraft Workspace::draftFromTemplate(const std::string& templateId, const std::string& title) const
{
    for (const PlanTemplate& t : m_templates) {
        if (t.id != templateId)
            continue;
        FieldErrors errors;
        PlanDraft draft{title.empty() ? t.title : title, t.goals, resolveItems(t.items, catalog(), errors)};
        if (!errors.empty())
            throw WorkspaceError("the template " + t.id + " cannot be used: " + errors.summary());
        return draft;
    }
    throw WorkspaceError("no plan template \"" + templateId + "\"");
}

std::vector<Finding> Workspace::check(const PlanEditor& editor, std::int64_t patientId, const Date& today)
{
    const Patient patient = store().patients().get(patientId);
    const auto notes = store().notes().listForPatient(patientId);
    return evaluate(editor.revision(), patient, notes, catalog(), m_thresholds, today);
}

int Workspace::save(PlanEditor& editor, std::int64_t patientId, const std::string& reason)
{
    const PlanRevision revision = editor.revision(reason);
    if (editor.isNew()) {
        const std::int64_t planId = store().plans().create(patientId, editor.draft().title, revision);
        editor.markSaved(planId, 1);
        return 1;
    }
    const int number = store().plans().revise(editor.planId(), revision, editor.baseRevision());
    editor.markSaved(editor.planId(), number);
    return number;
}

std::int64_t Workspace::addDemoPatient(const Date& today)
{
    Patient p;
    p.name = "Alex Demo";
    p.dateOfBirth = Date{1984, 3, 9};
    p.email = "alex.demo@example.org";
    p.clinician = clinicianName();
    p.preference = DirectionalPreference::ExtensionRelieves;
    p.notes = "A demo patient: sitting at work makes the low back ache; bending backwards eases it.";
    const std::int64_t id = store().patients().add(p);
    RedFlagScreening screening;
    screening.date = today;
    for (const QualifiedRedFlag& flag : redFlags(catalog()))
        screening.answers.push_back({flag.id, false});
    if (!screening.answers.empty())
        store().patients().recordScreening(id, screening);
    const PlanDraft draft = draftFromTemplate("lumbar-extension-bias", "Low back: extension bias");
    PlanRevision first;
    first.reason = "Demo plan from template lumbar-extension-bias";
    first.goals = draft.goals;
    first.items = draft.items;
    store().plans().create(id, draft.title, first);
    return id;
}

} // namespace sp
