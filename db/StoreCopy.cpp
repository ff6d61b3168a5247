#include "db/StoreCopy.h"

#include "db/OpenStore.h"
#include "db/sqlite/SqliteStore.h"
#include "db/store/SharedStore.h"

#include <system_error>

namespace sp::db {
namespace {

using store::Statement;
using store::StoreContext;
namespace fs = std::filesystem;

std::size_t countRows(StoreContext& ctx, const std::string& table)
{
    Statement st(*ctx.session, "SELECT count(*) FROM " + table);
    st.executeStep();
    return static_cast<std::size_t>(st.getColumn(0).getInt64());
}

std::string columnList(const TableSpec& t)
{
    std::string list;
    for (const auto& [name, type] : t.columns)
        list += std::string(list.empty() ? "" : ", ") + name;
    return list;
}

void copyTable(StoreContext& from, StoreContext& to, const TableSpec& t, std::size_t& done, std::size_t total,
               const CopyProgress& progress)
{
    const std::string columns = columnList(t);
    std::string placeholders;
    for (std::size_t i = 1; i <= t.columns.size(); ++i)
        placeholders += (i > 1 ? ", ?" : "?") + std::to_string(i);
    Statement read(*from.session, "SELECT " + columns + " FROM " + t.name + " ORDER BY " + t.orderBy);
    Statement write(*to.session,
                    std::string("INSERT INTO ") + t.name + " (" + columns + ") VALUES (" + placeholders + ")");
    while (read.executeStep()) {
        for (std::size_t i = 0; i < t.columns.size(); ++i) {
            const int column = static_cast<int>(i), index = column + 1;
            const auto value = read.getColumn(column);
            if (value.isNull())
                write.bind(index);
            else if (t.columns[i].second == 'i')
                write.bind(index, value.getInt64());
            else if (t.columns[i].second == 'b')
                write.bindBlob(index, value.getBlob());
            else
                write.bindText(index, value.getString());
        }
        write.exec();
        write.reset();
        if (progress && (++done % 256 == 0 || done == total))
            progress(done, total);
    }
    if (t.identity && !to.dialect.identityResetSql.empty()) {
        std::string sql = to.dialect.identityResetSql;
        for (std::size_t at; (at = sql.find("{table}")) != std::string::npos;)
            sql.replace(at, 7, t.name);
        Statement reset(*to.session, sql);
        reset.exec();
    }
}

[[noreturn]] void differs(const std::string& what)
{
    throw DbError(DbErrorKind::Internal, "the copy differs from its source: " + what + ". The target was left as the copy "
                                         "made it; do not use it, and report this.");
}

void verify(ClinicStore& source, ClinicStore& target, CopyReport& report)
{
    StoreContext& from = store::contextOf(source);
    StoreContext& to = store::contextOf(target);
    for (const CopiedTable& t : report.tables)
        if (const std::size_t there = countRows(to, t.name); there != t.rows)
            differs("table " + t.name + " has " + std::to_string(there) + " rows, the source " + std::to_string(t.rows));
    std::vector<std::int64_t> ids;
    {
        Statement st(*from.session, "SELECT id FROM plan_revisions ORDER BY id");
        while (st.executeStep())
            ids.push_back(st.getColumn(0).getInt64());
    }
    for (const std::int64_t id : ids)
        if (!(source.plans().revisionById(id) == target.plans().revisionById(id)))
            differs("plan revision " + std::to_string(id) + " reads back differently");
    report.revisions = ids.size();
    const CheckReport check = target.check();
    if (!check.auditChain.ok)
        differs("its audit chain: " + check.auditChain.detail);
    if (check.auditHead.id != report.auditHead.id || check.auditHead.hash != report.auditHead.hash)
        differs("its audit head is entry " + std::to_string(check.auditHead.id) + ", the source's entry " +
                std::to_string(report.auditHead.id));
    if (!check.revisions.ok)
        differs(check.revisions.detail);
}

} // namespace

const std::vector<TableSpec>& copiedTables()
{
    static const std::vector<TableSpec> tables{
        {"clinic_profile",
         {{"id", 'i'}, {"name", 't'}, {"address", 't'}, {"phone", 't'}, {"email", 't'}, {"web", 't'}, {"accent", 't'},
          {"footer", 't'}, {"logo", 'b'}, {"updated_at", 't'}, {"clinician", 't'}},
         "id", false},
        {"patients",
         {{"id", 'i'}, {"name", 't'}, {"date_of_birth", 't'}, {"email", 't'}, {"phone", 't'}, {"clinician", 't'},
          {"archived", 'i'}, {"notes", 't'}, {"preference", 't'}, {"screening_date", 't'},
          {"screening_answers", 't'}, {"created_at", 't'}, {"updated_at", 't'}, {"folded_name", 't'}},
         "id", true},
        {"patient_name_words", {{"word", 't'}, {"patient_id", 'i'}}, "patient_id, word", false},
        {"plans", {{"id", 'i'}, {"patient_id", 'i'}, {"title", 't'}, {"status", 't'}, {"created_at", 't'}}, "id", true},
        {"plan_revisions",
         {{"id", 'i'}, {"plan_id", 'i'}, {"number", 'i'}, {"created_at", 't'}, {"author", 't'}, {"reason", 't'},
          {"goals", 't'}},
         "id", true},
        {"plan_items",
         {{"id", 'i'}, {"revision_id", 'i'}, {"position", 'i'}, {"exercise_id", 't'}, {"snapshot", 't'},
          {"sets", 'i'}, {"reps", 'i'}, {"hold_s", 'i'}, {"rest_s", 'i'}, {"per_day", 'i'}, {"days_per_week", 'i'},
          {"side", 't'}, {"tempo_s", 'i'}, {"note", 't'}},
         "id", true},
        {"follow_up_notes",
         {{"id", 'i'}, {"patient_id", 'i'}, {"revision_id", 'i'}, {"visit_date", 't'}, {"pain_now", 'i'},
          {"pain_worst", 'i'}, {"pain_best", 'i'}, {"sessions_done", 'i'}, {"sessions_prescribed", 'i'},
          {"subjective", 't'}, {"objective", 't'}, {"assessment", 't'}, {"plan_text", 't'}, {"next_due", 't'},
          {"author", 't'}, {"created_at", 't'}, {"version", 'i'}, {"amended_at", 't'}, {"amended_by", 't'},
          {"amend_reason", 't'}},
         "id", true},
        {"psfs_scores", {{"note_id", 'i'}, {"position", 'i'}, {"activity", 't'}, {"score", 'i'}}, "note_id, position",
         false},
        {"note_versions",
         {{"note_id", 'i'}, {"version", 'i'}, {"revision_id", 'i'}, {"visit_date", 't'}, {"pain_now", 'i'},
          {"pain_worst", 'i'}, {"pain_best", 'i'}, {"sessions_done", 'i'}, {"sessions_prescribed", 'i'},
          {"subjective", 't'}, {"objective", 't'}, {"assessment", 't'}, {"plan_text", 't'}, {"next_due", 't'},
          {"written_by", 't'}, {"written_at", 't'}, {"reason", 't'}},
         "note_id, version", false},
        {"note_version_psfs",
         {{"note_id", 'i'}, {"version", 'i'}, {"position", 'i'}, {"activity", 't'}, {"score", 'i'}},
         "note_id, version, position", false},
        {"handout_log",
         {{"id", 'i'}, {"patient_id", 'i'}, {"revision_id", 'i'}, {"channel", 't'}, {"recipient", 't'},
          {"sha256", 't'}, {"at", 't'}, {"author", 't'}, {"message_id", 't'}},
         "id", true},
        {"audit_log",
         {{"id", 'i'}, {"at", 't'}, {"actor", 't'}, {"action", 't'}, {"entity", 't'}, {"entity_id", 'i'},
          {"patient_id", 'i'}, {"details", 't'}, {"prev_hash", 't'}, {"hash", 't'}, {"format", 'i'},
          {"text_digest", 't'}},
         "id", true},
        {"audit_texts", {{"entry_id", 'i'}, {"patient_id", 'i'}, {"salt", 't'}, {"text", 't'}}, "entry_id", false},
    };
    return tables;
}

CopyReport copyClinic(ClinicStore& source, ClinicStore& target, const CopyProgress& progress)
{
    StoreContext& from = store::contextOf(source);
    StoreContext& to = store::contextOf(target);
    CopyReport report;
    store::guarded(to, "copy the clinic from " + from.where, [&] {
        for (const TableSpec& t : copiedTables())
            if (const std::size_t rows = countRows(to, t.name); rows > 0)
                store::throwInvalid({{"target", to.where + " is not empty (" + t.name + " holds " +
                                                    std::to_string(rows) + " rows): a copy goes only into an empty "
                                                    "database, and nothing was written"}});
        store::ReadSnapshot snapshot(from);
        std::size_t total = 0;
        for (const TableSpec& t : copiedTables()) {
            report.tables.push_back({t.name, countRows(from, t.name)});
            total += report.tables.back().rows;
        }
        {
            Statement head(*from.session, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
            if (head.executeStep())
                report.auditHead = {head.getColumn(0).getInt64(), head.getColumn(1).getString()};
        }
        std::size_t done = 0;
        if (progress)
            progress(0, total);
        store::WriteTransaction tx(to);
        for (const TableSpec& t : copiedTables())
            copyTable(from, to, t, done, total, progress);
        tx.commit();
        if (progress)
            progress(total, total);
    });
    verify(source, target, report);
    return report;
}

CopyReport copyClinic(const std::string& source, const std::string& target, const StoreOptions& options,
                      const CopyProgress& progress)
{
    if (!isServerLocation(target)) {
        std::error_code ec;
        if (fs::symlink_status(target, ec).type() != fs::file_type::not_found)
            throw DbError(DbErrorKind::Invalid, "will not copy into " + target + ": it exists already (a copy goes "
                                                "into a new file)");
    }
    auto from = openClinicStore(source, options);
    auto to = openClinicStore(target, options);
    return copyClinic(*from, *to, progress);
}

AuditHead backupToFile(ClinicStore& server, const fs::path& target, const StoreOptions& options)
{
    std::error_code ec;
    if (fs::symlink_status(target, ec).type() != fs::file_type::not_found)
        throw DbError(DbErrorKind::Io, "will not back up to " + target.string() + ": it already exists");
    // Under a temporary name beside it, moved into place once verified: a backup that
    // failed half-way is never mistaken for one.
    const fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    const fs::path partial = folder / ("." + target.filename().string() + ".partial");
    const auto removePartial = [&] {
        for (const char* suffix : {"", "-wal", "-shm", "-journal", ".chain", ".lock"})
            fs::remove(fs::path(partial.string() + suffix), ec);
    };
    removePartial();
    try {
        StoreOptions fileOptions = options;
        fileOptions.access = StoreAccess::Exclusive;
        AuditHead head;
        {
            auto copy = openSqliteStore(partial, fileOptions);
            head = copyClinic(server, *copy).auditHead;
        }
        fs::rename(partial, target);
        if (fs::exists(fs::path(partial.string() + ".chain")))
            fs::rename(fs::path(partial.string() + ".chain"), fs::path(target.string() + ".chain"));
        removePartial();
        return head;
    } catch (...) {
        removePartial();
        throw;
    }
}

} // namespace sp::db
