// A whole clinic from one store into another, either engine on either side: how a
// practice moves its SQLite file onto the server (`db copy`), and how a server gives a
// portable copy (`db backup`). Every record goes with its own id, the audit history with
// its hashes, every note's versions and the clinic profile; the copy is then verified.
#pragma once

#include "db/ClinicStore.h"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace sp::db {

// Rows copied so far, of all.
using CopyProgress = std::function<void(std::size_t done, std::size_t total)>;

struct CopiedTable {
    std::string name;
    std::size_t rows = 0;
};

struct CopyReport {
    std::vector<CopiedTable> tables; // rows per table, the same on both sides
    std::size_t revisions = 0;       // revisions compared field for field
    AuditHead auditHead;             // the chain's head, the same on both sides
};

// The tables a copy carries, with their columns, in an order that keeps every reference
// to rows already copied. (latest_notes is rebuilt by the target's triggers.)
struct TableSpec {
    const char* name;
    std::vector<std::pair<const char*, char>> columns; // name, 'i' integer, 't' text, 'b' bytes
    const char* orderBy;
    bool identity; // an id column the target's sequence must go on after
};
const std::vector<TableSpec>& copiedTables();

// Copies `source` into `target`, which must hold no records (DbError Invalid otherwise),
// reading the source in one snapshot and writing the target in one transaction: the copy
// is all there, or the target stays empty. Then compares the row counts of every table,
// every plan revision through the repositories, and the audit chain (the target's is
// checked whole, and its head must be the source's). Throws DbError on any difference.
CopyReport copyClinic(ClinicStore& source, ClinicStore& target, const CopyProgress& progress = {});

// `db copy SOURCE TARGET` by locations (a file path or a server): a file target is
// created and must not exist; a server target must be initialized and empty.
CopyReport copyClinic(const std::string& source, const std::string& target, const StoreOptions& options,
                      const CopyProgress& progress = {});

// A server's portable copy: a new SQLite file at `target` (refused when it exists) with
// everything, in one consistent snapshot. Returns its audit head.
AuditHead backupToFile(ClinicStore& server, const std::filesystem::path& target, const StoreOptions& options);

} // namespace sp::db
