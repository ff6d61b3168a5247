#include "gui/ClinicExercisesDialog.h"

#include "editor/ClinicExercises.h"
#include "gui/EnumLabels.h"
#include "gui/ExerciseEditorDialog.h"
#include "gui/PathText.h"
#include "gui/WxText.h"

#include <wx/button.h>
#include <wx/choicdlg.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

namespace sp::gui {

ClinicExercisesDialog::ClinicExercisesDialog(wxWindow* parent, Workspace& workspace, ClinicPack pack,
                                             ToolPrompts& prompts, std::function<void()> changed)
    : wxDialog(parent, wxID_ANY, _("Clinic exercises"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_workspace(workspace), m_pack(std::move(pack)), m_prompts(prompts), m_changed(std::move(changed))
{
    auto* intro = new wxStaticText(this, wxID_ANY,
                                   _("Your clinic's own exercises. They are saved as an exercise pack that you can "
                                     "copy to another computer with Tools → Export clinic pack."));
    intro->Wrap(FromDIP(600));
    m_state = new wxStaticText(this, wxID_ANY, wxEmptyString);
    m_state->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(600, 280)), wxLC_REPORT | wxLC_SINGLE_SEL);
    m_list->AppendColumn(_("Exercise"), wxLIST_FORMAT_LEFT, FromDIP(260));
    m_list->AppendColumn(_("Id"), wxLIST_FORMAT_LEFT, FromDIP(180));
    m_list->AppendColumn(_("Type"), wxLIST_FORMAT_LEFT, FromDIP(130));
    auto* add = new wxButton(this, wxID_NEW, _("&New…"));
    m_edit = new wxButton(this, wxID_EDIT, _("&Edit…"));
    auto* duplicate = new wxButton(this, wxID_ANY, _("&Duplicate from catalog…"));
    m_remove = new wxButton(this, wxID_REMOVE, _("&Remove"));
    auto* buttons = new wxBoxSizer(wxVERTICAL);
    for (wxButton* b : {add, m_edit, duplicate, m_remove})
        buttons->Add(b, 0, wxEXPAND | wxBOTTOM, FromDIP(4));
    auto* middle = new wxBoxSizer(wxHORIZONTAL);
    middle->Add(m_list, 1, wxEXPAND | wxRIGHT, FromDIP(8));
    middle->Add(buttons, 0);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(intro, 0, wxEXPAND | wxALL, FromDIP(10));
    sizer->Add(middle, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(10));
    sizer->Add(m_state, 0, wxEXPAND | wxALL, FromDIP(10));
    sizer->Add(CreateStdDialogButtonSizer(wxCLOSE), 0, wxEXPAND | wxALL, FromDIP(8));
    SetSizerAndFit(sizer);
    SetEscapeId(wxID_CLOSE);

    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { openEditor(std::nullopt, true, {}); });
    m_edit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (const Exercise* e = selected())
            openEditor(*e, false, {});
    });
    duplicate->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onDuplicate(); });
    m_remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (const Exercise* e = selected())
            remove(e->id);
    });
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) {
        if (const Exercise* e = selected())
            openEditor(*e, false, {});
    });
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { updateButtons(); });
    m_list->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { updateButtons(); });
    refresh();
    CentreOnParent();
}

void ClinicExercisesDialog::refresh()
{
    m_exercises.clear();
    wxString state;
    const bool server = m_workspace.onServer();
    guardedBy(m_prompts, this, _("Cannot read the clinic exercises from the clinic server"), [&] { m_pack.refresh(); });
    if (!m_pack.exists()) {
        state = server ? _("No clinic exercises yet. The first one you save creates the pack on the clinic server.")
                       : wxString::Format(_("No clinic exercises yet. The first one you save creates the pack in %s."),
                                          pathText(m_pack.folder()));
    } else {
        const LoadedPack loaded = m_pack.load();
        m_exercises = loaded.exercises;
        state = server ? _("Saved on the clinic server: every workstation's catalog has them.")
                       : wxString::Format(_("Saved in %s"), pathText(m_pack.folder()));
        if (!loaded.problems.empty())
            state += "\n" + wxString::Format(_("The pack does not load (%zu problems); see Tools → Plugins."),
                                             loaded.problems.size());
        for (const PackReport& r : m_workspace.catalogLoad().packs)
            if (r.folder == m_pack.folder() && r.status == PackStatus::Disabled)
                state += "\n" + _("The clinic pack is disabled, so its exercises are not in the catalog; enable it "
                                  "in Tools → Plugins.");
    }
    m_state->SetLabel(state);
    m_state->Wrap(FromDIP(600));
    m_list->DeleteAllItems();
    for (std::size_t i = 0; i < m_exercises.size(); ++i) {
        const long row = m_list->InsertItem(static_cast<long>(i), wxs(m_exercises[i].name));
        m_list->SetItem(row, 1, wxs(m_exercises[i].id));
        m_list->SetItem(row, 2, typeLabel(m_exercises[i].type));
    }
    updateButtons();
    Layout();
}

const Exercise* ClinicExercisesDialog::selected() const
{
    const long row = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    return row >= 0 && static_cast<std::size_t>(row) < m_exercises.size() ? &m_exercises[static_cast<std::size_t>(row)]
                                                                           : nullptr;
}

void ClinicExercisesDialog::updateButtons()
{
    m_edit->Enable(selected() != nullptr);
    m_remove->Enable(selected() != nullptr);
}

ClinicExercisesDialog::Duplicate ClinicExercisesDialog::duplicateOf(const Exercise& source) const
{
    Duplicate d{source, {}};
    if (const CatalogPack* pack = m_workspace.catalog().pack(source.pack))
        d.folder = pack->folder;
    const std::string base = exerciseIdFromName(source.name).empty() ? source.id : exerciseIdFromName(source.name);
    const auto taken = [&](const std::string& id) {
        return std::any_of(m_exercises.begin(), m_exercises.end(), [&](const Exercise& e) { return e.id == id; });
    };
    d.exercise.id = base;
    for (int n = 2; taken(d.exercise.id); ++n)
        d.exercise.id = base.substr(0, 60) + "-" + std::to_string(n);
    d.exercise.pack.clear();
    return d;
}

void ClinicExercisesDialog::onDuplicate()
{
    std::vector<const Exercise*> all;
    wxArrayString names;
    for (const Exercise& e : m_workspace.catalog().exercises()) {
        all.push_back(&e);
        names.Add(wxs(e.name) + "  (" + wxs(e.qualifiedId()) + ")");
    }
    if (all.empty()) {
        m_prompts.report(this, _("Cannot duplicate an exercise"), _("The catalog has no exercises."));
        return;
    }
    wxSingleChoiceDialog choose(this, _("Start a new clinic exercise from:"), _("Duplicate from catalog"), names);
    if (choose.ShowModal() != wxID_OK)
        return;
    const Duplicate d = duplicateOf(*all[static_cast<std::size_t>(choose.GetSelection())]);
    openEditor(d.exercise, true, d.folder);
}

void ClinicExercisesDialog::openEditor(const std::optional<Exercise>& start, bool isNew, const std::filesystem::path& folder)
{
    ExerciseEditorDialog editor(this, m_workspace, m_pack, start, isNew, folder);
    if (editor.ShowModal() != wxID_OK)
        return;
    if (m_changed)
        m_changed();
    refresh();
}

bool ClinicExercisesDialog::remove(const std::string& id)
{
    const auto it = std::find_if(m_exercises.begin(), m_exercises.end(), [&](const Exercise& e) { return e.id == id; });
    const wxString name = it == m_exercises.end() ? wxs(id) : wxs(it->name);
    if (!m_prompts.confirm(this, _("Remove clinic exercise"),
                           wxString::Format(_("Remove \"%s\" from the clinic pack? Plans that already hold it keep "
                                              "their copy; it can no longer be added to new ones."),
                                            name)))
        return false;
    if (!guardedBy(m_prompts, this, wxString::Format(_("Cannot remove \"%s\""), name), [&] { m_pack.removeExercise(id); }))
        return false;
    if (m_changed)
        m_changed();
    refresh();
    return true;
}

} // namespace sp::gui
