-- PostgreSQL equivalent of ../0012_clinic_clinician.sql: the clinic profile's name for
-- handouts. On a server every handout names the signed-in person (staff.full_name), so this
-- is only the fallback for a signed-in login without a full name; like the rest of the
-- profile, only admins change it.
ALTER TABLE clinic_profile ADD COLUMN clinician text COLLATE "C" NOT NULL DEFAULT '';
GRANT UPDATE (clinician) ON clinic_profile TO stretchplan_admin;
