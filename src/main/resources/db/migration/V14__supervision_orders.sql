-- Supervision orders (督办单): the district centre demands a written explanation from the unit holding a late
-- appeal, by a reply deadline in working days. At most one unanswered order per appeal; an order not answered by
-- its deadline climbs to the district leader once (ESCALATED) and can still be answered.
CREATE TABLE supervision_order (
    id            bigserial    PRIMARY KEY,
    appeal_id     bigint       NOT NULL REFERENCES appeal (id),
    unit_code     varchar(32)  NOT NULL REFERENCES handling_unit (code),
    demand        text         NOT NULL,
    reply_days    integer      NOT NULL CHECK (reply_days BETWEEN 1 AND 10),
    issued_by     varchar(100) NOT NULL,
    issued_at     timestamptz  NOT NULL,
    reply_due_at  timestamptz  NOT NULL,
    state         varchar(16)  NOT NULL CHECK (state IN ('OPEN', 'ESCALATED', 'ANSWERED')),
    escalated_at  timestamptz,
    answer        text,
    answered_by   varchar(100),
    answered_at   timestamptz,
    CHECK ((state = 'ANSWERED') = (answered_at IS NOT NULL)),
    CHECK (state <> 'OPEN' OR (escalated_at IS NULL AND answered_at IS NULL))
);
CREATE UNIQUE INDEX supervision_order_one_open_idx ON supervision_order (appeal_id) WHERE state <> 'ANSWERED';
-- the escalation job reads only what is still waiting for its answer
CREATE INDEX supervision_order_due_idx ON supervision_order (reply_due_at) WHERE state = 'OPEN';
CREATE INDEX supervision_order_unit_idx ON supervision_order (unit_code, issued_at);

-- What happened to each order (issued, escalated, answered), oldest first on the pages.
CREATE TABLE supervision_order_event (
    id           bigserial    PRIMARY KEY,
    order_id     bigint       NOT NULL REFERENCES supervision_order (id),
    kind         varchar(16)  NOT NULL CHECK (kind IN ('ISSUED', 'ESCALATED', 'ANSWERED')),
    actor        varchar(100) NOT NULL,
    occurred_at  timestamptz  NOT NULL,
    note         text
);
CREATE INDEX supervision_order_event_order_idx ON supervision_order_event (order_id);
