// The clinic's own exercise pack on a clinic server, as one workstation keeps it: the
// server's latest version written out into a folder of this computer's cache (one per
// database and sign-in), which the ordinary pack loader reads into the catalog like any
// other pack, so every check stays in one place. The clinic exercise editor writes into
// that folder through ClinicPack, whose hooks bring it up to the server's latest version
// before each change and store the changed pack as the next version after it (a refused
// save is undone in the folder). Reading is for clinicians and admins, saving for admins;
// the server enforces both (db::ClinicPackRepository).
#pragma once

#include "db/ClinicStore.h"
#include "pluginhost/ClinicPack.h"

#include <filesystem>
#include <string>
#include <vector>

namespace sp {

class ServerClinicPack {
public:
    // `cacheDir` is this database's own folder (serverPackCacheDir()).
    ServerClinicPack(db::ClinicStore& store, std::filesystem::path cacheDir);

    // The folder given to the catalog as a plugin folder (origin Server), and the pack's
    // folder in it: <cacheDir>/plugins/clinic.
    std::filesystem::path pluginDir() const;
    std::filesystem::path folder() const;
    // The version the folder holds; 0 before the first save (or before the first sync).
    int version() const { return m_version; }

    // Brings the folder to the server's latest version (files already there with the same
    // SHA-256 are kept, the others fetched; an older folder is replaced whole). Returns
    // true when it changed. Throws db::DbError (Forbidden for reception), or PackEditError
    // when the folder cannot be written.
    bool sync();

    // Stores the pack in the folder as the next version after version(). It must load:
    // otherwise PackEditError with the loader's problems, and nothing is stored. Throws
    // db::DbError: Conflict when someone saved a newer version, Forbidden for non-admins.
    void publish();

    // Stores the pack in `source` (an exported clinic pack, say) as the next version,
    // after checking it loads; then the folder holds it. Returns the new version.
    int upload(const std::filesystem::path& source);

    // The folder as the clinic exercise editor writes it, with the hooks above.
    ClinicPack editable();

private:
    db::ClinicStore& m_store;
    std::filesystem::path m_cacheDir;
    int m_version = 0;
    bool m_synced = false; // the folder was made from the server's version m_version
};

// This computer's cache folder for the clinic pack of the database at `location` (a
// server's location: the password is left out of the name).
std::filesystem::path serverPackCacheDir(const std::string& location);

// The files of the pack in `folder` as the server stores them: manifest.json,
// guidance.json, and every file under exercises/ and media/. Throws PackEditError when
// one cannot be read.
std::vector<db::ClinicPackFile> packFilesOf(const std::filesystem::path& folder);

} // namespace sp
