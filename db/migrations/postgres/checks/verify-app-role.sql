-- Behaviour of the PostgreSQL schema as the app sees it. Run as a login role that is a
-- member of stretchplan_admin (and so of stretchplan_app), on a database migrated to the
-- latest version and still empty; authors are the signed-in login (session_user), as the
-- server requires since 0010:
--   psql -v ON_ERROR_STOP=1 -f checks/verify-app-role.sql   (or VERIFY_APP_ROLE=1 ../compare-schemas.sh)
-- Every check raises on a wrong outcome, so the run stops at the first failure; the last
-- line printed is "all checks passed".
\set QUIET on

-- expect(statement, SQLSTATE, the message or NULL): the statement must fail so.
-- check(condition, what): the condition must hold.
CREATE PROCEDURE pg_temp.expect(stmt text, state text, msg text) LANGUAGE plpgsql AS $$
DECLARE got_state text; got_msg text;
BEGIN
    BEGIN
        EXECUTE stmt;
    EXCEPTION WHEN others THEN
        GET STACKED DIAGNOSTICS got_state = RETURNED_SQLSTATE, got_msg = MESSAGE_TEXT;
        IF got_state <> state OR (msg IS NOT NULL AND got_msg <> msg) THEN
            RAISE EXCEPTION 'FAIL: % -> % "%", expected % "%"', stmt, got_state, got_msg, state, msg;
        END IF;
        RAISE NOTICE 'ok (refused, %): %', got_state, left(got_msg, 90);
        RETURN;
    END;
    RAISE EXCEPTION 'FAIL: % succeeded, expected % "%"', stmt, state, msg;
END;
$$;
CREATE FUNCTION pg_temp.check(cond boolean, what text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF cond IS NOT TRUE THEN RAISE EXCEPTION 'FAIL: %', what; END IF;
    RAISE NOTICE 'ok: %', what;
END;
$$;
SET client_min_messages = notice;

-- 1. The app writes: two patients, a plan with a revision and two items, notes with PSFS
--    scores, a handout, audit entries, the clinic profile (default ids: no sequence grant).
INSERT INTO patients (id, name, created_at, updated_at) OVERRIDING SYSTEM VALUE
    VALUES (100, 'Explicit Id', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
INSERT INTO patients (name, email, created_at, updated_at)
    VALUES ('Ann Example', 'ann@example.org', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')
    RETURNING id AS ann \gset
INSERT INTO patients (name, created_at, updated_at)
    VALUES ('Bob Other', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z') RETURNING id AS bob \gset
INSERT INTO patient_name_words (word, patient_id) VALUES ('ann', :ann), ('example', :ann), ('bob', :bob);
INSERT INTO patient_name_words (word, patient_id) VALUES ('ann', :ann) ON CONFLICT DO NOTHING;
UPDATE patients SET name = 'Ann Example-Smith', folded_name = 'ann example smith', archived = 0,
    updated_at = '2026-01-02T00:00:00.000Z' WHERE id = :ann;
INSERT INTO plans (patient_id, title, created_at) VALUES (:ann, 'Knee', '2026-01-02T00:00:00.000Z') RETURNING id AS plan \gset
INSERT INTO plan_revisions (plan_id, number, created_at, author, reason)
    VALUES (:plan, 1, '2026-01-02T00:00:00.000Z', session_user, 'initial') RETURNING id AS rev \gset
INSERT INTO plan_items (revision_id, position, exercise_id, snapshot, sets, reps, hold_s, rest_s, per_day, days_per_week, side, tempo_s)
    VALUES (:rev, 0, 'core/squat', '{}', 3, 10, 0, 60, 1, 5, 'both', 2),
           (:rev, 1, 'core/bridge', '{}', 3, 12, 5, 60, 1, 5, 'both', 2);
UPDATE plans SET status = 'closed' WHERE id = :plan;
INSERT INTO follow_up_notes (patient_id, revision_id, visit_date, pain_now, next_due, author, created_at)
    VALUES (:ann, :rev, '2026-02-01', 5, '2026-03-01', session_user, '2026-02-01T10:00:00.000Z') RETURNING id AS n1 \gset
INSERT INTO psfs_scores (note_id, position, activity, score) VALUES (:n1, 0, 'stairs', 4), (:n1, 1, 'kneel', 2);
INSERT INTO handout_log (patient_id, revision_id, channel, recipient, sha256, at, author, message_id)
    VALUES (:ann, :rev, 'email', 'ann@example.org', repeat('a', 64), '2026-01-02T00:00:01.000Z', session_user, '<m@x>');
INSERT INTO audit_log (at, actor, action, entity, entity_id, patient_id, details, prev_hash, hash, format)
    VALUES ('2026-01-02T00:00:02.000Z', session_user, 'override', 'plan', :plan, :ann, '{}', '', repeat('b', 64), 2)
    RETURNING id AS entry \gset
INSERT INTO audit_texts (entry_id, patient_id, salt, text) VALUES (:entry, :ann, 'salt', 'a reason');
INSERT INTO clinic_profile (id, name, accent, logo, updated_at) VALUES (1, 'Clinic', '#112233', '\x00ff00'::bytea, 'now')
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, logo = excluded.logo, updated_at = excluded.updated_at;
INSERT INTO clinic_profile (id, name, accent, logo, updated_at) VALUES (1, 'Clinic 2', '#112233', NULL, 'later')
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, logo = excluded.logo, updated_at = excluded.updated_at;
SELECT pg_temp.check((SELECT name = 'Clinic 2' AND logo IS NULL FROM clinic_profile), 'inserts as the app role, default and explicit ids, clinic profile upsert') AS ok \gset

-- 1b. Nobody writes another person's name (0010).
CALL pg_temp.expect('INSERT INTO audit_log (at, actor, action, entity, entity_id, details, prev_hash, hash, format) VALUES (''x'', ''mallory'', ''create'', ''patient'', 1, ''{}'', '''', ''x'', 2)', '42501', NULL);
CALL pg_temp.expect('INSERT INTO plan_revisions (plan_id, number, created_at, author, reason) VALUES (' || :plan || ', 2, ''x'', ''mallory'', ''x'')', '42501', NULL);
CALL pg_temp.expect('INSERT INTO handout_log (patient_id, revision_id, channel, recipient, sha256, at, author) VALUES (' || :ann || ', ' || :rev || ', ''pdf'', '''', ''x'', ''x'', ''mallory'')', '42501', NULL);
CALL pg_temp.expect('INSERT INTO follow_up_notes (patient_id, visit_date, pain_now, author, created_at) VALUES (' || :ann || ', ''2026-01-01'', 1, ''mallory'', ''x'')', '42501', NULL);

-- 2. The audit log cannot be changed, by statement or by switching its triggers off.
CALL pg_temp.expect('UPDATE audit_log SET actor = ''x''', '42501', 'permission denied for table audit_log');
CALL pg_temp.expect('DELETE FROM audit_log', '42501', 'permission denied for table audit_log');
CALL pg_temp.expect('TRUNCATE audit_log', '42501', 'permission denied for table audit_log');
CALL pg_temp.expect('ALTER TABLE audit_log DISABLE TRIGGER ALL', '42501', 'must be owner of table audit_log');
CALL pg_temp.expect('DROP TRIGGER audit_log_no_update ON audit_log', '42501', 'must be owner of relation audit_log');
CALL pg_temp.expect('SET session_replication_role = replica', '42501', NULL);
CALL pg_temp.expect('SELECT setval(''audit_log_id_seq'', 1)', '42501', 'permission denied for sequence audit_log_id_seq');
SELECT pg_temp.check((SELECT last_value >= 1 FROM audit_log_id_seq), 'the app reads the audit log''s sequence') AS ok \gset
CALL pg_temp.expect('CREATE TABLE purge_guard_2 (patient_id bigint)', '42501', 'permission denied for schema public');

-- 3. Records: no UPDATE grant; DELETE refused by the triggers without purge_guard.
CALL pg_temp.expect('UPDATE plan_revisions SET reason = ''x''', '42501', 'permission denied for table plan_revisions');
CALL pg_temp.expect('UPDATE plan_items SET sets = 1', '42501', 'permission denied for table plan_items');
CALL pg_temp.expect('UPDATE psfs_scores SET score = 1', '42501', 'permission denied for table psfs_scores');
CALL pg_temp.expect('UPDATE handout_log SET recipient = ''x''', '42501', 'permission denied for table handout_log');
CALL pg_temp.expect('UPDATE audit_texts SET text = ''x''', '42501', 'permission denied for table audit_texts');
CALL pg_temp.expect('UPDATE plans SET title = ''x''', '42501', 'permission denied for table plans');
CALL pg_temp.expect('UPDATE patients SET id = 999 WHERE id = ' || :ann, '42501', 'permission denied for table patients');
CALL pg_temp.expect('UPDATE patients SET created_at = ''x''', '42501', 'permission denied for table patients');
CALL pg_temp.expect('DELETE FROM clinic_profile', '42501', 'permission denied for table clinic_profile');
CALL pg_temp.expect('INSERT INTO latest_notes VALUES (' || :bob || ', ' || :n1 || ', ''2099-01-01'', NULL)', '42501', 'permission denied for table latest_notes');
CALL pg_temp.expect('UPDATE latest_notes SET next_due = NULL', '42501', 'permission denied for table latest_notes');
CALL pg_temp.expect('DELETE FROM latest_notes', '42501', 'permission denied for table latest_notes');
CALL pg_temp.expect('DELETE FROM plan_revisions WHERE id = ' || :rev, 'P0001', 'plan revisions are immutable: only purging the patient removes them');
CALL pg_temp.expect('DELETE FROM plan_items', 'P0001', 'plan items are immutable: only purging the patient removes them');
CALL pg_temp.expect('DELETE FROM plans', 'P0001', 'plans are kept: close the plan, or purge the patient');
CALL pg_temp.expect('DELETE FROM patients WHERE id = ' || :bob, 'P0001', 'patients are kept: archive the patient, or purge them');
CALL pg_temp.expect('DELETE FROM follow_up_notes', 'P0001', 'follow-up notes are immutable: only purging the patient removes them');
CALL pg_temp.expect('DELETE FROM psfs_scores', 'P0001', 'PSFS scores are kept: amend the note, which keeps the version it replaces');
CALL pg_temp.expect('DELETE FROM handout_log', 'P0001', 'the handout log is append-only: only purging the patient removes rows');
CALL pg_temp.expect('DELETE FROM audit_texts', 'P0001', 'audit texts are kept: only purging the patient removes them');
-- Another patient's guard does not open this patient's records.
INSERT INTO purge_guard VALUES (:bob);
CALL pg_temp.expect('DELETE FROM plan_revisions WHERE id = ' || :rev, 'P0001', 'plan revisions are immutable: only purging the patient removes them');
DELETE FROM purge_guard WHERE patient_id = :bob;

-- 4. latest_notes follows inserts, as the app role (which may not write it).
SELECT pg_temp.check((SELECT note_id = :n1 AND next_due = '2026-03-01' FROM latest_notes WHERE patient_id = :ann), 'latest_notes: the first note') AS ok \gset
INSERT INTO follow_up_notes (patient_id, visit_date, pain_now, next_due, author, created_at)
    VALUES (:ann, '2026-02-15', 4, '2026-03-15', session_user, '2026-02-15T10:00:00.000Z') RETURNING id AS n2 \gset
SELECT pg_temp.check((SELECT note_id = :n2 FROM latest_notes WHERE patient_id = :ann), 'latest_notes: a later visit replaces it') AS ok \gset
INSERT INTO follow_up_notes (patient_id, visit_date, pain_now, next_due, author, created_at)
    VALUES (:ann, '2026-01-20', 6, NULL, session_user, '2026-02-16T10:00:00.000Z') RETURNING id AS n3 \gset
SELECT pg_temp.check((SELECT note_id = :n2 FROM latest_notes WHERE patient_id = :ann), 'latest_notes: a note about an earlier visit does not') AS ok \gset
INSERT INTO follow_up_notes (patient_id, visit_date, pain_now, next_due, author, created_at)
    VALUES (:ann, '2026-02-15', 3, NULL, session_user, '2026-02-17T10:00:00.000Z') RETURNING id AS n4 \gset
SELECT pg_temp.check((SELECT note_id = :n4 AND next_due IS NULL FROM latest_notes WHERE patient_id = :ann), 'latest_notes: same visit, higher id replaces it') AS ok \gset

-- 5. Amendments. Breaking the rule fails; the amendment NoteRepo::amend makes passes.
CALL pg_temp.expect('UPDATE follow_up_notes SET pain_now = 1, version = 2 WHERE id = ' || :n1, 'P0001', 'follow-up notes change only by an amendment that keeps the version it replaces');
CALL pg_temp.expect('UPDATE follow_up_notes SET author = ''x'', version = 2 WHERE id = ' || :n1, '42501', 'permission denied for table follow_up_notes');
BEGIN;
INSERT INTO note_versions (note_id, version, revision_id, visit_date, pain_now, pain_worst, pain_best, sessions_done,
        sessions_prescribed, subjective, objective, assessment, plan_text, next_due, written_by, written_at, reason)
    SELECT id, version, revision_id, visit_date, pain_now, pain_worst, pain_best, sessions_done, sessions_prescribed,
        subjective, objective, assessment, plan_text, next_due, coalesce(amended_by, author), coalesce(amended_at, created_at),
        amend_reason FROM follow_up_notes WHERE id = :n1;
-- With the copy there: a version that skips a number, or a copy of other fields, still fails.
CALL pg_temp.expect('UPDATE follow_up_notes SET pain_now = 1, version = 3 WHERE id = ' || :n1, 'P0001', 'follow-up notes change only by an amendment that keeps the version it replaces');
CALL pg_temp.expect('DELETE FROM psfs_scores WHERE note_id = ' || :n1, 'P0001', 'PSFS scores are kept: amend the note, which keeps the version it replaces');
INSERT INTO note_version_psfs (note_id, version, position, activity, score)
    SELECT note_id, 1, position, activity, score FROM psfs_scores WHERE note_id = :n1;
DELETE FROM psfs_scores WHERE note_id = :n1;
UPDATE follow_up_notes SET visit_date = '2026-02-20', pain_now = 2, next_due = '2026-04-01', version = 2,
    amended_by = session_user, amended_at = '2026-02-21T00:00:00.000Z', amend_reason = 'typo' WHERE id = :n1;
INSERT INTO psfs_scores (note_id, position, activity, score) VALUES (:n1, 0, 'stairs', 5);
COMMIT;
SELECT pg_temp.check((SELECT version = 2 AND pain_now = 2 FROM follow_up_notes WHERE id = :n1), 'an amendment that keeps the version it replaces passes') AS ok \gset
SELECT pg_temp.check((SELECT note_id = :n1 AND next_due = '2026-04-01' FROM latest_notes WHERE patient_id = :ann), 'latest_notes follows an amendment that moves the visit') AS ok \gset
CALL pg_temp.expect('UPDATE follow_up_notes SET pain_now = 9, version = 3 WHERE id = ' || :n1, 'P0001', 'follow-up notes change only by an amendment that keeps the version it replaces');
CALL pg_temp.expect('UPDATE note_versions SET reason = ''x''', '42501', 'permission denied for table note_versions');
CALL pg_temp.expect('DELETE FROM note_versions', 'P0001', 'earlier versions of a note are kept: only purging the patient removes them');
CALL pg_temp.expect('DELETE FROM note_version_psfs', 'P0001', 'earlier versions of a note are kept: only purging the patient removes them');

-- 6. The purge, as PatientRepo::purge does it, in one transaction.
INSERT INTO follow_up_notes (patient_id, visit_date, pain_now, next_due, author, created_at)
    VALUES (:bob, '2026-02-01', 1, '2026-05-01', session_user, '2026-02-01T10:00:00.000Z');
BEGIN;
INSERT INTO purge_guard (patient_id) VALUES (:ann);
DELETE FROM note_version_psfs WHERE note_id IN (SELECT id FROM follow_up_notes WHERE patient_id = :ann);
DELETE FROM note_versions WHERE note_id IN (SELECT id FROM follow_up_notes WHERE patient_id = :ann);
DELETE FROM psfs_scores WHERE note_id IN (SELECT id FROM follow_up_notes WHERE patient_id = :ann);
DELETE FROM follow_up_notes WHERE patient_id = :ann;
DELETE FROM handout_log WHERE patient_id = :ann;
DELETE FROM plan_items WHERE revision_id IN (SELECT r.id FROM plan_revisions r JOIN plans p ON p.id = r.plan_id WHERE p.patient_id = :ann);
DELETE FROM plan_revisions WHERE plan_id IN (SELECT id FROM plans WHERE patient_id = :ann);
DELETE FROM plans WHERE patient_id = :ann;
DELETE FROM patient_name_words WHERE patient_id = :ann;
DELETE FROM audit_texts WHERE patient_id = :ann;
DELETE FROM patients WHERE id = :ann;
DELETE FROM purge_guard WHERE patient_id = :ann;
INSERT INTO pending_erasure (id, since) VALUES (1, '2026-03-01T00:00:00.000Z') ON CONFLICT DO NOTHING;
INSERT INTO pending_erasure (id, since) VALUES (1, '2026-03-01T00:00:00.000Z') ON CONFLICT DO NOTHING;
INSERT INTO audit_log (at, actor, action, entity, entity_id, patient_id, details, prev_hash, hash, format)
    VALUES ('2026-03-01T00:00:00.000Z', session_user, 'purge', 'patient', :ann, :ann, '{}', repeat('b', 64), repeat('c', 64), 2);
COMMIT;
SELECT pg_temp.check((SELECT count(*) = 0 FROM patients WHERE id = :ann)
                 AND (SELECT count(*) = 0 FROM follow_up_notes WHERE patient_id = :ann)
                 AND (SELECT count(*) = 0 FROM latest_notes WHERE patient_id = :ann)
                 AND (SELECT count(*) = 0 FROM note_versions) AND (SELECT count(*) = 0 FROM audit_texts)
                 AND (SELECT count(*) = 0 FROM plans) AND (SELECT count(*) = 0 FROM purge_guard),
                 'the purge removes the patient''s rows, latest_notes included') AS ok \gset
SELECT pg_temp.check((SELECT count(*) = 1 FROM latest_notes WHERE patient_id = :bob)
                 AND (SELECT count(*) = 1 FROM patients WHERE id = :bob)
                 AND (SELECT count(*) = 2 FROM audit_log)
                 AND (SELECT count(*) = 1 FROM clinic_profile),
                 'the purge leaves the other patient, the audit log and the clinic profile') AS ok \gset
DELETE FROM pending_erasure;
SELECT pg_temp.check((SELECT count(*) = 0 FROM pending_erasure), 'the erasure mark is removed') AS ok \gset
\echo all checks passed
