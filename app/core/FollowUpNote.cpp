#include "core/FollowUpNote.h"

namespace sp {

std::vector<FieldError> validate(const FollowUpNote& n)
{
    FieldErrors e;
    e.range("pain", n.painNow, 0, 10);
    if (n.painWorst)
        e.range("pain_worst", *n.painWorst, 0, 10);
    if (n.painBest)
        e.range("pain_best", *n.painBest, 0, 10);
    if (n.painWorst && *n.painWorst < n.painNow)
        e.add("pain_worst", std::to_string(*n.painWorst) + " is lower than the pain now (" +
                                std::to_string(n.painNow) + ")");
    if (n.painBest && *n.painBest > n.painNow)
        e.add("pain_best", std::to_string(*n.painBest) + " is higher than the pain now (" +
                               std::to_string(n.painNow) + ")");
    if (n.sessionsDone.has_value() != n.sessionsPrescribed.has_value())
        e.add("adherence", "give both sessions done and sessions prescribed");
    if (n.sessionsDone)
        e.range("adherence/done", *n.sessionsDone, 0, 1000);
    if (n.sessionsPrescribed)
        e.range("adherence/prescribed", *n.sessionsPrescribed, 1, 1000);
    if (n.psfs.size() > static_cast<std::size_t>(kMaxPsfsActivities))
        e.add("psfs", "has " + std::to_string(n.psfs.size()) + " activities, at most " +
                          std::to_string(kMaxPsfsActivities));
    for (std::size_t i = 0; i < n.psfs.size(); ++i) {
        e.line("psfs/" + std::to_string(i) + "/activity", n.psfs[i].activity, 1, 120);
        e.range("psfs/" + std::to_string(i) + "/score", n.psfs[i].score, 0, 10);
    }
    e.text("subjective", n.subjective, kMaxSoapChars);
    e.text("objective", n.objective, kMaxSoapChars);
    e.text("assessment", n.assessment, kMaxSoapChars);
    e.text("plan_text", n.planText, kMaxSoapChars);
    if (n.nextDue && *n.nextDue < n.visitDate)
        e.add("next_due", n.nextDue->toString() + " is before the visit date (" + n.visitDate.toString() + ")");
    return e.list();
}

std::vector<std::string> changedFields(const FollowUpNote& before, const FollowUpNote& after)
{
    std::vector<std::string> out;
    const auto check = [&out](bool differs, const char* field) {
        if (differs)
            out.emplace_back(field);
    };
    check(before.revisionId != after.revisionId, "revision");
    check(before.visitDate != after.visitDate, "visit_date");
    check(before.painNow != after.painNow, "pain");
    check(before.painWorst != after.painWorst, "pain_worst");
    check(before.painBest != after.painBest, "pain_best");
    check(before.sessionsDone != after.sessionsDone || before.sessionsPrescribed != after.sessionsPrescribed,
          "adherence");
    check(before.psfs != after.psfs, "psfs");
    check(before.subjective != after.subjective, "subjective");
    check(before.objective != after.objective, "objective");
    check(before.assessment != after.assessment, "assessment");
    check(before.planText != after.planText, "plan_text");
    check(before.nextDue != after.nextDue, "next_due");
    return out;
}

} // namespace sp
