#include "db/sqlite/Migrations.h"

#include "core/TextFold.h"
#include "db/ClinicStore.h"
#include "db/sqlite/Connection.h"
#include "db/store/EmbeddedMigrations.h"
#include "db/sqlite/SqliteStore.h"
#include "db/sqlite/SqliteSession.h"
#include "db/store/StoreContext.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <map>
#include <utility>
#include <vector>

namespace sp::db::sqlite {
namespace {

using PostStep = void (*)(SQLite::Database&);

// Version 3 indexes the words of every existing patient's folded name. Like the SQL of a
// released migration this must keep doing what it did: it writes the schema as it is at
// version 3 (a later migration that changes these tables must not change this function),
// and it folds with foldForSearch of this build. Should folding ever change, a new
// migration with its own post-step re-folds everyone.
void backfillPatientNameWords(SQLite::Database& db)
{
    std::vector<std::pair<std::int64_t, std::string>> patients;
    SQLite::Statement all(db, "SELECT id, name FROM patients");
    while (all.executeStep())
        patients.emplace_back(all.getColumn(0).getInt64(), all.getColumn(1).getString());
    SQLite::Statement setFolded(db, "UPDATE patients SET folded_name = ?2 WHERE id = ?1");
    SQLite::Statement addWord(db, "INSERT OR IGNORE INTO patient_name_words (word, patient_id) VALUES (?2, ?1)");
    for (const auto& [id, name] : patients) {
        const std::string folded = foldForSearch(name);
        setFolded.bind(1, static_cast<int64_t>(id));
        setFolded.bind(2, std::string(folded));
        setFolded.exec();
        setFolded.reset();
        for (const std::string& word : splitWords(folded)) {
            addWord.bind(1, static_cast<int64_t>(id));
            addWord.bind(2, std::string(word));
            addWord.exec();
            addWord.reset();
        }
    }
}

const std::map<int, PostStep>& postSteps()
{
    static const std::map<int, PostStep> steps{{3, backfillPatientNameWords}};
    return steps;
}

const std::vector<store::EmbeddedMigration>& checkedMigrations()
{
    const auto& list = embeddedMigrations();
    for (std::size_t i = 0; i < list.size(); ++i)
        if (list[i].version != static_cast<int>(i) + 1)
            throw DbError(DbErrorKind::Internal, "the embedded migrations are not numbered 1, 2, ... without gaps");
    return list;
}

} // namespace

int currentSchemaVersion(SQLite::Database& db)
{
    if (!db.tableExists("schema_migrations"))
        return 0;
    SQLite::Statement st(db, "SELECT coalesce(max(version), 0) FROM schema_migrations");
    st.executeStep();
    return st.getColumn(0).getInt();
}

int migrate(SQLite::Database& db, const std::filesystem::path& file, int target,
            const std::function<std::string()>& now)
{
    try {
        const auto& migrations = checkedMigrations();
        // Nothing to do is found without the write lock: opening must not queue behind a
        // busy writer (and starve on its busy timeout) only to learn that.
        if (const int found = currentSchemaVersion(db); found > 0 && found >= target && found <= latestSchemaVersion())
            return found;
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        // Read again under the write lock: another process may have migrated meanwhile.
        int version = currentSchemaVersion(db);
        if (version > latestSchemaVersion())
            throw DbError(DbErrorKind::NewerSchema,
                          file.string() + " was written by a newer StretchPlan (schema " + std::to_string(version) +
                              "; this version reads up to " + std::to_string(latestSchemaVersion()) + ")");
        // A no-op, writing nothing, when the table is there already.
        db.exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
                " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        if (version >= target) {
            tx.commit();
            return version;
        }
        SQLite::Statement record(db, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)");
        for (const store::EmbeddedMigration& m : migrations) {
            if (m.version <= version || m.version > target)
                continue;
            db.exec(std::string(m.sql));
            if (auto step = postSteps().find(m.version); step != postSteps().end())
                step->second(db);
            record.bind(1, m.version);
            record.bind(2, std::string(m.name));
            record.bind(3, std::string(now()));
            record.exec();
            record.reset();
            version = m.version;
        }
        tx.commit();
        return version;
    } catch (...) {
        rethrowFileError(file, "bring the database schema up to date");
    }
}

} // namespace sp::db::sqlite

namespace sp::db {

int latestSchemaVersion()
{
    return static_cast<int>(sqlite::checkedMigrations().size());
}

void createSchemaAtVersion(const std::filesystem::path& file, int version)
{
    if (version < 0 || version > latestSchemaVersion())
        throw DbError(DbErrorKind::Invalid, "there is no schema version " + std::to_string(version) +
                                                " (this build knows 0 to " + std::to_string(latestSchemaVersion()) +
                                                ")");
    if (!sqlite::createEmptyFile(file))
        throw DbError(DbErrorKind::Io, "cannot create " + file.string() + ": it already exists");
    SQLite::Database db = sqlite::openReadWrite(file, 5000);
    sqlite::migrate(db, file, version, store::systemTimestamp);
}

} // namespace sp::db
