// A path as a clinician reads it: inside the home folder it starts with "~", so that the
// long, equal start of every plugin folder does not hide the part that differs.
#pragma once

#include "gui/WxText.h"

#include <cstdlib>
#include <filesystem>

namespace sp::gui {

inline wxString pathText(const std::filesystem::path& path)
{
    const std::string text = path.string();
    const char* home = std::getenv("HOME");
    if (home && *home) {
        std::string prefix = home;
        if (prefix.back() != '/')
            prefix += '/';
        if (text.rfind(prefix, 0) == 0)
            return "~/" + wxs(text.substr(prefix.size()));
    }
    return wxs(text);
}

} // namespace sp::gui
