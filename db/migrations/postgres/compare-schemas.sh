#!/usr/bin/env bash
# Checks that the PostgreSQL migrations (this folder) give the same schema shape as the
# SQLite ones (..): the same tables with the same columns in the same order, each of the
# same kind (integer, text, blob), nullability, primary key and default; the same named
# indexes on the same columns; the same UNIQUE and foreign-key constraints; the same
# trigger names; and every PostgreSQL text column COLLATE "C". What only a server has
# (accounts and roles, migration 0010: the staff table and the triggers that record who
# writes) is listed in server_only below and left out of the comparison.
#
# It starts a throwaway PostgreSQL cluster of its own (initdb in a temporary folder, a
# Unix socket only, no TCP), creates the roles the migrations expect (an owner and the
# group role stretchplan_app), applies 0001.. as the owner, each file in one transaction
# as the C++ runner does, applies the SQLite files with sqlite3, and compares. Everything
# is removed on exit. Exit status 0 only when the migrations apply and the shapes match.
#
# Needs: sqlite3, PostgreSQL 15 server binaries (PG_BIN, default /usr/lib/postgresql/15/bin).
# Run as root (the cluster runs as the user "postgres") or as any other user (it runs as
# that user). KEEP_WORK=1 keeps the temporary folder (the compared lists are
# sqlite.sorted and postgres.sorted there). With VERIFY_APP_ROLE=1 it also runs
# checks/verify-app-role.sql as a member of stretchplan_app on a second, freshly migrated
# database (in checks/ so that a glob of postgres/*.sql finds the numbered migrations only).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
sqlite_dir=$(cd "$here/../sqlite" && pwd)
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
port=54329   # the socket is in our own folder, so any port is free there

command -v sqlite3 >/dev/null || { echo "compare-schemas: sqlite3 is not installed" >&2; exit 2; }
[ -x "$PG_BIN/initdb" ] || { echo "compare-schemas: no initdb in $PG_BIN (set PG_BIN)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/sp-compare-schemas.XXXXXX")
if [ "$(id -u)" = 0 ]; then
    chown postgres "$work"
    as_pg() { runuser -u postgres -- "$@"; }
else
    as_pg() { "$@"; }
fi
started=0
cleanup() {
    if [ "$started" = 1 ]; then
        as_pg "$PG_BIN/pg_ctl" -D "$work/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    if [ "${KEEP_WORK:-0}" = 1 ]; then echo "compare-schemas: kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

as_pg "$PG_BIN/initdb" -D "$work/data" -A trust -U postgres >"$work/initdb.log" 2>&1 \
    || { cat "$work/initdb.log" >&2; exit 1; }
as_pg "$PG_BIN/pg_ctl" -D "$work/data" -l "$work/server.log" \
    -o "-p $port -k $work -c listen_addresses=''" -w start >/dev/null \
    || { cat "$work/server.log" >&2; exit 1; }
started=1

psql_as() { # role, database, psql arguments...
    local role=$1 db=$2; shift 2
    "$PG_BIN/psql" -X -q -h "$work" -p "$port" -U "$role" -d "$db" -v ON_ERROR_STOP=1 "$@"
}

psql_as postgres postgres \
    -c "CREATE ROLE sp_owner LOGIN" \
    -c "CREATE ROLE stretchplan_app NOLOGIN" \
    -c "CREATE ROLE stretchplan_admin NOLOGIN IN ROLE stretchplan_app" \
    -c "CREATE ROLE stretchplan_reception NOLOGIN" \
    -c "CREATE ROLE sp_clinician LOGIN IN ROLE stretchplan_admin"

migrate_pg() { # database
    psql_as postgres postgres -c "CREATE DATABASE $1 OWNER sp_owner"
    # What the C++ runner does before the files.
    psql_as sp_owner "$1" -c "CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)" \
        -c "GRANT SELECT ON schema_migrations TO stretchplan_app"
    local f
    for f in "$here"/[0-9][0-9][0-9][0-9]_*.sql; do
        psql_as sp_owner "$1" -1 -f "$f" >/dev/null || { echo "compare-schemas: $(basename "$f") failed on PostgreSQL" >&2; exit 1; }
    done
}
migrate_pg clinic

# The SQLite files, in order, into a new file.
sqlite_db="$work/clinic.db"
pg_files=() sqlite_files=()
for f in "$sqlite_dir"/[0-9][0-9][0-9][0-9]_*.sql; do
    sqlite_files+=("$(basename "$f")")
    sqlite3 -bail "$sqlite_db" <"$f" || { echo "compare-schemas: $(basename "$f") failed on SQLite" >&2; exit 1; }
done
for f in "$here"/[0-9][0-9][0-9][0-9]_*.sql; do pg_files+=("$(basename "$f")"); done
if [ "${sqlite_files[*]}" != "${pg_files[*]}" ]; then
    echo "compare-schemas: the migration files differ:" >&2
    diff <(printf '%s\n' "${sqlite_files[@]}") <(printf '%s\n' "${pg_files[@]}") >&2 || true
    exit 1
fi

# One line per fact, sorted, in the same words for both. Kinds: integer, text, blob.
# schema_migrations is the runners' table, not the files', and is left out.
sqlite3 -separator ' ' "$sqlite_db" >"$work/sqlite.txt" <<'SQL'
SELECT 'column', m.name, p.cid + 1, p.name,
       CASE upper(p.type) WHEN 'INTEGER' THEN 'integer' WHEN 'TEXT' THEN 'text' WHEN 'BLOB' THEN 'blob' ELSE 'other:' || p.type END,
       CASE WHEN p."notnull" OR p.pk > 0 THEN 'not-null' ELSE 'null' END,
       CASE WHEN p.pk > 0 THEN 'pk' || p.pk ELSE '-' END,
       coalesce(p.dflt_value, '-')
FROM sqlite_master m JOIN pragma_table_info(m.name) p
WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\' AND m.name <> 'schema_migrations';
SELECT 'index', m.tbl_name, m.name,
       (SELECT group_concat(name, ',') FROM (SELECT ii.name FROM pragma_index_info(m.name) ii ORDER BY ii.seqno))
FROM sqlite_master m WHERE m.type = 'index' AND m.sql IS NOT NULL;
SELECT 'unique', m.name,
       (SELECT group_concat(name, ',') FROM (SELECT ii.name FROM pragma_index_info(il.name) ii ORDER BY ii.seqno))
FROM sqlite_master m JOIN pragma_index_list(m.name) il
WHERE m.type = 'table' AND il.origin = 'u' AND m.name <> 'schema_migrations';
SELECT 'foreign-key', m.name, group_concat(fk."from", ','), fk."table", group_concat(coalesce(fk."to", '?'), ',')
FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) fk
WHERE m.type = 'table' GROUP BY m.name, fk.id;
SELECT 'trigger', tbl_name, name FROM sqlite_master WHERE type = 'trigger';
SQL

psql_as sp_owner clinic -A -t -F ' ' >"$work/postgres.txt" <<'SQL'
SELECT 'column', c.table_name, c.ordinal_position, c.column_name,
       CASE WHEN c.data_type IN ('integer', 'bigint') THEN 'integer' WHEN c.data_type = 'text' THEN 'text'
            WHEN c.data_type = 'bytea' THEN 'blob' ELSE 'other:' || c.data_type END,
       CASE WHEN c.is_nullable = 'NO' THEN 'not-null' ELSE 'null' END,
       coalesce((SELECT 'pk' || k.ordinal_position FROM information_schema.table_constraints tc
                 JOIN information_schema.key_column_usage k USING (constraint_schema, constraint_name)
                 WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = 'public' AND tc.table_name = c.table_name
                   AND k.column_name = c.column_name), '-'),
       coalesce(regexp_replace(c.column_default, '::(text|integer|bigint)$', ''), '-')
FROM information_schema.columns c
WHERE c.table_schema = 'public' AND c.table_name <> 'schema_migrations'
ORDER BY c.table_name, c.ordinal_position;
SELECT 'index', t.relname, i.relname,
       (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(x.indkey) WITH ORDINALITY k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum)
FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
WHERE t.relnamespace = 'public'::regnamespace AND t.relname <> 'schema_migrations'
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.conrelid = x.indrelid
                  AND c.contype IN ('p', 'u', 'x'));
SELECT 'unique', t.relname,
       (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum)
FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
WHERE c.contype = 'u' AND t.relnamespace = 'public'::regnamespace;
SELECT 'foreign-key', t.relname,
       (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum),
       r.relname,
       (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum = k.attnum)
FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
WHERE c.contype = 'f' AND t.relnamespace = 'public'::regnamespace;
-- audit_log_no_truncate has no SQLite counterpart (SQLite has no TRUNCATE).
SELECT 'trigger', t.relname, g.tgname
FROM pg_trigger g JOIN pg_class t ON t.oid = g.tgrelid
WHERE NOT g.tgisinternal AND t.relnamespace = 'public'::regnamespace AND g.tgname <> 'audit_log_no_truncate';
SQL

# SQLite writes a foreign key to a primary key without naming the column ("?"), and
# PostgreSQL names it: resolve SQLite's to the referenced table's primary key.
resolve_fk() {
    local kind t from rt to pk
    while read -r kind t from rt to; do
        if [ "$kind" = foreign-key ] && [[ "$to" == *'?'* ]]; then
            pk=$(sqlite3 "$sqlite_db" "SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_info('$rt') WHERE pk > 0 ORDER BY pk)")
            to=$pk
        fi
        echo "$kind $t $from $rt $to"
    done
}
{ grep -v '^foreign-key ' "$work/sqlite.txt" || true; grep '^foreign-key ' "$work/sqlite.txt" | resolve_fk; } \
    | sort >"$work/sqlite.sorted"
# Server-only objects (0010_staff_and_roles.sql): a file on one computer has no accounts;
# nor does it store the clinic pack (the migration NNNN_clinic_pack.sql).
# Each entry is the start of the lines it removes from PostgreSQL's list.
server_only=(
    "column staff "
    "unique staff "
    "trigger audit_log audit_log_actor_is_signed_in"
    "trigger plan_revisions plan_revisions_author_is_signed_in"
    "trigger follow_up_notes follow_up_notes_author_is_signed_in"
    "trigger follow_up_notes follow_up_notes_signed_in_amender"
    "trigger handout_log handout_log_author_is_signed_in"
    "trigger note_versions note_versions_name_their_writer"
    "trigger patients patients_clinical_fields_by_clinicians"
    # NNNN_clinic_pack.sql: the clinic pack's versions; on one computer it is a folder.
    "column clinic_pack_"
    "index clinic_pack_"
    "foreign-key clinic_pack_"
    "trigger clinic_pack_"
)
server_only_filter() {
    local line entry
    while IFS= read -r line; do
        for entry in "${server_only[@]}"; do
            [[ "$line" == "$entry"* ]] && continue 2
        done
        printf '%s\n' "$line"
    done
}
server_only_filter <"$work/postgres.txt" | sort >"$work/postgres.sorted"

status=0
if ! diff -u --label sqlite "$work/sqlite.sorted" --label postgres "$work/postgres.sorted"; then
    echo "compare-schemas: the schemas differ (lines above: - SQLite only, + PostgreSQL only)" >&2
    status=1
fi

not_c=$(psql_as sp_owner clinic -A -t -c "SELECT table_name || '.' || column_name FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name <> 'schema_migrations' AND data_type = 'text'
      AND collation_name IS DISTINCT FROM 'C' ORDER BY 1")
if [ -n "$not_c" ]; then
    echo "compare-schemas: text columns without COLLATE \"C\":" >&2
    echo "$not_c" >&2
    status=1
fi

if [ "$status" = 0 ]; then
    echo "compare-schemas: same shape: $(grep -c '^column ' "$work/postgres.sorted") columns in $(grep '^column ' "$work/postgres.sorted" | cut -d' ' -f2 | sort -u | wc -l) tables, $(grep -c '^index ' "$work/postgres.sorted") indexes, $(grep -c '^trigger ' "$work/postgres.sorted") triggers (${#pg_files[@]} migrations)"
fi

if [ "$status" = 0 ] && [ "${VERIFY_APP_ROLE:-0}" = 1 ]; then
    migrate_pg behaviour
    if psql_as sp_clinician behaviour -f "$here/checks/verify-app-role.sql" >"$work/verify.out" 2>"$work/verify.log" \
        && grep -qx 'all checks passed' "$work/verify.out"; then
        echo "compare-schemas: verify-app-role.sql: all checks passed"
    else
        cat "$work/verify.log" >&2
        echo "compare-schemas: verify-app-role.sql failed" >&2
        status=1
    fi
fi
exit "$status"
