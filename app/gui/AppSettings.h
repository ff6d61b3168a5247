// The desktop app's own settings (window geometry, splitters, the last patient, the
// preferences), kept by wxConfig in $XDG_CONFIG_HOME/stretchplan/stretchplan.conf.
// The guidance thresholds are not here: they live in guidance.json, which the command
// line reads too.
#pragma once

#include <wx/string.h>

namespace sp::gui {

// Paths follow the XDG layout; wxConfig::Get() becomes the file above. Call once, after
// the app name is set.
void installConfig();

// wxString reads narrow literals (and _() strings) in the C library's encoding, and our
// sources are UTF-8: under a non-UTF-8 locale (plain "C", as on a fresh CI machine) text
// such as "New patient…" would be lost. Switches the character type to C.UTF-8 then.
void useUtf8Text();

namespace cfg {
inline constexpr const char* kLastPatient = "/Session/LastPatient";
// The database kLastPatient belongs to (as displayed: never a password).
inline constexpr const char* kLastPatientDatabase = "/Session/LastPatientDatabase";
// The clinic database opened last from the app (a file path or a server's location
// without its password); a --db on the command line is used instead and not remembered.
inline constexpr const char* kDatabase = "/Database/Location";
inline constexpr const char* kDefaultTemplate = "/Preferences/DefaultTemplate";
inline constexpr const char* kPaper = "/Preferences/Paper"; // "a4" or "letter"
inline constexpr const char* kHandoutTemplate = "/Preferences/HandoutTemplate"; // an id in templates/handouts
// Minutes without a key or the mouse before the app locks itself (1 to 240; 10 by default).
inline constexpr const char* kLockMinutes = "/Preferences/LockAfterMinutes";
// The file databases (as displayed, one a line) whose first start already asked for the
// name on handouts: a clinician who chose Cancel is not asked again at every start.
inline constexpr const char* kHandoutNameAsked = "/Session/HandoutNameAsked";
} // namespace cfg

wxString readConfig(const char* key, const wxString& fallback);
long readConfig(const char* key, long fallback);
void writeConfig(const char* key, const wxString& value);
void writeConfig(const char* key, long value);

} // namespace sp::gui
