// The photos of an exercise being edited: those already in the pack and new ones to copy
// in, each with its caption. A new photo is checked when chosen (the pack's rules, then a
// full decode as the handout does it), so a corrupt or mislabelled file never gets in.
#pragma once

#include <wx/panel.h>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

class wxListBox;
class wxTextCtrl;

namespace sp::gui {

class PhotoListEditor : public wxPanel {
public:
    struct Photo {
        std::filesystem::path source; // a new photo: the file to copy; empty for one already in the pack
        std::string file;             // one already in the pack: its path in the pack
        std::string caption;
    };

    explicit PhotoListEditor(wxWindow* parent);

    void setPhotos(std::vector<Photo> photos);
    const std::vector<Photo>& photos() const { return m_photos; }

    // Adds the photo; "" when it was added, else why not (naming the file).
    wxString add(const std::filesystem::path& file, const wxString& caption);
    void remove(std::size_t index);

    // The Add button's outcome: "" or the problem to show.
    std::function<void(const wxString& problem)> onAdded;

private:
    void refresh();

    std::vector<Photo> m_photos;
    wxListBox* m_list;
    wxTextCtrl* m_caption;
};

} // namespace sp::gui
