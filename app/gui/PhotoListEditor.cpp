#include "gui/PhotoListEditor.h"

#include "gui/WxText.h"
#include "handout/ImageDecode.h"
#include "pluginhost/PackFiles.h"

#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/listbox.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>

namespace fs = std::filesystem;

namespace sp::gui {
namespace {

constexpr std::size_t kMaxPhotos = 10; // an exercise's images, as the pack format allows

std::string trimmed(const wxString& text)
{
    wxString t = text;
    t.Trim().Trim(false);
    return u8(t);
}

} // namespace

PhotoListEditor::PhotoListEditor(wxWindow* parent) : wxPanel(parent, wxID_ANY)
{
    m_list = new wxListBox(this, wxID_ANY);
    m_list->SetMinSize(FromDIP(wxSize(-1, 70)));
    m_caption = new wxTextCtrl(this, wxID_ANY);
    m_caption->SetHint(_("Caption of the selected photo"));
    auto* add = new wxButton(this, wxID_ANY, _("Add p&hoto…"));
    auto* remove = new wxButton(this, wxID_ANY, _("Remo&ve photo"));
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(m_caption, 1, wxRIGHT, FromDIP(4));
    row->Add(add, 0, wxRIGHT, FromDIP(4));
    row->Add(remove, 0);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_list, 1, wxEXPAND | wxBOTTOM, FromDIP(4));
    sizer->Add(row, 0, wxEXPAND);
    SetSizer(sizer);

    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        wxFileDialog choose(this, _("Choose a photo"), wxEmptyString, wxEmptyString,
                            _("PNG or JPEG images (*.png;*.jpg;*.jpeg)|*.png;*.PNG;*.jpg;*.JPG;*.jpeg;*.JPEG"),
                            wxFD_OPEN | wxFD_FILE_MUST_EXIST);
        if (choose.ShowModal() != wxID_OK)
            return;
        const wxString problem = this->add(fs::path(u8(choose.GetPath())), m_caption->GetValue());
        if (onAdded)
            onAdded(problem);
    });
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (const int n = m_list->GetSelection(); n != wxNOT_FOUND)
            this->remove(static_cast<std::size_t>(n));
    });
    m_list->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) {
        if (const int n = m_list->GetSelection(); n != wxNOT_FOUND)
            m_caption->ChangeValue(wxs(m_photos[static_cast<std::size_t>(n)].caption));
    });
    m_caption->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        if (const int n = m_list->GetSelection(); n != wxNOT_FOUND) {
            m_photos[static_cast<std::size_t>(n)].caption = trimmed(m_caption->GetValue());
            refresh();
        }
    });
}

void PhotoListEditor::setPhotos(std::vector<Photo> photos)
{
    m_photos = std::move(photos);
    m_caption->ChangeValue(wxEmptyString);
    refresh();
}

wxString PhotoListEditor::add(const fs::path& file, const wxString& caption)
{
    if (const std::string problem = checkImageFile(file); !problem.empty())
        return wxs(file.filename().string()) + ": " + wxs(problem);
    // The loader checks how a file starts; the handout must decode all of it.
    if (const handout::DecodedImage decoded = handout::decodeImageFile(file); !decoded.error.empty())
        return wxs(decoded.error);
    if (m_photos.size() >= kMaxPhotos)
        return wxString::Format(_("An exercise holds at most %zu photos."), kMaxPhotos);
    m_photos.push_back({file, {}, trimmed(caption)});
    refresh();
    m_list->SetSelection(static_cast<int>(m_photos.size()) - 1);
    m_caption->ChangeValue(wxs(m_photos.back().caption));
    return {};
}

void PhotoListEditor::remove(std::size_t index)
{
    if (index >= m_photos.size())
        return;
    m_photos.erase(m_photos.begin() + static_cast<std::ptrdiff_t>(index));
    m_caption->ChangeValue(wxEmptyString);
    refresh();
}

void PhotoListEditor::refresh()
{
    const int selection = m_list->GetSelection();
    wxArrayString rows;
    for (const Photo& p : m_photos) {
        const wxString file = wxs(p.source.empty() ? p.file : p.source.filename().string());
        rows.Add((p.caption.empty() ? _("(no caption yet)") : wxs(p.caption)) + "  —  " + file +
                 (p.source.empty() ? wxString() : _(" (new)")));
    }
    if (rows == m_list->GetStrings())
        return;
    m_list->Set(rows);
    if (selection != wxNOT_FOUND && selection < static_cast<int>(rows.size()))
        m_list->SetSelection(selection);
}

} // namespace sp::gui
