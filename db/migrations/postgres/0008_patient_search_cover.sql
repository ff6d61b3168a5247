-- PostgreSQL equivalent of ../0008_patient_search_cover.sql: patient search at clinic
-- scale. A three-letter prefix such as "mar" matches thousands of patients; this covering
-- index holds just what the sort by name and the archived filter need, so the first page
-- is chosen from small index rows and only its own patients are read whole.
CREATE INDEX patients_search_cover ON patients(id, archived, folded_name);
