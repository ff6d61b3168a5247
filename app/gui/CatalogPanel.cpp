#include "gui/CatalogPanel.h"

#include "gui/EnumLabels.h"
#include "gui/WxText.h"

#include <wx/artprov.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dnd.h>
#include <wx/html/htmlwin.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>

namespace sp::gui {
namespace {

// A list that asks for each row only when it is shown: a catalog of 20,000 exercises
// costs nothing until scrolled, and a thumbnail is drawn the first time its row appears.
class VirtualList : public wxListCtrl {
public:
    VirtualList(wxWindow* parent)
        : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL | wxLC_VIRTUAL)
    {
    }
    std::function<wxString(long row, long column)> text;
    std::function<int(long row)> image;

private:
    wxString OnGetItemText(long row, long column) const override { return text ? text(row, column) : wxString(); }
    int OnGetItemImage(long row) const override { return image ? image(row) : -1; }
};

template <class E> wxChoice* enumChoice(wxWindow* parent, const wxString& any, wxString (*label)(E))
{
    auto* choice = new wxChoice(parent, wxID_ANY);
    choice->Append(any);
    for (const auto& [value, name] : EnumNames<E>::values)
        choice->Append(label(value));
    choice->SetSelection(0);
    return choice;
}

template <class E> std::optional<E> chosen(const wxChoice* choice)
{
    const int n = choice->GetSelection();
    if (n <= 0)
        return std::nullopt;
    return EnumNames<E>::values[static_cast<std::size_t>(n - 1)].first;
}

template <class E> void choose(wxChoice* choice, const std::optional<E>& value)
{
    int n = 0;
    if (value)
        for (std::size_t i = 0; i < EnumNames<E>::values.size(); ++i)
            if (EnumNames<E>::values[i].first == *value)
                n = static_cast<int>(i) + 1;
    choice->SetSelection(n);
}

wxString listHtml(const wxString& title, const std::vector<std::string>& lines, bool numbered)
{
    if (lines.empty())
        return {};
    wxString out = "<p><b>" + title + "</b></p>" + (numbered ? "<ol>" : "<ul>");
    for (const std::string& line : lines)
        out += "<li>" + htmlEscaped(line) + "</li>";
    return out + (numbered ? "</ol>" : "</ul>");
}

} // namespace

wxString exerciseHtml(const Exercise& e)
{
    wxString directions;
    for (Direction d : e.directions)
        directions += (directions.empty() ? "" : ", ") + directionLabel(d);
    wxString html = "<html><body><h3>" + htmlEscaped(e.name) + "</h3>";
    html += "<p><i>" + htmlEscaped(e.summary) + "</i></p>";
    html += "<p>" + wxString::Format(_("%s · %s · moves: %s"), typeLabel(e.type), positionLabel(e.position),
                                     directions.empty() ? _("none") : directions) +
            "<br>" + wxString::Format(_("Default dosage: %s"), htmlEscaped(describe(e.dosage))) + "<br>" +
            wxString::Format(_("Pack: %s · id %s"), htmlEscaped(e.pack), htmlEscaped(e.qualifiedId())) + "</p>";
    if (!e.startPosition.empty())
        html += "<p><b>" + _("Starting position") + "</b><br>" + htmlEscaped(e.startPosition) + "</p>";
    html += listHtml(_("Steps"), e.steps, true);
    html += listHtml(_("Cues"), e.cues, false);
    html += listHtml(_("Common mistakes"), e.commonMistakes, false);
    html += listHtml(_("Precautions"), e.precautions, false);
    if (!e.equipment.empty()) {
        std::string equipment;
        for (const std::string& item : e.equipment)
            equipment += (equipment.empty() ? "" : ", ") + item;
        html += "<p><b>" + _("Equipment") + "</b>: " + htmlEscaped(equipment) + "</p>";
    }
    return html + "</body></html>";
}

CatalogPanel::CatalogPanel(wxWindow* parent, const Catalog& catalog)
    : wxPanel(parent, wxID_ANY), m_catalog(catalog), m_thumbs(FromDIP(40))
{
    m_split = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    m_split->SetName("CatalogSplitter");
    m_split->SetMinimumPaneSize(FromDIP(80));
    auto* top = new wxPanel(m_split, wxID_ANY);
    auto* bottom = new wxPanel(m_split, wxID_ANY);

    auto* heading = new wxStaticText(top, wxID_ANY, _("Exercise catalog"));
    heading->SetFont(heading->GetFont().Bold());
    m_search = new wxSearchCtrl(top, wxID_ANY);
    m_search->SetDescriptiveText(_("Search exercises (name, alias, aim)"));
    m_search->ShowCancelButton(true);
    m_type = enumChoice<ExerciseType>(top, _("Any type"), &typeLabel);
    m_direction = enumChoice<Direction>(top, _("Any direction"), &directionLabel);
    m_position = enumChoice<Position>(top, _("Any position"), &positionLabel);
    m_pack = new wxChoice(top, wxID_ANY);
    fillPacks({});
    auto* list = new VirtualList(top);
    list->text = [this](long row, long column) {
        const Exercise& e = *m_shown.at(static_cast<std::size_t>(row));
        return column == 0 ? wxs(e.name) : typeLabel(e.type);
    };
    list->image = [this](long row) { return m_thumbs.indexFor(*m_shown.at(static_cast<std::size_t>(row))); };
    m_list = list;
    m_list->SetMinSize(FromDIP(wxSize(240, 120))); // the splitter decides the width, not the columns
    // The row height follows the image list's first image, so have one before the first row.
    if (!catalog.filter({}).empty())
        m_thumbs.indexFor(*catalog.filter({}).front());
    m_list->SetImageList(m_thumbs.list(), wxIMAGE_LIST_SMALL);
    m_list->AppendColumn(_("Exercise"), wxLIST_FORMAT_LEFT, FromDIP(200));
    m_list->AppendColumn(_("Type"), wxLIST_FORMAT_LEFT, FromDIP(112));
    m_add = new wxButton(top, wxID_ADD, _("&Add to plan"));
    m_add->SetBitmap(wxArtProvider::GetBitmapBundle(wxART_GO_FORWARD, wxART_BUTTON), wxRIGHT);

    auto* filters = new wxGridSizer(2, FromDIP(4), FromDIP(4));
    for (wxChoice* c : {m_type, m_direction, m_position, m_pack})
        filters->Add(c, 1, wxEXPAND);
    auto* topSizer = new wxBoxSizer(wxVERTICAL);
    topSizer->Add(heading, 0, wxALL, FromDIP(4));
    topSizer->Add(m_search, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(4));
    topSizer->Add(filters, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(4));
    topSizer->Add(m_list, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(4));
    topSizer->Add(m_add, 0, wxALIGN_RIGHT | wxALL, FromDIP(4));
    top->SetSizer(topSizer);

    m_figure = new FigurePanel(bottom);
    m_details = new wxHtmlWindow(bottom, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxHW_SCROLLBAR_AUTO);
    auto* bottomSizer = new wxBoxSizer(wxVERTICAL);
    bottomSizer->Add(m_figure, 0, wxEXPAND | wxALL, FromDIP(4));
    bottomSizer->Add(m_details, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(4));
    bottom->SetSizer(bottomSizer);

    m_split->SplitHorizontally(top, bottom);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_split, 1, wxEXPAND);
    SetSizer(sizer);

    m_search->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { refilter(); });
    m_search->Bind(wxEVT_SEARCHCTRL_CANCEL_BTN, [this](wxCommandEvent&) { m_search->Clear(); });
    for (wxChoice* c : {m_type, m_direction, m_position, m_pack})
        c->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { refilter(); });
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { showDetails(selected()); });
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) {
        if (const Exercise* e = selected(); e && onAdd)
            onAdd(*e);
    });
    m_list->Bind(wxEVT_LIST_BEGIN_DRAG, &CatalogPanel::onBeginDrag, this);
    m_list->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        // The name takes whatever the type column leaves.
        const int rest = m_list->GetClientSize().x - m_list->GetColumnWidth(1);
        if (rest > FromDIP(80))
            m_list->SetColumnWidth(0, rest);
        e.Skip();
    });
    m_add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (const Exercise* e = selected(); e && onAdd)
            onAdd(*e);
    });
    refilter();
}

void CatalogPanel::placeSash()
{
    Layout();
    m_split->SetSashPosition(m_split->GetClientSize().y - FromDIP(240));
    m_split->SetSashGravity(1.0);
}

void CatalogPanel::setSearch(const wxString& text)
{
    m_search->SetValue(text);
}

void CatalogPanel::setFilter(const ExerciseFilter& filter)
{
    choose(m_type, filter.type);
    choose(m_direction, filter.direction);
    choose(m_position, filter.position);
    int pack = 0;
    for (std::size_t i = 0; i < m_packIds.size(); ++i)
        if (m_packIds[i] == filter.pack)
            pack = static_cast<int>(i) + 1;
    m_pack->SetSelection(pack);
    refilter();
}

void CatalogPanel::fillPacks(const std::string& selectedId)
{
    m_pack->Clear();
    m_packIds.clear();
    m_pack->Append(_("Any pack"));
    int selection = 0;
    for (const CatalogPack& pack : m_catalog.packs()) {
        m_pack->Append(wxs(pack.manifest.name.empty() ? pack.manifest.id : pack.manifest.name));
        m_packIds.push_back(pack.manifest.id);
        if (pack.manifest.id == selectedId)
            selection = static_cast<int>(m_pack->GetCount()) - 1;
    }
    m_pack->SetSelection(selection);
}

void CatalogPanel::reload()
{
    // Pointers into the old catalog go first: nothing may read them from here on.
    const std::string selectedId = m_selectedId;
    m_shown.clear();
    m_list->SetItemCount(0);
    const int pack = m_pack->GetSelection();
    fillPacks(pack > 0 ? m_packIds[static_cast<std::size_t>(pack - 1)] : std::string());
    m_thumbs.clear();
    refilter();
    for (std::size_t i = 0; i < m_shown.size(); ++i)
        if (m_shown[i]->qualifiedId() == selectedId) {
            m_list->SetItemState(-1, 0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED); // every row
            select(i);
            m_list->EnsureVisible(static_cast<long>(i));
        }
}

void CatalogPanel::focusSearch()
{
    m_search->SetFocus();
    m_search->SelectAll();
}

const Exercise* CatalogPanel::selected() const
{
    const long row = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    return row >= 0 && static_cast<std::size_t>(row) < m_shown.size() ? m_shown[static_cast<std::size_t>(row)] : nullptr;
}

void CatalogPanel::select(std::size_t row)
{
    if (row < m_shown.size()) {
        m_list->SetItemState(static_cast<long>(row), wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                             wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        showDetails(m_shown[row]);
    }
}

void CatalogPanel::refilter()
{
    ExerciseFilter filter;
    filter.type = chosen<ExerciseType>(m_type);
    filter.direction = chosen<Direction>(m_direction);
    filter.position = chosen<Position>(m_position);
    if (const int pack = m_pack->GetSelection(); pack > 0)
        filter.pack = m_packIds[static_cast<std::size_t>(pack - 1)];
    const std::string text = u8(m_search->GetValue());
    m_shown = text.find_first_not_of(' ') == std::string::npos ? m_catalog.filter(filter)
                                                                : m_catalog.search(text, filter);
    m_list->Freeze();
    if (m_list->GetItemCount() > 0)
        m_list->SetItemState(-1, 0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED); // every row
    m_list->SetItemCount(static_cast<long>(m_shown.size()));
    m_list->Refresh();
    m_list->Thaw();
    if (!m_shown.empty())
        select(0);
    else
        showDetails(nullptr);
}

void CatalogPanel::showDetails(const Exercise* exercise)
{
    m_selectedId = exercise ? exercise->qualifiedId() : std::string();
    m_add->Enable(exercise != nullptr);
    m_figure->setExercise(exercise);
    m_details->SetPage(exercise ? exerciseHtml(*exercise)
                                : "<html><body><p>" + _("No exercise matches the search and filters.") +
                                      "</p></body></html>");
}

void CatalogPanel::onBeginDrag(wxListEvent& event)
{
    const long row = event.GetIndex();
    if (row < 0 || static_cast<std::size_t>(row) >= m_shown.size())
        return;
    wxTextDataObject data(kDragExercisePrefix + wxs(m_shown[static_cast<std::size_t>(row)]->qualifiedId()));
    wxDropSource source(data, this);
    source.DoDragDrop(wxDrag_CopyOnly);
}

} // namespace sp::gui
