-- PostgreSQL equivalent of ../0005_handout_message_id.sql: the Message-ID of a handout sent
-- by e-mail, so that a send can be matched with what the patient's mail server received
-- (and with a reply or a bounce). NULL for handouts that were not e-mailed.
-- The handout log's grants (0002: SELECT, INSERT, DELETE) cover the new column.

ALTER TABLE handout_log ADD COLUMN message_id text COLLATE "C";
