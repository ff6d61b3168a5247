// An exercise's line figure on screen: the same drawing primitives the PDF handout paints
// (core/FigureDrawing.h), drawn with wxGraphicsContext so that lines are anti-aliased and
// scale with the display.
#pragma once

#include "core/Exercise.h"

#include <wx/bitmap.h>
#include <wx/graphics.h>
#include <wx/imaglist.h>
#include <wx/panel.h>

#include <map>
#include <optional>
#include <string>

namespace sp::gui {

// Every pose of the figure side by side inside `area` (device units), keeping its aspect.
void drawFigure(wxGraphicsContext& gc, const Figure& figure, const wxRect2DDouble& area, bool showLabels);

// A square thumbnail (white background) of the figure's first pose; a blank tile when the
// exercise has no figure.
wxBitmap figureThumbnail(const Exercise& exercise, int sizePx);

// Thumbnails in an image list, made once per exercise id.
class FigureThumbs {
public:
    explicit FigureThumbs(int sizePx);
    wxImageList* list() { return &m_list; }
    int indexFor(const Exercise& exercise);
    void clear(); // after the catalog reloaded: figures may have changed

private:
    int m_size;
    wxImageList m_list;
    std::map<std::string, int> m_index;
};

// A panel that paints one exercise's whole figure, all poses with their labels.
class FigurePanel : public wxPanel {
public:
    FigurePanel(wxWindow* parent);
    void setExercise(const Exercise* exercise);

private:
    void onPaint(wxPaintEvent& event);
    std::optional<Figure> m_figure;
};

} // namespace sp::gui
