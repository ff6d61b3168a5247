#include "gui/ExerciseEditorDialog.h"

#include "core/ExerciseJson.h"
#include "editor/ClinicExercises.h"
#include "gui/EnumLabels.h"
#include "gui/FigureEditor.h"
#include "gui/StringListEditor.h"
#include "gui/PathText.h"
#include "gui/PhotoListEditor.h"
#include "gui/WxText.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/notebook.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/tokenzr.h>

#include <algorithm>

namespace fs = std::filesystem;

namespace sp::gui {
namespace {

const wxColour kErrorColour(176, 0, 32);

std::vector<std::string> commaList(const wxString& text)
{
    std::vector<std::string> out;
    wxStringTokenizer parts(text, ",");
    while (parts.HasMoreTokens()) {
        wxString part = parts.GetNextToken();
        part.Trim().Trim(false);
        if (!part.empty())
            out.push_back(u8(part));
    }
    return out;
}

wxString commaText(const std::vector<std::string>& items)
{
    wxString out;
    for (const std::string& item : items)
        out += (out.empty() ? "" : ", ") + wxs(item);
    return out;
}

std::string trimmed(const wxString& text)
{
    wxString t = text;
    t.Trim().Trim(false);
    return u8(t);
}

// A loader problem as the clinician reads it under its field: "/steps/2" is "Item 3",
// "/dosage/sets" is "sets".
wxString describeProblem(const Problem& p)
{
    std::vector<std::string> parts;
    std::string rest = p.pointer;
    while (!rest.empty()) {
        rest.erase(0, 1);
        const std::size_t slash = rest.find('/');
        parts.push_back(rest.substr(0, slash));
        rest = slash == std::string::npos ? std::string() : rest.substr(slash);
    }
    wxString where;
    const auto isNumber = [](const std::string& t) {
        return !t.empty() && std::all_of(t.begin(), t.end(), [](unsigned char c) { return c >= '0' && c <= '9'; });
    };
    if (parts.size() >= 3 && parts[0] == "figure" && parts[1] == "poses" && isNumber(parts[2])) {
        // "/figure/poses/1/joints/hand_l": "pose 2, hand_l"
        where = wxString::Format(_("pose %d"), std::stoi(parts[2]) + 1);
        if (parts.size() >= 5)
            where += ", " + wxs(parts[4]);
    } else if (parts.size() >= 2) {
        const std::string& second = parts[1];
        where = isNumber(second) ? wxString::Format(_("item %d"), std::stoi(second) + 1) : wxs(second);
        for (std::size_t i = 2; i < parts.size(); ++i)
            where += " " + wxs(parts[i]);
    }
    return where.empty() ? wxs(p.message) : where + ": " + wxs(p.message);
}

} // namespace

ExerciseEditorDialog::ExerciseEditorDialog(wxWindow* parent, Workspace& workspace, ClinicPack pack,
                                           const std::optional<Exercise>& start, bool isNew,
                                           const fs::path& startFolder)
    : wxDialog(parent, wxID_ANY, isNew ? _("New clinic exercise") : _("Edit clinic exercise"), wxDefaultPosition,
               wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_workspace(workspace), m_pack(std::move(pack)), m_isNew(isNew)
{
    m_book = new wxNotebook(this, wxID_ANY);
    m_book->AddPage(buildBasicsPage(m_book), _("Exercise"));
    m_book->AddPage(buildStepsPage(m_book), _("Steps and cues"));
    m_book->AddPage(buildDosagePage(m_book), _("Dosage and related"));
    m_book->AddPage(buildPicturePage(m_book), _("Figure and photos"));
    m_general = messageLabel(this, "");

    auto* where = new wxStaticText(this, wxID_ANY,
                                   m_workspace.onServer()
                                       ? _("Saved in the clinic pack on the clinic server, for every workstation")
                                       : wxString::Format(_("Saved in the clinic pack %s"), pathText(m_pack.folder())));
    where->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    auto* buttons = new wxStdDialogButtonSizer;
    auto* ok = new wxButton(this, wxID_OK, _("&Save"));
    buttons->AddButton(ok);
    buttons->AddButton(new wxButton(this, wxID_CANCEL));
    buttons->Realize();
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_book, 1, wxEXPAND | wxALL, FromDIP(8));
    sizer->Add(m_general, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(10));
    sizer->Add(where, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(10));
    sizer->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(8));
    SetSizer(sizer);
    ok->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onOk(); });

    if (start) {
        load(*start, startFolder);
    } else {
        m_start.dosage = Dosage{2, 10, 0, 30, 1, 7, Side::Both, 3};
        load(m_start, {});
    }
    if (!m_isNew)
        m_texts["id"]->SetEditable(false);
    m_texts["name"]->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        if (m_isNew && !m_idEdited)
            m_texts["id"]->ChangeValue(wxs(exerciseIdFromName(u8(m_texts["name"]->GetValue()))));
    });
    m_texts["id"]->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { m_idEdited = true; });
    SetMinSize(FromDIP(wxSize(820, 620)));
    SetSize(FromDIP(wxSize(900, 680)));
    CentreOnParent();
}

wxStaticText* ExerciseEditorDialog::messageLabel(wxWindow* parent, const std::string& key)
{
    auto* label = new wxStaticText(parent, wxID_ANY, wxEmptyString);
    label->SetForegroundColour(kErrorColour);
    label->Hide(); // shown only with a message, so that empty ones take no room
    m_messages[key] = label;
    return label;
}

wxWindow* ExerciseEditorDialog::buildBasicsPage(wxNotebook* book)
{
    auto* page = new wxScrolledWindow(book, wxID_ANY);
    page->SetScrollRate(0, FromDIP(10));
    const int pageIndex = static_cast<int>(book->GetPageCount());
    auto* grid = new wxFlexGridSizer(2, FromDIP(2), FromDIP(8));
    grid->AddGrowableCol(1, 1);
    const auto addRow = [&](const std::string& key, const wxString& label, wxWindow* control, const wxString& hint) {
        grid->Add(new wxStaticText(page, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL | wxTOP, FromDIP(4));
        grid->Add(control, 1, wxEXPAND | wxTOP, FromDIP(4));
        if (!hint.empty())
            control->SetToolTip(hint);
        grid->AddSpacer(0);
        grid->Add(messageLabel(page, key), 0, wxEXPAND);
        m_pageOf[key] = pageIndex;
    };
    const auto addText = [&](const std::string& key, const wxString& label, long style, const wxString& hint) {
        auto* t = new wxTextCtrl(page, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, style);
        if (style & wxTE_MULTILINE)
            t->SetMinSize(wxSize(-1, FromDIP(48)));
        else
            t->SetHint(hint);
        m_texts[key] = t;
        addRow(key, label, t, hint);
    };
    addText("name", _("&Name"), 0, _("As the patient reads it, e.g. Wall slide"));
    addText("id", _("&Id"), 0, _("Made from the name: a-z, 0-9 and -; fixed once saved"));
    addText("summary", _("&Aim"), wxTE_MULTILINE, _("What it is for, in the patient's words (up to 300 characters)"));
    m_type = new wxChoice(page, wxID_ANY);
    for (const auto& [value, name] : EnumNames<ExerciseType>::values)
        m_type->Append(typeLabel(value));
    addRow("type", _("&Type"), m_type, wxString());
    m_position = new wxChoice(page, wxID_ANY);
    for (const auto& [value, name] : EnumNames<Position>::values)
        m_position->Append(positionLabel(value));
    addRow("position", _("&Position"), m_position, wxString());
    auto* directions = new wxPanel(page, wxID_ANY);
    auto* dirSizer = new wxBoxSizer(wxHORIZONTAL);
    for (std::size_t i = 0; i < EnumNames<Direction>::values.size(); ++i) {
        m_directions[i] = new wxCheckBox(directions, wxID_ANY, directionLabel(EnumNames<Direction>::values[i].first));
        dirSizer->Add(m_directions[i], 0, wxRIGHT, FromDIP(10));
    }
    directions->SetSizer(dirSizer);
    addRow("directions", _("Spine &moves"), directions,
           _("How the spine moves; Neutral when it stays still while the limbs work"));
    addText("regions", _("&Regions"), 0, _("Body regions, separated by commas, e.g. hip, knee"));
    addText("equipment", _("E&quipment"), 0, _("Separated by commas, e.g. wall, towel (may be empty)"));
    addText("aliases", _("Other na&mes"), 0, _("Other names people search for, separated by commas (may be empty)"));
    addText("start_position", _("&Starting position"), wxTE_MULTILINE, _("How the patient sets up"));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid, 1, wxEXPAND | wxALL, FromDIP(8));
    page->SetSizer(sizer);
    return page;
}

wxWindow* ExerciseEditorDialog::buildStepsPage(wxNotebook* book)
{
    auto* page = new wxPanel(book, wxID_ANY);
    const int pageIndex = static_cast<int>(book->GetPageCount());
    auto* grid = new wxGridSizer(2, FromDIP(8), FromDIP(12));
    const auto add = [&](const std::string& key, const wxString& label, const wxString& hint) {
        auto* box = new wxBoxSizer(wxVERTICAL);
        auto* editor = new StringListEditor(page, label, hint);
        m_lists[key] = editor;
        m_pageOf[key] = pageIndex;
        box->Add(editor, 1, wxEXPAND);
        box->Add(messageLabel(page, key), 0, wxEXPAND);
        grid->Add(box, 1, wxEXPAND);
    };
    add("steps", _("Steps, in order"), _("1–12 steps; each up to 500 characters"));
    add("cues", _("Cues"), _("1–10 short reminders while doing it"));
    add("common_mistakes", _("Common mistakes"), _("Up to 10 (may be empty)"));
    add("precautions", _("Precautions"), _("Up to 10: when to stop or be careful (may be empty)"));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid, 1, wxEXPAND | wxALL, FromDIP(8));
    page->SetSizer(sizer);
    return page;
}

wxWindow* ExerciseEditorDialog::buildDosagePage(wxNotebook* book)
{
    // Not the plan's DosageEditor: that one edits a plan item, with the patient's note.
    auto* page = new wxPanel(book, wxID_ANY);
    const int pageIndex = static_cast<int>(book->GetPageCount());
    auto* heading = new wxStaticText(page, wxID_ANY, wxEmptyString);
    heading->SetFont(heading->GetFont().Bold());
    heading->SetLabel(_("Default dosage (each plan starts from it)")); // after the font, so that it is measured bold
    auto* grid = new wxFlexGridSizer(4, FromDIP(4), FromDIP(8));
    for (std::size_t i = 0; i < kDosageFields.size(); ++i) {
        const DosageField& f = kDosageFields[i];
        grid->Add(new wxStaticText(page, wxID_ANY, dosageFieldLabel(f.key)), 0, wxALIGN_CENTER_VERTICAL);
        m_spins[i] = new wxSpinCtrl(page, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                                    wxSP_ARROW_KEYS | wxALIGN_RIGHT, f.min, f.max, f.min);
        m_spins[i]->SetToolTip(wxString::Format(_("From %d to %d"), f.min, f.max));
        m_spins[i]->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) { m_dosageText->SetLabel(wxs(describe(exercise().dosage))); });
        grid->Add(m_spins[i], 0, wxEXPAND);
    }
    grid->Add(new wxStaticText(page, wxID_ANY, _("S&ide")), 0, wxALIGN_CENTER_VERTICAL);
    m_side = new wxChoice(page, wxID_ANY);
    for (const auto& [side, name] : EnumNames<Side>::values)
        m_side->Append(sideLabel(side));
    m_side->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { m_dosageText->SetLabel(wxs(describe(exercise().dosage))); });
    grid->Add(m_side, 0, wxEXPAND);
    m_dosageText = new wxStaticText(page, wxID_ANY, wxEmptyString);
    m_pageOf["dosage"] = pageIndex;

    auto* related = new wxFlexGridSizer(2, FromDIP(2), FromDIP(8));
    related->AddGrowableCol(1, 1);
    for (const auto& [key, label] : {std::pair<std::string, wxString>{"progressions", _("&Progressions")},
                                     {"regressions", _("R&egressions")},
                                     {"video_url", _("&Video address")}}) {
        auto* t = new wxTextCtrl(page, wxID_ANY);
        t->SetHint(key == "video_url" ? _("https://… (optional)")
                                      : _("Exercise ids separated by commas, e.g. lumbar/bridge-hold"));
        m_texts[key] = t;
        m_pageOf[key] = pageIndex;
        related->Add(new wxStaticText(page, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL | wxTOP, FromDIP(4));
        related->Add(t, 1, wxEXPAND | wxTOP, FromDIP(4));
        related->AddSpacer(0);
        related->Add(messageLabel(page, key), 0, wxEXPAND);
    }
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(heading, 0, wxALL, FromDIP(8));
    sizer->Add(grid, 0, wxLEFT | wxRIGHT, FromDIP(8));
    sizer->Add(m_dosageText, 0, wxEXPAND | wxALL, FromDIP(8));
    sizer->Add(messageLabel(page, "dosage"), 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    auto* relatedHeading = new wxStaticText(page, wxID_ANY, wxEmptyString);
    relatedHeading->SetFont(relatedHeading->GetFont().Bold());
    relatedHeading->SetLabel(_("Related exercises")); // after the font, so that it is measured bold
    sizer->Add(relatedHeading, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(8));
    sizer->Add(related, 0, wxEXPAND | wxALL, FromDIP(8));
    page->SetSizer(sizer);
    return page;
}

wxWindow* ExerciseEditorDialog::buildPicturePage(wxNotebook* book)
{
    auto* page = new wxPanel(book, wxID_ANY);
    const int pageIndex = static_cast<int>(book->GetPageCount());
    m_figure = new FigureEditor(page, m_workspace.catalog());
    m_pageOf["figure"] = pageIndex;
    m_pageOf["media"] = pageIndex;

    auto* photosHeading = new wxStaticText(page, wxID_ANY, wxEmptyString);
    photosHeading->SetFont(photosHeading->GetFont().Bold());
    photosHeading->SetLabel(_("Photos (PNG or JPEG, each with a caption)")); // after the font, so that it is measured bold
    m_photoEditor = new PhotoListEditor(page);
    m_photoEditor->onAdded = [this](const wxString& problem) {
        FieldMessages messages;
        if (!problem.empty())
            messages["media"] = problem;
        showMessages(messages);
    };

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_figure, 1, wxEXPAND | wxALL, FromDIP(8));
    sizer->Add(messageLabel(page, "figure"), 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    sizer->Add(photosHeading, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(8));
    sizer->Add(m_photoEditor, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(8));
    sizer->Add(messageLabel(page, "media"), 0, wxEXPAND | wxALL, FromDIP(8));
    page->SetSizer(sizer);

    return page;
}

void ExerciseEditorDialog::load(const Exercise& e, const fs::path& startFolder)
{
    m_start = e;
    m_texts["name"]->ChangeValue(wxs(e.name));
    m_texts["id"]->ChangeValue(wxs(e.id));
    m_texts["summary"]->ChangeValue(wxs(e.summary));
    m_texts["regions"]->ChangeValue(commaText(e.regions));
    m_texts["equipment"]->ChangeValue(commaText(e.equipment));
    m_texts["aliases"]->ChangeValue(commaText(e.aliases));
    m_texts["start_position"]->ChangeValue(wxs(e.startPosition));
    m_texts["progressions"]->ChangeValue(commaText(e.progressions));
    m_texts["regressions"]->ChangeValue(commaText(e.regressions));
    m_texts["video_url"]->ChangeValue(wxs(e.media.videoUrl));
    m_lists["steps"]->setStrings(e.steps);
    m_lists["cues"]->setStrings(e.cues);
    m_lists["common_mistakes"]->setStrings(e.commonMistakes);
    m_lists["precautions"]->setStrings(e.precautions);
    setType(e.type);
    setPosition(e.position);
    for (const auto& [d, name] : EnumNames<Direction>::values)
        setDirection(d, e.hasDirection(d));
    setDosage(e.dosage);
    m_figure->setFigure(e.figure);
    std::vector<PhotoListEditor::Photo> photos;
    for (const ImageRef& image : e.media.images) {
        // Photos of this pack stay where they are; those of another pack are copied in.
        if (m_isNew && !startFolder.empty())
            photos.push_back({startFolder / image.file, {}, image.caption});
        else if (!m_isNew)
            photos.push_back({{}, image.file, image.caption});
    }
    m_photoEditor->setPhotos(std::move(photos));
}

wxTextCtrl* ExerciseEditorDialog::text(const std::string& key)
{
    const auto it = m_texts.find(key);
    return it == m_texts.end() ? nullptr : it->second;
}

StringListEditor* ExerciseEditorDialog::list(const std::string& key)
{
    const auto it = m_lists.find(key);
    return it == m_lists.end() ? nullptr : it->second;
}

void ExerciseEditorDialog::setType(ExerciseType type)
{
    m_type->SetSelection(static_cast<int>(type) - 1);
}

void ExerciseEditorDialog::setPosition(Position position)
{
    m_position->SetSelection(static_cast<int>(position) - 1);
}

void ExerciseEditorDialog::setDirection(Direction direction, bool on)
{
    m_directions[static_cast<std::size_t>(direction) - 1]->SetValue(on);
}

void ExerciseEditorDialog::setDosage(const Dosage& dosage)
{
    for (std::size_t i = 0; i < kDosageFields.size(); ++i)
        m_spins[i]->SetValue(dosage.*kDosageFields[i].member);
    m_side->SetSelection(static_cast<int>(dosage.side) - 1);
    m_dosageText->SetLabel(wxs(describe(dosage)));
}

bool ExerciseEditorDialog::addPhoto(const fs::path& file, const wxString& caption)
{
    const wxString problem = m_photoEditor->add(file, caption);
    FieldMessages messages;
    if (!problem.empty())
        messages["media"] = problem;
    showMessages(messages);
    return problem.empty();
}

void ExerciseEditorDialog::removePhoto(std::size_t index)
{
    m_photoEditor->remove(index);
}

std::size_t ExerciseEditorDialog::photoCount() const
{
    return m_photoEditor->photos().size();
}

Exercise ExerciseEditorDialog::exercise() const
{
    Exercise e = m_start;
    e.pack.clear();
    e.id = trimmed(m_texts.at("id")->GetValue());
    e.name = trimmed(m_texts.at("name")->GetValue());
    e.summary = trimmed(m_texts.at("summary")->GetValue());
    e.regions = commaList(m_texts.at("regions")->GetValue());
    e.equipment = commaList(m_texts.at("equipment")->GetValue());
    e.aliases = commaList(m_texts.at("aliases")->GetValue());
    e.startPosition = trimmed(m_texts.at("start_position")->GetValue());
    e.progressions = commaList(m_texts.at("progressions")->GetValue());
    e.regressions = commaList(m_texts.at("regressions")->GetValue());
    e.media.videoUrl = trimmed(m_texts.at("video_url")->GetValue());
    e.steps = m_lists.at("steps")->strings();
    e.cues = m_lists.at("cues")->strings();
    e.commonMistakes = m_lists.at("common_mistakes")->strings();
    e.precautions = m_lists.at("precautions")->strings();
    e.type = EnumNames<ExerciseType>::values[static_cast<std::size_t>(std::max(0, m_type->GetSelection()))].first;
    e.position = EnumNames<Position>::values[static_cast<std::size_t>(std::max(0, m_position->GetSelection()))].first;
    e.directions.clear();
    for (std::size_t i = 0; i < m_directions.size(); ++i)
        if (m_directions[i]->IsChecked())
            e.directions.push_back(EnumNames<Direction>::values[i].first);
    for (std::size_t i = 0; i < kDosageFields.size(); ++i)
        e.dosage.*kDosageFields[i].member = m_spins[i]->GetValue();
    e.dosage.side = EnumNames<Side>::values[static_cast<std::size_t>(std::max(0, m_side->GetSelection()))].first;
    e.figure = m_figure->figure();
    e.media.images.clear();
    for (const PhotoListEditor::Photo& p : m_photoEditor->photos())
        if (p.source.empty())
            e.media.images.push_back({p.file, p.caption});
    return e;
}

wxString ExerciseEditorDialog::messageFor(const std::string& key) const
{
    const auto it = m_messages.find(key);
    return it == m_messages.end() ? wxString() : it->second->GetLabel();
}

void ExerciseEditorDialog::showPageOf(const std::string& key)
{
    if (const auto page = m_pageOf.find(key); page != m_pageOf.end())
        m_book->SetSelection(static_cast<std::size_t>(page->second));
}

void ExerciseEditorDialog::showMessages(const FieldMessages& messages)
{
    FieldMessages unplaced = showFieldMessages(messages, m_messages);
    const auto own = messages.find("");
    wxString general = own == messages.end() ? wxString() : own->second;
    for (const auto& [key, text] : unplaced)
        general += (general.empty() ? "" : "\n") + text;
    // The clinician sees the first page with a problem, and the others are named.
    int firstPage = -1;
    wxString pages;
    for (const auto& [key, text] : messages) {
        const auto page = m_pageOf.find(key);
        if (page == m_pageOf.end())
            continue;
        if (firstPage < 0 || page->second < firstPage)
            firstPage = page->second;
        const wxString name = m_book->GetPageText(static_cast<std::size_t>(page->second));
        if (!pages.Contains(name))
            pages += (pages.empty() ? "" : ", ") + name;
    }
    if (!pages.empty())
        general = wxString::Format(_("Please check the marked fields on: %s."), pages) +
                  (general.empty() ? "" : "\n" + general);
    m_general->SetLabel(general);
    if (firstPage >= 0 && m_book->GetSelection() != firstPage)
        m_book->SetSelection(static_cast<std::size_t>(firstPage));
    for (auto& [key, label] : m_messages) {
        label->Show(!label->GetLabel().empty());
        label->Wrap(FromDIP(key == "" ? 820 : 560));
    }
    Layout();
    for (std::size_t i = 0; i < m_book->GetPageCount(); ++i)
        m_book->GetPage(i)->Layout();
}

bool ExerciseEditorDialog::save()
{
    const Exercise e = exercise();
    FieldMessages messages;
    std::vector<std::string> packIds;
    std::string packId = "clinic";
    if (m_pack.exists()) {
        const LoadedPack loaded = m_pack.load();
        if (loaded.manifest)
            packId = loaded.manifest->id;
        for (const Exercise& other : loaded.exercises)
            packIds.push_back(other.id);
    }
    if (e.id.empty() && e.name.empty())
        messages["id"] = _("Made from the name once you type one.");
    else if (!isValidId(e.id))
        messages["id"] = _("An id is 1–64 characters of a-z, 0-9 and -, starting with a letter or digit.");
    else if (m_isNew && std::find(packIds.begin(), packIds.end(), e.id) != packIds.end())
        messages["id"] = wxString::Format(_("The clinic pack already has an exercise \"%s\"; choose another id."), wxs(e.id));
    // Every field against the pack format's rules at once (the id is checked above).
    {
        Exercise probe = e;
        if (!isValidId(probe.id))
            probe.id = "exercise";
        std::vector<Problem> problems;
        ProblemSink sink("exercise", problems);
        parseExercise(toJson(probe), sink);
        for (const Problem& p : problems) {
            wxString& text = messages[fieldOfPointer(p.pointer)];
            text += (text.empty() ? "" : "\n") + describeProblem(p);
        }
    }
    for (const PhotoListEditor::Photo& p : m_photoEditor->photos())
        if (p.caption.empty())
            messages["media"] = _("Give every photo a caption (select it and type below the list).");
    for (const Problem& p : checkReferences(e, packId, packIds, m_workspace.catalog()))
        messages[fieldOfPointer(p.pointer)] += (messages[fieldOfPointer(p.pointer)].empty() ? "" : "; ") + describeProblem(p);
    if (!messages.empty()) {
        showMessages(messages);
        return false;
    }

    std::vector<ClinicPack::Photo> photos;
    for (const PhotoListEditor::Photo& p : m_photoEditor->photos())
        if (!p.source.empty())
            photos.push_back({p.source, p.caption});
    try {
        m_saved = saveClinicExercise(m_pack, m_workspace.clinicProfile().name, e, photos);
    } catch (const PackEditError& error) {
        const std::string ownFile = "exercises/" + e.id + ".json";
        for (const Problem& p : error.problems()) {
            // Another file's problem (the pack would no longer load) is not this field's.
            const bool own = p.file.size() >= ownFile.size() &&
                             p.file.compare(p.file.size() - ownFile.size(), ownFile.size(), ownFile) == 0;
            wxString& text = messages[own ? fieldOfPointer(p.pointer) : std::string()];
            text += (text.empty() ? "" : "\n") + (own ? describeProblem(p) : wxs(p.format()));
        }
        // A refused photo names its file and has no pointer.
        if (error.problems().empty())
            messages[photos.empty() ? "" : "media"] = wxs(error.what());
        showMessages(messages);
        return false;
    } catch (const std::exception& error) {
        messages[""] = wxs(error.what());
        showMessages(messages);
        return false;
    }
    if (m_isNew) {
        m_isNew = false;
        m_texts["id"]->SetEditable(false);
        SetTitle(_("Edit clinic exercise"));
    }
    // The photos are in the pack now: show them as its files.
    std::vector<PhotoListEditor::Photo> inPack;
    for (const ImageRef& image : m_saved->media.images)
        inPack.push_back({{}, image.file, image.caption});
    m_photoEditor->setPhotos(std::move(inPack));
    m_start = *m_saved;
    showMessages({});
    return true;
}

void ExerciseEditorDialog::onOk()
{
    if (save())
        EndModal(wxID_OK);
}

} // namespace sp::gui
