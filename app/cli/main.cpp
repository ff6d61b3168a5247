// stretchplan-cli: the catalog, packs (and, as they arrive, patients, plans and handouts)
// from the command line. Exit codes: 0 ok, 2 usage, 3 data error.
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

    int exitCode = kExitOk;
    addCatalogCommands(app, ctx, exitCode);
    addPluginsCommands(app, ctx, exitCode);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? kExitOk : kExitUsage;
    } catch (const std::exception& e) {
        return ctx.fail(kExitData, e.what());
    }
    return exitCode;
}
