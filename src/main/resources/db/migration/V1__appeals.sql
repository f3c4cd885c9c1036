-- Reference data: handling units (departments, utilities, streets) and the dispatch catalogue.
CREATE TABLE handling_unit (
    code        varchar(32)  PRIMARY KEY,
    name        varchar(100) NOT NULL,
    kind        varchar(16)  NOT NULL CHECK (kind IN ('DEPARTMENT', 'UTILITY', 'STREET', 'CENTRE'))
);

CREATE TABLE dispatch_category (
    code          varchar(32)  PRIMARY KEY,
    name          varchar(100) NOT NULL,
    -- a unit code, or STREET (route by the enterprise's street) or DISPATCH (the dispatcher places it)
    unit_rule     varchar(32)  NOT NULL,
    urgent_hours  integer,
    position      integer      NOT NULL
);

CREATE TABLE enterprise (
    uscc         char(18)     PRIMARY KEY,
    name         varchar(100) NOT NULL,
    street_code  varchar(32)  REFERENCES handling_unit (code),
    key_enterprise boolean    NOT NULL DEFAULT false,
    created_at   timestamptz  NOT NULL DEFAULT now()
);

-- People who sign in. Demo mode seeds one per role; production takes identities from the OIDC provider
-- and keeps here only what routing needs (unit, enterprise).
CREATE TABLE staff_member (
    username     varchar(64)  PRIMARY KEY,
    display_name varchar(64)  NOT NULL,
    role         varchar(32)  NOT NULL,
    unit_code    varchar(32)  REFERENCES handling_unit (code),
    uscc         char(18)     REFERENCES enterprise (uscc),
    on_duty      boolean      NOT NULL DEFAULT true
);

-- Tracking numbers are handed out in blocks: one round trip buys 50 numbers.
CREATE SEQUENCE tracking_serial INCREMENT BY 50 START WITH 1;

CREATE TABLE appeal (
    id              bigserial    PRIMARY KEY,
    tracking_no     char(13)     NOT NULL UNIQUE,
    channel         varchar(16)  NOT NULL,
    -- channel-scoped idempotency key (web Idempotency-Key, WeChat MsgId, CTI eventId): one appeal per key
    dedupe_key      varchar(200) UNIQUE,
    request_hash    char(64),
    uscc            char(18),
    enterprise_name varchar(100),
    identity_state  varchar(16)  NOT NULL,
    contact_name    varchar(50),
    mobile          varchar(11),
    mobile_original varchar(32),
    title           varchar(50)  NOT NULL,
    content         text         NOT NULL,
    appeal_type     varchar(16)  NOT NULL,
    category        varchar(32),
    urgent          boolean      NOT NULL DEFAULT false,
    status          varchar(16)  NOT NULL,
    handling_unit   varchar(32)  REFERENCES handling_unit (code),
    street_code     varchar(32),
    received_at     timestamptz  NOT NULL,
    dispatched_at   timestamptz,
    updated_at      timestamptz  NOT NULL,
    event_count     integer      NOT NULL DEFAULT 0,
    last_event_hash bytea
);
CREATE INDEX appeal_uscc_idx ON appeal (uscc, received_at DESC);
CREATE INDEX appeal_unit_status_idx ON appeal (handling_unit, status);
CREATE INDEX appeal_awaiting_dispatch_idx ON appeal (received_at) WHERE status = 'RECEIVED';

-- Append-only, hash-chained per appeal. Every state change is a row here, written in the same
-- transaction as the change itself.
CREATE TABLE appeal_event (
    id            bigserial    PRIMARY KEY,
    appeal_id     bigint       NOT NULL REFERENCES appeal (id),
    seq           integer      NOT NULL,
    type          varchar(40)  NOT NULL,
    actor         varchar(100) NOT NULL,
    occurred_at   timestamptz  NOT NULL,
    reason        text,
    visibility    varchar(16)  NOT NULL DEFAULT 'PUBLIC' CHECK (visibility IN ('PUBLIC', 'INTERNAL')),
    payload       text         NOT NULL,
    previous_hash bytea        NOT NULL,
    hash          bytea        NOT NULL,
    UNIQUE (appeal_id, seq)
);

CREATE FUNCTION appeal_event_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'appeal_event is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER appeal_event_append_only
    BEFORE UPDATE OR DELETE ON appeal_event
    FOR EACH ROW EXECUTE FUNCTION appeal_event_is_append_only();

-- Transactional outbox: what other parts of the system (notifications, SLA, metrics) must hear about.
CREATE TABLE outbox (
    id            bigserial    PRIMARY KEY,
    appeal_id     bigint       NOT NULL,
    event_type    varchar(40)  NOT NULL,
    payload       text         NOT NULL,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    published_at  timestamptz
);
CREATE INDEX outbox_pending_idx ON outbox (id) WHERE published_at IS NULL;
