#include "pluginhost/FolderDigest.h"

#include "hash/Sha256.h"

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace fs = std::filesystem;

namespace sp {

std::string folderContentsSha256(const fs::path& folder)
{
    std::vector<std::string> files;
    std::error_code ec;
    fs::recursive_directory_iterator it(folder, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const std::string relative = it->path().lexically_relative(folder).generic_string();
        std::error_code typeEc;
        const fs::file_status target = fs::status(it->path(), typeEc);
        if (it->is_symlink(typeEc) && fs::is_directory(target))
            throw std::runtime_error(relative + " is a link to a folder; a native plugin's folder may hold files and "
                                                "folders only");
        if (fs::is_directory(target))
            continue;
        if (!fs::is_regular_file(target))
            throw std::runtime_error(relative + " is not a regular file (or its link leads nowhere)");
        files.push_back(relative);
        if (files.size() > kMaxNativePluginFiles)
            throw std::runtime_error("the folder holds more than " + std::to_string(kMaxNativePluginFiles) + " files");
    }
    if (ec)
        throw std::runtime_error("the folder cannot be listed: " + ec.message());
    std::sort(files.begin(), files.end());
    std::string listing;
    for (const std::string& file : files)
        listing += sha256FileHex(folder / file) + "  " + file + "\n";
    return sha256Hex(listing);
}

} // namespace sp
