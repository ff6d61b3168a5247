// The measurement hook for the start-up benchmark (tests/bench/gui_start.py): with
// SP_STARTUP_PROBE=FILE in the environment, the app notes the moment the first window is
// painted, optionally opens a patient (SP_STARTUP_PROBE_PATIENT=ID), then writes
// {"painted_at_ns": ..., "peak_rss_kb": ...} to FILE and quits. Without the variable it
// does nothing. The benchmark compares painted_at_ns with the time it started the app.
#pragma once

#include <wx/event.h>

#include <cstdint>
#include <string>

namespace sp::gui {

class MainFrame;

class StartupProbe {
public:
    // Null when SP_STARTUP_PROBE is not set.
    static StartupProbe* fromEnvironment();

    // Called for every event the app sees (wxApp::FilterEvent); acts on the first paint.
    void onEvent(const wxEvent& event, MainFrame* frame);

private:
    explicit StartupProbe(std::string file) : m_file(std::move(file)) {}
    void finish(MainFrame* frame);

    std::string m_file;
    std::int64_t m_paintedAtNs = 0;
    bool m_done = false;
};

} // namespace sp::gui
