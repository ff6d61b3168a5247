-- The clinic's own profile: the branding every handout carries (name, contact details,
-- accent colour, logo, footer disclaimer). At most one row, id 1; while there is none the
-- demo branding shipped in templates/branding/demo stands in. It describes the clinic,
-- not a patient: a purge leaves it alone. The logo is kept as its bytes (PNG or JPEG), so
-- the database alone is enough to print a handout and a backup carries the branding.

CREATE TABLE clinic_profile (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    name       TEXT NOT NULL,
    address    TEXT NOT NULL DEFAULT '',
    phone      TEXT NOT NULL DEFAULT '',
    email      TEXT NOT NULL DEFAULT '',
    web        TEXT NOT NULL DEFAULT '',
    accent     TEXT NOT NULL,                    -- #RRGGBB
    footer     TEXT NOT NULL DEFAULT '',
    logo       BLOB,                             -- NULL when the clinic has no logo
    updated_at TEXT NOT NULL
);
