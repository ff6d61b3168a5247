#include "gui/AppSettings.h"

#include <wx/config.h>
#include <wx/filefn.h>
#include <wx/fileconf.h>
#include <wx/filename.h>
#include <wx/stdpaths.h>

#include <clocale>
#include <cstring>

#include <langinfo.h>

namespace sp::gui {

void installConfig()
{
    wxStandardPaths::Get().SetFileLayout(wxStandardPaths::FileLayout_XDG);
    // wxFileConfig 3.2 puts its file in ~/.stretchplan whatever the layout, and does not
    // create the folder: name the XDG file ourselves, beside guidance.json.
    const wxString folder = wxStandardPaths::Get().GetUserConfigDir() + "/stretchplan";
    if (!wxDirExists(folder))
        wxFileName::Mkdir(folder, 0700, wxPATH_MKDIR_FULL);
    delete wxConfigBase::Set(new wxFileConfig("stretchplan", wxEmptyString, folder + "/stretchplan.conf",
                                              wxEmptyString, wxCONFIG_USE_LOCAL_FILE));
}

void useUtf8Text()
{
    if (std::strcmp(::nl_langinfo(CODESET), "UTF-8") != 0)
        std::setlocale(LC_CTYPE, "C.UTF-8");
}

wxString readConfig(const char* key, const wxString& fallback)
{
    return wxConfigBase::Get()->Read(key, fallback);
}

long readConfig(const char* key, long fallback)
{
    return wxConfigBase::Get()->ReadLong(key, fallback);
}

void writeConfig(const char* key, const wxString& value)
{
    wxConfigBase::Get()->Write(key, value);
    wxConfigBase::Get()->Flush();
}

void writeConfig(const char* key, long value)
{
    wxConfigBase::Get()->Write(key, value);
    wxConfigBase::Get()->Flush();
}

} // namespace sp::gui
