// Everything the desktop app works on, opened once at start-up: the clinic database, the
// catalog from the plugin folders, the plan templates and the guidance thresholds. The
// same library calls the command line makes (CliContext), so both behave alike.
#pragma once

#include "core/ClinicProfile.h"
#include "core/Guidance.h"
#include "core/PlanJson.h"
#include "db/ClinicStore.h"
#include "editor/PlanEditor.h"
#include "pluginhost/ClinicPack.h"
#include "pluginhost/PluginHost.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace sp {

class ServerClinicPack;

struct WorkspaceOptions {
    // The clinic database: a file path (SQLite) or a clinic server's location (a
    // postgresql:// URI or "service=NAME"); empty: defaultDatabasePath().
    std::string database;
    std::vector<std::filesystem::path> pluginDirs; // --plugins-dir, in order
    bool noBuiltIn = false;
    std::string user;                            // empty: the login name
    std::filesystem::path guidanceSettings;      // empty: the default file, if any
    // A server's password when it does not come from libpq's own sources (PGPASSWORD,
    // ~/.pgpass): from the OS keyring or typed in. Never written anywhere.
    std::string password;
};

// A failure the clinician can act on; the message says what and where.
class WorkspaceError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Workspace {
public:
    explicit Workspace(WorkspaceOptions options);
    ~Workspace();

    // The steps of opening, separate so that the app can show progress between them.
    // Each throws WorkspaceError (or db::DbError) on failure.
    void openDatabase();
    // File > Open clinic database: opens `location` (with `password` for a server) and,
    // only once it is open, closes the current one. On failure the current one stays open
    // and nothing changes.
    void switchDatabase(const std::string& location, const std::string& password);
    void loadCatalog();
    // Loads the catalog again after packs or plugin choices changed. With `rerunNative`
    // every enabled native plugin runs again instead of coming from the cache (as
    // `plugins reload` does). catalog() stays the same object, so references to it stay
    // valid; pointers to its exercises do not.
    void reloadCatalog(bool rerunNative = false);
    void loadTemplatesAndThresholds();

    const WorkspaceOptions& options() const { return m_options; }
    // The database's location as given (a file path or a server's location), or the
    // default file; displayDatabase() is the same without a password, for the screen.
    std::string databaseLocation() const;
    std::string displayDatabase() const;
    bool onServer() const;
    // True when openDatabase() created the file: the first run.
    bool createdDatabase() const { return m_created; }
    std::string user() const;

    db::ClinicStore& store();
    const CatalogLoad& catalogLoad() const;
    const Catalog& catalog() const { return catalogLoad().catalog; }
    const std::vector<PlanTemplate>& templates() const { return m_templates; }
    // Template files that could not be read, for a warning at start-up.
    const std::vector<Problem>& templateProblems() const { return m_templateProblems; }
    // Problems with the settings file's plugin section (the safe defaults were used).
    const std::vector<std::string>& settingsWarnings() const { return m_settingsWarnings; }
    const GuidanceThresholds& thresholds() const { return m_thresholds; }
    // The settings file that holds the plugin choices (the command line's too).
    std::filesystem::path settingsPath() const;
    // Records the clinician's choice for the plugin as `plugins enable|disable` does (a
    // native plugin is trusted for the library whose SHA-256 the report holds); it takes
    // effect with the next reloadCatalog(). Throws WorkspaceError when the plugin has no
    // usable id or library, or when the settings file cannot be changed.
    void setPluginEnabled(const PackReport& plugin, bool enabled);
    // Stores the thresholds in the guidance file every front end reads, then uses them.
    void saveThresholds(const GuidanceThresholds& thresholds);

    // The clinic's own exercise pack (Tools > Clinic exercises). On a file it is the folder
    // ClinicPack::defaultFolder(); on a clinic server it is stored in the database, and
    // this computer keeps a copy of its latest version that the catalog loads
    // (editor/ServerClinicPack.h); the folder of this computer's own clinic pack is then set
    // aside. Reception loads no clinic pack from a server.
    // The pack to edit: on a server each change is stored as the pack's next version.
    ClinicPack clinicPack();
    // Where the pack is now, to export it (on a server, its latest version first).
    std::filesystem::path clinicPackFolder();
    // Whether the signed-in person may change the clinic pack: on a server, admins only.
    bool mayEditClinicPack() const;
    // On a server: brings this computer's copy to the latest version; true when the catalog
    // holds another version than that (then reloadCatalog()). False on a file. Throws
    // db::DbError or PackEditError.
    bool syncClinicPack();
    // Tools > Import exercise pack: copies the pack folder into the user plugin folder
    // (importPack()); on a server, a pack with the clinic pack's id ("clinic", as Export
    // clinic pack writes it) is stored as the clinic pack's next version instead. Returns
    // the folder it is loaded from. Throws PackEditError or db::DbError.
    std::filesystem::path importPack(const std::filesystem::path& source);
    // Whether importPack(source) stores it on the clinic server (as the clinic pack).
    bool importsToServer(const std::filesystem::path& source) const;

    // The stored clinic profile, or the demo clinic shipped with StretchPlan.
    ClinicProfile clinicProfile();
    // Whether handouts carry the clinic's own branding rather than the demo's (a profile
    // that holds only the handout name on top of the demo branding is still the demo's).
    bool hasOwnClinicProfile();
    // The clinician handouts and new patients name: on a server the signed-in person's full
    // name (none for reception); on a file the clinic profile's handout name, else the
    // login (user()).
    std::string clinicianName();
    // Reception signed in on a server: a patient's contact details only, nothing clinical.
    bool contactsOnly();
    // Whether a file's first start should ask for the name that goes on handouts: a file
    // whose profile names no clinician yet. Never on a server (the sign-in names everyone).
    bool needsHandoutName();
    // Keeps `name` as the clinician every handout on this computer names, on top of the
    // stored profile or, while there is none, the demo branding. Throws db::DbError
    // (Invalid for a name that is not one line of at most 120 characters).
    void setHandoutName(const std::string& name);

    // A draft from the template (its exercises looked up in the catalog, its dosage
    // changes applied); a WorkspaceError names every exercise that is missing.
    PlanDraft draftFromTemplate(const std::string& templateId, const std::string& title) const;

    // The guidance findings of the editor's draft for the patient, as of `today`.
    std::vector<Finding> check(const PlanEditor& editor, std::int64_t patientId, const Date& today);

    // Saves the draft as the plan's first or next revision with `reason`, and tells the
    // editor; returns the revision number.
    int save(PlanEditor& editor, std::int64_t patientId, const std::string& reason);

    // The first-run demo: a patient with an extension preference, a screening without red
    // flags and a plan from the extension-bias template. Returns the patient's id.
    std::int64_t addDemoPatient(const Date& today);

private:
    CatalogLoad loadPlugins(bool rerunNative);

    WorkspaceOptions m_options;
    bool m_created = false;
    std::unique_ptr<db::ClinicStore> m_store;
    std::unique_ptr<ServerClinicPack> m_serverPack; // on a server (not for reception)
    int m_catalogPackVersion = 0;                    // the server pack's version the catalog loaded
    std::unique_ptr<CatalogLoad> m_load;
    std::vector<PlanTemplate> m_templates;
    std::vector<Problem> m_templateProblems;
    std::vector<std::string> m_settingsWarnings;
    GuidanceThresholds m_thresholds;
};

} // namespace sp
