-- Free text about a patient leaves the audit chain. Until now an override's reason (the
-- clinician's own words, "… has cauda equina symptoms") was part of the entry's details,
-- and so stayed in the append-only log after the patient was purged. From this version:
--   audit_log.format       1: the entry was chained by the version-1 canonical text (its
--                          details as written, the reason included); 2: by the version-2
--                          text, which holds text_digest instead of any free text.
--   audit_log.text_digest  format 2: SHA-256 of salt and text, when the entry has a text.
--                          format 1: 'details.reason' when this migration moved the
--                          reason out of the details (the check puts it back to verify
--                          the entry's hash; once the patient is purged, such an entry is
--                          verified by its links alone).
--   audit_texts            the texts, with the patient they are about; deleted only by a
--                          purge of that patient, like the other clinical records.
--   pending_erasure        one row while a purge's vacuum and checkpoint are still owed
--                          (another connection was reading); the next open finishes them.

ALTER TABLE audit_log ADD COLUMN format INTEGER NOT NULL DEFAULT 1;
ALTER TABLE audit_log ADD COLUMN text_digest TEXT;

CREATE TABLE audit_texts (
    entry_id   INTEGER PRIMARY KEY REFERENCES audit_log(id),
    patient_id INTEGER NOT NULL,              -- not a foreign key, like audit_log's
    salt       TEXT NOT NULL,                 -- '' for a reason moved from a format-1 entry
    text       TEXT NOT NULL
);
CREATE INDEX audit_texts_by_patient ON audit_texts(patient_id);

CREATE TABLE pending_erasure (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    since TEXT NOT NULL
);

-- The one time the audit log is changed: the migration runs in one transaction with the
-- write lock held, and puts the append-only trigger back before it commits. The reason of
-- a patient who is still here moves to audit_texts; that of a patient purged before this
-- version goes (the purge could not take it then), and the file owes an erasure, which
-- the store finishes as it opens.
INSERT INTO audit_texts (entry_id, patient_id, salt, text)
    SELECT id, patient_id, '', json_extract(details, '$.reason') FROM audit_log
    WHERE action = 'override' AND patient_id IN (SELECT id FROM patients)
      AND CASE WHEN json_valid(details) THEN json_type(details, '$.reason') END = 'text';

INSERT INTO pending_erasure (id, since)
    SELECT 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM audit_log
    WHERE action = 'override' AND patient_id IS NOT NULL AND patient_id NOT IN (SELECT id FROM patients)
      AND CASE WHEN json_valid(details) THEN json_type(details, '$.reason') END = 'text'
    LIMIT 1;

DROP TRIGGER IF EXISTS audit_log_no_update; -- IF EXISTS: a tampered file is still migrated, and checked
UPDATE audit_log SET details = json_remove(details, '$.reason'), text_digest = 'details.reason'
    WHERE action = 'override' AND patient_id IS NOT NULL
      AND CASE WHEN json_valid(details) THEN json_type(details, '$.reason') END = 'text';
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_texts_are_immutable BEFORE UPDATE ON audit_texts
BEGIN
    SELECT RAISE(ABORT, 'audit texts are immutable');
END;

CREATE TRIGGER audit_texts_are_kept BEFORE DELETE ON audit_texts
WHEN NOT EXISTS (SELECT 1 FROM purge_guard WHERE patient_id = OLD.patient_id)
BEGIN
    SELECT RAISE(ABORT, 'audit texts are kept: only purging the patient removes them');
END;
