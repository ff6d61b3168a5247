#include "db/store/ClinicPackRepo.h"

#include "db/store/AuditLog.h"
#include "hash/Sha256.h"

#include <algorithm>
#include <map>
#include <set>

namespace sp::db::store {
namespace {

void requireServer(const StoreContext& ctx)
{
    if (!ctx.signedIn)
        throw DbError(DbErrorKind::Invalid, kNoServerPack);
}

bool startsWith(const std::string& text, const std::string& prefix)
{
    return text.compare(0, prefix.size(), prefix) == 0;
}

bool endsWith(const std::string& text, const std::string& suffix)
{
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The version's header (no files), or nullopt when there is no such row.
std::optional<ClinicPackVersion> header(const StoreContext& ctx, int version)
{
    Statement st(*ctx.session, version > 0 ? "SELECT version, saved_by, saved_at FROM clinic_pack_versions "
                                             "WHERE version = ?1"
                                           : "SELECT version, saved_by, saved_at FROM clinic_pack_versions "
                                             "ORDER BY version DESC LIMIT 1");
    if (version > 0)
        st.bind(1, version);
    if (!st.executeStep())
        return std::nullopt;
    return ClinicPackVersion{st.getColumn(0).getInt(), textOf(st.getColumn(1)), textOf(st.getColumn(2)), {}};
}

std::vector<ClinicPackFile> filesOf(const StoreContext& ctx, int version)
{
    Statement st(*ctx.session, "SELECT f.path, f.sha256, octet_length(b.bytes) FROM clinic_pack_files f "
                               "JOIN clinic_pack_blobs b ON b.sha256 = f.sha256 WHERE f.version = ?1 ORDER BY f.path");
    st.bind(1, version);
    std::vector<ClinicPackFile> files;
    while (st.executeStep())
        files.push_back({textOf(st.getColumn(0)), textOf(st.getColumn(1)), st.getColumn(2).getInt64(), {}});
    return files;
}

ClinicPackVersion withFiles(const StoreContext& ctx, ClinicPackVersion v)
{
    v.files = filesOf(ctx, v.version);
    return v;
}

[[noreturn]] void throwConflict(const ClinicPackVersion& latest, int baseVersion)
{
    const std::string base = baseVersion == 0 ? std::string("before there was any")
                                              : "on version " + std::to_string(baseVersion);
    throw DbError(DbErrorKind::Conflict,
                  "the clinic exercises changed meanwhile: version " + std::to_string(latest.version) +
                      " was saved by " + latest.savedBy + " at " + latest.savedAt + ", and this change was made " +
                      base + ". Nothing was saved; take their version, then make the change again.");
}

} // namespace

std::string clinicPackPathProblem(const std::string& path)
{
    if (path.empty())
        return "is empty";
    if (path.size() > 255)
        return "is longer than 255 bytes";
    for (const char c : path)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == '\\')
            return "holds a control character or a \"\\\"";
    std::size_t start = 0;
    while (true) {
        const std::size_t end = path.find('/', start);
        const std::string part = path.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (part.empty())
            return "has an empty part";
        if (part.front() == '.')
            return "has a part that starts with \".\"";
        if (end == std::string::npos)
            break;
        start = end + 1;
    }
    const bool exercise = startsWith(path, "exercises/") && endsWith(path, ".json") &&
                          path.find('/', 10) == std::string::npos && path.size() > 15;
    if (path == "manifest.json" || path == "guidance.json" || exercise || (startsWith(path, "media/") && path.size() > 6))
        return {};
    return "is not a file of a pack (manifest.json, guidance.json, exercises/NAME.json or media/...)";
}

std::optional<ClinicPackVersion> ClinicPackRepo::latest() const
{
    requireServer(m_ctx);
    return guarded(m_ctx, "read the clinic exercises", [&]() -> std::optional<ClinicPackVersion> {
        ReadSnapshot snapshot(m_ctx);
        auto v = header(m_ctx, 0);
        if (!v)
            return std::nullopt;
        return withFiles(m_ctx, std::move(*v));
    });
}

ClinicPackVersion ClinicPackRepo::version(int number) const
{
    requireServer(m_ctx);
    return guarded(m_ctx, "read the clinic exercises", [&] {
        ReadSnapshot snapshot(m_ctx);
        auto v = number > 0 ? header(m_ctx, number) : std::nullopt;
        if (!v)
            throwNotFound("the clinic pack has no version " + std::to_string(number));
        return withFiles(m_ctx, std::move(*v));
    });
}

std::vector<ClinicPackVersion> ClinicPackRepo::history() const
{
    requireServer(m_ctx);
    return guarded(m_ctx, "read the clinic exercises", [&] {
        Statement st(*m_ctx.session, "SELECT version, saved_by, saved_at FROM clinic_pack_versions ORDER BY version");
        std::vector<ClinicPackVersion> out;
        while (st.executeStep())
            out.push_back({st.getColumn(0).getInt(), textOf(st.getColumn(1)), textOf(st.getColumn(2)), {}});
        return out;
    });
}

std::string ClinicPackRepo::bytes(const std::string& sha256) const
{
    requireServer(m_ctx);
    return guarded(m_ctx, "read the clinic exercises", [&] {
        Statement st(*m_ctx.session, "SELECT bytes FROM clinic_pack_blobs WHERE sha256 = ?1");
        bindText(st, 1, sha256);
        if (!st.executeStep())
            throwNotFound("the clinic pack holds no file with SHA-256 " + sha256);
        return st.getColumn(0).getBlob();
    });
}

ClinicPackVersion ClinicPackRepo::save(const std::vector<ClinicPackFile>& files, int baseVersion)
{
    requireServer(m_ctx);
    return guarded(m_ctx, "save the clinic exercises", [&] {
        FieldErrors errors;
        std::set<std::string> paths;
        for (const ClinicPackFile& f : files) {
            if (const std::string problem = clinicPackPathProblem(f.path); !problem.empty())
                errors.add("files", "\"" + f.path + "\" " + problem);
            else if (!paths.insert(f.path).second)
                errors.add("files", "\"" + f.path + "\" is there twice");
            if (static_cast<std::int64_t>(f.bytes.size()) > kMaxClinicPackFileBytes)
                errors.add("files", "\"" + f.path + "\" is larger than 16 MiB");
        }
        if (!paths.contains("manifest.json"))
            errors.add("files", "a pack needs its manifest.json");
        if (!errors.list().empty())
            throwInvalid(errors.list());

        WriteTransaction tx(m_ctx);
        const std::optional<ClinicPackVersion> latest = header(m_ctx, 0);
        const int current = latest ? latest->version : 0;
        if (baseVersion != current) {
            if (baseVersion < 0 || baseVersion > current)
                throwInvalid({{"base_version", "the clinic pack has no version " + std::to_string(baseVersion) +
                                                   " (its latest is " + std::to_string(current) + ")"}});
            throwConflict(*latest, baseVersion);
        }
        std::map<std::string, std::string> before; // path -> sha256 of the version replaced
        if (latest)
            for (const ClinicPackFile& f : filesOf(m_ctx, current))
                before.emplace(f.path, f.sha256);

        ClinicPackVersion saved{current + 1, m_ctx.actor, m_ctx.now(), {}};
        Statement version(*m_ctx.session,
                          "INSERT INTO clinic_pack_versions (version, saved_by, saved_at) VALUES (?1, ?2, ?3)");
        version.bind(1, saved.version);
        bindText(version, 2, saved.savedBy);
        bindText(version, 3, saved.savedAt);
        version.exec();

        Statement known(*m_ctx.session, "SELECT 1 FROM clinic_pack_blobs WHERE sha256 = ?1");
        Statement blob(*m_ctx.session, "INSERT INTO clinic_pack_blobs (sha256, bytes) VALUES (?1, ?2) "
                                       "ON CONFLICT DO NOTHING");
        Statement file(*m_ctx.session, "INSERT INTO clinic_pack_files (version, path, sha256) VALUES (?1, ?2, ?3)");
        int added = 0, changed = 0;
        std::vector<ClinicPackFile> sorted = files;
        std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
        for (const ClinicPackFile& f : sorted) {
            const std::string sha = sha256Hex(f.bytes);
            known.reset();
            bindText(known, 1, sha);
            if (!known.executeStep()) { // the bytes of a file no version holds yet
                blob.reset();
                bindText(blob, 1, sha);
                blob.bindBlob(2, f.bytes);
                blob.exec();
            }
            file.reset();
            file.bind(1, saved.version);
            bindText(file, 2, f.path);
            bindText(file, 3, sha);
            file.exec();
            const auto was = before.find(f.path);
            added += was == before.end() ? 1 : 0;
            changed += was != before.end() && was->second != sha ? 1 : 0;
            saved.files.push_back({f.path, sha, static_cast<std::int64_t>(f.bytes.size()), {}});
        }
        const std::size_t kept = sorted.size() - static_cast<std::size_t>(added);
        // Paths and counts only: no exercise's text goes into the audit log.
        appendAudit(m_ctx, "save", "clinic_pack", saved.version, std::nullopt,
                    {{"base", baseVersion},
                     {"files", sorted.size()},
                     {"added", added},
                     {"changed", changed},
                     {"removed", before.size() - kept}});
        tx.commit();
        return saved;
    });
}

} // namespace sp::db::store
