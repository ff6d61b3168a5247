#include "cli/ArgParsing.h"
#include "cli/Commands.h"
#include "cli/RecordFormat.h"

#include "db/OpenStore.h"
#include "db/StoreCopy.h"

#include <memory>
#include <ostream>

#include <unistd.h>

namespace sp::cli {
namespace {

std::string auditHeadText(const db::AuditHead& head)
{
    return head.id == 0 ? std::string("(no entries)") : "entry " + std::to_string(head.id) + " " + head.hash;
}

// "[#########-----------]  45%  12,345 of 27,000 rows" on one terminal line, redrawn.
db::CopyProgress terminalProgress(std::ostream& err)
{
    if (!::isatty(STDERR_FILENO))
        return {};
    return [&err](std::size_t done, std::size_t total) {
        constexpr std::size_t kWidth = 30;
        const std::size_t filled = total == 0 ? kWidth : done * kWidth / total;
        const std::size_t percent = total == 0 ? 100 : done * 100 / total;
        err << "\r[" << std::string(filled, '#') << std::string(kWidth - filled, '-') << "] " << percent << "%  "
            << done << " of " << total << " rows" << (done == total ? "\n" : "") << std::flush;
    };
}

} // namespace

void addDbCommands(CLI::App& app, CliContext& ctx, int& exitCode)
{
    CLI::App* db = app.add_subcommand("db", "Create, copy, back up and check the clinic database");
    db->require_subcommand(1);

    CLI::App* init = db->add_subcommand("init", "Create the schema: a new file, or an empty database on a server "
                                                "(run as its owner; also brings an older schema up to date)");
    init->callback([&ctx, &exitCode] {
        db::StoreOptions options;
        options.actor = ctx.user();
        const std::string location = ctx.options().dbPath.empty() ? ctx.databasePath().string() : ctx.options().dbPath;
        const int version = db::initClinicDatabase(location, options);
        ctx.out() << "the clinic database " << ctx.databaseLocation() << " is at schema version " << version << '\n';
        exitCode = kExitOk;
    });

    auto copyFrom = std::make_shared<std::string>();
    auto copyTo = std::make_shared<std::string>();
    CLI::App* copy = db->add_subcommand("copy", "Copy a whole clinic (records, audit history, note versions, "
                                                "profile) into an empty database, then verify it");
    copy->add_option("SOURCE", *copyFrom, "A database file, or a server (postgresql://... or service=NAME)")
        ->required();
    copy->add_option("TARGET", *copyTo, "A new database file, or an initialized, empty server database")->required();
    copy->callback([&ctx, &exitCode, copyFrom, copyTo] {
        db::StoreOptions options;
        options.actor = ctx.user();
        const db::CopyReport report = db::copyClinic(*copyFrom, *copyTo, options, terminalProgress(ctx.err()));
        std::size_t rows = 0;
        for (const db::CopiedTable& t : report.tables)
            rows += t.rows;
        ctx.out() << "copied " << db::displayLocation(*copyFrom) << " to " << db::displayLocation(*copyTo) << ": "
                  << rows << " rows in " << report.tables.size() << " tables\n";
        for (const db::CopiedTable& t : report.tables)
            ctx.out() << "  " << t.name << ": " << t.rows << '\n';
        ctx.out() << "verified: every table's row count, " << report.revisions
                  << " plan revisions field for field, and the audit chain\n"
                  << "audit head: " << auditHeadText(report.auditHead) << '\n';
        exitCode = kExitOk;
    });

    auto out = std::make_shared<std::string>();
    CLI::App* backup = db->add_subcommand("backup", "A consistent copy, safe while the app is in use");
    backup->add_option("--out", *out, "The copy to write (must not exist yet)")->required();
    backup->callback([&ctx, &exitCode, out] {
        const db::AuditHead head = ctx.store().backup(*out);
        ctx.out() << "backed up " << ctx.databaseLocation() << " to " << *out << '\n'
                  << "audit head: " << auditHeadText(head) << '\n';
        exitCode = kExitOk;
    });

    CLI::App* check = db->add_subcommand("check", "Integrity, constraints, every revision and the audit chain; exits 3 on any fault");
    check->callback([&ctx, &exitCode] {
        const db::CheckReport report = ctx.store().check();
        const auto line = [&](const char* what, const db::CheckResult& r) {
            ctx.out() << (!r.ok ? "FAILED " : r.warning ? "WARN   " : "ok     ") << what << ": " << r.detail << '\n';
        };
        line("integrity", report.integrity);
        line("foreign keys", report.foreignKeys);
        line("revisions", report.revisions);
        line("audit chain", report.auditChain);
        line("audit anchor", report.auditAnchor);
        // For an auditor to compare with the head noted at an earlier check or backup.
        ctx.out() << "audit head: " << auditHeadText(report.auditHead) << '\n';
        exitCode = report.ok() ? kExitOk : kExitData;
    });

    CLI::App* audit = app.add_subcommand("audit", "Read the audit log");
    audit->require_subcommand(1);
    struct AuditOptions {
        std::string patient;
        std::size_t limit = 1000;
        bool json = false;
    };
    auto a = std::make_shared<AuditOptions>();
    CLI::App* list = audit->add_subcommand("list", "Audit entries, newest first");
    list->add_option("--patient", a->patient, "Only this patient's records");
    list->add_option("--limit", a->limit, "At most this many entries")->check(CLI::Range(1, 1000000));
    list->add_flag("--json", a->json, "Print JSON for scripts");
    list->callback([&ctx, &exitCode, a] {
        db::AuditQuery q;
        if (!a->patient.empty())
            q.patientId = parseRecordId(a->patient, "patient");
        q.limit = a->limit;
        const auto entries = ctx.store().audit().list(q);
        if (a->json) {
            Json outJson = Json::array();
            for (const AuditEntry& e : entries)
                outJson.push_back(auditJson(e));
            ctx.out() << outJson.dump(2) << '\n';
        } else {
            ctx.out() << auditTable(entries);
        }
        exitCode = kExitOk;
    });
}

} // namespace sp::cli
