-- Follow-ups due at clinic scale. Whether a patient is due is decided by their latest note
-- (by visit date, then id), and finding it among hundreds of thousands of notes meant
-- ranking every note of the clinic on every call. This table keeps each patient's latest
-- note, kept current by triggers as notes are added (and removed, by a purge), so the
-- list is a range of an index on next_due. It holds ids and dates only, no clinical text.

CREATE TABLE latest_notes (
    patient_id INTEGER PRIMARY KEY REFERENCES patients(id),
    note_id    INTEGER NOT NULL REFERENCES follow_up_notes(id),
    visit_date TEXT NOT NULL,                     -- YYYY-MM-DD, as the note's
    next_due   TEXT                               -- as the note's: NULL when no follow-up is asked
);
CREATE INDEX latest_notes_by_due ON latest_notes(next_due) WHERE next_due IS NOT NULL;

INSERT INTO latest_notes (patient_id, note_id, visit_date, next_due)
SELECT patient_id, id, visit_date, next_due FROM
    (SELECT patient_id, id, visit_date, next_due, row_number() OVER
         (PARTITION BY patient_id ORDER BY visit_date DESC, id DESC) AS recency
     FROM follow_up_notes)
WHERE recency = 1;

-- A note written later about an earlier visit does not replace the latest one.
CREATE TRIGGER latest_notes_follow_insert AFTER INSERT ON follow_up_notes
BEGIN
    INSERT INTO latest_notes (patient_id, note_id, visit_date, next_due)
    VALUES (NEW.patient_id, NEW.id, NEW.visit_date, NEW.next_due)
    ON CONFLICT (patient_id) DO UPDATE SET
        note_id = excluded.note_id, visit_date = excluded.visit_date, next_due = excluded.next_due
    WHERE excluded.visit_date > latest_notes.visit_date
       OR (excluded.visit_date = latest_notes.visit_date AND excluded.note_id > latest_notes.note_id);
END;

-- Notes are removed only by a purge (triggers of 0002); whichever note of the patient is
-- left takes the place of the removed latest one, and none is left once the purge is done.
CREATE TRIGGER latest_notes_follow_delete AFTER DELETE ON follow_up_notes
WHEN EXISTS (SELECT 1 FROM latest_notes WHERE patient_id = OLD.patient_id AND note_id = OLD.id)
BEGIN
    DELETE FROM latest_notes WHERE patient_id = OLD.patient_id;
    INSERT INTO latest_notes (patient_id, note_id, visit_date, next_due)
    SELECT patient_id, id, visit_date, next_due FROM follow_up_notes
    WHERE patient_id = OLD.patient_id ORDER BY visit_date DESC, id DESC LIMIT 1;
END;
