// The drawing shared by the follow-up charts (wxGraphicsContext): a window that paints
// itself double-buffered, renders to a bitmap for tests, and the axes, grid, legend and
// "nothing to show" message every chart has. Colours are chosen to stay apart when the
// screen is printed in greys: each series also has its own line style and marker.
#pragma once

#include "gui/ChartLayout.h"

#include <wx/bitmap.h>
#include <wx/font.h>
#include <wx/graphics.h>
#include <wx/panel.h>

namespace sp::gui {

// Each kind's colour and line, shared by the charts and their legends.
wxColour chartColour(LegendKind kind);
wxGraphicsPen chartPen(wxGraphicsContext& gc, LegendKind kind);

// The label font's measures and the date labels, as the layouts need them.
ChartMetrics chartMetrics(wxGraphicsContext& gc, const wxFont& font, const wxSize& size);

void drawChartMessage(wxGraphicsContext& gc, const wxFont& font, const wxSize& size, const std::string& message);
// Grid lines at the value ticks, the axes, the tick labels and the turned value-axis title.
void drawChartFrame(wxGraphicsContext& gc, const wxFont& font, const ChartBox& plot, const std::vector<ChartTick>& yTicks,
                    const std::vector<ChartTick>& xTicks, const ChartText& yTitle);
void drawChartLegend(wxGraphicsContext& gc, const wxFont& font, const std::vector<LegendItem>& legend);
// The line and marker of one kind of series (also the legend's sample).
void drawSeries(wxGraphicsContext& gc, LegendKind kind, const std::vector<ChartPoint>& points);

class ChartPanel : public wxPanel {
public:
    explicit ChartPanel(wxWindow* parent);

    // The chart as it would be painted at `size`, on white.
    wxBitmap renderBitmap(const wxSize& size) const;

protected:
    virtual void render(wxGraphicsContext& gc, const wxSize& size) const = 0;
    wxFont labelFont() const;
};

} // namespace sp::gui
