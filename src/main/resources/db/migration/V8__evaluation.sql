-- Evaluation (好差评): one round per reply, at most one rating per round, return visits and rating appeals.

-- The rating window's end is a timer too: it applies the default rating instead of escalating.
ALTER TABLE sla_timer DROP CONSTRAINT sla_timer_step_check;
ALTER TABLE sla_timer ADD CONSTRAINT sla_timer_step_check
    CHECK (step IN ('WARNING', 'OVERDUE', 'SUPERVISION', 'EXPIRY'));

-- A reply opens round n (1, 2, … after rework). visit_reason says why the district centre calls back:
-- SAMPLE (drawn at the reply) or BAD_RATING (every bad rating); NULL while no visit is due.
CREATE TABLE evaluation_round (
    appeal_id          bigint       NOT NULL REFERENCES appeal (id),
    round              integer      NOT NULL CHECK (round > 0),
    requested_at       timestamptz  NOT NULL,
    link_expires_at    timestamptz  NOT NULL,
    visit_reason       varchar(16)  CHECK (visit_reason IN ('SAMPLE', 'BAD_RATING')),
    unresolved_closure boolean      NOT NULL DEFAULT false,
    PRIMARY KEY (appeal_id, round)
);
-- the return-visit queue: rounds with a visit due
CREATE INDEX evaluation_round_visit_idx ON evaluation_round (requested_at) WHERE visit_reason IS NOT NULL;

-- The primary key is the rule "one rating per round": a second rating cannot be stored.
CREATE TABLE rating (
    appeal_id   bigint       NOT NULL,
    round       integer      NOT NULL,
    level       smallint     NOT NULL CHECK (level BETWEEN 1 AND 5),
    resolved    boolean      NOT NULL,
    good        boolean      NOT NULL,
    defaulted   boolean      NOT NULL DEFAULT false,
    via         varchar(8)   NOT NULL CHECK (via IN ('LINK', 'WECHAT', 'API', 'DEFAULT')),
    comment     varchar(500),
    rated_by    varchar(100) NOT NULL,
    rated_at    timestamptz  NOT NULL,
    excluded_from_metrics boolean NOT NULL DEFAULT false,
    PRIMARY KEY (appeal_id, round),
    FOREIGN KEY (appeal_id, round) REFERENCES evaluation_round (appeal_id, round)
);

-- One return visit (回访) per round, recorded by the district centre.
CREATE TABLE return_visit (
    appeal_id   bigint       NOT NULL,
    round       integer      NOT NULL,
    reached     boolean      NOT NULL,
    resolved    boolean,
    level       smallint     CHECK (level BETWEEN 1 AND 5),
    note        varchar(500),
    overturned  boolean      NOT NULL,
    visited_by  varchar(100) NOT NULL,
    visited_at  timestamptz  NOT NULL,
    PRIMARY KEY (appeal_id, round),
    FOREIGN KEY (appeal_id, round) REFERENCES evaluation_round (appeal_id, round)
);

-- A handling unit contests a round's bad rating once (申诉); the district decides (复核).
CREATE TABLE rating_contest (
    appeal_id       bigint       NOT NULL,
    round           integer      NOT NULL,
    unit_code       varchar(32)  NOT NULL,
    reason          varchar(500) NOT NULL,
    contested_by    varchar(100) NOT NULL,
    contested_at    timestamptz  NOT NULL,
    upheld          boolean,
    decision_reason varchar(500),
    decided_by      varchar(100),
    decided_at      timestamptz,
    PRIMARY KEY (appeal_id, round),
    FOREIGN KEY (appeal_id, round) REFERENCES rating (appeal_id, round)
);
CREATE INDEX rating_contest_open_idx ON rating_contest (contested_at) WHERE decided_at IS NULL;
