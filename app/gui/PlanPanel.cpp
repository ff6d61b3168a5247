#include "gui/PlanPanel.h"

#include "gui/CatalogPanel.h"
#include "gui/WxText.h"

#include <wx/artprov.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dnd.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/tokenzr.h>

#include <cmath>

namespace sp::gui {
namespace {

// Exercises from the catalog and plan items from this list, dropped onto the list.
class PlanDropTarget : public wxTextDropTarget {
public:
    PlanDropTarget(PlanPanel& panel, PlanEditor& editor) : m_panel(panel), m_editor(editor) {}

    bool OnDropText(wxCoord, wxCoord y, const wxString& text) override
    {
        const std::size_t at = m_panel.dropIndexAt(y);
        wxString rest;
        if (text.StartsWith(kDragExercisePrefix, &rest)) {
            if (m_panel.onDropExercise)
                m_panel.onDropExercise(u8(rest), at);
            return true;
        }
        unsigned long from = 0;
        if (text.StartsWith(kDragPlanItemPrefix, &rest) && rest.ToULong(&from) && from < m_editor.draft().items.size()) {
            const std::size_t to = std::min(at > from ? at - 1 : at, m_editor.draft().items.size() - 1);
            m_editor.moveItem(from, to);
            m_panel.selectIndex(to);
            return true;
        }
        return false;
    }

private:
    PlanPanel& m_panel;
    PlanEditor& m_editor;
};

std::vector<std::string> goalLines(const wxString& text)
{
    std::vector<std::string> goals;
    wxStringTokenizer lines(text, "\n");
    while (lines.HasMoreTokens()) {
        wxString line = lines.GetNextToken();
        line.Trim().Trim(false);
        if (!line.empty())
            goals.push_back(u8(line));
    }
    return goals;
}

} // namespace

PlanPanel::PlanPanel(wxWindow* parent, PlanEditor& editor)
    : wxPanel(parent, wxID_ANY), m_editor(editor), m_thumbs(FromDIP(34))
{
    auto* planLabel = new wxStaticText(this, wxID_ANY, _("&Plan"));
    planLabel->SetFont(planLabel->GetFont().Bold());
    m_plans = new wxChoice(this, wxID_ANY);
    m_newPlan = new wxButton(this, wxID_ANY, _("New pla&n…"));
    m_history = new wxButton(this, wxID_ANY, _("Histor&y…"));
    m_title = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    m_title->SetHint(_("Plan title"));
    m_goals = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxTE_MULTILINE);
    // No hint: GTK draws a multi-line hint as grey text that stays grey once goals load.
    m_goals->SetToolTip(_("Goals in the patient's words, one a line"));
    m_goals->SetMinSize(wxSize(-1, FromDIP(52)));
    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    // A report list asks for the width of all its columns; the splitters decide instead,
    // or long dosages would widen the window at every start.
    m_list->SetMinSize(FromDIP(wxSize(240, 120)));
    m_list->SetImageList(m_thumbs.list(), wxIMAGE_LIST_SMALL);
    m_list->AppendColumn(_("Exercise"), wxLIST_FORMAT_LEFT, FromDIP(220));
    m_list->AppendColumn(_("Dosage"), wxLIST_FORMAT_LEFT, FromDIP(250));
    m_list->AppendColumn(_("Note"), wxLIST_FORMAT_LEFT, FromDIP(200));
    m_list->SetDropTarget(new PlanDropTarget(*this, editor));
    m_up = new wxButton(this, wxID_UP, _("Move &up"));
    m_down = new wxButton(this, wxID_DOWN, _("Move do&wn"));
    m_remove = new wxButton(this, wxID_REMOVE, _("&Remove"));
    m_up->SetBitmap(wxArtProvider::GetBitmapBundle(wxART_GO_UP, wxART_BUTTON));
    m_down->SetBitmap(wxArtProvider::GetBitmapBundle(wxART_GO_DOWN, wxART_BUTTON));
    m_remove->SetBitmap(wxArtProvider::GetBitmapBundle(wxART_DELETE, wxART_BUTTON));
    m_estimate = new wxStaticText(this, wxID_ANY, wxEmptyString);
    m_estimate->SetFont(m_estimate->GetFont().Bold());

    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(planLabel, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(6));
    top->Add(m_plans, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(4));
    top->Add(m_newPlan, 0, wxRIGHT, FromDIP(4));
    top->Add(m_history, 0);
    auto* form = new wxFlexGridSizer(2, FromDIP(4), FromDIP(6));
    form->Add(new wxStaticText(this, wxID_ANY, _("T&itle")), 0, wxALIGN_CENTER_VERTICAL);
    form->Add(m_title, 1, wxEXPAND);
    form->Add(new wxStaticText(this, wxID_ANY, _("&Goals")), 0, wxTOP, FromDIP(4));
    form->Add(m_goals, 1, wxEXPAND);
    form->AddGrowableCol(1, 1);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(m_up, 0, wxRIGHT, FromDIP(4));
    buttons->Add(m_down, 0, wxRIGHT, FromDIP(4));
    buttons->Add(m_remove, 0);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(top, 0, wxEXPAND | wxALL, FromDIP(4));
    sizer->Add(form, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(4));
    sizer->Add(m_list, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(4));
    sizer->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(4));
    sizer->Add(m_estimate, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(4));
    SetSizer(sizer);

    m_plans->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        const int n = m_plans->GetSelection();
        if (n >= 0 && static_cast<std::size_t>(n) < m_planIds.size() && onPlanChosen)
            onPlanChosen(m_planIds[static_cast<std::size_t>(n)]);
    });
    m_newPlan->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (onNewPlan)
            onNewPlan();
    });
    m_history->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (onHistory)
            onHistory();
    });
    m_title->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) { commitText(); e.Skip(); });
    m_title->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { commitText(); });
    m_goals->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) { commitText(); e.Skip(); });
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) {
        updateButtons();
        if (!m_updating && onSelectionChanged)
            onSelectionChanged();
    });
    m_list->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) {
        updateButtons();
        if (!m_updating && onSelectionChanged)
            onSelectionChanged();
    });
    m_list->Bind(wxEVT_LIST_BEGIN_DRAG, &PlanPanel::onBeginDrag, this);
    m_list->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_DELETE)
            removeSelected();
        else if (e.AltDown() && e.GetKeyCode() == WXK_UP)
            moveSelected(-1);
        else if (e.AltDown() && e.GetKeyCode() == WXK_DOWN)
            moveSelected(1);
        else
            e.Skip();
    });
    m_up->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { moveSelected(-1); });
    m_down->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { moveSelected(1); });
    m_remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { removeSelected(); });
    refresh({});
}

void PlanPanel::setPlans(const std::vector<Plan>& plans, std::int64_t current)
{
    m_plans->Clear();
    m_planIds.clear();
    for (const Plan& p : plans) {
        m_plans->Append(wxString::Format(_("%s (revision %d%s)"), wxs(p.title), p.latestRevision,
                                         p.status == PlanStatus::Closed ? _(", closed") : wxString()));
        m_planIds.push_back(p.id);
        if (p.id == current)
            m_plans->SetSelection(static_cast<int>(m_planIds.size()) - 1);
    }
    if (current == 0 && m_editor.isOpen()) {
        m_plans->Append(wxString::Format(_("%s (new, not saved)"), wxs(m_editor.draft().title)));
        m_planIds.push_back(0);
        m_plans->SetSelection(static_cast<int>(m_planIds.size()) - 1);
    }
}

void PlanPanel::refresh(const SessionEstimate& estimate)
{
    m_updating = true;
    const bool open = m_editor.isOpen();
    const PlanDraft& d = m_editor.draft();
    // Without a patient there is no plan to edit or start.
    for (wxWindow* w : std::initializer_list<wxWindow*>{m_title, m_goals, m_list, m_history, m_newPlan, m_plans})
        w->Enable(open);
    m_history->Enable(open && !m_editor.isNew());
    if (!m_title->HasFocus() && u8(m_title->GetValue()) != d.title)
        m_title->ChangeValue(wxs(d.title));
    if (!m_goals->HasFocus() && goalLines(m_goals->GetValue()) != d.goals) {
        wxString text;
        for (const std::string& g : d.goals)
            text += (text.empty() ? "" : "\n") + wxs(g);
        m_goals->ChangeValue(text);
    }
    const auto keep = selectedIndex();
    m_list->Freeze();
    m_list->DeleteAllItems();
    for (std::size_t i = 0; i < d.items.size(); ++i) {
        const PlanItem& item = d.items[i];
        const bool missing = isInCatalog && !isInCatalog(item.exerciseId);
        const std::vector<std::string> differs =
            !missing && differsFromPack ? differsFromPack(item) : std::vector<std::string>{};
        wxString marker;
        if (missing)
            marker = _(" (missing: no longer in the catalog)");
        else if (!differs.empty()) {
            wxString fields;
            for (const std::string& f : differs)
                fields += (fields.empty() ? "" : ", ") + wxs(f);
            marker = wxString::Format(_(" (differs from the installed pack in %s: the handout prints this copy)"),
                                      fields);
        }
        const long row = m_list->InsertItem(static_cast<long>(i),
                                            wxString::Format("%zu. ", i + 1) + wxs(item.snapshot.name) + marker,
                                            m_thumbs.indexFor(item.snapshot));
        if (missing || !differs.empty())
            m_list->SetItemTextColour(row, wxColour(176, 0, 32));
        m_list->SetItem(row, 1, wxs(describe(item.dosage)));
        m_list->SetItem(row, 2, wxs(item.note));
    }
    m_list->Thaw();
    if (keep && !d.items.empty())
        m_list->SetItemState(static_cast<long>(std::min(*keep, d.items.size() - 1)), wxLIST_STATE_SELECTED,
                             wxLIST_STATE_SELECTED);
    if (open && !d.items.empty())
        m_estimate->SetLabel(wxString::Format(_("About %d min a session · %d min a week"),
                                              static_cast<int>(std::lround(estimate.sessionMinutes)),
                                              static_cast<int>(std::lround(estimate.weeklyMinutes))));
    else
        m_estimate->SetLabel(open ? _("Add exercises from the catalog (double-click, Add or drag)") : wxString());
    m_updating = false;
    updateButtons();
    Layout();
}

void PlanPanel::commitText()
{
    if (!m_editor.isOpen() || m_updating)
        return;
    const std::string title = u8(m_title->GetValue());
    if (title != m_editor.draft().title)
        m_editor.setTitle(title);
    const auto goals = goalLines(m_goals->GetValue());
    if (goals != m_editor.draft().goals)
        m_editor.setGoals(goals);
}

std::optional<std::size_t> PlanPanel::selectedIndex() const
{
    const long row = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (row < 0)
        return std::nullopt;
    return static_cast<std::size_t>(row);
}

void PlanPanel::selectIndex(std::size_t index)
{
    if (index < static_cast<std::size_t>(m_list->GetItemCount())) {
        m_list->SetItemState(static_cast<long>(index), wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                             wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        m_list->EnsureVisible(static_cast<long>(index));
    }
}

void PlanPanel::moveSelected(int delta)
{
    const auto index = selectedIndex();
    if (!index)
        return;
    const long to = static_cast<long>(*index) + delta;
    if (to < 0 || to >= static_cast<long>(m_editor.draft().items.size()))
        return;
    m_editor.moveItem(*index, static_cast<std::size_t>(to));
    selectIndex(static_cast<std::size_t>(to));
}

void PlanPanel::removeSelected()
{
    if (const auto index = selectedIndex())
        m_editor.removeItem(*index);
}

wxString PlanPanel::itemText(std::size_t index) const
{
    return index < static_cast<std::size_t>(m_list->GetItemCount()) ? m_list->GetItemText(static_cast<long>(index))
                                                                     : wxString();
}

wxString PlanPanel::estimateText() const
{
    return m_estimate->GetLabel();
}

std::size_t PlanPanel::dropIndexAt(int y) const
{
    int flags = 0;
    const long row = m_list->HitTest(wxPoint(FromDIP(10), y), flags);
    if (row < 0)
        return m_editor.draft().items.size();
    wxRect rect;
    m_list->GetItemRect(row, rect);
    return static_cast<std::size_t>(row) + (y > rect.GetY() + rect.GetHeight() / 2 ? 1 : 0);
}

void PlanPanel::updateButtons()
{
    const auto index = selectedIndex();
    const std::size_t count = m_editor.draft().items.size();
    m_up->Enable(index && *index > 0);
    m_down->Enable(index && *index + 1 < count);
    m_remove->Enable(index.has_value());
}

void PlanPanel::onBeginDrag(wxListEvent& event)
{
    wxTextDataObject data(kDragPlanItemPrefix + wxString::Format("%ld", event.GetIndex()));
    wxDropSource source(data, m_list);
    source.DoDragDrop(wxDrag_DefaultMove);
}

} // namespace sp::gui
