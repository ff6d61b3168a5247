// Creating or editing one exercise of the clinic's own pack, every field of the model:
// the texts, type, position and directions, steps and cues (and mistakes, precautions)
// as editable lists, the default dosage, related exercises, the line figure (from a
// template, adjusted) and photos. Saving writes into the clinic pack through ClinicPack,
// which checks the whole pack with the loader: a refused save writes nothing, and each
// problem is shown under its field.
#pragma once

#include "core/Exercise.h"
#include "editor/Workspace.h"
#include "gui/FieldMessages.h"
#include "pluginhost/ClinicPack.h"

#include <wx/dialog.h>

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

class wxCheckBox;
class wxChoice;
class wxNotebook;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace sp::gui {

class FigureEditor;
class PhotoListEditor;
class StringListEditor;

class ExerciseEditorDialog : public wxDialog {
public:
    // `start`: the exercise to edit (`isNew` false: its id is fixed), or one to start a new
    // exercise from (a duplicate; `isNew` true). Without `start`, a blank new exercise.
    // Photos of `start` are taken from `startFolder` (the pack folder it came from).
    ExerciseEditorDialog(wxWindow* parent, Workspace& workspace, ClinicPack pack,
                         const std::optional<Exercise>& start = std::nullopt, bool isNew = true,
                         const std::filesystem::path& startFolder = {});

    // The fields, for tests and for the controls: a text field by its key (name, id,
    // summary, aliases, regions, equipment, start_position, progressions, regressions,
    // video_url; lists as comma-separated text), a list editor (steps, cues,
    // common_mistakes, precautions), the figure editor.
    wxTextCtrl* text(const std::string& key);
    StringListEditor* list(const std::string& key);
    FigureEditor& figureEditor() { return *m_figure; }
    void setType(ExerciseType type);
    void setPosition(Position position);
    void setDirection(Direction direction, bool on);
    void setDosage(const Dosage& dosage);

    // Adds a photo (PNG or JPEG) with its caption; the file is checked at once and a bad
    // one is refused with a message under the photos. Nothing is copied until saved.
    bool addPhoto(const std::filesystem::path& file, const wxString& caption);
    void removePhoto(std::size_t index);
    std::size_t photoCount() const;

    // The exercise as the fields describe it now.
    Exercise exercise() const;

    // Checks and saves into the pack (creating it on the first save); false with the
    // problems shown under their fields, and nothing written.
    bool save();
    // After a successful save: the exercise as stored (pack set).
    const std::optional<Exercise>& saved() const { return m_saved; }

    // Turns to the page that holds the field.
    void showPageOf(const std::string& key);

    // The message shown for a field ("" when none); "" asks for the general one.
    wxString messageFor(const std::string& key) const;

private:
    wxWindow* buildBasicsPage(wxNotebook* book);
    wxWindow* buildStepsPage(wxNotebook* book);
    wxWindow* buildDosagePage(wxNotebook* book);
    wxWindow* buildPicturePage(wxNotebook* book);
    wxStaticText* messageLabel(wxWindow* parent, const std::string& key);
    void load(const Exercise& exercise, const std::filesystem::path& startFolder);
    void showMessages(const FieldMessages& messages);
    void onOk();

    Workspace& m_workspace;
    ClinicPack m_pack;
    bool m_isNew;
    bool m_idEdited = false;
    std::optional<Exercise> m_saved;
    Exercise m_start; // fields the dialog does not show are kept from here

    wxNotebook* m_book = nullptr;
    std::map<std::string, wxTextCtrl*> m_texts;
    std::map<std::string, StringListEditor*> m_lists;
    std::map<std::string, wxStaticText*> m_messages;
    std::map<std::string, int> m_pageOf; // field -> notebook page
    wxChoice* m_type = nullptr;
    wxChoice* m_position = nullptr;
    std::array<wxCheckBox*, 5> m_directions{};
    std::array<wxSpinCtrl*, 7> m_spins{};
    wxChoice* m_side = nullptr;
    wxStaticText* m_dosageText = nullptr;
    FigureEditor* m_figure = nullptr;
    PhotoListEditor* m_photoEditor = nullptr;
    wxStaticText* m_general = nullptr;
};

} // namespace sp::gui
