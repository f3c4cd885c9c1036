-- Outbox delivery: rows are retried with backoff until every handler has taken them.
ALTER TABLE outbox ADD COLUMN attempts integer NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN next_attempt_at timestamptz;
ALTER TABLE outbox ADD COLUMN last_error text;

-- Phone channel: the first answer to every signed CTI event, so a replay gets it again.
CREATE TABLE cti_event (
    event_id     varchar(100) PRIMARY KEY,
    event        varchar(32)  NOT NULL,
    call_id      varchar(100),
    received_at  timestamptz  NOT NULL DEFAULT now(),
    status       integer      NOT NULL,
    response     text         NOT NULL
);

-- One row per call, merged from events that may arrive twice or out of order.
CREATE TABLE call_record (
    call_id      varchar(100) PRIMARY KEY,
    from_number  varchar(32),
    to_number    varchar(32),
    direction    varchar(3),
    queue        varchar(64),
    agent        varchar(64),
    new_call_at  timestamptz,
    answered_at  timestamptz,
    hung_up_at   timestamptz,
    cause        varchar(16),
    updated_at   timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX call_record_open_idx ON call_record (new_call_at DESC) WHERE hung_up_at IS NULL;
CREATE INDEX call_record_from_idx ON call_record (from_number);

-- A missed inbound call is called back; the task closes when an outbound call to the number is answered.
CREATE TABLE callback_task (
    id           bigserial    PRIMARY KEY,
    call_id      varchar(100) NOT NULL UNIQUE REFERENCES call_record (call_id),
    number       varchar(32)  NOT NULL,
    created_at   timestamptz  NOT NULL,
    closed_at    timestamptz,
    closed_by_call varchar(100)
);
CREATE INDEX callback_task_open_idx ON callback_task (created_at) WHERE closed_at IS NULL;

-- Recordings and transcripts attach to a call; the appeal made from the call finds them by call id,
-- whichever arrived first.
CREATE TABLE call_attachment (
    id           bigserial    PRIMARY KEY,
    event_id     varchar(100) NOT NULL UNIQUE,
    call_id      varchar(100) NOT NULL,
    kind         varchar(16)  NOT NULL CHECK (kind IN ('RECORDING', 'TRANSCRIPT')),
    payload      text         NOT NULL,
    received_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX call_attachment_call_idx ON call_attachment (call_id);

ALTER TABLE appeal ADD COLUMN call_id varchar(100);
CREATE INDEX appeal_call_idx ON appeal (call_id) WHERE call_id IS NOT NULL;
CREATE INDEX appeal_mobile_idx ON appeal (mobile, received_at DESC);
