// stretchplan-cli: the catalog, packs, patients, plans, follow-up notes and the clinic
// database from the command line. Exit codes: 0 ok, 2 usage, 3 data error (nothing written),
// 4 a handout held back by the guidance, 5 refused: the signed-in role may not do it.
#include "cli/CliContext.h"
#include "cli/Commands.h"

#include <exception>
#include <iostream>

int main(int argc, char** argv)
{
    using namespace sp::cli;
    CliContext ctx(std::cout, std::cerr);
    CLI::App app{"StretchPlan: home-exercise programs for physical therapists", "stretchplan-cli"};
    app.set_version_flag("--version", "stretchplan-cli " SP_VERSION);
    app.fallthrough(); // global options may follow the sub-command
    app.require_subcommand(1);
    app.add_option("--plugins-dir", ctx.options().pluginDirs,
                   "Also load the packs in this folder (repeatable; searched after the standard folders)")
        ->check(CLI::ExistingDirectory)
        ->take_all()
        ->allow_extra_args(false);
    app.add_flag("--no-builtin", ctx.options().noBuiltIn, "Do not load the built-in packs");
    app.add_option("--db", ctx.options().dbPath,
                   "The clinic database: a file (default: $XDG_DATA_HOME/stretchplan/clinic.db; created if missing) or a "
                   "clinic server (postgresql://user@host/db?sslmode=verify-full&sslrootcert=FILE, or service=NAME)");
    app.add_option("--user", ctx.options().user,
                   "Who is working, for the audit log of a database file (default: the login name; a clinic server "
                   "records the signed-in login instead)");
    app.add_option("--guidance-settings", ctx.options().guidanceSettings,
                   "Guidance thresholds file (default: $XDG_CONFIG_HOME/stretchplan/guidance.json when it exists)");

    int exitCode = kExitOk;
    addCatalogCommands(app, ctx, exitCode);
    addPluginsCommands(app, ctx, exitCode);
    addPatientCommands(app, ctx, exitCode);
    addPlanCommands(app, ctx, exitCode);
    addNoteCommands(app, ctx, exitCode);
    addDbCommands(app, ctx, exitCode);
    addHandoutCommands(app, ctx, exitCode);
    addClinicCommands(app, ctx, exitCode);
    addMailCommands(app, ctx, exitCode);
    addStaffCommands(app, ctx, exitCode);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? kExitOk : kExitUsage;
    } catch (const CliError& e) {
        return ctx.fail(e.code(), e.what());
    } catch (const sp::db::DbError& e) {
        return ctx.fail(e.kind() == sp::db::DbErrorKind::Forbidden ? kExitForbidden : kExitData, e.what());
    } catch (const std::exception& e) {
        return ctx.fail(kExitData, e.what());
    }
    return exitCode;
}
