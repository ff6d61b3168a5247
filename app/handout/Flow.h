// Flowing segments of content down columns and across pages. A segment is drawn where it
// lands; a block keeps its first segments together (an exercise's title, figure and
// dosage) and repeats a "(continued)" heading when the rest moves to a new column.
#pragma once

#include "handout/Layout.h"

#include <algorithm>
#include <functional>
#include <vector>

namespace sp::handout {

struct Segment {
    double height = 0;
    // Free space the segment needs below its top, when it draws past its own height (a
    // figure beside text that goes on below it). 0: just `height`.
    double reserve = 0;
    // Draws the segment with its top-left corner at (x, top); y goes up on the page.
    std::function<void(Page& page, double x, double top, double width)> draw;
};

struct Block {
    std::vector<Segment> segments;
    std::size_t keepTogether = 1; // the first this many segments never split
    std::function<Segment()> continued; // drawn atop a new column when the block goes on there
    double gapAfter = 0;
};

class Flow {
public:
    // `top`/`bottom` of the content area on the first and on later pages (headers differ).
    struct Area {
        double top = 0, bottom = 0;
    };
    Flow(PageSize size, double left, double right, int columns, double columnGap, Area first, Area later);

    void place(const Segment& segment);
    void place(const Block& block);
    void gap(double points);
    // Starts a new column (or page) unless the current one is still empty.
    void breakColumn();

    std::vector<Page>& pages() { return m_pages; }
    double columnWidth() const { return m_columnWidth; }

private:
    bool fits(double height) const { return m_y - height >= m_area.bottom - 0.01; }
    static double needs(const Segment& s) { return std::max(s.height, s.reserve); }
    bool atColumnTop() const { return m_y >= m_area.top - 0.01; }
    void nextColumn();
    double columnX() const { return m_left + m_column * (m_columnWidth + m_columnGap); }

    PageSize m_size;
    double m_left;
    double m_columnWidth;
    double m_columnGap;
    int m_columns;
    Area m_first, m_later, m_area;
    int m_column = 0;
    double m_y = 0;
    std::vector<Page> m_pages;
};

} // namespace sp::handout
