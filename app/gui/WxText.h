// Text between the core (UTF-8 std::string) and wxWidgets (wxString), in one place so
// that no conversion guesses an encoding; and the local date.
#pragma once

#include "core/Date.h"

#include <wx/datetime.h>
#include <wx/string.h>

#include <string>

namespace sp::gui {

inline wxString wxs(const std::string& text)
{
    return wxString::FromUTF8(text.data(), text.size());
}

inline std::string u8(const wxString& text)
{
    return text.utf8_string();
}

// Text for the HTML panes (wxHtmlWindow): the characters markup would take as its own.
inline wxString htmlEscaped(const std::string& text)
{
    wxString out = wxs(text);
    out.Replace("&", "&amp;");
    out.Replace("<", "&lt;");
    out.Replace(">", "&gt;");
    return out;
}

// Today in the local time zone: the day a clinician means.
inline Date localToday()
{
    const wxDateTime now = wxDateTime::Today();
    return Date{now.GetYear(), static_cast<int>(now.GetMonth()) + 1, now.GetDay()};
}

} // namespace sp::gui
