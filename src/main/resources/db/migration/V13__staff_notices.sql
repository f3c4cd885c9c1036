-- Staff notices of escalations (docs/notices.md): who heard of which ladder step of which late appeal, in the app and
-- in WeCom (企业微信). The SlaEscalated outbox handler writes an escalation's rows in one transaction, once.

-- A staff member's WeCom user id (成员UserID), set by an administrator; one person per id.
ALTER TABLE staff_member ADD COLUMN wecom_user_id varchar(64);
CREATE UNIQUE INDEX staff_member_wecom_user_idx ON staff_member (wecom_user_id) WHERE wecom_user_id IS NOT NULL;

-- One row per escalation step and person, unique: a redelivered outbox row cannot add a second. The step's due time
-- tells the rounds of a clock apart (each round's timers fall due at their own times). In the app a stored row is
-- delivered; WeCom is NONE (not reached there: WeCom off or no user id), PENDING (due at wecom_next_at, retried with
-- back-off), SENT or FAILED (wecom_error says why). Rows outlive the staff member (no foreign key on recipient).
CREATE TABLE staff_notice (
    id             bigserial    PRIMARY KEY,
    appeal_id      bigint       NOT NULL REFERENCES appeal (id),
    tracking_no    char(13)     NOT NULL,
    clock          varchar(16)  NOT NULL,
    step           varchar(16)  NOT NULL CHECK (step IN ('WARNING', 'OVERDUE', 'SUPERVISION')),
    due_at         timestamptz  NOT NULL,
    recipient      varchar(64)  NOT NULL,
    audience       varchar(24)  NOT NULL CHECK (audience IN ('HOLDER', 'UNIT_LEADERS', 'SUPERVISION_DESK', 'DISTRICT_LEADERS')),
    title          varchar(128) NOT NULL,
    body           text         NOT NULL,
    created_at     timestamptz  NOT NULL,
    read_at        timestamptz,
    wecom_state    varchar(8)   NOT NULL CHECK (wecom_state IN ('NONE', 'PENDING', 'SENT', 'FAILED')),
    wecom_attempts integer      NOT NULL DEFAULT 0,
    wecom_next_at  timestamptz,
    wecom_sent_at  timestamptz,
    wecom_error    text,
    UNIQUE (appeal_id, clock, step, due_at, recipient),
    CHECK (wecom_state <> 'PENDING' OR wecom_next_at IS NOT NULL)
);
-- a person's list, newest first, and their unread count
CREATE INDEX staff_notice_recipient_idx ON staff_notice (recipient, created_at DESC, id DESC);
CREATE INDEX staff_notice_unread_idx ON staff_notice (recipient) WHERE read_at IS NULL;
-- the WeCom sender reads only what is still to be sent
CREATE INDEX staff_notice_wecom_due_idx ON staff_notice (wecom_next_at) WHERE wecom_state = 'PENDING';
