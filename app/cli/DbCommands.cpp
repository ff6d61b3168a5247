#include "cli/ArgParsing.h"
#include "cli/Commands.h"
#include "cli/RecordFormat.h"

#include <memory>
#include <ostream>

namespace sp::cli {
namespace {

std::string auditHeadText(const db::AuditHead& head)
{
    return head.id == 0 ? std::string("(no entries)") : "entry " + std::to_string(head.id) + " " + head.hash;
}

} // namespace

void addDbCommands(CLI::App& app, CliContext& ctx, int& exitCode)
{
    CLI::App* db = app.add_subcommand("db", "Back up and check the clinic database");
    db->require_subcommand(1);

    auto out = std::make_shared<std::string>();
    CLI::App* backup = db->add_subcommand("backup", "A consistent copy, safe while the app is in use");
    backup->add_option("--out", *out, "The copy to write (must not exist yet)")->required();
    backup->callback([&ctx, &exitCode, out] {
        const db::AuditHead head = ctx.store().backup(*out);
        ctx.out() << "backed up " << ctx.databasePath().string() << " to " << *out << '\n'
                  << "audit head: " << auditHeadText(head) << '\n';
        exitCode = kExitOk;
    });

    CLI::App* check = db->add_subcommand("check", "Integrity, foreign keys and the audit chain; exits 3 on any fault");
    check->callback([&ctx, &exitCode] {
        const db::CheckReport report = ctx.store().check();
        const auto line = [&](const char* what, const db::CheckResult& r) {
            ctx.out() << (!r.ok ? "FAILED " : r.warning ? "WARN   " : "ok     ") << what << ": " << r.detail << '\n';
        };
        line("integrity", report.integrity);
        line("foreign keys", report.foreignKeys);
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
