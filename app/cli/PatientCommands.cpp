#include "cli/ArgParsing.h"
#include "cli/Commands.h"
#include "cli/RecordFormat.h"
#include "cli/TextFormat.h"
#include "db/Timeline.h"
#include "delivery/PatientErasure.h"

#include <algorithm>
#include <memory>
#include <ostream>

namespace sp::cli {
namespace {

// The patient fields a command may set; unset options leave the field as it is.
struct PatientFields {
    std::optional<std::string> name, dob, email, phone, clinician, notes, preference;

    void addTo(CLI::App* cmd, bool nameRequired)
    {
        auto* n = cmd->add_option("--name", name, "Full name");
        if (nameRequired)
            n->required();
        cmd->add_option("--dob", dob, "Date of birth, YYYY-MM-DD");
        cmd->add_option("--email", email, "E-mail address");
        cmd->add_option("--phone", phone, "Phone number");
        cmd->add_option("--clinician", clinician, "Treating clinician");
        cmd->add_option("--notes", notes, "Free notes");
        std::vector<std::string> prefs;
        for (const auto& [value, text] : EnumNames<DirectionalPreference>::values)
            prefs.emplace_back(text);
        cmd->add_option("--preference", preference, "Directional preference")->check(CLI::IsMember(prefs));
    }

    void applyTo(Patient& p) const
    {
        if (name)
            p.name = *name;
        if (dob)
            p.dateOfBirth = dob->empty() ? std::nullopt : std::optional(parseDateOption(*dob, "--dob"));
        if (email)
            p.email = *email;
        if (phone)
            p.phone = *phone;
        if (clinician)
            p.clinician = *clinician;
        if (notes)
            p.notes = *notes;
        if (preference)
            p.preference = *parseEnum<DirectionalPreference>(*preference);
    }
};

// Every red flag of every loaded pack, as "pack/flag".
std::vector<std::string> knownRedFlags(const Catalog& catalog)
{
    std::vector<std::string> flags;
    for (const QualifiedRedFlag& f : redFlags(catalog))
        flags.push_back(f.id);
    return flags;
}

std::string resolveFlag(const std::string& given, const std::vector<std::string>& known)
{
    std::vector<std::string> matches;
    for (const std::string& k : known)
        if (k == given || k.substr(k.find('/') + 1) == given)
            matches.push_back(k);
    if (matches.size() == 1)
        return matches[0];
    if (matches.empty())
        throw CliError("--red-flags: no red flag \"" + given + "\" in the loaded packs (known: " + join(known) + ")");
    throw CliError("--red-flags: \"" + given + "\" is in more than one pack; say which: " + join(matches, " "));
}

} // namespace

void addPatientCommands(CLI::App& app, CliContext& ctx, int& exitCode)
{
    CLI::App* patient = app.add_subcommand("patient", "Add, find and look after patient records");
    patient->require_subcommand(1);

    auto addFields = std::make_shared<PatientFields>();
    CLI::App* add = patient->add_subcommand("add", "Add a patient and print the new id");
    addFields->addTo(add, true);
    add->callback([&ctx, &exitCode, addFields] {
        Patient p;
        addFields->applyTo(p);
        ctx.out() << ctx.store().patients().add(p) << '\n';
        exitCode = kExitOk;
    });

    struct ListOptions {
        std::string search;
        bool archived = false;
        bool json = false;
    };
    auto listOptions = std::make_shared<ListOptions>();
    CLI::App* list = patient->add_subcommand("list", "List patients, or find them by name");
    list->add_option("--search", listOptions->search, "Words that start the patient's names (case and accents do not matter)");
    list->add_flag("--archived", listOptions->archived, "Include archived patients");
    list->add_flag("--json", listOptions->json, "Print JSON for scripts");
    list->callback([&ctx, &exitCode, listOptions] {
        const auto patients = ctx.store().patients().search({listOptions->search, listOptions->archived, 500});
        if (listOptions->json) {
            Json out = Json::array();
            for (const Patient& p : patients)
                out.push_back(patientJson(p));
            ctx.out() << out.dump(2) << '\n';
        } else if (patients.empty()) {
            ctx.err() << "no patients match\n";
        } else {
            ctx.out() << patientTable(patients, CliContext::today());
        }
        exitCode = kExitOk;
    });

    struct IdOptions {
        std::string id;
        bool json = false;
        bool confirm = false;
    };
    auto show = std::make_shared<IdOptions>();
    CLI::App* showCmd = patient->add_subcommand("show", "Show a patient's record");
    showCmd->add_option("ID", show->id, "Patient id")->required();
    showCmd->add_flag("--json", show->json, "Print JSON for scripts");
    showCmd->callback([&ctx, &exitCode, show] {
        const Patient p = ctx.store().patients().get(parseRecordId(show->id, "patient"));
        if (show->json) {
            ctx.out() << patientJson(p).dump(2) << '\n';
        } else {
            ctx.out() << patientDetails(p, CliContext::today());
            const auto plans = ctx.store().plans().listForPatient(p.id);
            for (const Plan& plan : plans)
                ctx.out() << "Plan " << plan.id << ": " << plan.title << " (" << toString(plan.status) << ", revision "
                          << plan.latestRevision << ")\n";
        }
        exitCode = kExitOk;
    });

    auto editId = std::make_shared<std::string>();
    auto editFields = std::make_shared<PatientFields>();
    CLI::App* edit = patient->add_subcommand("edit", "Change a patient's details (only the options given)");
    edit->add_option("ID", *editId, "Patient id")->required();
    editFields->addTo(edit, false);
    edit->callback([&ctx, &exitCode, editId, editFields] {
        const Patient read = ctx.store().patients().get(parseRecordId(*editId, "patient"));
        Patient edited = read;
        editFields->applyTo(edited);
        ctx.store().patients().update(read, edited);
        exitCode = kExitOk;
    });

    for (const bool archive : {true, false}) {
        auto id = std::make_shared<std::string>();
        CLI::App* cmd = patient->add_subcommand(archive ? "archive" : "unarchive",
                                                archive ? "Archive a patient (the normal delete: nothing is lost)"
                                                        : "Bring an archived patient back");
        cmd->add_option("ID", *id, "Patient id")->required();
        cmd->callback([&ctx, &exitCode, id, archive] {
            ctx.store().patients().setArchived(parseRecordId(*id, "patient"), archive);
            exitCode = kExitOk;
        });
    }

    auto purge = std::make_shared<IdOptions>();
    CLI::App* purgeCmd = patient->add_subcommand(
        "purge", "Erase every record of a patient for good (the right to erasure); needs --confirm");
    purgeCmd->add_option("ID", purge->id, "Patient id")->required();
    purgeCmd->add_flag("--confirm", purge->confirm, "Yes, erase this patient's records permanently");
    purgeCmd->callback([&ctx, &exitCode, purge] {
        if (!purge->confirm)
            throw CliError("purge erases every record of the patient and cannot be undone; add --confirm to go ahead "
                           "(to keep the records, use 'patient archive')",
                           kExitUsage);
        const std::int64_t id = parseRecordId(purge->id, "patient");
        const delivery::ErasureReport report = delivery::erasePatient(ctx.store(), id);
        ctx.out() << "purged patient " << id;
        if (!report.removedFiles.empty())
            ctx.out() << " and " << report.removedFiles.size() << " handout PDF(s) kept in the outbox";
        ctx.out() << '\n';
        if (report.database == db::Erasure::WhenReadersClose)
            ctx.err() << "warning: another program is still reading " << ctx.databaseLocation()
                      << ", so the erased records stay in its write-ahead log until it closes; the erasure is "
                         "completed the next time StretchPlan opens the database\n";
        for (const std::string& problem : report.problems)
            ctx.err() << "stretchplan-cli: " << problem << '\n';
        exitCode = report.problems.empty() ? kExitOk : kExitData;
    });

    struct ScreenOptions {
        std::string id, flags, date;
    };
    auto screen = std::make_shared<ScreenOptions>();
    CLI::App* screenCmd = patient->add_subcommand("screen", "Record a red-flag screening");
    screenCmd->add_option("ID", screen->id, "Patient id")->required();
    screenCmd->add_option("--red-flags", screen->flags,
                          "\"none\", or the red flags present, comma-separated (ids from the packs' guidance)")
        ->required();
    screenCmd->add_option("--date", screen->date, "Date of the screening (default today)");
    screenCmd->callback([&ctx, &exitCode, screen] {
        const std::int64_t id = parseRecordId(screen->id, "patient");
        const std::vector<std::string> known = knownRedFlags(ctx.load().catalog);
        if (known.empty())
            throw CliError("no loaded pack lists red flags to screen for");
        std::vector<std::string> present;
        if (screen->flags != "none")
            for (const std::string& f : splitList(screen->flags))
                present.push_back(resolveFlag(f, known));
        if (screen->flags != "none" && present.empty())
            throw CliError("--red-flags: give \"none\" or at least one red flag");
        RedFlagScreening s;
        s.date = screen->date.empty() ? CliContext::today() : parseDateOption(screen->date, "--date");
        for (const std::string& flag : known)
            s.answers.push_back({flag, std::find(present.begin(), present.end(), flag) != present.end()});
        ctx.store().patients().recordScreening(id, s);
        if (s.anyPresent())
            ctx.err() << "warning: red flags recorded for patient " << id << ": " << join(present)
                      << "; refer before exercise is prescribed\n";
        exitCode = kExitOk;
    });

    auto timelineId = std::make_shared<std::string>();
    CLI::App* timelineCmd = patient->add_subcommand("timeline", "Plan revisions, notes and handouts in date order");
    timelineCmd->add_option("ID", *timelineId, "Patient id")->required();
    timelineCmd->callback([&ctx, &exitCode, timelineId] {
        const std::int64_t id = parseRecordId(*timelineId, "patient");
        ctx.store().patients().get(id); // a clear "no patient" error rather than an empty list
        ctx.out() << timelineText(db::timeline(ctx.store(), id));
        exitCode = kExitOk;
    });
}

} // namespace sp::cli
