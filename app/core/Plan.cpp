#include "core/Plan.h"

#include <set>

namespace sp {

std::vector<FieldError> validatePlanTitle(const std::string& title)
{
    FieldErrors e;
    e.line("title", title, 1, 200);
    return e.list();
}

std::vector<FieldError> validate(const PlanRevision& r)
{
    FieldErrors e;
    e.text("reason", r.reason, 500);
    if (!r.author.empty())
        e.line("author", r.author, 1, 200);
    if (r.goals.size() > kMaxGoals)
        e.add("goals", "has too many goals (" + std::to_string(r.goals.size()) + ", at most " +
                           std::to_string(kMaxGoals) + ")");
    for (std::size_t i = 0; i < r.goals.size(); ++i)
        e.line("goals/" + std::to_string(i), r.goals[i], 1, 300);
    if (r.items.empty())
        e.add("items", "a plan needs at least one exercise");
    if (r.items.size() > kMaxPlanItems)
        e.add("items", "has too many exercises (" + std::to_string(r.items.size()) + ", at most " +
                           std::to_string(kMaxPlanItems) + ")");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < r.items.size(); ++i) {
        const PlanItem& item = r.items[i];
        const std::string at = "items/" + std::to_string(i) + "/";
        if (!seen.insert(item.exerciseId).second)
            e.add(at + "exercise", "\"" + item.exerciseId + "\" is already in the plan");
        e.merge(at + "dosage/", validate(item.dosage));
        e.text(at + "note", item.note, 1000);
    }
    return e.list();
}

} // namespace sp
