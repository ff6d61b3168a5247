#include "cli/RecordFormat.h"

#include "cli/TextFormat.h"

namespace sp::cli {
namespace {

std::string orDash(const std::string& text)
{
    return text.empty() ? "-" : text;
}

std::string optionalDate(const std::optional<Date>& d)
{
    return d ? d->toString() : "-";
}

Json optionalJson(const std::optional<int>& v)
{
    return v ? Json(*v) : Json(nullptr);
}

std::string screeningText(const Patient& p)
{
    if (!p.screening)
        return "not screened";
    std::vector<std::string> present;
    for (const RedFlagAnswer& a : p.screening->answers)
        if (a.present)
            present.push_back(a.flag);
    return p.screening->date.toString() + ": " +
           (present.empty() ? "no red flags (" + std::to_string(p.screening->answers.size()) + " asked)"
                            : "RED FLAGS PRESENT: " + join(present));
}

} // namespace

Json patientJson(const Patient& p)
{
    Json screening = nullptr;
    if (p.screening) {
        Json answers = Json::array();
        for (const RedFlagAnswer& a : p.screening->answers)
            answers.push_back({{"flag", a.flag}, {"present", a.present}});
        screening = {{"date", p.screening->date.toString()}, {"answers", answers}};
    }
    return {{"id", p.id},
            {"name", p.name},
            {"date_of_birth", p.dateOfBirth ? Json(p.dateOfBirth->toString()) : Json(nullptr)},
            {"email", p.email},
            {"phone", p.phone},
            {"clinician", p.clinician},
            {"archived", p.archived},
            {"notes", p.notes},
            {"preference", toString(p.preference)},
            {"screening", screening}};
}

std::string patientDetails(const Patient& p, const Date& today)
{
    std::string out = p.name + "  [patient " + std::to_string(p.id) + "]" + (p.archived ? "  (archived)" : "") + "\n";
    out += "Date of birth: " + optionalDate(p.dateOfBirth);
    if (p.dateOfBirth)
        out += " (age " + std::to_string(yearsBetween(*p.dateOfBirth, today)) + ")";
    out += "\nE-mail: " + orDash(p.email) + "\nPhone: " + orDash(p.phone) + "\n";
    out += "Clinician: " + orDash(p.clinician) + "\n";
    out += "Directional preference: " + std::string(toString(p.preference)) + "\n";
    out += "Red-flag screening: " + screeningText(p) + "\n";
    if (!p.notes.empty())
        out += "Notes:\n" + wrap(p.notes, "  ");
    return out;
}

std::string patientTable(const std::vector<Patient>& patients, const Date& today)
{
    std::vector<std::vector<std::string>> rows{{"ID", "NAME", "AGE", "PREFERENCE", "CLINICIAN", "STATUS"}};
    for (const Patient& p : patients)
        rows.push_back({std::to_string(p.id), p.name,
                        p.dateOfBirth ? std::to_string(yearsBetween(*p.dateOfBirth, today)) : "-",
                        std::string(toString(p.preference)), orDash(p.clinician), p.archived ? "archived" : "active"});
    return table(rows);
}

std::string revisionDetails(const Plan& plan, const Patient& patient, const PlanRevision& r)
{
    std::string out = plan.title + "  [plan " + std::to_string(plan.id) + ", revision " + std::to_string(r.number) +
                      " of " + std::to_string(plan.latestRevision) + ", " + std::string(toString(plan.status)) + "]\n";
    out += "Patient: " + patient.name + " [patient " + std::to_string(patient.id) + "]\n";
    out += "Made " + r.createdAt + " by " + orDash(r.author) + (r.reason.empty() ? "" : ": " + r.reason) + "\n";
    if (!r.goals.empty()) {
        out += "\nGoals:\n";
        for (const std::string& g : r.goals)
            out += "  - " + wrap(g, "    ").substr(4);
    }
    out += "\nExercises:\n";
    for (std::size_t i = 0; i < r.items.size(); ++i) {
        const PlanItem& item = r.items[i];
        out += "  " + std::to_string(i + 1) + ". " + item.snapshot.name + "  [" + item.exerciseId + "]\n";
        out += "     " + describe(item.dosage) + "\n";
        if (!item.note.empty())
            out += wrap("Note: " + item.note, "     ");
    }
    return out;
}

std::string diffText(const PlanRevision& from, const PlanRevision& to, const PlanDiff& d)
{
    std::string out = "Revision " + std::to_string(from.number) + " -> " + std::to_string(to.number) + "\n";
    if (d.empty())
        return out + "  no changes\n";
    for (const PlanItem* item : d.added)
        out += "  + " + item->exerciseId + " (" + item->snapshot.name + "): " + describe(item->dosage) + "\n";
    for (const PlanItem* item : d.removed)
        out += "  - " + item->exerciseId + " (" + item->snapshot.name + ")\n";
    for (const ItemChange& c : d.changed) {
        out += "  ~ " + c.exerciseId + " (" + c.name + ")\n";
        for (const FieldChange& f : c.changes)
            out += "      " + f.field + ": " + orDash(f.from) + " -> " + orDash(f.to) + "\n";
    }
    if (d.orderChanged)
        out += "  order of exercises changed\n";
    if (d.goalsChanged)
        out += "  goals changed\n";
    return out;
}

Json noteJson(const FollowUpNote& n)
{
    Json psfs = Json::array();
    for (const PsfsScore& s : n.psfs)
        psfs.push_back({{"activity", s.activity}, {"score", s.score}});
    return {{"id", n.id},
            {"patient_id", n.patientId},
            {"revision_id", n.revisionId ? Json(*n.revisionId) : Json(nullptr)},
            {"visit_date", n.visitDate.toString()},
            {"pain_now", n.painNow},
            {"pain_worst", optionalJson(n.painWorst)},
            {"pain_best", optionalJson(n.painBest)},
            {"sessions_done", optionalJson(n.sessionsDone)},
            {"sessions_prescribed", optionalJson(n.sessionsPrescribed)},
            {"psfs", psfs},
            {"subjective", n.subjective},
            {"objective", n.objective},
            {"assessment", n.assessment},
            {"plan_text", n.planText},
            {"next_due", n.nextDue ? Json(n.nextDue->toString()) : Json(nullptr)},
            {"author", n.author},
            {"created_at", n.createdAt},
            {"version", n.version},
            {"amended_by", n.version > 1 ? Json(n.amendedBy) : Json(nullptr)},
            {"amended_at", n.version > 1 ? Json(n.amendedAt) : Json(nullptr)}};
}

std::string noteDetails(const FollowUpNote& n)
{
    std::string out = n.visitDate.toString() + "  [note " + std::to_string(n.id) + "]  pain " +
                      std::to_string(n.painNow) + "/10";
    if (n.painWorst || n.painBest)
        out += " (worst " + (n.painWorst ? std::to_string(*n.painWorst) : "-") + ", best " +
               (n.painBest ? std::to_string(*n.painBest) : "-") + ")";
    if (n.sessionsDone)
        out += "  adherence " + std::to_string(*n.sessionsDone) + "/" + std::to_string(*n.sessionsPrescribed);
    out += "\n";
    for (const PsfsScore& s : n.psfs)
        out += "  PSFS " + s.activity + ": " + std::to_string(s.score) + "/10\n";
    const std::pair<const char*, const std::string*> soap[] = {
        {"S: ", &n.subjective}, {"O: ", &n.objective}, {"A: ", &n.assessment}, {"P: ", &n.planText}};
    for (const auto& [label, text] : soap)
        if (!text->empty())
            out += wrap(std::string(label) + *text, "  ");
    if (n.nextDue)
        out += "  Next follow-up: " + n.nextDue->toString() + "\n";
    if (n.version > 1) // the desktop app amends notes; the versions replaced are kept
        out += "  Amended " + n.amendedAt + " by " + n.amendedBy + " (version " + std::to_string(n.version) + ")\n";
    return out;
}

Json dueJson(const db::FollowUpDue& d, const Date& today)
{
    return {{"patient_id", d.patientId},
            {"name", d.patientName},
            {"due", d.due.toString()},
            {"last_visit", d.lastVisit.toString()},
            {"overdue", d.due < today}};
}

std::string dueTable(const std::vector<db::FollowUpDue>& due, const Date& today)
{
    std::vector<std::vector<std::string>> rows{{"DUE", "STATUS", "PATIENT", "NAME", "LAST VISIT"}};
    for (const db::FollowUpDue& d : due)
        rows.push_back({d.due.toString(),
                        d.due < today ? "overdue " + std::to_string(today.toDays() - d.due.toDays()) + " d"
                                      : (d.due == today ? "today" : "due"),
                        std::to_string(d.patientId), d.patientName, d.lastVisit.toString()});
    return table(rows);
}

Json auditJson(const AuditEntry& e)
{
    Json out = {{"id", e.id},
                {"at", e.at},
                {"actor", e.actor},
                {"action", e.action},
                {"entity", e.entity},
                {"entity_id", e.entityId},
                {"patient_id", e.patientId ? Json(*e.patientId) : Json(nullptr)},
                {"details", e.details},
                {"hash", e.hash}};
    if (!e.freeText.empty())
        out["text"] = e.freeText;
    return out;
}

std::string auditTable(const std::vector<AuditEntry>& entries)
{
    std::vector<std::vector<std::string>> rows{{"ID", "AT", "WHO", "ACTION", "RECORD", "PATIENT", "DETAILS"}};
    for (const AuditEntry& e : entries)
        rows.push_back({std::to_string(e.id), e.at, e.actor, e.action, e.entity + " " + std::to_string(e.entityId),
                        e.patientId ? std::to_string(*e.patientId) : "-",
                        e.details + (e.freeText.empty() ? "" : " \"" + e.freeText + "\"")});
    return table(rows);
}

std::string timelineText(const std::vector<db::TimelineEvent>& events)
{
    std::vector<std::vector<std::string>> rows{{"WHEN", "WHAT", "DETAILS"}};
    for (const db::TimelineEvent& e : events) {
        const char* kind = e.kind == db::TimelineEvent::Kind::Revision ? "plan revision"
                           : e.kind == db::TimelineEvent::Kind::Note  ? "follow-up note"
                                                                      : "handout";
        rows.push_back({e.when, kind, e.summary});
    }
    return table(rows);
}

} // namespace sp::cli
