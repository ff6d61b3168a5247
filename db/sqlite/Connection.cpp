#include "db/sqlite/Connection.h"

#include "db/ClinicStore.h"
#include "db/sqlite/SqliteStore.h"
#include "db/sqlite/SqliteSession.h"
#include "db/store/StoreContext.h"

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sp::db::sqlite {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kHeaderSize = 100;
constexpr char kMagic[] = "SQLite format 3"; // followed by a NUL: 16 bytes

[[noreturn]] void notADatabase(const fs::path& file, const std::string& what)
{
    throw DbError(DbErrorKind::NotADatabase, "cannot open " + file.string() + ": " + what +
                                                 ". The file was left as it is.");
}

std::uint32_t bigEndian(const unsigned char* p, int bytes)
{
    std::uint32_t v = 0;
    for (int i = 0; i < bytes; ++i)
        v = (v << 8) | p[i];
    return v;
}

std::uintmax_t sizeOrZero(const fs::path& file)
{
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    return ec ? 0 : size;
}

// The header checks SQLite itself would only make lazily, or not at all: a file cut short
// reads as a valid but smaller database until the missing pages are needed.
void checkHeader(const fs::path& file)
{
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(file, ec);
    if (ec)
        throw DbError(DbErrorKind::Io, "cannot open " + file.string() + ": " + ec.message());
    if (size == 0)
        return;
    std::array<unsigned char, kHeaderSize> h{};
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw DbError(DbErrorKind::Io, "cannot open " + file.string() + ": " + std::strerror(errno));
    in.read(reinterpret_cast<char*>(h.data()), kHeaderSize);
    const auto got = static_cast<std::size_t>(in.gcount());
    if (std::memcmp(h.data(), kMagic, std::min(got, sizeof kMagic)) != 0)
        notADatabase(file, "it is not a StretchPlan database (it does not start with the SQLite header)");
    if (got < kHeaderSize)
        notADatabase(file, "it is truncated (" + std::to_string(size) + " bytes, shorter than the " +
                               std::to_string(kHeaderSize) + "-byte SQLite header)");
    std::uint32_t pageSize = bigEndian(&h[16], 2);
    if (pageSize == 1)
        pageSize = 65536;
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) != 0)
        notADatabase(file, "its header is corrupt (page size " + std::to_string(pageSize) + ")");
    if (size % pageSize != 0)
        notADatabase(file, "it is truncated (its size, " + std::to_string(size) +
                               " bytes, is not a whole number of " + std::to_string(pageSize) + "-byte pages)");
    // The page count in the header is valid only when its "version valid for" matches the
    // change counter. With a write-ahead log beside it the file may legitimately be short:
    // a checkpoint cut off by a crash is finished from the log on the next open.
    const std::uint32_t changeCounter = bigEndian(&h[24], 4);
    const std::uint32_t pageCount = bigEndian(&h[28], 4);
    const std::uint32_t validFor = bigEndian(&h[92], 4);
    const bool walHoldsPages = sizeOrZero(walFileOf(file)) > 0;
    if (!walHoldsPages && pageCount != 0 && validFor == changeCounter && size / pageSize < pageCount)
        notADatabase(file, "it is truncated (" + std::to_string(size / pageSize) + " pages of the " +
                               std::to_string(pageCount) + " its header announces)");
}

// file: URI with every byte outside the unreserved set percent-encoded.
std::string fileUri(const fs::path& file, bool immutable)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string uri = "file:";
    for (unsigned char c : fs::absolute(file).string()) {
        if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~')
            uri += static_cast<char>(c);
        else {
            uri += '%';
            uri += kHex[c >> 4];
            uri += kHex[c & 15];
        }
    }
    uri += "?mode=ro";
    if (immutable)
        uri += "&immutable=1";
    return uri;
}

bool hasSideFiles(const fs::path& file)
{
    return fs::exists(walFileOf(file)) || fs::exists(shmFileOf(file)) || fs::exists(file.string() + "-journal");
}

// Size and modification time: whether anyone wrote to the file while we read it.
std::pair<std::uintmax_t, fs::file_time_type> fileStamp(const fs::path& file)
{
    std::error_code ec;
    return {fs::file_size(file, ec), fs::last_write_time(file, ec)};
}

void checkSchema(const fs::path& file, bool immutable)
{
    try {
        SQLite::Database ro(fileUri(file, immutable), SQLite::OPEN_READONLY | SQLite::OPEN_URI);
        SQLite::Statement tables(ro, "SELECT count(*), coalesce(sum(name = 'schema_migrations'), 0) FROM sqlite_schema "
                                     "WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
        tables.executeStep();
        const int count = tables.getColumn(0).getInt();
        const bool ours = tables.getColumn(1).getInt() > 0;
        if (count == 0)
            return; // an empty database: ours to set up
        if (!ours)
            notADatabase(file, "it is another application's SQLite database (it has " + std::to_string(count) +
                                   " tables but no StretchPlan schema_migrations table)");
        SQLite::Statement version(ro, "SELECT coalesce(max(version), 0) FROM schema_migrations");
        version.executeStep();
        const int found = version.getColumn(0).getInt();
        if (found > latestSchemaVersion())
            throw DbError(DbErrorKind::NewerSchema,
                          file.string() + " was written by a newer StretchPlan (schema " + std::to_string(found) +
                              "; this version reads up to " + std::to_string(latestSchemaVersion()) +
                              "). Update StretchPlan to open it; the file was left as it is.");
    } catch (const SQLite::Exception& e) {
        const int code = e.getExtendedErrorCode() > 0 ? e.getExtendedErrorCode() : e.getErrorCode();
        const DbErrorKind kind = code > 0 ? kindOfSqliteCode(code) : DbErrorKind::Internal;
        if (kind == DbErrorKind::NotADatabase || kind == DbErrorKind::Internal)
            notADatabase(file, std::string("it is corrupt (reading its schema failed: ") + e.what() + ")");
        throw DbError(kind, "cannot open " + file.string() + " to check it: " + e.what());
    }
}

} // namespace

fs::path walFileOf(const fs::path& file)
{
    return fs::path(file.string() + "-wal");
}

fs::path shmFileOf(const fs::path& file)
{
    return fs::path(file.string() + "-shm");
}

bool createEmptyFile(const fs::path& file)
{
    const fs::path folder = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        throw DbError(DbErrorKind::Io, "cannot create " + file.string() + ": the folder " + folder.string() +
                                           " does not exist");
    // SQLite replays a write-ahead log it finds beside a database: one left by an earlier
    // file of this name would be applied to the new, empty one.
    if (const auto walSize = sizeOrZero(walFileOf(file)); walSize > 0)
        throw DbError(DbErrorKind::Io, "cannot create " + file.string() + ": " + walFileOf(file).string() + " (" +
                                           std::to_string(walSize) +
                                           " bytes) is the write-ahead log of a database that is no longer "
                                           "there; move it away first");
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        if (errno == EEXIST)
            return false;
        throw DbError(DbErrorKind::Io, "cannot create " + file.string() + ": " + std::strerror(errno));
    }
    // The umask may have taken bits away; the records are for this user alone, exactly.
    const int chmodResult = ::fchmod(fd, 0600);
    const int savedErrno = errno;
    ::close(fd);
    if (chmodResult != 0)
        throw DbError(DbErrorKind::Io, "cannot set the mode of " + file.string() + ": " + std::strerror(savedErrno));
    return true;
}

void checkExistingFile(const fs::path& file)
{
    checkHeader(file);
    // Without -wal, -shm or -journal no connection is using the file and its content is all
    // in it: immutable=1 reads it without locks and without creating -wal and -shm beside a
    // file we may refuse. Otherwise, a plain read-only connection, which takes the shared
    // lock and reads (and if need be recovers) the log.
    if (hasSideFiles(file)) {
        checkSchema(file, false);
        return;
    }
    const auto before = fileStamp(file);
    try {
        checkSchema(file, true);
    } catch (const DbError& e) {
        // Another process began writing (its first open switches the file to WAL) while
        // we read without locks: what we saw may be half-written. Look again, locked.
        if (e.kind() != DbErrorKind::NotADatabase || (fileStamp(file) == before && !hasSideFiles(file)))
            throw;
        checkSchema(file, false);
    }
}

SQLite::Database openReadWrite(const fs::path& file, int busyTimeoutMs)
{
    try {
        SQLite::Database db(file, SQLite::OPEN_READWRITE, busyTimeoutMs);
        db.exec("PRAGMA foreign_keys = ON");
        db.exec("PRAGMA secure_delete = ON");
        SQLite::Statement mode(db, "PRAGMA journal_mode = WAL");
        mode.executeStep();
        const std::string journal = mode.getColumn(0).getString();
        mode.reset();
        if (journal != "wal")
            throw DbError(DbErrorKind::Io, "cannot use " + file.string() + ": SQLite could not switch it to "
                                               "write-ahead logging (journal mode stays \"" + journal +
                                               "\"; is it on a network drive?)");
        db.exec("PRAGMA synchronous = FULL");
        return db;
    } catch (...) {
        rethrowFileError(file, "open the database");
    }
}

} // namespace sp::db::sqlite
