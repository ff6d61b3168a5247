-- Follow-up notes with their PSFS scores, the log of handouts given, and the audit log.
-- Notes and the handout log are clinical records: written once, removed only by a purge.
-- The audit log is append-only without exception, and each entry carries the SHA-256 of
-- the one before (the chain the integrity check recomputes). It holds no personal data,
-- and its patient_id is deliberately not a foreign key: entries outlive purged patients.

CREATE TABLE follow_up_notes (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    patient_id          INTEGER NOT NULL REFERENCES patients(id),
    revision_id         INTEGER REFERENCES plan_revisions(id),
    visit_date          TEXT NOT NULL,            -- YYYY-MM-DD
    pain_now            INTEGER NOT NULL,
    pain_worst          INTEGER,
    pain_best           INTEGER,
    sessions_done       INTEGER,
    sessions_prescribed INTEGER,
    subjective          TEXT NOT NULL DEFAULT '',
    objective           TEXT NOT NULL DEFAULT '',
    assessment          TEXT NOT NULL DEFAULT '',
    plan_text           TEXT NOT NULL DEFAULT '',
    next_due            TEXT,                     -- YYYY-MM-DD, NULL when no follow-up is asked
    author              TEXT NOT NULL,
    created_at          TEXT NOT NULL
);
CREATE INDEX follow_up_notes_by_patient ON follow_up_notes(patient_id, visit_date, id);
CREATE INDEX follow_up_notes_by_revision ON follow_up_notes(revision_id);

CREATE TABLE psfs_scores (
    note_id  INTEGER NOT NULL REFERENCES follow_up_notes(id),
    position INTEGER NOT NULL,
    activity TEXT NOT NULL,
    score    INTEGER NOT NULL,
    PRIMARY KEY (note_id, position)
) WITHOUT ROWID;

CREATE TABLE handout_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    patient_id  INTEGER NOT NULL REFERENCES patients(id),
    revision_id INTEGER NOT NULL REFERENCES plan_revisions(id),
    channel     TEXT NOT NULL,                    -- pdf, print, email
    recipient   TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    at          TEXT NOT NULL,
    author      TEXT NOT NULL
);
CREATE INDEX handout_log_by_patient ON handout_log(patient_id, at);
CREATE INDEX handout_log_by_revision ON handout_log(revision_id);

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    entity     TEXT NOT NULL,
    entity_id  INTEGER NOT NULL,
    patient_id INTEGER,
    details    TEXT NOT NULL DEFAULT '{}',
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
);
CREATE INDEX audit_log_by_patient ON audit_log(patient_id, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER follow_up_notes_are_immutable BEFORE UPDATE ON follow_up_notes
BEGIN
    SELECT RAISE(ABORT, 'follow-up notes are immutable: add a new note instead');
END;

CREATE TRIGGER follow_up_notes_are_kept BEFORE DELETE ON follow_up_notes
WHEN NOT EXISTS (SELECT 1 FROM purge_guard WHERE patient_id = OLD.patient_id)
BEGIN
    SELECT RAISE(ABORT, 'follow-up notes are immutable: only purging the patient removes them');
END;

CREATE TRIGGER psfs_scores_are_immutable BEFORE UPDATE ON psfs_scores
BEGIN
    SELECT RAISE(ABORT, 'PSFS scores are immutable: add a new note instead');
END;

CREATE TRIGGER psfs_scores_are_kept BEFORE DELETE ON psfs_scores
WHEN NOT EXISTS (SELECT 1 FROM purge_guard g JOIN follow_up_notes n ON n.patient_id = g.patient_id
                 WHERE n.id = OLD.note_id)
BEGIN
    SELECT RAISE(ABORT, 'PSFS scores are immutable: only purging the patient removes them');
END;

CREATE TRIGGER handout_log_is_immutable BEFORE UPDATE ON handout_log
BEGIN
    SELECT RAISE(ABORT, 'the handout log is append-only');
END;

CREATE TRIGGER handout_log_is_kept BEFORE DELETE ON handout_log
WHEN NOT EXISTS (SELECT 1 FROM purge_guard WHERE patient_id = OLD.patient_id)
BEGIN
    SELECT RAISE(ABORT, 'the handout log is append-only: only purging the patient removes rows');
END;
