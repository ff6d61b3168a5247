-- Search by name that ignores case and accents and stays fast at tens of thousands of
-- patients: every word of the folded name in an index, found by prefix with a range query
-- (word >= ? AND word < ? || char(0x10FFFF)).
--
-- Folding is ICU's work (foldForSearch in core/TextFold.h), which SQL cannot do, so the
-- backfill of existing patients is a C++ post-step registered for this version in
-- db/sqlite/Migrations.cpp and run in the same transaction, right after this script. Storing
-- folded names "from the start" in 0001 would have meant rewriting a released migration:
-- databases that already ran 0001 would never get them.

ALTER TABLE patients ADD COLUMN folded_name TEXT NOT NULL DEFAULT '';
CREATE INDEX patients_by_folded_name ON patients(folded_name, id);

CREATE TABLE patient_name_words (
    word       TEXT NOT NULL,
    patient_id INTEGER NOT NULL REFERENCES patients(id),
    PRIMARY KEY (word, patient_id)
) WITHOUT ROWID;
CREATE INDEX patient_name_words_by_patient ON patient_name_words(patient_id);
