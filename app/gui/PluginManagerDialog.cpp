#include "gui/PluginManagerDialog.h"

#include "gui/PathText.h"
#include "gui/WxText.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace sp::gui {
namespace {

const wxColour kFailedColour(176, 0, 32);

wxString kindLabel(PluginKind kind)
{
    return kind == PluginKind::Native ? _("native plugin") : _("exercise pack");
}

wxString originLabel(PluginOrigin origin)
{
    switch (origin) {
    case PluginOrigin::BuiltIn: return _("shipped with StretchPlan");
    case PluginOrigin::System: return _("the system plugin folder");
    case PluginOrigin::User: return _("your plugin folder");
    case PluginOrigin::CommandLine: return _("a --plugins-dir folder");
    case PluginOrigin::Server: return _("the clinic server");
    }
    return wxString();
}

wxString statusLabel(const PackReport& r)
{
    switch (r.status) {
    case PackStatus::Loaded: return _("loaded");
    case PackStatus::Disabled: return _("disabled");
    case PackStatus::Failed:
        return wxString::Format(wxPLURAL("failed (%zu problem)", "failed (%zu problems)", r.problems.size()),
                                r.problems.size());
    }
    return wxString();
}

wxString displayName(const PackReport& r)
{
    const std::string id = r.id.empty() ? r.folder.filename().string() : r.id;
    return r.name.empty() || r.name == id ? wxs(id) : wxs(r.name) + " (" + wxs(id) + ")";
}

} // namespace

wxString pluginDetails(const PackReport& r)
{
    wxString out = displayName(r) + "\n";
    out += wxString::Format(_("Kind: %s · version %s · from %s"), kindLabel(r.kind),
                            r.version.empty() ? wxString("?") : wxs(r.version), originLabel(r.origin)) + "\n";
    out += wxString::Format(_("Status: %s"), statusLabel(r));
    if (r.status == PackStatus::Loaded)
        out += wxString::Format(wxPLURAL(", %zu exercise", ", %zu exercises", r.exerciseCount), r.exerciseCount);
    out += "\n" + wxString::Format(_("Folder: %s"), pathText(r.folder)) + "\n";
    if (r.kind == PluginKind::Native) {
        out += wxString::Format(_("Library: %s"), pathText(r.library)) + "\n";
        out += wxString::Format(_("SHA-256: %s"), r.sha256.empty() ? wxString("?") : wxs(r.sha256)) + "\n";
        out += wxString::Format(_("Folder SHA-256: %s (every file in it; what enabling trusts)"),
                                r.folderSha256.empty() ? wxString("?") : wxs(r.folderSha256)) + "\n";
        out += wxString::Format(_("Plugin ABI: %s"), r.abi.empty() ? wxString("?") : wxs(r.abi)) + "\n";
        if (r.status != PackStatus::Disabled)
            out += (r.fromCache ? _("Result: from the cache (library unchanged)") : _("Result: from running it now")) + "\n";
    } else if (r.status == PackStatus::Loaded) {
        out += (r.fromCache ? _("Read: from the cache (its files are unchanged)") : _("Read: from its files")) + "\n";
    }
    if (r.status == PackStatus::Disabled)
        out += "\n" + wxString::Format(_("Off: %s"), wxs(r.disabledReason)) + "\n" +
               _("Select it and press Enable to use it.") + "\n";
    if (!r.log.empty()) {
        out += "\n" + _("Plugin log:") + "\n";
        for (const std::string& line : r.log)
            out += "  " + wxs(line) + "\n";
    }
    if (!r.problems.empty()) {
        out += "\n" + wxString::Format(_("Problems (%zu):"), r.problems.size()) + "\n";
        for (const Problem& p : r.problems)
            out += "  " + wxs(p.format()) + "\n";
    }
    return out;
}

PluginManagerDialog::PluginManagerDialog(wxWindow* parent, Workspace& workspace, ToolPrompts& prompts,
                                         std::function<void(bool)> reload)
    : wxDialog(parent, wxID_ANY, _("Plugins"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_workspace(workspace), m_prompts(prompts), m_reload(std::move(reload))
{
    auto* intro = new wxStaticText(this, wxID_ANY,
                                   _("Every exercise pack and native plugin found in the plugin folders. Select one to "
                                     "see where it is, its status and every problem. Changes apply at once."));
    intro->Wrap(FromDIP(940));
    auto* split = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    split->SetMinimumPaneSize(FromDIP(80));
    m_list = new wxListCtrl(split, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    m_list->AppendColumn(_("Plugin"), wxLIST_FORMAT_LEFT, FromDIP(300));
    m_list->AppendColumn(_("Kind"), wxLIST_FORMAT_LEFT, FromDIP(70));
    m_list->AppendColumn(_("Version"), wxLIST_FORMAT_LEFT, FromDIP(70));
    m_list->AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, FromDIP(130));
    m_list->AppendColumn(_("Exercises"), wxLIST_FORMAT_RIGHT, FromDIP(70));
    m_list->AppendColumn(_("Folder or library"), wxLIST_FORMAT_LEFT, FromDIP(300));
    m_details = new wxTextCtrl(split, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                               wxTE_MULTILINE | wxTE_READONLY | wxTE_DONTWRAP);
    split->SplitHorizontally(m_list, m_details);
    split->SetSashGravity(0.5);

    m_enable = new wxButton(this, wxID_ANY, _("&Enable…"));
    m_disable = new wxButton(this, wxID_ANY, _("&Disable"));
    m_open = new wxButton(this, wxID_OPEN, _("&Open folder"));
    auto* reloadButton = new wxButton(this, wxID_REFRESH, _("&Reload"));
    reloadButton->SetToolTip(_("Look for plugins again and run every enabled native plugin again"));
    m_status = new wxStaticText(this, wxID_ANY, wxEmptyString);
    m_folderProblems = new wxStaticText(this, wxID_ANY, wxEmptyString);
    m_folderProblems->SetForegroundColour(kFailedColour);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    for (wxButton* b : {m_enable, m_disable, m_open, reloadButton})
        buttons->Add(b, 0, wxRIGHT, FromDIP(4));
    buttons->AddStretchSpacer();
    buttons->Add(new wxButton(this, wxID_CLOSE), 0);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(intro, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(8));
    sizer->Add(split, 1, wxEXPAND | wxALL, FromDIP(8));
    sizer->Add(m_folderProblems, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    sizer->Add(m_status, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(8));
    sizer->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(8));
    SetSizer(sizer);
    SetEscapeId(wxID_CLOSE);
    m_status->Hide();
    SetSize(FromDIP(wxSize(980, 600)));
    split->SetSashPosition(FromDIP(220));

    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
        const auto& packs = m_workspace.catalogLoad().packs;
        if (e.GetIndex() >= 0 && static_cast<std::size_t>(e.GetIndex()) < packs.size())
            m_selectedKey = packs[static_cast<std::size_t>(e.GetIndex())].folder.string();
        showDetails();
    });
    m_enable->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { setEnabled(true); });
    m_disable->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { setEnabled(false); });
    m_open->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { openFolder(); });
    reloadButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { this->reload(); });
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EndModal(wxID_CLOSE); }, wxID_CLOSE);
    refresh();
    if (m_list->GetItemCount() > 0 && !selected())
        m_list->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    CentreOnParent();
}

void PluginManagerDialog::refresh()
{
    const CatalogLoad& load = m_workspace.catalogLoad();
    m_list->Freeze();
    m_list->DeleteAllItems();
    long keep = -1;
    for (std::size_t i = 0; i < load.packs.size(); ++i) {
        const PackReport& r = load.packs[i];
        const long row = m_list->InsertItem(static_cast<long>(i), rowText(i, 0));
        for (int column = 1; column < 6; ++column)
            m_list->SetItem(row, column, rowText(i, column));
        if (r.status == PackStatus::Failed)
            m_list->SetItemTextColour(row, kFailedColour);
        else if (r.status == PackStatus::Disabled)
            m_list->SetItemTextColour(row, wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        if (r.folder.string() == m_selectedKey)
            keep = row;
    }
    m_list->Thaw();
    wxString folderProblems;
    for (const Problem& p : load.folderProblems)
        folderProblems += (folderProblems.empty() ? "" : "\n") + wxs(p.format());
    m_folderProblems->SetLabel(folderProblems);
    m_folderProblems->Show(!folderProblems.empty());
    if (keep >= 0)
        m_list->SetItemState(keep, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    showDetails();
    Layout();
}

std::size_t PluginManagerDialog::rowCount() const
{
    return static_cast<std::size_t>(m_list->GetItemCount());
}

wxString PluginManagerDialog::rowText(std::size_t row, int column) const
{
    const auto& packs = m_workspace.catalogLoad().packs;
    if (row >= packs.size())
        return {};
    const PackReport& r = packs[row];
    switch (column) {
    case 0: return displayName(r);
    case 1: return r.kind == PluginKind::Native ? _("native") : _("pack");
    case 2: return r.version.empty() ? wxString("?") : wxs(r.version);
    case 3: return statusLabel(r);
    case 4: return r.status == PackStatus::Loaded ? wxString::Format("%zu", r.exerciseCount) : wxString("–");
    case 5: return pathText(r.kind == PluginKind::Native ? r.library : r.folder);
    }
    return {};
}

bool PluginManagerDialog::select(const std::string& id)
{
    const auto& packs = m_workspace.catalogLoad().packs;
    for (std::size_t i = 0; i < packs.size(); ++i) {
        if (packs[i].id == id || packs[i].folder.filename() == id) {
            m_selectedKey = packs[i].folder.string();
            m_list->SetItemState(static_cast<long>(i), wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                 wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
            m_list->EnsureVisible(static_cast<long>(i));
            showDetails();
            return true;
        }
    }
    return false;
}

const PackReport* PluginManagerDialog::selected() const
{
    const long row = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    const auto& packs = m_workspace.catalogLoad().packs;
    return row >= 0 && static_cast<std::size_t>(row) < packs.size() ? &packs[static_cast<std::size_t>(row)] : nullptr;
}

wxString PluginManagerDialog::detailsText() const
{
    return m_details->GetValue();
}

wxString PluginManagerDialog::statusText() const
{
    return m_status->GetLabel();
}

void PluginManagerDialog::setStatus(const wxString& text)
{
    m_status->SetLabel(text);
    m_status->Show(!text.empty());
    m_status->Wrap(GetClientSize().x - FromDIP(16));
    Layout();
}

void PluginManagerDialog::showDetails()
{
    const PackReport* r = selected();
    m_details->ChangeValue(r ? pluginDetails(*r) : _("Select a plugin to see its details."));
    m_enable->Enable(r && r->status == PackStatus::Disabled);
    m_disable->Enable(r && r->status != PackStatus::Disabled && !r->id.empty());
    m_open->Enable(r != nullptr);
}

bool PluginManagerDialog::setEnabled(bool enabled)
{
    const PackReport* r = selected();
    if (!r)
        return false;
    const PackReport plugin = *r; // the load it points into is replaced by the reload
    const wxString id = wxs(plugin.id.empty() ? plugin.folder.filename().string() : plugin.id);
    if (enabled && plugin.kind == PluginKind::Native) {
        // What is trusted is the whole folder (FolderDigest.h): the library may load others
        // from beside it, so the clinician must know that every file there is vouched for.
        const wxString question = wxString::Format(
            _("\"%s\" is a native plugin: code that runs with your permissions and can read and change your files. "
              "Enable it only if you know where it came from.\n\nFolder: %s\nLibrary: %s\nSHA-256 of the library: "
              "%s\nSHA-256 of the whole folder: %s\n\nYou trust the whole folder, not only the library: every file now "
              "in it, since the library may load or read any of them. If a file in the folder changes, or one is added "
              "or removed, the plugin is off again until you enable it again."),
            id, wxs(plugin.folder.string()), wxs(plugin.library.string()),
            plugin.sha256.empty() ? _("(unreadable)") : wxs(plugin.sha256),
            plugin.folderSha256.empty() ? _("(unreadable)") : wxs(plugin.folderSha256));
        if (!m_prompts.confirm(this, _("Trust this native plugin?"), question)) {
            setStatus(wxString::Format(_("%s stays off."), id));
            return false;
        }
    }
    const wxString doing = enabled ? wxString::Format(_("Cannot enable %s"), id)
                                   : wxString::Format(_("Cannot disable %s"), id);
    if (!guardedBy(m_prompts, this, doing, [&] { m_workspace.setPluginEnabled(plugin, enabled); }))
        return false;
    m_reload(false);
    refresh();
    const wxString kind = plugin.kind == PluginKind::Native ? _("native plugin") : _("pack");
    if (!enabled) {
        setStatus(wxString::Format(_("Disabled %s %s; its exercises are no longer in the catalog."), kind, id));
    } else if (plugin.kind == PluginKind::Native) {
        setStatus(wxString::Format(_("Enabled %s %s. It runs with your permissions; it was enabled for exactly the "
                                     "files now in its folder (library SHA-256 %s…), and a changed or added file turns "
                                     "it off again until you re-enable it."),
                                   kind, id, wxs(plugin.sha256.substr(0, 16))));
    } else {
        setStatus(wxString::Format(_("Enabled %s %s."), kind, id));
    }
    return true;
}

bool PluginManagerDialog::openFolder()
{
    const PackReport* r = selected();
    if (!r)
        return false;
    wxString error;
    if (m_prompts.openFolder(r->folder, error))
        return true;
    m_prompts.report(this, _("Cannot open the folder"), error);
    return false;
}

void PluginManagerDialog::reload()
{
    m_reload(true);
    refresh();
    std::size_t failed = 0;
    for (const PackReport& r : m_workspace.catalogLoad().packs)
        failed += r.status == PackStatus::Failed ? 1 : 0;
    setStatus(wxString::Format(_("Reloaded: %zu plugins, %zu failed; native plugins ran again."),
                               m_workspace.catalogLoad().packs.size(), failed));
}

} // namespace sp::gui
