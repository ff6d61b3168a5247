#include "core/PlanDiff.h"

#include <algorithm>

namespace sp {
namespace {

const PlanItem* findItem(const PlanRevision& r, const std::string& exerciseId)
{
    const auto it = std::find_if(r.items.begin(), r.items.end(),
                                 [&](const PlanItem& i) { return i.exerciseId == exerciseId; });
    return it == r.items.end() ? nullptr : &*it;
}

std::vector<FieldChange> itemChanges(const PlanItem& a, const PlanItem& b)
{
    std::vector<FieldChange> out;
    for (const DosageField& f : kDosageFields) {
        const int x = a.dosage.*f.member;
        const int y = b.dosage.*f.member;
        if (x != y)
            out.push_back({std::string(f.key), std::to_string(x), std::to_string(y)});
    }
    if (a.dosage.side != b.dosage.side)
        out.push_back({"side", std::string(toString(a.dosage.side)), std::string(toString(b.dosage.side))});
    if (a.note != b.note)
        out.push_back({"note", a.note, b.note});
    return out;
}

} // namespace

PlanDiff diff(const PlanRevision& from, const PlanRevision& to)
{
    PlanDiff d;
    std::vector<std::string> commonFrom, commonTo;
    for (const PlanItem& item : to.items)
        if (!findItem(from, item.exerciseId))
            d.added.push_back(&item);
    for (const PlanItem& item : from.items) {
        const PlanItem* other = findItem(to, item.exerciseId);
        if (!other) {
            d.removed.push_back(&item);
            continue;
        }
        commonFrom.push_back(item.exerciseId);
        if (auto changes = itemChanges(item, *other); !changes.empty())
            d.changed.push_back({item.exerciseId, other->snapshot.name, std::move(changes)});
    }
    for (const PlanItem& item : to.items)
        if (findItem(from, item.exerciseId))
            commonTo.push_back(item.exerciseId);
    d.orderChanged = commonFrom != commonTo;
    d.goalsChanged = from.goals != to.goals;
    return d;
}

} // namespace sp
