-- The clinic's own exercise pack on a clinic server (issue 18): what Tools > Clinic
-- exercises edits, shared by every workstation. Server only: the SQLite file of the same
-- number is empty, since on one computer the clinic pack stays a folder (compare-schemas.sh
-- lists what is here alone).
--
-- Every save is a new version of the whole pack, kept as it was saved: a version names who
-- saved it (the signed-in login, as for every other author column) and when; its files
-- are paths in the pack folder, each naming its bytes by their SHA-256, and the bytes are
-- stored once however many versions hold them (a photo is not copied at every save).
-- Nothing is updated or deleted, by anyone; a version's files go in with it, in its
-- transaction, and it must hold a manifest.json. The client checks the whole pack with the
-- pack loader before it saves; the server keeps the shape.
--
-- Privileges: clinicians (and so admins) read the pack; only admins save a version.
-- Reception has no grant: it plans nothing, so it needs no exercises.

CREATE TABLE clinic_pack_versions (
    version  integer PRIMARY KEY CHECK (version >= 1),
    saved_by text COLLATE "C" NOT NULL,
    saved_at text COLLATE "C" NOT NULL
);

CREATE TABLE clinic_pack_blobs (
    sha256 text COLLATE "C" PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    bytes  bytea NOT NULL CHECK (octet_length(bytes) <= 16777216),
    CONSTRAINT clinic_pack_blobs_named_by_their_digest CHECK (sha256 = encode(sha256(bytes), 'hex'))
);

-- A path is one of a pack's files: manifest.json, guidance.json, exercises/NAME.json or a
-- file under media/; "/" separated, no part starting with ".", no "\" or control character.
CREATE TABLE clinic_pack_files (
    version integer NOT NULL REFERENCES clinic_pack_versions (version),
    path    text COLLATE "C" NOT NULL CHECK (
        path ~ '^(manifest\.json|guidance\.json|exercises/[^/]+\.json|media/.+)$'
        AND path !~ '(^|/)\.' AND path !~ '//' AND path !~ '/$' AND path !~ '[\\[:cntrl:]]'
        AND octet_length(path) <= 255),
    sha256  text COLLATE "C" NOT NULL REFERENCES clinic_pack_blobs (sha256),
    PRIMARY KEY (version, path)
);
CREATE INDEX clinic_pack_files_by_blob ON clinic_pack_files (sha256);

-- Versions follow one another: 1, 2, 3, ... with no gap.
CREATE FUNCTION clinic_pack_versions_in_order() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE next_version integer := (SELECT coalesce(max(version), 0) + 1 FROM clinic_pack_versions);
BEGIN
    IF NEW.version IS DISTINCT FROM next_version THEN
        RAISE EXCEPTION 'the next version of the clinic pack is %, not %', next_version, NEW.version
            USING ERRCODE = '22023';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER clinic_pack_versions_in_order BEFORE INSERT ON clinic_pack_versions
    FOR EACH ROW EXECUTE FUNCTION clinic_pack_versions_in_order();
CREATE TRIGGER clinic_pack_versions_saved_by_signed_in BEFORE INSERT ON clinic_pack_versions
    FOR EACH ROW EXECUTE FUNCTION written_by_the_signed_in_login('saved_by');

-- A version's files go in with it, in the transaction that made it: a saved version is
-- never added to.
CREATE FUNCTION clinic_pack_files_with_their_version() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM clinic_pack_versions v WHERE v.version = NEW.version
                   AND v.xmin::text = (txid_current() % 4294967296)::text) THEN
        RAISE EXCEPTION 'version % of the clinic pack is saved already: its files are kept as they are', NEW.version
            USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER clinic_pack_files_with_their_version BEFORE INSERT ON clinic_pack_files
    FOR EACH ROW EXECUTE FUNCTION clinic_pack_files_with_their_version();

-- At commit: a version holds a manifest.json (a pack without one is no pack).
CREATE FUNCTION clinic_pack_versions_hold_a_manifest() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM clinic_pack_files f WHERE f.version = NEW.version AND f.path = 'manifest.json') THEN
        RAISE EXCEPTION 'version % of the clinic pack has no manifest.json', NEW.version USING ERRCODE = '22023';
    END IF;
    RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER clinic_pack_versions_hold_a_manifest AFTER INSERT ON clinic_pack_versions
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION clinic_pack_versions_hold_a_manifest();

-- Kept as saved: no update or delete, by anyone (the owner included, as for the audit log).
CREATE FUNCTION clinic_pack_kept_as_saved() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    RAISE EXCEPTION 'the clinic pack''s versions are kept as they were saved: save a new version instead'
        USING ERRCODE = '42501';
END;
$$;
CREATE TRIGGER clinic_pack_versions_kept BEFORE UPDATE OR DELETE ON clinic_pack_versions
    FOR EACH ROW EXECUTE FUNCTION clinic_pack_kept_as_saved();
CREATE TRIGGER clinic_pack_files_kept BEFORE UPDATE OR DELETE ON clinic_pack_files
    FOR EACH ROW EXECUTE FUNCTION clinic_pack_kept_as_saved();
CREATE TRIGGER clinic_pack_blobs_kept BEFORE UPDATE OR DELETE ON clinic_pack_blobs
    FOR EACH ROW EXECUTE FUNCTION clinic_pack_kept_as_saved();
CREATE TRIGGER clinic_pack_versions_no_truncate BEFORE TRUNCATE ON clinic_pack_versions
    FOR EACH STATEMENT EXECUTE FUNCTION clinic_pack_kept_as_saved();
CREATE TRIGGER clinic_pack_files_no_truncate BEFORE TRUNCATE ON clinic_pack_files
    FOR EACH STATEMENT EXECUTE FUNCTION clinic_pack_kept_as_saved();
CREATE TRIGGER clinic_pack_blobs_no_truncate BEFORE TRUNCATE ON clinic_pack_blobs
    FOR EACH STATEMENT EXECUTE FUNCTION clinic_pack_kept_as_saved();

-- Privileges.
REVOKE ALL ON FUNCTION clinic_pack_versions_in_order(), clinic_pack_files_with_their_version(),
    clinic_pack_versions_hold_a_manifest(), clinic_pack_kept_as_saved() FROM PUBLIC;
REVOKE ALL ON TABLE clinic_pack_versions, clinic_pack_files, clinic_pack_blobs FROM PUBLIC;
GRANT SELECT ON clinic_pack_versions, clinic_pack_files, clinic_pack_blobs TO stretchplan_app;
GRANT INSERT ON clinic_pack_versions, clinic_pack_files, clinic_pack_blobs TO stretchplan_admin;
