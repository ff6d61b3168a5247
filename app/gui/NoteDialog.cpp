#include "gui/NoteDialog.h"

#include "db/ClinicStore.h"
#include "gui/ErrorDialog.h"
#include "gui/FieldMessages.h"
#include "gui/WxText.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/panel.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace sp::gui {
namespace {

const wxColour kError(176, 58, 46);

std::optional<int> spinIf(const wxCheckBox* box, const wxSpinCtrl* spin)
{
    return box->GetValue() ? std::optional<int>(spin->GetValue()) : std::nullopt;
}

std::string trimmed(const wxTextCtrl* text)
{
    return u8(wxString(text->GetValue()).Trim().Trim(false));
}

} // namespace

NoteDialog::NoteDialog(wxWindow* parent, const wxString& patientName, const FollowUpNote& note,
                       std::vector<RevisionChoice> revisions, bool amending)
    : wxDialog(parent, wxID_ANY,
               wxString::Format(amending ? _("Amend follow-up note: %s") : _("New follow-up note: %s"), patientName),
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_base(note), m_amending(amending), m_revisions(std::move(revisions))
{
    SetName("NoteDialog");
    auto* left = new wxBoxSizer(wxVERTICAL);
    left->Add(buildVisit(this), 0, wxEXPAND | wxBOTTOM, FromDIP(8));
    left->Add(buildPain(this), 0, wxEXPAND | wxBOTTOM, FromDIP(8));
    left->Add(buildPsfs(this), 1, wxEXPAND);
    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    columns->Add(left, 0, wxEXPAND | wxRIGHT, FromDIP(12));
    columns->Add(buildSoap(this), 1, wxEXPAND);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(columns, 1, wxEXPAND | wxALL, FromDIP(10));
    if (m_amending) {
        auto* reason = new wxBoxSizer(wxHORIZONTAL);
        reason->Add(new wxStaticText(this, wxID_ANY, _("&Reason for the change")), 0,
                    wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(8));
        auto* text = new wxTextCtrl(this, wxID_ANY);
        text->SetHint(_("kept with the earlier version, e.g. \"pain now was misheard\""));
        text->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { validateNow(); });
        m_texts["reason"] = text;
        reason->Add(text, 1);
        sizer->Add(reason, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(10));
        sizer->Add(addMessage(this, "reason"), 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(10));
        auto* history = new wxStaticText(
            this, wxID_ANY,
            note.version > 1
                ? wxString::Format(_("Written by %s; version %d, last amended by %s on %s. Saving keeps this version."),
                                   wxs(note.author), note.version, wxs(note.amendedBy), wxs(note.amendedAt.substr(0, 10)))
                : wxString::Format(_("Written by %s on %s. Saving keeps this version and records yours as version 2."),
                                   wxs(note.author), wxs(note.createdAt.substr(0, 10))));
        history->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        sizer->Add(history, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(10));
    }
    m_general = new wxStaticText(this, wxID_ANY, wxEmptyString);
    m_general->SetForegroundColour(kError);
    sizer->Add(m_general, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(10));
    sizer->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(10));
    SetSizerAndFit(sizer);
    SetEscapeId(wxID_CANCEL);
    if (auto* ok = FindWindow(wxID_OK))
        ok->SetLabel(m_amending ? _("&Save amendment") : _("&Save note"));
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onOk(); }, wxID_OK);
    m_building = false;
    validateNow();
    m_spins["pain"]->SetFocus();
}

wxStaticText* NoteDialog::addMessage(wxWindow* parent, const std::string& field)
{
    auto* message = new wxStaticText(parent, wxID_ANY, wxEmptyString);
    message->SetForegroundColour(kError);
    m_messages[field] = message;
    return message;
}

wxSpinCtrl* NoteDialog::addSpin(wxWindow* parent, const std::string& field, int min, int max, int value)
{
    auto* spin = new wxSpinCtrl(parent, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                                wxSP_ARROW_KEYS | wxALIGN_RIGHT, min, max, value);
    spin->SetMinSize(wxSize(FromDIP(110), -1));
    spin->Bind(wxEVT_SPINCTRL, [this](wxCommandEvent&) { validateNow(); });
    spin->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { validateNow(); });
    m_spins[field] = spin;
    return spin;
}

wxSizer* NoteDialog::buildVisit(wxWindow* parent)
{
    auto* grid = new wxFlexGridSizer(2, FromDIP(2), FromDIP(8));
    grid->AddGrowableCol(1, 1);
    grid->Add(new wxStaticText(parent, wxID_ANY, _("&Visit date")), 0, wxALIGN_CENTER_VERTICAL);
    auto* date = new wxTextCtrl(parent, wxID_ANY, wxs(m_base.visitDate.toString()));
    date->SetHint(_("YYYY-MM-DD"));
    date->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { validateNow(); });
    m_texts["visit_date"] = date;
    grid->Add(date, 0, wxEXPAND);
    grid->AddSpacer(0);
    grid->Add(addMessage(parent, "visit_date"), 0, wxEXPAND);

    grid->Add(new wxStaticText(parent, wxID_ANY, _("Plan &followed")), 0, wxALIGN_CENTER_VERTICAL);
    m_revision = new wxChoice(parent, wxID_ANY);
    m_revision->Append(_("No plan"));
    int selected = 0;
    for (std::size_t i = 0; i < m_revisions.size(); ++i) {
        m_revision->Append(m_revisions[i].label);
        if (m_base.revisionId && *m_base.revisionId == m_revisions[i].revisionId)
            selected = static_cast<int>(i) + 1;
    }
    m_revision->SetSelection(selected);
    m_revision->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { validateNow(); });
    grid->Add(m_revision, 0, wxEXPAND);
    grid->AddSpacer(0);
    grid->Add(addMessage(parent, "revision"), 0, wxEXPAND);

    grid->Add(new wxStaticText(parent, wxID_ANY, _("&Next follow-up")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(buildDue(parent), 0, wxEXPAND);
    grid->AddSpacer(0);
    grid->Add(addMessage(parent, "next_due"), 0, wxEXPAND);
    return grid;
}

wxSizer* NoteDialog::buildDue(wxWindow* parent)
{
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto* due = new wxTextCtrl(parent, wxID_ANY, m_base.nextDue ? wxs(m_base.nextDue->toString()) : wxString());
    due->SetHint(_("YYYY-MM-DD, or empty"));
    due->SetMinSize(wxSize(FromDIP(130), -1));
    due->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { validateNow(); });
    m_texts["next_due"] = due;
    row->Add(due, 1, wxRIGHT, FromDIP(4));
    for (const auto& [label, days] : {std::pair{_("+1 wk"), 7}, std::pair{_("+2 wk"), 14}, std::pair{_("+4 wk"), 28}}) {
        auto* button = new wxButton(parent, wxID_ANY, label, wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
        button->SetToolTip(wxString::Format(_("%d days after the visit"), days));
        button->Bind(wxEVT_BUTTON, [this, days = days](wxCommandEvent&) { setDueInDays(days); });
        row->Add(button, 0, wxRIGHT, FromDIP(2));
    }
    auto* none = new wxButton(parent, wxID_ANY, _("None"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    none->SetToolTip(_("No follow-up is needed (e.g. discharged)"));
    none->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { m_texts["next_due"]->Clear(); });
    row->Add(none, 0);
    return row;
}

wxSizer* NoteDialog::buildPain(wxWindow* parent)
{
    auto* box = new wxStaticBoxSizer(wxVERTICAL, parent, _("Pain (NPRS 0–10) and adherence"));
    wxWindow* pane = box->GetStaticBox();
    auto* grid = new wxFlexGridSizer(2, FromDIP(2), FromDIP(8));
    grid->AddGrowableCol(1, 1);
    grid->Add(new wxStaticText(pane, wxID_ANY, _("&Pain now")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(addSpin(pane, "pain", 0, 10, m_base.painNow));
    grid->AddSpacer(0);
    grid->Add(addMessage(pane, "pain"), 0, wxEXPAND);
    for (const auto& [key, label, value] :
         {std::tuple{"pain_worst", _("&Worst since last visit"), m_base.painWorst},
          std::tuple{"pain_best", _("&Best since last visit"), m_base.painBest}}) {
        auto* box2 = new wxCheckBox(pane, wxID_ANY, label);
        box2->SetValue(value.has_value());
        m_checks[key] = box2;
        grid->Add(box2, 0, wxALIGN_CENTER_VERTICAL);
        wxSpinCtrl* spin = addSpin(pane, key, 0, 10, value.value_or(m_base.painNow));
        // Setting the value means it was recorded.
        spin->Bind(wxEVT_SPINCTRL, [box2](wxCommandEvent& e) {
            box2->SetValue(true);
            e.Skip();
        });
        box2->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { validateNow(); });
        grid->Add(spin);
        grid->AddSpacer(0);
        grid->Add(addMessage(pane, key), 0, wxEXPAND);
    }
    auto* recorded = new wxCheckBox(pane, wxID_ANY, _("A&dherence: done"));
    recorded->SetValue(m_base.sessionsDone.has_value());
    recorded->SetToolTip(_("Home-exercise sessions done since the last visit, of those prescribed"));
    recorded->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { validateNow(); });
    m_checks["adherence"] = recorded;
    grid->Add(recorded, 0, wxALIGN_CENTER_VERTICAL);
    auto* sessions = new wxBoxSizer(wxHORIZONTAL);
    wxSpinCtrl* done = addSpin(pane, "adherence/done", 0, 1000, m_base.sessionsDone.value_or(0));
    wxSpinCtrl* prescribed = addSpin(pane, "adherence/prescribed", 1, 1000, m_base.sessionsPrescribed.value_or(14));
    for (wxSpinCtrl* spin : {done, prescribed})
        spin->Bind(wxEVT_SPINCTRL, [recorded](wxCommandEvent& e) {
            recorded->SetValue(true);
            e.Skip();
        });
    sessions->Add(done, 0, wxALIGN_CENTER_VERTICAL);
    sessions->Add(new wxStaticText(pane, wxID_ANY, _("of")), 0, wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT, FromDIP(6));
    sessions->Add(prescribed, 0, wxALIGN_CENTER_VERTICAL);
    sessions->Add(new wxStaticText(pane, wxID_ANY, _("sessions")), 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(6));
    grid->Add(sessions);
    grid->AddSpacer(0);
    grid->Add(addMessage(pane, "adherence"), 0, wxEXPAND);
    box->Add(grid, 0, wxEXPAND | wxALL, FromDIP(4));
    return box;
}

wxSizer* NoteDialog::buildPsfs(wxWindow* parent)
{
    auto* box = new wxStaticBoxSizer(wxVERTICAL, parent, _("PSFS: activities the patient finds hard (0 = unable, 10 = as before)"));
    m_psfsPanel = new wxPanel(box->GetStaticBox(), wxID_ANY);
    m_psfsGrid = new wxFlexGridSizer(3, FromDIP(2), FromDIP(6));
    m_psfsGrid->AddGrowableCol(0, 1);
    m_psfsPanel->SetSizer(m_psfsGrid);
    box->Add(m_psfsPanel, 1, wxEXPAND | wxALL, FromDIP(4));
    m_addPsfs = new wxButton(box->GetStaticBox(), wxID_ANY, _("Add activit&y"));
    m_addPsfs->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        addPsfsRow(wxString(), 5);
        if (!m_psfs.empty())
            m_psfs.back().activity->SetFocus();
    });
    box->Add(addMessage(box->GetStaticBox(), "psfs"), 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(4));
    box->Add(m_addPsfs, 0, wxALL, FromDIP(4));
    rebuildPsfs(m_base.psfs);
    return box;
}

wxSizer* NoteDialog::buildSoap(wxWindow* parent)
{
    auto* box = new wxStaticBoxSizer(wxVERTICAL, parent, _("SOAP note"));
    wxWindow* pane = box->GetStaticBox();
    const std::pair<const char*, wxString> fields[] = {{"subjective", _("S&ubjective: what the patient reports")},
                                                       {"objective", _("&Objective: what you measured or saw")},
                                                       {"assessment", _("&Assessment")},
                                                       {"plan_text", _("P&lan: what happens next")}};
    const std::string values[] = {m_base.subjective, m_base.objective, m_base.assessment, m_base.planText};
    for (std::size_t i = 0; i < 4; ++i) {
        box->Add(new wxStaticText(pane, wxID_ANY, fields[i].second), 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(4));
        auto* text = new wxTextCtrl(pane, wxID_ANY, wxs(values[i]), wxDefaultPosition, wxDefaultSize, wxTE_MULTILINE);
        text->SetMinSize(FromDIP(wxSize(380, 62)));
        text->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { validateNow(); });
        m_texts[fields[i].first] = text;
        box->Add(text, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(4));
        box->Add(addMessage(pane, fields[i].first), 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(4));
    }
    return box;
}

void NoteDialog::rebuildPsfs(std::vector<PsfsScore> rows)
{
    const bool wasBuilding = m_building;
    m_building = true;
    for (PsfsRow& row : m_psfs)
        for (wxWindow* w : std::initializer_list<wxWindow*>{row.activity, row.score, row.remove, row.message})
            w->Destroy();
    m_psfs.clear();
    m_psfsGrid->Clear(false);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        PsfsRow row;
        row.activity = new wxTextCtrl(m_psfsPanel, wxID_ANY, wxs(rows[i].activity));
        row.activity->SetHint(_("Activity, e.g. putting on socks"));
        row.activity->SetMinSize(wxSize(FromDIP(200), -1));
        row.score = new wxSpinCtrl(m_psfsPanel, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                                   wxSP_ARROW_KEYS | wxALIGN_RIGHT, 0, 10, rows[i].score);
        row.score->SetMinSize(wxSize(FromDIP(110), -1));
        row.remove = new wxButton(m_psfsPanel, wxID_ANY, _("Remove"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
        row.message = new wxStaticText(m_psfsPanel, wxID_ANY, wxEmptyString);
        row.message->SetForegroundColour(kError);
        row.activity->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { validateNow(); });
        row.score->Bind(wxEVT_SPINCTRL, [this](wxCommandEvent&) { validateNow(); });
        row.remove->Bind(wxEVT_BUTTON, [this, i](wxCommandEvent&) { CallAfter([this, i] { removePsfsRow(i); }); });
        m_psfsGrid->Add(row.activity, 1, wxEXPAND);
        m_psfsGrid->Add(row.score, 0, wxALIGN_CENTER_VERTICAL);
        m_psfsGrid->Add(row.remove, 0, wxALIGN_CENTER_VERTICAL);
        m_psfsGrid->Add(row.message, 0, wxEXPAND);
        m_psfsGrid->AddSpacer(0);
        m_psfsGrid->AddSpacer(0);
        m_psfs.push_back(row);
    }
    m_addPsfs->Enable(m_psfs.size() < static_cast<std::size_t>(kMaxPsfsActivities));
    m_building = wasBuilding;
    m_psfsPanel->Layout();
    if (!m_building) {
        validateNow();
        Fit();
    }
}

std::vector<PsfsScore> NoteDialog::psfsRows() const
{
    std::vector<PsfsScore> out;
    for (const PsfsRow& row : m_psfs)
        out.push_back({trimmed(row.activity), row.score->GetValue()});
    return out;
}

void NoteDialog::addPsfsRow(const wxString& activity, int score)
{
    if (m_psfs.size() >= static_cast<std::size_t>(kMaxPsfsActivities))
        return;
    std::vector<PsfsScore> rows = psfsRows();
    rows.push_back({u8(activity), score});
    rebuildPsfs(std::move(rows));
}

void NoteDialog::removePsfsRow(std::size_t row)
{
    std::vector<PsfsScore> rows = psfsRows();
    if (row >= rows.size())
        return;
    rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(row));
    rebuildPsfs(std::move(rows));
}

wxTextCtrl* NoteDialog::psfsActivity(std::size_t row) const
{
    return row < m_psfs.size() ? m_psfs[row].activity : nullptr;
}

wxSpinCtrl* NoteDialog::psfsScore(std::size_t row) const
{
    return row < m_psfs.size() ? m_psfs[row].score : nullptr;
}

void NoteDialog::setDueInDays(int days)
{
    const auto visit = Date::parse(trimmed(m_texts["visit_date"]));
    m_texts["next_due"]->SetValue(wxs(visit.value_or(localToday()).plusDays(days).toString()));
}

FollowUpNote NoteDialog::note() const
{
    FollowUpNote n = m_base;
    n.visitDate = Date::parse(trimmed(m_texts.at("visit_date"))).value_or(m_base.visitDate);
    const int revision = m_revision->GetSelection();
    n.revisionId = revision > 0 ? std::optional<std::int64_t>(m_revisions[static_cast<std::size_t>(revision - 1)].revisionId)
                                : std::nullopt;
    n.painNow = m_spins.at("pain")->GetValue();
    n.painWorst = spinIf(m_checks.at("pain_worst"), m_spins.at("pain_worst"));
    n.painBest = spinIf(m_checks.at("pain_best"), m_spins.at("pain_best"));
    n.sessionsDone = spinIf(m_checks.at("adherence"), m_spins.at("adherence/done"));
    n.sessionsPrescribed = spinIf(m_checks.at("adherence"), m_spins.at("adherence/prescribed"));
    n.psfs = psfsRows();
    // Free text as typed: a SOAP note keeps its line breaks and spacing.
    n.subjective = u8(m_texts.at("subjective")->GetValue());
    n.objective = u8(m_texts.at("objective")->GetValue());
    n.assessment = u8(m_texts.at("assessment")->GetValue());
    n.planText = u8(m_texts.at("plan_text")->GetValue());
    const std::string due = trimmed(m_texts.at("next_due"));
    n.nextDue = due.empty() ? std::nullopt : Date::parse(due);
    return n;
}

std::string NoteDialog::reason() const
{
    const auto it = m_texts.find("reason");
    return it == m_texts.end() ? std::string() : trimmed(it->second);
}

bool NoteDialog::validateNow()
{
    if (m_building)
        return false;
    FieldMessages problems;
    const std::string visit = trimmed(m_texts["visit_date"]);
    const auto visitDate = Date::parse(visit);
    if (!visitDate)
        problems["visit_date"] = _("is not a date: write it as YYYY-MM-DD, e.g. 2025-03-01");
    else if (localToday() < *visitDate)
        problems["visit_date"] = _("is in the future: give the day of the visit");
    const std::string due = trimmed(m_texts["next_due"]);
    if (!due.empty() && !Date::parse(due))
        problems["next_due"] = _("is not a date: YYYY-MM-DD, or empty for none");
    std::vector<FieldError> errors = validate(note());
    if (m_amending && reason().empty()) {
        errors.push_back({"reason", u8(_("say why the note changes; it is kept with the earlier version"))});
    } else if (m_amending) {
        FieldErrors r;
        r.line("reason", reason(), 1, 500);
        errors.insert(errors.end(), r.list().begin(), r.list().end());
    }
    for (const FieldError& e : errors) {
        // The adherence checks name the two numbers; they share one line under them.
        const std::string field = e.field.rfind("adherence/", 0) == 0 ? "adherence" : e.field;
        if ((field == "visit_date" && problems.count("visit_date")) || (field == "next_due" && problems.count("next_due")))
            continue; // the parse message says more than a check of the fallback value
        addFieldErrors(problems, {{field, e.message}});
    }
    std::map<std::string, wxStaticText*> labels = m_messages;
    for (std::size_t i = 0; i < m_psfs.size(); ++i) {
        const std::string prefix = "psfs/" + std::to_string(i);
        // One line under each row for its activity and score.
        wxString text = problems.count(prefix + "/activity") ? problems[prefix + "/activity"] : wxString();
        if (problems.count(prefix + "/score"))
            text += (text.empty() ? "" : "; ") + problems[prefix + "/score"];
        if (m_psfs[i].message->GetLabel() != text)
            m_psfs[i].message->SetLabel(text);
    }
    FieldMessages unplaced = showFieldMessages(problems, labels);
    wxString general;
    for (const auto& [field, text] : unplaced)
        if (field.rfind("psfs/", 0) != 0)
            general += (general.empty() ? "" : "\n") + wxs(field) + ": " + text;
    if (m_general->GetLabel() != general)
        m_general->SetLabel(general);
    Layout();
    return problems.empty();
}

wxString NoteDialog::messageFor(const std::string& field) const
{
    if (field.empty())
        return m_general->GetLabel();
    if (field.rfind("psfs/", 0) == 0 && field.size() > 5) {
        const std::size_t row = static_cast<std::size_t>(std::atoi(field.c_str() + 5));
        return row < m_psfs.size() ? m_psfs[row].message->GetLabel() : wxString();
    }
    const auto it = m_messages.find(field);
    return it == m_messages.end() ? wxString() : it->second->GetLabel();
}

wxTextCtrl* NoteDialog::text(const std::string& field) const
{
    const auto it = m_texts.find(field);
    return it == m_texts.end() ? nullptr : it->second;
}

wxSpinCtrl* NoteDialog::spin(const std::string& field) const
{
    const auto it = m_spins.find(field);
    return it == m_spins.end() ? nullptr : it->second;
}

wxCheckBox* NoteDialog::check(const std::string& field) const
{
    const auto it = m_checks.find(field);
    return it == m_checks.end() ? nullptr : it->second;
}

bool NoteDialog::pressOk()
{
    onOk();
    return m_saved;
}

void NoteDialog::onOk()
{
    m_general->SetLabel(wxEmptyString);
    if (!validateNow()) {
        Layout();
        return; // the messages say what to fix
    }
    try {
        if (m_saver)
            m_saver(note(), reason());
    } catch (const db::DbError& e) {
        if (e.fieldErrors().empty()) {
            m_general->SetLabel(_("Cannot save the note: ") + wxs(e.what()));
        } else {
            FieldMessages problems;
            addFieldErrors(problems, e.fieldErrors());
            std::map<std::string, wxStaticText*> labels = m_messages;
            wxString general;
            for (const auto& [field, text] : showFieldMessages(problems, labels))
                general += (general.empty() ? "" : "\n") + wxs(field) + ": " + text;
            m_general->SetLabel(_("Cannot save the note") + (general.empty() ? wxString() : ":\n" + general));
        }
        Layout();
        return;
    } catch (const std::exception& e) {
        m_general->SetLabel(_("Cannot save the note: ") + describeException(e));
        Layout();
        return;
    }
    m_saved = true;
    finish(wxID_OK);
}

void NoteDialog::finish(int code)
{
    if (IsModal()) {
        EndModal(code);
    } else {
        SetReturnCode(code);
        Hide();
    }
}

} // namespace sp::gui
