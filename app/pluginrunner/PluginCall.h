// Loading one native plugin and calling it, with each ABI rule checked before the plugin
// is trusted with a call. The result is the report the runner prints.
#pragma once

#include <nlohmann/json.hpp>

namespace sp::runner {

// The report format's own version, checked by the host (pluginhost/RunnerReport.cpp).
inline constexpr int kReportVersion = 1;

// Announces the phase about to start ("load", "entry", "register_exercises", ...), so that
// the host can say what the plugin was doing if this process dies.
using PhaseFn = void (*)(const char* phase);

// {"report": 1, "ok": bool, "error": "...", "plugin": {...}, "exercises": ["json", ...],
//  "rejected": [{"index": n, "reason": "..."}], "log": [{"level": "...", "message": "..."}]}
nlohmann::json callPlugin(const char* libraryPath, PhaseFn phase);

} // namespace sp::runner
