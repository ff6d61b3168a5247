// The command groups of stretchplan-cli. Each adds its sub-commands to the app; the one
// the user picked stores its exit code in `exitCode` when it runs.
#pragma once

#include "cli/CliContext.h"

#include <CLI/CLI.hpp>

namespace sp::cli {

void addCatalogCommands(CLI::App& app, CliContext& ctx, int& exitCode);
void addPluginsCommands(CLI::App& app, CliContext& ctx, int& exitCode);
void addPatientCommands(CLI::App& app, CliContext& ctx, int& exitCode);
void addPlanCommands(CLI::App& app, CliContext& ctx, int& exitCode);
void addNoteCommands(CLI::App& app, CliContext& ctx, int& exitCode);
void addDbCommands(CLI::App& app, CliContext& ctx, int& exitCode);
// After addPlanCommands: adds "plan export" to the plan group.
void addHandoutCommands(CLI::App& app, CliContext& ctx, int& exitCode);
void addClinicCommands(CLI::App& app, CliContext& ctx, int& exitCode);
// After addPlanCommands: "mail configure|show|test", and "plan email" in the plan group.
void addMailCommands(CLI::App& app, CliContext& ctx, int& exitCode);
// "staff add|list|disable|role": the accounts of a clinic server (admins only).
void addStaffCommands(CLI::App& app, CliContext& ctx, int& exitCode);

} // namespace sp::cli
