// The main window's Tools menu: the clinic's own exercises, importing and exporting packs,
// the plugin manager, and reloading the catalog after any of them changed what is loaded.
#include "core/SnapshotDiff.h"
#include "gui/CatalogPanel.h"
#include "gui/ClinicExercisesDialog.h"
#include "gui/GuidancePanel.h"
#include "gui/HandoutPanel.h"
#include "gui/MainFrame.h"
#include "gui/PlanPanel.h"
#include "gui/PluginManagerDialog.h"
#include "gui/ToolsMenu.h"
#include "gui/WxText.h"
#include "pluginhost/ClinicPack.h"

#include <wx/intl.h>
#include <wx/menu.h>

namespace fs = std::filesystem;

namespace sp::gui {

wxMenu* MainFrame::buildToolsMenu()
{
    auto* tools = new wxMenu;
    tools->Append(kIdClinicExercises, _("&Clinic exercises…"), _("Create and edit your clinic's own exercises"));
    tools->AppendSeparator();
    tools->Append(kIdImportPack, _("&Import exercise pack…"), _("Add an exercise pack folder to your plugins"));
    tools->Append(kIdExportPack, _("&Export clinic pack…"), _("Copy your clinic's exercises to a folder"));
    tools->AppendSeparator();
    tools->Append(kIdPlugins, _("&Plugins…"), _("Every exercise pack and native plugin: status, trust, reload"));
    return tools;
}

void MainFrame::bindToolEvents()
{
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { showClinicExercises(); }, kIdClinicExercises);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { onImportPack(); }, kIdImportPack);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { onExportPack(); }, kIdExportPack);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { showPluginManager(); }, kIdPlugins);
    m_plan->isInCatalog = [this](const std::string& id) { return m_workspace.catalog().find(id) != nullptr; };
    m_plan->differsFromPack = [this](const PlanItem& item) {
        const auto diff = snapshotDiff(item, 0, m_workspace.catalog());
        return diff ? diff->fields : std::vector<std::string>{};
    };
}

bool MainFrame::reloadCatalog(bool rerunNative)
{
    if (!guardedBy(m_toolPrompts, this, _("Cannot reload the exercise catalog"),
                   [&] { m_workspace.reloadCatalog(rerunNative); }))
        return false;
    m_catalog->reload();
    m_handout->invalidate(); // the packs' texts and figures may have changed
    onPlanChanged();
    const CatalogLoad& load = m_workspace.catalogLoad();
    std::size_t failed = 0;
    for (const PackReport& r : load.packs)
        failed += r.status == PackStatus::Failed ? 1 : 0;
    const std::size_t packs = load.catalog.packs().size();
    wxString status = wxString::Format(wxPLURAL("Catalog reloaded: %zu exercises from %zu pack.",
                                                "Catalog reloaded: %zu exercises from %zu packs.", packs),
                                       load.catalog.exercises().size(), packs);
    if (failed > 0)
        status += " " + wxString::Format(wxPLURAL("%zu plugin failed (Tools → Plugins).",
                                                  "%zu plugins failed (Tools → Plugins).", failed),
                                         failed);
    SetStatusText(status);
    return true;
}

bool MainFrame::importPackFrom(const fs::path& folder)
{
    fs::path imported;
    bool toServer = false;
    if (!guardedBy(m_toolPrompts, this, _("Cannot import the exercise pack"),
                   [&] { toServer = m_workspace.importsToServer(folder); }))
        return false;
    if (toServer && !m_toolPrompts.confirm(this, _("Import the clinic exercises"),
                                           _("This pack is a clinic pack: it replaces the clinic's exercises on the "
                                             "clinic server, for every workstation. The version it replaces stays in "
                                             "the server's history. Import it?")))
        return false;
    if (!guardedBy(m_toolPrompts, this, _("Cannot import the exercise pack"),
                   [&] { imported = m_workspace.importPack(folder); }))
        return false;
    reloadCatalog();
    if (toServer) {
        SetStatusText(_("Stored the pack on the clinic server as the clinic's exercises."));
        return true;
    }
    // It loads on its own, but it can still clash with the packs already there.
    for (const PackReport& r : m_workspace.catalogLoad().packs) {
        if (r.folder != imported || r.status != PackStatus::Failed)
            continue;
        wxString why = wxString::Format(_("The pack was copied to %s but is not used:"), wxs(imported.string()));
        for (const Problem& p : r.problems)
            why += "\n" + wxs(p.format());
        m_toolPrompts.report(this, _("The imported pack does not load"), why);
        return false;
    }
    SetStatusText(wxString::Format(_("Imported the pack into %s."), wxs(imported.string())));
    return true;
}

bool MainFrame::exportClinicPackTo(const fs::path& target)
{
    if (!guardedBy(m_toolPrompts, this, _("Cannot export the clinic pack"), [&] {
            const ClinicPack pack(m_workspace.clinicPackFolder());
            if (!pack.exists())
                throw PackEditError("there is no clinic pack yet: create an exercise with Tools → Clinic exercises first");
            exportPack(pack.folder(), target);
        }))
        return false;
    SetStatusText(wxString::Format(_("Exported the clinic pack to %s."), wxs(target.string())));
    return true;
}

void MainFrame::onImportPack()
{
    if (const auto folder = m_toolPrompts.chooseFolder(
            this, _("Choose the exercise pack folder to import (the folder that holds manifest.json)")))
        importPackFrom(*folder);
}

void MainFrame::onExportPack()
{
    fs::path name;
    if (!guardedBy(m_toolPrompts, this, _("Cannot export the clinic pack"),
                   [&] { name = ClinicPack::defaultFolder().filename(); }))
        return;
    if (const auto folder = m_toolPrompts.chooseFolder(
            this, _("Choose where to put a copy of the clinic pack (a new folder \"clinic\" is made there)")))
        exportClinicPackTo(*folder / name);
}

void MainFrame::showClinicExercises()
{
    guardedBy(m_toolPrompts, this, _("Cannot open the clinic exercises"), [&] {
        ClinicExercisesDialog dialog(this, m_workspace, m_workspace.clinicPack(), m_toolPrompts,
                                     [this] { reloadCatalog(); });
        dialog.ShowModal();
    });
}

void MainFrame::showPluginManager()
{
    PluginManagerDialog dialog(this, m_workspace, m_toolPrompts, [this](bool rerun) { reloadCatalog(rerun); });
    dialog.ShowModal();
}

} // namespace sp::gui
