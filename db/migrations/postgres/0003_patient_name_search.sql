-- PostgreSQL equivalent of ../0003_patient_name_search.sql: search by name that ignores
-- case and accents and stays fast at tens of thousands of patients: every word of the
-- folded name in an index, found by prefix with a range query (word >= $1 AND word < $2).
-- COLLATE "C" makes that range bytewise, as in SQLite.
--
-- Folding is ICU's work (foldForSearch in core/TextFold.h). On SQLite a C++ post-step
-- back-fills the folded names of existing patients; on PostgreSQL the database is always
-- new when it is migrated (there are no patients yet), so there is no post-step here.

ALTER TABLE patients ADD COLUMN folded_name text COLLATE "C" NOT NULL DEFAULT '';
CREATE INDEX patients_by_folded_name ON patients(folded_name, id);

CREATE TABLE patient_name_words (
    word       text COLLATE "C" NOT NULL,
    patient_id bigint NOT NULL REFERENCES patients(id),
    PRIMARY KEY (word, patient_id)
);
CREATE INDEX patient_name_words_by_patient ON patient_name_words(patient_id);

-- Privileges. A rename re-indexes the name (its words are deleted and inserted again), and
-- a purge deletes them.
GRANT UPDATE (folded_name) ON patients TO stretchplan_app;
REVOKE ALL ON TABLE patient_name_words FROM PUBLIC;
GRANT SELECT, INSERT, DELETE ON patient_name_words TO stretchplan_app;
