-- Reception reads and writes a patient's contact details, not the clinical fields (issue 18).
-- 0010 let reception read every column of `patients` and kept it from *writing* the
-- clinical ones with a trigger. Here its SELECT becomes column by column: the notes, the
-- directional preference and the red-flag screening are not granted, so neither the app
-- nor psql with reception's credentials can read them. The repository reads those columns
-- as empty for reception, and writes only the contact columns; the trigger of 0010 stays
-- as the guard on every write.
REVOKE SELECT ON patients FROM stretchplan_reception;
GRANT SELECT (id, name, date_of_birth, email, phone, clinician, archived, folded_name, created_at, updated_at)
    ON patients TO stretchplan_reception;
REVOKE UPDATE ON patients FROM stretchplan_reception;
GRANT UPDATE (name, date_of_birth, email, phone, clinician, folded_name, updated_at)
    ON patients TO stretchplan_reception;
