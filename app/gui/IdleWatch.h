// How long since the person at this computer last touched the app: every key press, click,
// wheel turn and mouse move over any of its windows counts. Installed as an application
// event filter for as long as it lives. The clock can be replaced (tests).
#pragma once

#include <wx/eventfilter.h>

#include <chrono>
#include <functional>

namespace sp::gui {

class IdleWatch : public wxEventFilter {
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;

    IdleWatch();
    ~IdleWatch() override;
    IdleWatch(const IdleWatch&) = delete;
    IdleWatch& operator=(const IdleWatch&) = delete;

    int FilterEvent(wxEvent& event) override;

    // Counts as activity now (the lock screen calls it when it is unlocked).
    void touch();
    std::chrono::steady_clock::duration idleFor() const;
    void setClock(Clock clock);

private:
    Clock m_clock;
    std::chrono::steady_clock::time_point m_last;
};

} // namespace sp::gui
