-- Amending a follow-up note. A note is a clinical record: a correction must never
-- overwrite it silently. The note's row holds its current version; every version it
-- replaced is kept, field for field with its PSFS scores, in note_versions and
-- note_version_psfs, which are never changed and go only with a purge of the patient.
-- The triggers below make the database itself refuse any change to a note (or a delete
-- of one of its PSFS scores) whose version being replaced has not been copied first.

ALTER TABLE follow_up_notes ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE follow_up_notes ADD COLUMN amended_at TEXT;     -- of the current version; NULL for version 1
ALTER TABLE follow_up_notes ADD COLUMN amended_by TEXT;
ALTER TABLE follow_up_notes ADD COLUMN amend_reason TEXT;

-- Each version a note had before its latest amendment. written_by/written_at: the note's
-- author and created_at for version 1, the amendment's for later ones; reason is NULL for
-- version 1.
CREATE TABLE note_versions (
    note_id             INTEGER NOT NULL REFERENCES follow_up_notes(id),
    version             INTEGER NOT NULL,
    revision_id         INTEGER REFERENCES plan_revisions(id),
    visit_date          TEXT NOT NULL,
    pain_now            INTEGER NOT NULL,
    pain_worst          INTEGER,
    pain_best           INTEGER,
    sessions_done       INTEGER,
    sessions_prescribed INTEGER,
    subjective          TEXT NOT NULL,
    objective           TEXT NOT NULL,
    assessment          TEXT NOT NULL,
    plan_text           TEXT NOT NULL,
    next_due            TEXT,
    written_by          TEXT NOT NULL,
    written_at          TEXT NOT NULL,
    reason              TEXT,
    PRIMARY KEY (note_id, version)
) WITHOUT ROWID;
CREATE INDEX note_versions_by_revision ON note_versions(revision_id);

CREATE TABLE note_version_psfs (
    note_id  INTEGER NOT NULL,
    version  INTEGER NOT NULL,
    position INTEGER NOT NULL,
    activity TEXT NOT NULL,
    score    INTEGER NOT NULL,
    PRIMARY KEY (note_id, version, position),
    FOREIGN KEY (note_id, version) REFERENCES note_versions(note_id, version)
) WITHOUT ROWID;

-- A note changes only by an amendment: the next version number, the same patient, author
-- and creation time, and the version it replaces already copied, field for field.
DROP TRIGGER follow_up_notes_are_immutable;
CREATE TRIGGER follow_up_notes_change_only_by_amendment BEFORE UPDATE ON follow_up_notes
WHEN NEW.version IS NOT OLD.version + 1
  OR NEW.id IS NOT OLD.id OR NEW.patient_id IS NOT OLD.patient_id
  OR NEW.author IS NOT OLD.author OR NEW.created_at IS NOT OLD.created_at
  OR NOT EXISTS (SELECT 1 FROM note_versions v WHERE v.note_id = OLD.id AND v.version = OLD.version
                 AND v.revision_id IS OLD.revision_id AND v.visit_date IS OLD.visit_date
                 AND v.pain_now IS OLD.pain_now AND v.pain_worst IS OLD.pain_worst AND v.pain_best IS OLD.pain_best
                 AND v.sessions_done IS OLD.sessions_done AND v.sessions_prescribed IS OLD.sessions_prescribed
                 AND v.subjective IS OLD.subjective AND v.objective IS OLD.objective
                 AND v.assessment IS OLD.assessment AND v.plan_text IS OLD.plan_text AND v.next_due IS OLD.next_due)
BEGIN
    SELECT RAISE(ABORT, 'follow-up notes change only by an amendment that keeps the version it replaces');
END;

-- A PSFS score goes in a purge, or in an amendment once the current version has its copy.
DROP TRIGGER psfs_scores_are_kept;
CREATE TRIGGER psfs_scores_are_kept BEFORE DELETE ON psfs_scores
WHEN NOT EXISTS (SELECT 1 FROM purge_guard g JOIN follow_up_notes n ON n.patient_id = g.patient_id
                 WHERE n.id = OLD.note_id)
 AND NOT EXISTS (SELECT 1 FROM note_version_psfs vp JOIN follow_up_notes n ON n.id = vp.note_id AND n.version = vp.version
                 WHERE vp.note_id = OLD.note_id AND vp.position = OLD.position
                   AND vp.activity IS OLD.activity AND vp.score IS OLD.score)
BEGIN
    SELECT RAISE(ABORT, 'PSFS scores are kept: amend the note, which keeps the version it replaces');
END;

CREATE TRIGGER note_versions_are_immutable BEFORE UPDATE ON note_versions
BEGIN
    SELECT RAISE(ABORT, 'earlier versions of a note are immutable');
END;

CREATE TRIGGER note_versions_are_kept BEFORE DELETE ON note_versions
WHEN NOT EXISTS (SELECT 1 FROM purge_guard g JOIN follow_up_notes n ON n.patient_id = g.patient_id
                 WHERE n.id = OLD.note_id)
BEGIN
    SELECT RAISE(ABORT, 'earlier versions of a note are kept: only purging the patient removes them');
END;

CREATE TRIGGER note_version_psfs_are_immutable BEFORE UPDATE ON note_version_psfs
BEGIN
    SELECT RAISE(ABORT, 'earlier versions of a note are immutable');
END;

CREATE TRIGGER note_version_psfs_are_kept BEFORE DELETE ON note_version_psfs
WHEN NOT EXISTS (SELECT 1 FROM purge_guard g JOIN follow_up_notes n ON n.patient_id = g.patient_id
                 WHERE n.id = OLD.note_id)
BEGIN
    SELECT RAISE(ABORT, 'earlier versions of a note are kept: only purging the patient removes them');
END;

-- An amendment may move the visit or change or clear the next due date: the patient's
-- latest note is found again (it may now be another note).
CREATE TRIGGER latest_notes_follow_update AFTER UPDATE OF visit_date, next_due ON follow_up_notes
BEGIN
    DELETE FROM latest_notes WHERE patient_id = NEW.patient_id;
    INSERT INTO latest_notes (patient_id, note_id, visit_date, next_due)
    SELECT patient_id, id, visit_date, next_due FROM follow_up_notes
    WHERE patient_id = NEW.patient_id ORDER BY visit_date DESC, id DESC LIMIT 1;
END;
