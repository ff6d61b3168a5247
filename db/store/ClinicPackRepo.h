// The clinic's own exercise pack on a server: its versions (clinic_pack_versions), each
// version's files (clinic_pack_files) and their bytes, stored once by SHA-256
// (clinic_pack_blobs). A file has no such tables: every call throws
// DbError(Invalid, kNoServerPack). Internal to the store libraries.
#pragma once

#include "db/ClinicStore.h"
#include "db/store/StoreContext.h"

namespace sp::db::store {

inline constexpr const char* kNoServerPack =
    "the clinic pack is stored in the database only on a clinic server; on one computer it is a folder";

// The largest file a version may hold, as the pack loader allows for a photo (16 MiB).
inline constexpr std::int64_t kMaxClinicPackFileBytes = 16 * 1024 * 1024;

class ClinicPackRepo final : public ClinicPackRepository {
public:
    explicit ClinicPackRepo(StoreContext& ctx) : m_ctx(ctx) {}

    std::optional<ClinicPackVersion> latest() const override;
    ClinicPackVersion version(int version) const override;
    std::vector<ClinicPackVersion> history() const override;
    std::string bytes(const std::string& sha256) const override;
    ClinicPackVersion save(const std::vector<ClinicPackFile>& files, int baseVersion) override;

private:
    StoreContext& m_ctx;
};

// Why `path` cannot be a file of a pack ("" when it can): manifest.json, guidance.json,
// exercises/NAME.json or media/..., "/" separated, no part empty or starting with ".",
// no "\" or control character, at most 255 bytes.
std::string clinicPackPathProblem(const std::string& path);

} // namespace sp::db::store
