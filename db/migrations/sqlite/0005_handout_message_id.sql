-- The Message-ID of a handout sent by e-mail, so that a send can be matched with what the
-- patient's mail server received (and with a reply or a bounce). NULL for handouts that
-- were not e-mailed, and for e-mails logged before this version.

ALTER TABLE handout_log ADD COLUMN message_id TEXT;
