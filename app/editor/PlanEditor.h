// The plan being built for one patient before it is saved: its items, goals and title,
// every edit undoable, and whether anything differs from what is stored. A save turns the
// draft into the plan's next revision (or its first, for a new plan).
#pragma once

#include "core/Guidance.h"
#include "core/Plan.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace sp {

struct PlanDraft {
    std::string title;
    std::vector<std::string> goals;
    std::vector<PlanItem> items;
    bool operator==(const PlanDraft&) const = default;
};

class PlanEditor {
public:
    // Nothing loaded: no plan, an empty draft that is not dirty.
    PlanEditor() = default;

    // Edits the stored plan from its revision `base` (usually the latest).
    void load(const Plan& plan, const PlanRevision& base);
    // A plan not stored yet; dirty when it holds more than its title (a template's
    // exercises or goals), so that leaving it asks to save.
    void startNew(PlanDraft draft);
    void clear();

    std::int64_t planId() const { return m_planId; } // 0 for a new plan
    int baseRevision() const { return m_baseRevision; }
    bool isNew() const { return m_planId == 0; }
    bool isOpen() const { return m_open; }
    const PlanDraft& draft() const { return m_draft; }
    bool isDirty() const { return m_open && m_draft != m_saved; }

    // The draft as the revision a save stores (goals, items; the reason given).
    PlanRevision revision(const std::string& reason = {}) const;

    // Edits. Each is one undo step, except that successive changes to the dosage or note
    // of one item merge into one, so that spinning a value up five clicks undoes at once.
    // addItem refuses an exercise the plan already has (a plan holds each once) and a
    // plan already at kMaxPlanItems; it returns false then.
    bool contains(const std::string& exerciseId) const;
    bool addItem(const Exercise& exercise, std::size_t at = npos);
    void removeItem(std::size_t index);
    void moveItem(std::size_t from, std::size_t to);
    void setDosage(std::size_t index, const Dosage& dosage);
    void setNote(std::size_t index, const std::string& note);
    void setGoals(const std::vector<std::string>& goals);
    void setTitle(const std::string& title);

    bool canUndo() const { return !m_undo.empty(); }
    bool canRedo() const { return !m_redo.empty(); }
    void undo();
    void redo();

    // After the store took the draft as `plan`'s revision `number`.
    void markSaved(std::int64_t planId, int number);
    // After a conflict, once the clinician has seen what was saved meanwhile: the draft
    // (unchanged, still unsaved) now goes on top of revision `number`.
    void rebase(int number);

    // Called after every change of the draft (edits, undo, redo, load).
    void setListener(std::function<void()> listener) { m_listener = std::move(listener); }

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

private:
    enum class MergeKey { None, Dosage, Note };
    void edit(MergeKey key, std::size_t index, const std::function<void(PlanDraft&)>& change);
    void changed();
    void checkIndex(std::size_t index) const;

    bool m_open = false;
    std::int64_t m_planId = 0;
    int m_baseRevision = 0;
    PlanDraft m_draft;
    PlanDraft m_saved;
    std::vector<PlanDraft> m_undo;
    std::vector<PlanDraft> m_redo;
    MergeKey m_lastKey = MergeKey::None;
    std::size_t m_lastIndex = npos;
    std::function<void()> m_listener;
};

} // namespace sp
