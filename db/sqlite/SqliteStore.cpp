#include "db/sqlite/SqliteStore.h"

#include "db/sqlite/ChainAnchor.h"
#include "db/sqlite/ChainCheckpoints.h"
#include "db/sqlite/Connection.h"
#include "db/sqlite/Migrations.h"
#include "db/sqlite/OwnerLock.h"
#include "db/sqlite/SqliteSession.h"
#include "db/store/SharedStore.h"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Statement.h>
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

// What only SQLite does: the checkpoint file beside the database, the
// vacuum that finishes a purge, PRAGMA checks, and the online backup API.
class SqliteBackend final : public store::StoreBackend {
public:
    SqliteBackend(store::StoreContext& ctx, SqliteSession& session, fs::path file)
        : m_ctx(ctx), m_session(session), m_file(std::move(file))
    {
    }

    void committedAudit(const AuditHead& head) noexcept override { anchorCommittedAudit(m_file, head); }
    void purging() override;
    Erasure finishErasure() override;
    CheckResult integrity() override;
    CheckResult foreignKeys() override;
    void checkAuditChain(CheckReport& report) override { checkAnchoredChain(m_ctx, m_file, report); }
    AuditHead backup(const fs::path& target) override;
    int schemaVersion() override { return currentSchemaVersion(m_session.db()); }

private:
    AuditHead copyInto(const fs::path& temporary);

    store::StoreContext& m_ctx;
    SqliteSession& m_session;
    fs::path m_file;
};

// In the same transaction as the purge: should the process die before the vacuum, the
// next open still owes it.
void SqliteBackend::purging()
{
    store::Statement owe(*m_ctx.session,
                         "INSERT INTO pending_erasure (id, since) VALUES (1, ?1) ON CONFLICT DO NOTHING");
    owe.bindText(1, m_ctx.now());
    owe.exec();
}

// Finishes a purge's erasure when pending_erasure says it is owed: VACUUM, then a
// checkpoint that empties the write-ahead log, waiting up to the busy timeout for other
// connections to stop reading the pages that held the data. Removes the marker once done.
Erasure SqliteBackend::finishErasure()
{
    return store::guarded(m_ctx, "erase the purged records from the file (the patient is purged; the next open "
                                 "retries)", [&] {
        SQLite::Database& db = m_session.db();
        try {
            if (!db.execAndGet("SELECT count(*) FROM pending_erasure").getInt())
                return Erasure::Complete;
            // secure_delete has already zeroed the deleted cells; VACUUM rebuilds the file
            // without the free pages and slack they lived in, and the checkpoint empties the
            // log, whose older frames still hold the rows. It cannot finish while another
            // connection reads a snapshot that needs those frames: the busy handler waits for
            // it up to the busy timeout, and then the marker stays for the next open.
            try {
                db.exec("VACUUM");
            } catch (const SQLite::Exception& e) {
                if (kindOfSqliteCode(e.getErrorCode()) == DbErrorKind::Busy)
                    return Erasure::WhenReadersClose; // a writer had the lock all along
                throw;
            }
            const auto truncateLog = [&] {
                SQLite::Statement st(db, "PRAGMA wal_checkpoint(TRUNCATE)");
                return st.executeStep() && st.getColumn(0).getInt() == 0;
            };
            if (!truncateLog())
                return Erasure::WhenReadersClose;
            {
                store::WriteTransaction tx(m_ctx);
                db.exec("DELETE FROM pending_erasure");
                tx.commit();
            }
            truncateLog(); // the log now holds only the marker's removal
            return Erasure::Complete;
        } catch (const SQLite::Exception&) {
            rethrowAsSqlError();
        }
    });
}

CheckResult SqliteBackend::integrity()
{
    SQLite::Statement st(m_session.db(), "PRAGMA integrity_check(20)");
    std::string detail;
    while (st.executeStep())
        detail += (detail.empty() ? "" : "; ") + st.getColumn(0).getString();
    return {detail == "ok", detail};
}

CheckResult SqliteBackend::foreignKeys()
{
    SQLite::Statement st(m_session.db(), "PRAGMA foreign_key_check");
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

// Returns the copy's newest audit entry, read from the copy itself.
AuditHead SqliteBackend::copyInto(const fs::path& temporary)
{
    SQLite::Database dest(temporary, SQLite::OPEN_READWRITE);
    dest.exec("PRAGMA synchronous = FULL");
    SQLite::Backup copy(dest, m_session.db());
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
    return {head.getColumn(0).getInt64(), head.getColumn(1).getString()};
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

AuditHead SqliteBackend::backup(const fs::path& target)
{
    return store::guarded(m_ctx, "back up the database to " + target.string(), [&] {
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
            try {
                head = copyInto(temporary);
            } catch (const SQLite::Exception&) {
                rethrowAsSqlError();
            }
            syncPath(temporary, O_RDONLY);
            renameNoReplace(temporary, target);
            syncPath(folder, O_RDONLY | O_DIRECTORY);
        } catch (...) {
            fs::remove(temporary, ec);
            fs::remove(fs::path(temporary.string() + "-journal"), ec);
            throw;
        }
        writeBackupCheckpoints(m_file, target, head);
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
        store::throwInvalid(problems);
    std::error_code ec;
    const bool exists = fs::symlink_status(file, ec).type() != fs::file_type::not_found;
    // The owner lock comes before anything reads or creates the file, and outlives the
    // connection (StoreContext releases it last).
    auto lock = acquireOwnerLock(file, options.access, options.busyTimeoutMs);
    // When another process creates the file between the two calls, it is checked as existing.
    if (exists || !createEmptyFile(file))
        checkExistingFile(file);
    auto session = std::make_unique<SqliteSession>(std::move(lock), openReadWrite(file, options.busyTimeoutMs));
    SqliteSession& sqlite = *session;
    migrate(sqlite.db(), file, latestSchemaVersion(), options.now ? options.now : store::systemTimestamp);
    auto ctx = std::make_unique<store::StoreContext>(std::move(session), file.string(), sqliteDialect(), options);
    auto backend = std::make_unique<SqliteBackend>(*ctx, sqlite, file);
    SqliteBackend& erasure = *backend;
    auto store = store::makeSharedStore(std::move(ctx), std::move(backend));
    // A purge whose erasure other readers held up is finished by the next store to open.
    try {
        erasure.finishErasure();
    } catch (const DbError&) { // still held up, or failing: owed to the next open
    }
    return store;
}

} // namespace sp::db
