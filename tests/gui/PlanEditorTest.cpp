#include "editor/PlanEditor.h"

#include <boost/test/unit_test.hpp>

using namespace sp;

namespace {

Exercise exercise(const std::string& id)
{
    Exercise e;
    e.pack = "test";
    e.id = id;
    e.name = id;
    e.dosage.sets = 2;
    e.dosage.reps = 10;
    return e;
}

std::vector<std::string> ids(const PlanEditor& editor)
{
    std::vector<std::string> out;
    for (const PlanItem& item : editor.draft().items)
        out.push_back(item.exerciseId);
    return out;
}

struct Stored {
    Plan plan;
    PlanRevision revision;
    Stored()
    {
        plan.id = 7;
        plan.title = "Low back";
        revision.number = 3;
        revision.goals = {"Sit through a film"};
        for (const char* id : {"a", "b", "c"})
            revision.items.push_back({std::string("test/") + id, exercise(id), exercise(id).dosage, {}});
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(plan_editor)

BOOST_AUTO_TEST_CASE(a_loaded_plan_is_clean_until_edited_and_clean_again_when_undone)
{
    Stored s;
    PlanEditor editor;
    editor.load(s.plan, s.revision);
    BOOST_TEST(!editor.isDirty());
    BOOST_TEST(editor.planId() == 7);
    BOOST_TEST(editor.baseRevision() == 3);
    editor.moveItem(0, 2);
    BOOST_TEST(editor.isDirty());
    BOOST_TEST((ids(editor) == std::vector<std::string>{"test/b", "test/c", "test/a"}));
    editor.undo();
    BOOST_TEST(!editor.isDirty());
    BOOST_TEST((ids(editor) == std::vector<std::string>{"test/a", "test/b", "test/c"}));
    editor.redo();
    BOOST_TEST(editor.isDirty());
    BOOST_TEST((ids(editor) == std::vector<std::string>{"test/b", "test/c", "test/a"}));
}

BOOST_AUTO_TEST_CASE(saving_makes_the_draft_clean_and_undo_after_saving_makes_it_dirty)
{
    Stored s;
    PlanEditor editor;
    editor.load(s.plan, s.revision);
    editor.removeItem(1);
    editor.markSaved(7, 4);
    BOOST_TEST(!editor.isDirty());
    BOOST_TEST(editor.baseRevision() == 4);
    BOOST_TEST(editor.canUndo());
    editor.undo();
    BOOST_TEST(editor.isDirty());
    BOOST_TEST(editor.draft().items.size() == 3u);
}

BOOST_AUTO_TEST_CASE(a_rebased_draft_keeps_every_edit_and_its_undo_and_stays_unsaved)
{
    Stored s;
    PlanEditor editor;
    editor.load(s.plan, s.revision);
    editor.removeItem(0);
    const PlanDraft draft = editor.draft();
    editor.rebase(5); // someone saved revisions 4 and 5 meanwhile
    BOOST_TEST(editor.baseRevision() == 5);
    BOOST_TEST((editor.draft() == draft));
    BOOST_TEST(editor.isDirty());
    BOOST_TEST(editor.canUndo());
    BOOST_CHECK_THROW(editor.rebase(4), std::logic_error); // never back to an older one
    PlanEditor fresh;
    fresh.startNew(PlanDraft{"New", {}, {}});
    BOOST_CHECK_THROW(fresh.rebase(2), std::logic_error); // a plan not stored has no revisions
}

BOOST_AUTO_TEST_CASE(successive_dosage_changes_of_one_item_undo_in_one_step)
{
    Stored s;
    PlanEditor editor;
    editor.load(s.plan, s.revision);
    for (int reps = 11; reps <= 15; ++reps) {
        Dosage d = editor.draft().items[0].dosage;
        d.reps = reps;
        editor.setDosage(0, d);
    }
    Dosage other = editor.draft().items[1].dosage;
    other.sets = 3;
    editor.setDosage(1, other);
    BOOST_TEST(editor.draft().items[0].dosage.reps == 15);
    editor.undo(); // item 1's change
    BOOST_TEST(editor.draft().items[1].dosage.sets == 2);
    BOOST_TEST(editor.draft().items[0].dosage.reps == 15);
    editor.undo(); // all five of item 0's
    BOOST_TEST(editor.draft().items[0].dosage.reps == 10);
    BOOST_TEST(!editor.canUndo());
    BOOST_TEST(!editor.isDirty());
}

BOOST_AUTO_TEST_CASE(a_new_edit_clears_the_redo_stack)
{
    Stored s;
    PlanEditor editor;
    editor.load(s.plan, s.revision);
    editor.setNote(0, "Slowly");
    editor.undo();
    BOOST_TEST(editor.canRedo());
    editor.setGoals({"Walk to work"});
    BOOST_TEST(!editor.canRedo());
    BOOST_TEST(editor.draft().items[0].note.empty());
}

BOOST_AUTO_TEST_CASE(refuses_an_exercise_already_in_the_plan)
{
    Stored s;
    PlanEditor editor;
    editor.load(s.plan, s.revision);
    BOOST_TEST(!editor.addItem(exercise("b")));
    BOOST_TEST(!editor.isDirty());
    BOOST_TEST(editor.addItem(exercise("d"), 1));
    BOOST_TEST((ids(editor) == std::vector<std::string>{"test/a", "test/d", "test/b", "test/c"}));
    BOOST_TEST(editor.draft().items[1].dosage.reps == 10); // the exercise's default dosage
}

BOOST_AUTO_TEST_CASE(a_new_plan_is_dirty_only_once_it_has_content)
{
    PlanEditor editor;
    BOOST_TEST(!editor.isOpen());
    BOOST_TEST(!editor.isDirty());
    BOOST_CHECK_THROW(editor.setTitle("x"), std::logic_error);
    editor.startNew({"Home exercises", {}, {}});
    BOOST_TEST(editor.isNew());
    BOOST_TEST(!editor.isDirty());
    editor.addItem(exercise("a"));
    BOOST_TEST(editor.isDirty());
    PlanEditor fromTemplate;
    fromTemplate.startNew({"From a template", {"Goal"}, {PlanItem{"test/a", exercise("a"), {}, {}}}});
    BOOST_TEST(fromTemplate.isDirty());
}

BOOST_AUTO_TEST_CASE(tells_its_listener_about_every_change)
{
    Stored s;
    PlanEditor editor;
    int calls = 0;
    editor.setListener([&] { ++calls; });
    editor.load(s.plan, s.revision);
    editor.moveItem(0, 1);
    editor.undo();
    editor.redo();
    editor.moveItem(1, 1); // no change, no call
    BOOST_TEST(calls == 4);
    BOOST_CHECK_THROW(editor.removeItem(9), std::out_of_range);
}

BOOST_AUTO_TEST_SUITE_END()
