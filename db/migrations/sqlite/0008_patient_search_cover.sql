-- Patient search at clinic scale: a three-letter prefix such as "mar" matches thousands of
-- patients, and each match was looked up in the patients table, whose rows are large
-- (notes, screening answers), only to sort them by name and keep the first page. This
-- covering index holds just what that sort and the archived filter need, so the first
-- page is chosen from small index rows and only its own patients are read whole.
CREATE INDEX patients_search_cover ON patients(id, archived, folded_name);
