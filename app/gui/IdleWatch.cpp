#include "gui/IdleWatch.h"

#include <wx/event.h>

namespace sp::gui {

IdleWatch::IdleWatch() : m_clock([] { return std::chrono::steady_clock::now(); }), m_last(m_clock())
{
    wxEvtHandler::AddFilter(this);
}

IdleWatch::~IdleWatch()
{
    wxEvtHandler::RemoveFilter(this);
}

int IdleWatch::FilterEvent(wxEvent& event)
{
    const wxEventType type = event.GetEventType();
    if (type == wxEVT_KEY_DOWN || type == wxEVT_CHAR_HOOK || type == wxEVT_LEFT_DOWN || type == wxEVT_RIGHT_DOWN ||
        type == wxEVT_MIDDLE_DOWN || type == wxEVT_MOUSEWHEEL || type == wxEVT_MOTION)
        m_last = m_clock();
    return Event_Skip;
}

void IdleWatch::touch()
{
    m_last = m_clock();
}

std::chrono::steady_clock::duration IdleWatch::idleFor() const
{
    return m_clock() - m_last;
}

void IdleWatch::setClock(Clock clock)
{
    m_clock = std::move(clock);
    m_last = m_clock();
}

} // namespace sp::gui
