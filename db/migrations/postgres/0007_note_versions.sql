-- PostgreSQL equivalent of ../0007_note_versions.sql: amending a follow-up note. A note is
-- a clinical record: a correction must never overwrite it silently. The note's row holds
-- its current version; every version it replaced is kept, field for field with its PSFS
-- scores, in note_versions and note_version_psfs, which are never changed and go only
-- with a purge of the patient. The triggers below make the database itself refuse any
-- change to a note (or a delete of one of its PSFS scores) whose version being replaced
-- has not been copied first. SQLite's "a IS NOT b" is "a IS DISTINCT FROM b" here.

ALTER TABLE follow_up_notes ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE follow_up_notes ADD COLUMN amended_at text COLLATE "C";     -- of the current version; NULL for version 1
ALTER TABLE follow_up_notes ADD COLUMN amended_by text COLLATE "C";
ALTER TABLE follow_up_notes ADD COLUMN amend_reason text COLLATE "C";

-- Each version a note had before its latest amendment. written_by/written_at: the note's
-- author and created_at for version 1, the amendment's for later ones; reason is NULL for
-- version 1.
CREATE TABLE note_versions (
    note_id             bigint NOT NULL REFERENCES follow_up_notes(id),
    version             integer NOT NULL,
    revision_id         bigint REFERENCES plan_revisions(id),
    visit_date          text COLLATE "C" NOT NULL,
    pain_now            integer NOT NULL,
    pain_worst          integer,
    pain_best           integer,
    sessions_done       integer,
    sessions_prescribed integer,
    subjective          text COLLATE "C" NOT NULL,
    objective           text COLLATE "C" NOT NULL,
    assessment          text COLLATE "C" NOT NULL,
    plan_text           text COLLATE "C" NOT NULL,
    next_due            text COLLATE "C",
    written_by          text COLLATE "C" NOT NULL,
    written_at          text COLLATE "C" NOT NULL,
    reason              text COLLATE "C",
    PRIMARY KEY (note_id, version)
);
CREATE INDEX note_versions_by_revision ON note_versions(revision_id);

CREATE TABLE note_version_psfs (
    note_id  bigint NOT NULL,
    version  integer NOT NULL,
    position integer NOT NULL,
    activity text COLLATE "C" NOT NULL,
    score    integer NOT NULL,
    PRIMARY KEY (note_id, version, position),
    FOREIGN KEY (note_id, version) REFERENCES note_versions(note_id, version)
);

-- A note changes only by an amendment: the next version number, the same patient, author
-- and creation time, and the version it replaces already copied, field for field.
DROP TRIGGER follow_up_notes_are_immutable ON follow_up_notes;
DROP FUNCTION follow_up_notes_are_immutable();
CREATE FUNCTION follow_up_notes_change_only_by_amendment() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF NEW.version IS DISTINCT FROM OLD.version + 1
       OR NEW.id IS DISTINCT FROM OLD.id OR NEW.patient_id IS DISTINCT FROM OLD.patient_id
       OR NEW.author IS DISTINCT FROM OLD.author OR NEW.created_at IS DISTINCT FROM OLD.created_at
       OR NOT EXISTS (SELECT 1 FROM note_versions v WHERE v.note_id = OLD.id AND v.version = OLD.version
                      AND v.revision_id IS NOT DISTINCT FROM OLD.revision_id
                      AND v.visit_date IS NOT DISTINCT FROM OLD.visit_date
                      AND v.pain_now IS NOT DISTINCT FROM OLD.pain_now
                      AND v.pain_worst IS NOT DISTINCT FROM OLD.pain_worst
                      AND v.pain_best IS NOT DISTINCT FROM OLD.pain_best
                      AND v.sessions_done IS NOT DISTINCT FROM OLD.sessions_done
                      AND v.sessions_prescribed IS NOT DISTINCT FROM OLD.sessions_prescribed
                      AND v.subjective IS NOT DISTINCT FROM OLD.subjective
                      AND v.objective IS NOT DISTINCT FROM OLD.objective
                      AND v.assessment IS NOT DISTINCT FROM OLD.assessment
                      AND v.plan_text IS NOT DISTINCT FROM OLD.plan_text
                      AND v.next_due IS NOT DISTINCT FROM OLD.next_due) THEN
        RAISE EXCEPTION 'follow-up notes change only by an amendment that keeps the version it replaces' USING ERRCODE = 'P0001';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER follow_up_notes_change_only_by_amendment BEFORE UPDATE ON follow_up_notes
    FOR EACH ROW EXECUTE FUNCTION follow_up_notes_change_only_by_amendment();

-- A PSFS score goes in a purge, or in an amendment once the current version has its copy.
DROP TRIGGER psfs_scores_are_kept ON psfs_scores;
CREATE OR REPLACE FUNCTION psfs_scores_are_kept() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM purge_guard g JOIN follow_up_notes n ON n.patient_id = g.patient_id
                   WHERE n.id = OLD.note_id)
       AND NOT EXISTS (SELECT 1 FROM note_version_psfs vp JOIN follow_up_notes n ON n.id = vp.note_id AND n.version = vp.version
                       WHERE vp.note_id = OLD.note_id AND vp.position = OLD.position
                         AND vp.activity IS NOT DISTINCT FROM OLD.activity
                         AND vp.score IS NOT DISTINCT FROM OLD.score) THEN
        RAISE EXCEPTION 'PSFS scores are kept: amend the note, which keeps the version it replaces' USING ERRCODE = 'P0001';
    END IF;
    RETURN OLD;
END;
$$;
CREATE TRIGGER psfs_scores_are_kept BEFORE DELETE ON psfs_scores
    FOR EACH ROW EXECUTE FUNCTION psfs_scores_are_kept();

CREATE FUNCTION note_versions_are_immutable() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    RAISE EXCEPTION 'earlier versions of a note are immutable' USING ERRCODE = 'P0001';
END;
$$;
CREATE TRIGGER note_versions_are_immutable BEFORE UPDATE ON note_versions
    FOR EACH ROW EXECUTE FUNCTION note_versions_are_immutable();

CREATE FUNCTION note_versions_are_kept() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM purge_guard g JOIN follow_up_notes n ON n.patient_id = g.patient_id
                   WHERE n.id = OLD.note_id) THEN
        RAISE EXCEPTION 'earlier versions of a note are kept: only purging the patient removes them' USING ERRCODE = 'P0001';
    END IF;
    RETURN OLD;
END;
$$;
CREATE TRIGGER note_versions_are_kept BEFORE DELETE ON note_versions
    FOR EACH ROW EXECUTE FUNCTION note_versions_are_kept();

CREATE FUNCTION note_version_psfs_are_immutable() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    RAISE EXCEPTION 'earlier versions of a note are immutable' USING ERRCODE = 'P0001';
END;
$$;
CREATE TRIGGER note_version_psfs_are_immutable BEFORE UPDATE ON note_version_psfs
    FOR EACH ROW EXECUTE FUNCTION note_version_psfs_are_immutable();

CREATE FUNCTION note_version_psfs_are_kept() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM purge_guard g JOIN follow_up_notes n ON n.patient_id = g.patient_id
                   WHERE n.id = OLD.note_id) THEN
        RAISE EXCEPTION 'earlier versions of a note are kept: only purging the patient removes them' USING ERRCODE = 'P0001';
    END IF;
    RETURN OLD;
END;
$$;
CREATE TRIGGER note_version_psfs_are_kept BEFORE DELETE ON note_version_psfs
    FOR EACH ROW EXECUTE FUNCTION note_version_psfs_are_kept();

-- An amendment may move the visit or change or clear the next due date: the patient's
-- latest note is found again (it may now be another note). SECURITY DEFINER, like 0006's.
CREATE FUNCTION latest_notes_follow_update() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    DELETE FROM latest_notes WHERE patient_id = NEW.patient_id;
    INSERT INTO latest_notes (patient_id, note_id, visit_date, next_due)
    SELECT patient_id, id, visit_date, next_due FROM follow_up_notes
    WHERE patient_id = NEW.patient_id ORDER BY visit_date DESC, id DESC LIMIT 1;
    RETURN NULL;
END;
$$;
CREATE TRIGGER latest_notes_follow_update AFTER UPDATE OF visit_date, next_due ON follow_up_notes
    FOR EACH ROW EXECUTE FUNCTION latest_notes_follow_update();

-- Privileges. An amendment sets the clinical fields and the version columns; the id, the
-- patient, the author and the creation time are never granted (and the trigger checks
-- them as well). The versions are written once and go only with a purge.
REVOKE ALL ON FUNCTION follow_up_notes_change_only_by_amendment(), note_versions_are_immutable(),
    note_versions_are_kept(), note_version_psfs_are_immutable(), note_version_psfs_are_kept(),
    latest_notes_follow_update() FROM PUBLIC;
REVOKE ALL ON TABLE note_versions, note_version_psfs FROM PUBLIC;
GRANT UPDATE (revision_id, visit_date, pain_now, pain_worst, pain_best, sessions_done, sessions_prescribed,
              subjective, objective, assessment, plan_text, next_due,
              version, amended_at, amended_by, amend_reason) ON follow_up_notes TO stretchplan_app;
GRANT SELECT, INSERT, DELETE ON note_versions, note_version_psfs TO stretchplan_app;
