#include "db/sqlite/SqliteStore.h"

#include "db/sqlite/AuditLog.h"
#include "db/sqlite/ChainCheckpoints.h"
#include "db/sqlite/ClinicRepo.h"
#include "db/sqlite/Connection.h"
#include "db/sqlite/HandoutRepo.h"
#include "db/sqlite/Migrations.h"
#include "db/sqlite/NoteRepo.h"
#include "db/sqlite/OwnerLock.h"
#include "db/sqlite/PatientRepo.h"
#include "db/sqlite/PlanRepo.h"
#include "db/sqlite/StoreContext.h"

#include <SQLiteCpp/Backup.h>
#include <sqlite3.h>

#include <cerrno>
#include <chrono>
#include <cstdio> // renameat2
#include <cstdlib> // mkstemp
#include <cstring>
#include <thread>

#include <fcntl.h>
#include <unistd.h>

namespace sp::db {
namespace {

namespace fs = std::filesystem;
using namespace sp::db::sqlite;

class SqliteStore final : public ClinicStore {
public:
    explicit SqliteStore(std::unique_ptr<StoreContext> ctx)
        : m_ctx(std::move(ctx)), m_patients(*m_ctx), m_plans(*m_ctx), m_notes(*m_ctx), m_handouts(*m_ctx),
          m_audit(*m_ctx), m_clinic(*m_ctx)
    {
        // A purge whose erasure other readers held up is finished by the next store to open.
        try {
            finishPendingErasure(*m_ctx);
        } catch (const DbError&) { // still held up, or failing: owed to the next open
        }
    }

    PatientRepository& patients() override { return m_patients; }
    PlanRepository& plans() override { return m_plans; }
    NoteRepository& notes() override { return m_notes; }
    HandoutLogRepository& handouts() override { return m_handouts; }
    AuditRepository& audit() override { return m_audit; }
    ClinicRepository& clinic() override { return m_clinic; }
    const PatientRepository& patients() const override { return m_patients; }
    const PlanRepository& plans() const override { return m_plans; }
    const NoteRepository& notes() const override { return m_notes; }
    const HandoutLogRepository& handouts() const override { return m_handouts; }
    const AuditRepository& audit() const override { return m_audit; }
    const ClinicRepository& clinic() const override { return m_clinic; }

    CheckReport check() override;
    AuditHead backup(const fs::path& target) override;
    int schemaVersion() const override
    {
        return guarded(*m_ctx, "read the schema version", [&] { return currentSchemaVersion(m_ctx->db); });
    }

private:
    CheckResult integrity();
    CheckResult foreignKeys();
    AuditHead copyInto(const fs::path& temporary);

    std::unique_ptr<StoreContext> m_ctx;
    PatientRepo m_patients;
    PlanRepo m_plans;
    NoteRepo m_notes;
    HandoutRepo m_handouts;
    AuditLog m_audit;
    ClinicRepo m_clinic;
};

// One part of the check: an engine error there is a finding, not a reason to skip the rest.
template <class Part> CheckResult checkPart(Part&& part)
{
    try {
        return part();
    } catch (const std::exception& e) {
        return {false, std::string("the check itself failed: ") + e.what()};
    }
}

CheckResult SqliteStore::integrity()
{
    SQLite::Statement st(m_ctx->db, "PRAGMA integrity_check(20)");
    std::string detail;
    while (st.executeStep())
        detail += (detail.empty() ? "" : "; ") + st.getColumn(0).getString();
    return {detail == "ok", detail};
}

CheckResult SqliteStore::foreignKeys()
{
    SQLite::Statement st(m_ctx->db, "PRAGMA foreign_key_check");
    std::string detail;
    int found = 0;
    while (st.executeStep()) {
        if (++found <= 20)
            detail += (detail.empty() ? "" : "; ") + st.getColumn(0).getString() + " row " +
                      st.getColumn(1).getString() + " refers to a missing " + st.getColumn(2).getString() + " row";
    }
    if (found == 0)
        return {true, "ok"};
    return {false, std::to_string(found) + " rows refer to missing rows: " + detail};
}

CheckReport SqliteStore::check()
{
    CheckReport report;
    report.integrity = checkPart([&] { return integrity(); });
    report.foreignKeys = checkPart([&] { return foreignKeys(); });
    try {
        const ChainVerdict chain = verifyAuditChain(*m_ctx);
        report.auditChain = chain.chain;
        report.auditAnchor = chain.anchor;
        report.auditHead = chain.head;
    } catch (const std::exception& e) {
        report.auditChain = {false, std::string("the check itself failed: ") + e.what()};
        report.auditAnchor = {false, "not compared: the chain could not be read"};
    }
    return report;
}

// Returns the copy's newest audit entry, read from the copy itself.
AuditHead SqliteStore::copyInto(const fs::path& temporary)
{
    SQLite::Database dest(temporary, SQLite::OPEN_READWRITE);
    dest.exec("PRAGMA synchronous = FULL");
    SQLite::Backup copy(dest, m_ctx->db);
    // All pages in one step: one read transaction, so the copy is one consistent
    // snapshot however much others write meanwhile (write-ahead logging lets them).
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(5000);
    for (;;) {
        const int rc = copy.executeStep(-1);
        if (rc == SQLITE_DONE)
            break;
        if (std::chrono::steady_clock::now() > deadline)
            throw DbError(DbErrorKind::Busy, "the database stayed locked for the whole backup attempt");
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    SQLite::Statement head(dest, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
    if (!head.executeStep())
        return {};
    return {head.getColumn(0).getInt64(), textOf(head.getColumn(1))};
}

void syncPath(const fs::path& path, int flags)
{
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        const std::string why = std::strerror(errno);
        if (fd >= 0)
            ::close(fd);
        throw DbError(DbErrorKind::Io, "could not flush " + path.string() + " to disk: " + why);
    }
    ::close(fd);
}

// Into place without ever replacing a file that appeared meanwhile.
void renameNoReplace(const fs::path& from, const fs::path& to)
{
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0)
        return;
    if (errno == EINVAL || errno == ENOSYS) { // a file system without RENAME_NOREPLACE
        if (::link(from.c_str(), to.c_str()) == 0) {
            ::unlink(from.c_str());
            return;
        }
    }
    throw DbError(DbErrorKind::Io, "could not move the backup into place as " + to.string() + ": " +
                                       std::strerror(errno));
}

// The copy's own anchor: the source's checkpoints that the copy holds, then its head.
void writeBackupCheckpoints(const fs::path& source, const fs::path& copy, const AuditHead& head)
{
    if (head.id == 0)
        return;
    std::vector<AuditHead> lines;
    if (const auto anchors = readCheckpoints(checkpointFileOf(source)))
        for (const AuditHead& c : anchors->checkpoints)
            if (c.id < head.id)
                lines.push_back(c);
    lines.push_back(head);
    writeCheckpointFile(checkpointFileOf(copy), lines);
}

AuditHead SqliteStore::backup(const fs::path& target)
{
    return guarded(*m_ctx, "back up the database to " + target.string(), [&] {
        std::error_code ec;
        for (const fs::path& taken : {target, checkpointFileOf(target)})
            if (fs::symlink_status(taken, ec).type() != fs::file_type::not_found)
                throw DbError(DbErrorKind::Io, "will not back up to " + target.string() + ": " + taken.string() +
                                                   " already exists");
        const fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
        if (!fs::is_directory(folder, ec))
            throw DbError(DbErrorKind::Io, "will not back up to " + target.string() + ": the folder " +
                                               folder.string() + " does not exist");
        // Written under a temporary name in the target's folder (same file system, so the
        // rename is atomic): a backup that failed half-way is never mistaken for one.
        std::string pattern = (folder / ("." + target.filename().string() + ".partial-XXXXXX")).string();
        const int fd = ::mkstemp(pattern.data()); // mode 0600
        if (fd < 0)
            throw DbError(DbErrorKind::Io, "could not create a temporary file in " + folder.string() + ": " +
                                               std::strerror(errno));
        ::close(fd);
        const fs::path temporary = pattern;
        AuditHead head;
        try {
            head = copyInto(temporary);
            syncPath(temporary, O_RDONLY);
            renameNoReplace(temporary, target);
            syncPath(folder, O_RDONLY | O_DIRECTORY);
        } catch (...) {
            fs::remove(temporary, ec);
            fs::remove(fs::path(temporary.string() + "-journal"), ec);
            throw;
        }
        writeBackupCheckpoints(m_ctx->file, target, head);
        return head;
    });
}

std::vector<FieldError> problemsOf(const StoreOptions& options)
{
    FieldErrors errors;
    errors.line("actor", options.actor, 1, 200);
    if (options.busyTimeoutMs < 0)
        errors.add("busyTimeoutMs", "must not be negative");
    return errors.list();
}

} // namespace

std::unique_ptr<ClinicStore> openSqliteStore(const fs::path& file, const StoreOptions& options)
{
    if (auto problems = problemsOf(options); !problems.empty())
        throwInvalid(problems);
    std::error_code ec;
    const bool exists = fs::symlink_status(file, ec).type() != fs::file_type::not_found;
    // The owner lock comes before anything reads or creates the file, and outlives the
    // connection (StoreContext releases it last).
    auto lock = acquireOwnerLock(file, options.access, options.busyTimeoutMs);
    // When another process creates the file between the two calls, it is checked as existing.
    if (exists || !createEmptyFile(file))
        checkExistingFile(file);
    auto ctx = std::make_unique<StoreContext>(std::move(lock), openReadWrite(file, options.busyTimeoutMs), file,
                                              options);
    migrate(ctx->db, file, latestSchemaVersion(), ctx->clock);
    return std::make_unique<SqliteStore>(std::move(ctx));
}

} // namespace sp::db
