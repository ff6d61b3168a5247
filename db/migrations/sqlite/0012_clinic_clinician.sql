-- The name that goes on handouts on one computer (issue 18). A file has no accounts, so the
-- first start asks the clinician for it and keeps it in the clinic profile; until then
-- handouts fall back to the patient's treating clinician. On a clinic server the handout
-- names the signed-in person instead, and this column is only a fallback.
ALTER TABLE clinic_profile ADD COLUMN clinician TEXT NOT NULL DEFAULT '';
