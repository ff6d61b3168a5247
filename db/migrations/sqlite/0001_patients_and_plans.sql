-- Patients and their home-exercise plans. A plan revision, with its items, is a record of
-- what the patient was given: it is never changed or deleted, except by the purge of the
-- whole patient (right to erasure), which opens purge_guard for that patient alone.
-- Ids never come back (AUTOINCREMENT): the audit log outlives purged patients and names
-- them by id, so a new patient must not inherit an old one's entries.

CREATE TABLE patients (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    name              TEXT NOT NULL,
    date_of_birth     TEXT,                       -- YYYY-MM-DD
    email             TEXT NOT NULL DEFAULT '',
    phone             TEXT NOT NULL DEFAULT '',
    clinician         TEXT NOT NULL DEFAULT '',
    archived          INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    notes             TEXT NOT NULL DEFAULT '',
    preference        TEXT NOT NULL DEFAULT 'unknown',
    screening_date    TEXT,                       -- NULL until the first red-flag screening
    screening_answers TEXT,                       -- JSON [{"flag": "...", "present": false}, ...]
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    CHECK ((screening_date IS NULL) = (screening_answers IS NULL))
);

CREATE TABLE plans (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    patient_id INTEGER NOT NULL REFERENCES patients(id),
    title      TEXT NOT NULL,
    status     TEXT NOT NULL DEFAULT 'active',
    created_at TEXT NOT NULL
);
CREATE INDEX plans_by_patient ON plans(patient_id);

CREATE TABLE plan_revisions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id    INTEGER NOT NULL REFERENCES plans(id),
    number     INTEGER NOT NULL CHECK (number >= 1),
    created_at TEXT NOT NULL,
    author     TEXT NOT NULL,
    reason     TEXT NOT NULL,
    goals      TEXT NOT NULL DEFAULT '[]',        -- JSON array of strings
    UNIQUE (plan_id, number)
);

CREATE TABLE plan_items (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    revision_id   INTEGER NOT NULL REFERENCES plan_revisions(id),
    position      INTEGER NOT NULL,               -- 0, 1, ... in handout order
    exercise_id   TEXT NOT NULL,                  -- qualified: pack/exercise
    snapshot      TEXT NOT NULL,                  -- the exercise in the pack format, as it was
    sets          INTEGER NOT NULL,
    reps          INTEGER NOT NULL,
    hold_s        INTEGER NOT NULL,
    rest_s        INTEGER NOT NULL,
    per_day       INTEGER NOT NULL,
    days_per_week INTEGER NOT NULL,
    side          TEXT NOT NULL,
    tempo_s       INTEGER NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    UNIQUE (revision_id, position)
);

-- One row while a patient is being purged, inside the purge transaction only. Triggers of
-- the main schema cannot see TEMP tables, so the guard is an ordinary table.
CREATE TABLE purge_guard (
    patient_id INTEGER PRIMARY KEY
);

CREATE TRIGGER plan_revisions_are_immutable BEFORE UPDATE ON plan_revisions
BEGIN
    SELECT RAISE(ABORT, 'plan revisions are immutable: store a new revision instead');
END;

CREATE TRIGGER plan_revisions_are_kept BEFORE DELETE ON plan_revisions
WHEN NOT EXISTS (SELECT 1 FROM purge_guard g JOIN plans p ON p.patient_id = g.patient_id
                 WHERE p.id = OLD.plan_id)
BEGIN
    SELECT RAISE(ABORT, 'plan revisions are immutable: only purging the patient removes them');
END;

CREATE TRIGGER plan_items_are_immutable BEFORE UPDATE ON plan_items
BEGIN
    SELECT RAISE(ABORT, 'plan items are immutable: store a new revision instead');
END;

CREATE TRIGGER plan_items_are_kept BEFORE DELETE ON plan_items
WHEN NOT EXISTS (SELECT 1 FROM purge_guard g JOIN plans p ON p.patient_id = g.patient_id
                 JOIN plan_revisions r ON r.plan_id = p.id WHERE r.id = OLD.revision_id)
BEGIN
    SELECT RAISE(ABORT, 'plan items are immutable: only purging the patient removes them');
END;

CREATE TRIGGER plans_are_kept BEFORE DELETE ON plans
WHEN NOT EXISTS (SELECT 1 FROM purge_guard WHERE patient_id = OLD.patient_id)
BEGIN
    SELECT RAISE(ABORT, 'plans are kept: close the plan, or purge the patient');
END;

CREATE TRIGGER patients_are_kept BEFORE DELETE ON patients
WHEN NOT EXISTS (SELECT 1 FROM purge_guard WHERE patient_id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'patients are kept: archive the patient, or purge them');
END;
