-- PostgreSQL equivalent of ../0004_clinic_profile.sql: the clinic's own profile, the
-- branding every handout carries (name, contact details, accent colour, logo, footer
-- disclaimer). At most one row, id 1; while there is none the demo branding shipped in
-- templates/branding/demo stands in. It describes the clinic, not a patient: a purge leaves
-- it alone. The logo is kept as its bytes (PNG or JPEG), so the database alone is enough
-- to print a handout and a backup carries the branding.

CREATE TABLE clinic_profile (
    id         integer PRIMARY KEY CHECK (id = 1),     -- always 1: not generated
    name       text COLLATE "C" NOT NULL,
    address    text COLLATE "C" NOT NULL DEFAULT '',
    phone      text COLLATE "C" NOT NULL DEFAULT '',
    email      text COLLATE "C" NOT NULL DEFAULT '',
    web        text COLLATE "C" NOT NULL DEFAULT '',
    accent     text COLLATE "C" NOT NULL,               -- #RRGGBB
    footer     text COLLATE "C" NOT NULL DEFAULT '',
    logo       bytea,                                  -- NULL when the clinic has no logo
    updated_at text COLLATE "C" NOT NULL
);

-- Privileges. Set by INSERT ... ON CONFLICT (id) DO UPDATE: every column but the id may
-- change. No DELETE: nothing removes the profile.
REVOKE ALL ON TABLE clinic_profile FROM PUBLIC;
GRANT SELECT, INSERT ON clinic_profile TO stretchplan_app;
GRANT UPDATE (name, address, phone, email, web, accent, footer, logo, updated_at) ON clinic_profile TO stretchplan_app;
