#include "editor/PlanEditor.h"

#include <stdexcept>

namespace sp {

void PlanEditor::load(const Plan& plan, const PlanRevision& base)
{
    m_open = true;
    m_planId = plan.id;
    m_baseRevision = base.number;
    m_draft = PlanDraft{plan.title, base.goals, base.items};
    m_saved = m_draft;
    m_undo.clear();
    m_redo.clear();
    m_lastKey = MergeKey::None;
    changed();
}

void PlanEditor::startNew(PlanDraft draft)
{
    m_open = true;
    m_planId = 0;
    m_baseRevision = 0;
    // Measured against an empty plan of the same title: a plan from a template has work
    // worth saving, an empty one does not.
    m_saved = PlanDraft{draft.title, {}, {}};
    m_draft = std::move(draft);
    m_undo.clear();
    m_redo.clear();
    m_lastKey = MergeKey::None;
    changed();
}

void PlanEditor::clear()
{
    auto listener = std::move(m_listener);
    *this = PlanEditor{};
    m_listener = std::move(listener);
    changed();
}

PlanRevision PlanEditor::revision(const std::string& reason) const
{
    PlanRevision r;
    r.planId = m_planId;
    r.reason = reason;
    r.goals = m_draft.goals;
    r.items = m_draft.items;
    return r;
}

bool PlanEditor::contains(const std::string& exerciseId) const
{
    for (const PlanItem& item : m_draft.items)
        if (item.exerciseId == exerciseId)
            return true;
    return false;
}

bool PlanEditor::addItem(const Exercise& exercise, std::size_t at)
{
    if (!m_open || contains(exercise.qualifiedId()) || m_draft.items.size() >= kMaxPlanItems)
        return false;
    PlanItem item{exercise.qualifiedId(), exercise, exercise.dosage, {}};
    edit(MergeKey::None, npos, [&](PlanDraft& d) {
        const std::size_t pos = at > d.items.size() ? d.items.size() : at;
        d.items.insert(d.items.begin() + static_cast<std::ptrdiff_t>(pos), std::move(item));
    });
    return true;
}

void PlanEditor::removeItem(std::size_t index)
{
    checkIndex(index);
    edit(MergeKey::None, npos,
         [&](PlanDraft& d) { d.items.erase(d.items.begin() + static_cast<std::ptrdiff_t>(index)); });
}

void PlanEditor::moveItem(std::size_t from, std::size_t to)
{
    checkIndex(from);
    checkIndex(to);
    if (from == to)
        return;
    edit(MergeKey::None, npos, [&](PlanDraft& d) {
        PlanItem item = std::move(d.items[from]);
        d.items.erase(d.items.begin() + static_cast<std::ptrdiff_t>(from));
        d.items.insert(d.items.begin() + static_cast<std::ptrdiff_t>(to), std::move(item));
    });
}

void PlanEditor::setDosage(std::size_t index, const Dosage& dosage)
{
    checkIndex(index);
    if (m_draft.items[index].dosage == dosage)
        return;
    edit(MergeKey::Dosage, index, [&](PlanDraft& d) { d.items[index].dosage = dosage; });
}

void PlanEditor::setNote(std::size_t index, const std::string& note)
{
    checkIndex(index);
    if (m_draft.items[index].note == note)
        return;
    edit(MergeKey::Note, index, [&](PlanDraft& d) { d.items[index].note = note; });
}

void PlanEditor::setGoals(const std::vector<std::string>& goals)
{
    if (m_draft.goals == goals)
        return;
    edit(MergeKey::None, npos, [&](PlanDraft& d) { d.goals = goals; });
}

void PlanEditor::setTitle(const std::string& title)
{
    if (m_draft.title == title)
        return;
    edit(MergeKey::None, npos, [&](PlanDraft& d) { d.title = title; });
}

void PlanEditor::undo()
{
    if (m_undo.empty())
        return;
    m_redo.push_back(std::move(m_draft));
    m_draft = std::move(m_undo.back());
    m_undo.pop_back();
    m_lastKey = MergeKey::None;
    changed();
}

void PlanEditor::redo()
{
    if (m_redo.empty())
        return;
    m_undo.push_back(std::move(m_draft));
    m_draft = std::move(m_redo.back());
    m_redo.pop_back();
    m_lastKey = MergeKey::None;
    changed();
}

void PlanEditor::rebase(int number)
{
    if (isNew() || number < m_baseRevision)
        throw std::logic_error("PlanEditor::rebase: only a stored plan moves to a newer revision");
    m_baseRevision = number;
}

void PlanEditor::markSaved(std::int64_t planId, int number)
{
    m_planId = planId;
    m_baseRevision = number;
    m_saved = m_draft;
    // Undo stays possible: stepping back after a save makes the draft dirty again.
    m_lastKey = MergeKey::None;
    changed();
}

void PlanEditor::edit(MergeKey key, std::size_t index, const std::function<void(PlanDraft&)>& change)
{
    if (!m_open)
        throw std::logic_error("PlanEditor: no plan is open");
    const bool merge = key != MergeKey::None && key == m_lastKey && index == m_lastIndex && !m_undo.empty();
    if (!merge)
        m_undo.push_back(m_draft);
    change(m_draft);
    m_redo.clear();
    m_lastKey = key;
    m_lastIndex = index;
    changed();
}

void PlanEditor::changed()
{
    if (m_listener)
        m_listener();
}

void PlanEditor::checkIndex(std::size_t index) const
{
    if (index >= m_draft.items.size())
        throw std::out_of_range("PlanEditor: no plan item " + std::to_string(index));
}

} // namespace sp
