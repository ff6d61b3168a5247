#include "handout/Flow.h"

namespace sp::handout {

Flow::Flow(PageSize size, double left, double right, int columns, double columnGap, Area first, Area later)
    : m_size(size), m_left(left), m_columnGap(columnGap), m_columns(columns), m_first(first), m_later(later),
      m_area(first)
{
    m_columnWidth = (size.width - left - right - (columns - 1) * columnGap) / columns;
    m_pages.emplace_back();
    m_y = m_area.top;
}

void Flow::nextColumn()
{
    if (++m_column >= m_columns) {
        m_column = 0;
        m_pages.emplace_back();
        m_area = m_later;
    }
    m_y = m_area.top;
}

void Flow::breakColumn()
{
    if (!atColumnTop())
        nextColumn();
}

void Flow::gap(double points)
{
    if (!atColumnTop())
        m_y -= points;
}

void Flow::place(const Segment& s)
{
    // A segment taller than a whole column is drawn anyway rather than looping forever.
    if (!fits(needs(s)) && !atColumnTop())
        nextColumn();
    s.draw(m_pages.back(), columnX(), m_y, m_columnWidth);
    m_y -= s.height;
}

void Flow::place(const Block& block)
{
    double head = 0;
    for (std::size_t i = 0; i < block.keepTogether && i < block.segments.size(); ++i)
        head = std::max(head + block.segments[i].height, head + needs(block.segments[i]));
    if (!fits(head) && !atColumnTop())
        nextColumn();
    for (std::size_t i = 0; i < block.segments.size(); ++i) {
        const Segment& s = block.segments[i];
        if (i < block.keepTogether) {
            s.draw(m_pages.back(), columnX(), m_y, m_columnWidth);
            m_y -= s.height;
            continue;
        }
        if (!fits(needs(s))) {
            nextColumn();
            if (block.continued) {
                const Segment c = block.continued();
                c.draw(m_pages.back(), columnX(), m_y, m_columnWidth);
                m_y -= c.height;
            }
        }
        s.draw(m_pages.back(), columnX(), m_y, m_columnWidth);
        m_y -= s.height;
    }
    gap(block.gapAfter);
}

} // namespace sp::handout
