#include "core/PlanSpec.h"

namespace sp {

Dosage DosageOverrides::applyTo(Dosage base) const
{
    for (const DosageField& f : kDosageFields)
        if (const auto it = values.find(f.key); it != values.end())
            base.*f.member = it->second;
    if (side)
        base.side = *side;
    return base;
}

std::vector<PlanItem> resolveItems(const std::vector<PlanItemSpec>& specs, const Catalog& catalog,
                                   FieldErrors& errors)
{
    std::vector<PlanItem> items;
    for (std::size_t i = 0; i < specs.size(); ++i) {
        const PlanItemSpec& spec = specs[i];
        const std::string at = "items/" + std::to_string(i) + "/";
        PlanItem item;
        if (spec.snapshot) {
            item.snapshot = *spec.snapshot;
            item.exerciseId = spec.snapshot->qualifiedId();
            if (spec.exercise != item.exerciseId)
                errors.add(at + "exercise", "\"" + spec.exercise + "\" does not match its snapshot (\"" +
                                                item.exerciseId + "\")");
        } else {
            const Catalog::Lookup found = catalog.lookup(spec.exercise);
            if (!found.exercise) {
                errors.add(at + "exercise", found.error);
                continue;
            }
            item.snapshot = *found.exercise;
            item.exerciseId = found.exercise->qualifiedId();
        }
        item.dosage = spec.dosage.applyTo(item.snapshot.dosage);
        item.note = spec.note.value_or("");
        items.push_back(std::move(item));
    }
    return items;
}

} // namespace sp
