-- PostgreSQL equivalent of ../0009_audit_texts.sql: free text about a patient leaves the
-- audit chain. An override's reason (the clinician's own words) was part of the entry's
-- details, and so stayed in the append-only log after the patient was purged. From this
-- version:
--   audit_log.format       1: the entry was chained by the version-1 canonical text (its
--                          details as written, the reason included); 2: by the version-2
--                          text, which holds text_digest instead of any free text.
--   audit_log.text_digest  format 2: SHA-256 of salt and text, when the entry has a text.
--                          format 1: 'details.reason' when this migration moved the
--                          reason out of the details.
--   audit_texts            the texts, with the patient they are about; deleted only by a
--                          purge of that patient, like the other clinical records.
--   pending_erasure        one row while a purge's erasure is still owed. PostgreSQL needs
--                          no VACUUM marker; the table is here so that both databases
--                          have the same shape and the same repository SQL runs on both.

ALTER TABLE audit_log ADD COLUMN format integer NOT NULL DEFAULT 1;
ALTER TABLE audit_log ADD COLUMN text_digest text COLLATE "C";

CREATE TABLE audit_texts (
    entry_id   bigint PRIMARY KEY REFERENCES audit_log(id),
    patient_id bigint NOT NULL,                  -- not a foreign key, like audit_log's
    salt       text COLLATE "C" NOT NULL,         -- '' for a reason moved from a format-1 entry
    text       text COLLATE "C" NOT NULL
);
CREATE INDEX audit_texts_by_patient ON audit_texts(patient_id);

CREATE TABLE pending_erasure (
    id    integer PRIMARY KEY CHECK (id = 1),     -- always 1: not generated
    since text COLLATE "C" NOT NULL
);

-- The one time the audit log is changed, as in SQLite: this file runs in one transaction,
-- and the append-only trigger is back before it commits. (On PostgreSQL the database is new
-- when migrated, so these statements find no entries; they are here so that the file
-- means what SQLite's does.)
-- SQLite's json_valid has no counterpart in PostgreSQL 15 (IS JSON came in 16), so a
-- helper of this file turns details that are not JSON into NULL, and goes at the end.
CREATE FUNCTION sp_0009_jsonb_or_null(details text) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE SET search_path = public, pg_temp AS $$
BEGIN
    RETURN details::jsonb;
EXCEPTION WHEN others THEN
    RETURN NULL;
END;
$$;

-- json_type(details, '$.reason') = 'text'  <=>  jsonb_typeof(details -> 'reason') = 'string'
INSERT INTO audit_texts (entry_id, patient_id, salt, text)
    SELECT id, patient_id, '', sp_0009_jsonb_or_null(details) ->> 'reason' FROM audit_log
    WHERE action = 'override' AND patient_id IN (SELECT id FROM patients)
      AND jsonb_typeof(sp_0009_jsonb_or_null(details) -> 'reason') = 'string';

INSERT INTO pending_erasure (id, since)
    SELECT 1, to_char(statement_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') FROM audit_log
    WHERE action = 'override' AND patient_id IS NOT NULL AND patient_id NOT IN (SELECT id FROM patients)
      AND jsonb_typeof(sp_0009_jsonb_or_null(details) -> 'reason') = 'string'
    LIMIT 1;

DROP TRIGGER IF EXISTS audit_log_no_update ON audit_log; -- IF EXISTS: as in SQLite
UPDATE audit_log SET details = (sp_0009_jsonb_or_null(details) - 'reason')::text, text_digest = 'details.reason'
    WHERE action = 'override' AND patient_id IS NOT NULL
      AND jsonb_typeof(sp_0009_jsonb_or_null(details) -> 'reason') = 'string';
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

DROP FUNCTION sp_0009_jsonb_or_null(text);

CREATE FUNCTION audit_texts_are_immutable() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    RAISE EXCEPTION 'audit texts are immutable' USING ERRCODE = 'P0001';
END;
$$;
CREATE TRIGGER audit_texts_are_immutable BEFORE UPDATE ON audit_texts
    FOR EACH ROW EXECUTE FUNCTION audit_texts_are_immutable();

CREATE FUNCTION audit_texts_are_kept() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM purge_guard WHERE patient_id = OLD.patient_id) THEN
        RAISE EXCEPTION 'audit texts are kept: only purging the patient removes them' USING ERRCODE = 'P0001';
    END IF;
    RETURN OLD;
END;
$$;
CREATE TRIGGER audit_texts_are_kept BEFORE DELETE ON audit_texts
    FOR EACH ROW EXECUTE FUNCTION audit_texts_are_kept();

-- Privileges. The audit log's grants (0002: SELECT, INSERT) cover its new columns.
-- An audit text is written with its entry and deleted only by the purge; the purge
-- marks the erasure as owed, and the next open removes the mark.
REVOKE ALL ON FUNCTION audit_texts_are_immutable(), audit_texts_are_kept() FROM PUBLIC;
REVOKE ALL ON TABLE audit_texts, pending_erasure FROM PUBLIC;
GRANT SELECT, INSERT, DELETE ON audit_texts, pending_erasure TO stretchplan_app;
