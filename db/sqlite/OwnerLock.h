// Who may have the clinic file open: a flock(2) on `<file>.lock` beside it.
//
// SQLite coordinates processes with POSIX byte-range locks, and those belong to the
// process: when any code in it (a GTK file dialog sniffing MIME types, a thumbnailer, the
// recent-files list) opens and closes the database file, every lock SQLite held on it is
// dropped without SQLite knowing. Another process then believes it is alone, checkpoints
// and deletes the write-ahead log under us, and both sides lose writes ("How To Corrupt
// An SQLite Database File", §2.2). A flock belongs to the open file description instead,
// so no other descriptor of the file, in this process or any other, can release it.
//
// The desktop app opens with StoreAccess::Exclusive and so is alone with the file for as
// long as it runs; command-line processes (which run no such toolkit code) open with
// StoreAccess::Shared and coordinate among themselves through SQLite as usual. Inside one
// process every store of a file shares the one lock: SQLite coordinates connections of
// one process without the kernel's locks. The kernel releases the lock when the process
// ends however it ends, so a crash never leaves a stale lock; the file itself stays.
// Internal to sp_db.
#pragma once

#include "db/ClinicStore.h"

#include <filesystem>
#include <memory>

namespace sp::db::sqlite {

class OwnerLock;

// Takes the lock of the database `file` (its folder must exist) or throws DbError:
// InUse when the desktop app holds it (at once: it keeps it until it quits) or, for
// Exclusive, when command-line processes still hold it after `timeoutMs`; Io when the lock
// file cannot be made. Release is the last shared_ptr going.
std::shared_ptr<OwnerLock> acquireOwnerLock(const std::filesystem::path& file, StoreAccess access, int timeoutMs);

// `<file>.lock`.
std::filesystem::path ownerLockFileOf(const std::filesystem::path& file);

} // namespace sp::db::sqlite
