-- Staff notices by SMS (docs/notices.md): a staff member's work mobile, set by an administrator, carries their notices
-- when WeCom does not reach them (WeCom off, or no WeCom user id).

-- The bare 11 digits, as an appellant's mobile is kept (appeal.mobile); pages and answers show it masked. Not unique:
-- a unit's duty phone may be shared.
ALTER TABLE staff_member ADD COLUMN mobile varchar(11) CHECK (mobile ~ '^1[3-9][0-9]{9}$');

-- A notice's SMS, beside its WeCom message (a person is reached by at most one of the two): NONE (not sent by SMS),
-- PENDING (due at sms_next_at, retried with back-off), SENT or FAILED (sms_error says why). Rows written before
-- this version are NONE.
ALTER TABLE staff_notice
    ADD COLUMN sms_state    varchar(8)  NOT NULL DEFAULT 'NONE' CHECK (sms_state IN ('NONE', 'PENDING', 'SENT', 'FAILED')),
    ADD COLUMN sms_attempts integer     NOT NULL DEFAULT 0,
    ADD COLUMN sms_next_at  timestamptz,
    ADD COLUMN sms_sent_at  timestamptz,
    ADD COLUMN sms_error    text,
    ADD CONSTRAINT staff_notice_sms_pending_due CHECK (sms_state <> 'PENDING' OR sms_next_at IS NOT NULL),
    ADD CONSTRAINT staff_notice_one_channel CHECK (sms_state = 'NONE' OR wecom_state = 'NONE');
-- the SMS sender reads only what is still to be sent
CREATE INDEX staff_notice_sms_due_idx ON staff_notice (sms_next_at) WHERE sms_state = 'PENDING';
