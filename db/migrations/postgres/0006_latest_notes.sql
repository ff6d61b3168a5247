-- PostgreSQL equivalent of ../0006_latest_notes.sql: follow-ups due at clinic scale.
-- Whether a patient is due is decided by their latest note (by visit date, then id). This
-- table keeps each patient's latest note, kept current by triggers as notes are added
-- (and removed, by a purge), so the list is a range of an index on next_due. It holds ids
-- and dates only, no clinical text.
-- The triggers' functions are SECURITY DEFINER: they write latest_notes as its owner, and
-- the app may only read it, so no client can make a patient look due, or not due.

CREATE TABLE latest_notes (
    patient_id bigint PRIMARY KEY REFERENCES patients(id),
    note_id    bigint NOT NULL REFERENCES follow_up_notes(id),
    visit_date text COLLATE "C" NOT NULL,                     -- YYYY-MM-DD, as the note's
    next_due   text COLLATE "C"                               -- as the note's: NULL when no follow-up is asked
);
CREATE INDEX latest_notes_by_due ON latest_notes(next_due) WHERE next_due IS NOT NULL;

-- As in SQLite (on PostgreSQL the database is new when migrated, so this finds no notes).
INSERT INTO latest_notes (patient_id, note_id, visit_date, next_due)
SELECT patient_id, id, visit_date, next_due FROM
    (SELECT patient_id, id, visit_date, next_due, row_number() OVER
         (PARTITION BY patient_id ORDER BY visit_date DESC, id DESC) AS recency
     FROM follow_up_notes) AS ranked
WHERE recency = 1;

-- A note written later about an earlier visit does not replace the latest one.
CREATE FUNCTION latest_notes_follow_insert() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    INSERT INTO latest_notes (patient_id, note_id, visit_date, next_due)
    VALUES (NEW.patient_id, NEW.id, NEW.visit_date, NEW.next_due)
    ON CONFLICT (patient_id) DO UPDATE SET
        note_id = excluded.note_id, visit_date = excluded.visit_date, next_due = excluded.next_due
    WHERE excluded.visit_date > latest_notes.visit_date
       OR (excluded.visit_date = latest_notes.visit_date AND excluded.note_id > latest_notes.note_id);
    RETURN NULL;
END;
$$;
CREATE TRIGGER latest_notes_follow_insert AFTER INSERT ON follow_up_notes
    FOR EACH ROW EXECUTE FUNCTION latest_notes_follow_insert();

-- Notes are removed only by a purge (triggers of 0002); whichever note of the patient is
-- left takes the place of the removed latest one, and none is left once the purge is done.
-- BEFORE DELETE, where SQLite has AFTER DELETE: PostgreSQL checks the foreign key
-- latest_notes.note_id in an AFTER trigger of its own that fires before this one would
-- (and SQLite at the end of the statement), so the reference must be gone before the
-- note is. Hence "id <> OLD.id": the note being deleted is still there. Earlier rows of
-- the same DELETE are already gone when this runs for a later one, as in SQLite.
CREATE FUNCTION latest_notes_follow_delete() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM latest_notes WHERE patient_id = OLD.patient_id AND note_id = OLD.id) THEN
        DELETE FROM latest_notes WHERE patient_id = OLD.patient_id;
        INSERT INTO latest_notes (patient_id, note_id, visit_date, next_due)
        SELECT patient_id, id, visit_date, next_due FROM follow_up_notes
        WHERE patient_id = OLD.patient_id AND id <> OLD.id ORDER BY visit_date DESC, id DESC LIMIT 1;
    END IF;
    RETURN OLD;
END;
$$;
CREATE TRIGGER latest_notes_follow_delete BEFORE DELETE ON follow_up_notes
    FOR EACH ROW EXECUTE FUNCTION latest_notes_follow_delete();

-- Privileges: read only; the triggers above write it.
REVOKE ALL ON FUNCTION latest_notes_follow_insert(), latest_notes_follow_delete() FROM PUBLIC;
REVOKE ALL ON TABLE latest_notes FROM PUBLIC;
GRANT SELECT ON latest_notes TO stretchplan_app;
