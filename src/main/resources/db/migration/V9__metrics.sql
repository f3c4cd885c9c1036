-- Leaders' metrics: per-appeal facts and daily rollups, projected from appeal_event (see docs/metrics.md and
-- docs/decisions/0011-metrics-projection-against-late-commits.md). Everything here can be rebuilt from the events.

-- Where the projector stands: every appeal_event with id <= position has been applied.
CREATE TABLE metrics_projector (
    name        varchar(32)  PRIMARY KEY,
    position    bigint       NOT NULL DEFAULT 0,
    updated_at  timestamptz  NOT NULL DEFAULT now()
);
INSERT INTO metrics_projector (name) VALUES ('appeal-facts');

-- Event ids above the position that were missing when the projector looked: either held by a transaction
-- still running (the event will appear) or given up by one that rolled back (it never will). A gap is waited
-- for until every transaction that was running when it was seen has ended.
CREATE TABLE metrics_projector_gap (
    event_id   bigint       PRIMARY KEY,
    seen_xmax  bigint       NOT NULL,
    seen_at    timestamptz  NOT NULL
);

-- One row per appeal: the figures' raw material and the drill-down's answer. applied_seq is the last event
-- of the appeal folded in; count_bits says which counted sets (cn.huiyin.metrics.domain.Count) it belongs to.
CREATE TABLE metrics_appeal_fact (
    appeal_id         bigint       PRIMARY KEY,
    applied_seq       integer      NOT NULL,
    tracking_no       char(13)     NOT NULL,
    received_day      date         NOT NULL,
    unit_code         varchar(32)  NOT NULL,
    street_code       varchar(32)  NOT NULL,
    category          varchar(32)  NOT NULL,
    channel           varchar(16)  NOT NULL,
    appeal_type       varchar(16)  NOT NULL,
    status            varchar(16)  NOT NULL,
    open              boolean      NOT NULL,
    received_at       timestamptz  NOT NULL,
    dispatched_at     timestamptz,
    accepted_at       timestamptz,
    first_contact_at  timestamptz,
    replied_at        timestamptz,
    handle_due_at     timestamptz,
    response_minutes  bigint,
    handling_minutes  bigint,
    custody_minutes   bigint,
    respond_on_time   boolean,
    handle_on_time    boolean,
    returns           integer      NOT NULL,
    transfers         integer      NOT NULL,
    reworks           integer      NOT NULL,
    rating_level      smallint,
    rating_resolved   boolean,
    rating_defaulted  boolean      NOT NULL,
    rating_excluded   boolean      NOT NULL,
    count_bits        integer      NOT NULL,
    projected_at      timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX metrics_fact_cell_idx ON metrics_appeal_fact (received_day, unit_code, street_code, category, appeal_id);
CREATE INDEX metrics_fact_unit_day_idx ON metrics_appeal_fact (unit_code, received_day, appeal_id);
-- the live backlog reads only open appeals
CREATE INDEX metrics_fact_open_idx ON metrics_appeal_fact (handle_due_at) WHERE open;
CREATE INDEX metrics_fact_received_idx ON metrics_appeal_fact (received_at);

-- Daily rollups: appeals received on a day, by unit, street and category. counts is a JSON object of counted
-- sets; the histograms are HdrHistogram compressed encodings of office minutes, merged at read time.
CREATE TABLE metrics_daily (
    day               date         NOT NULL,
    unit_code         varchar(32)  NOT NULL,
    street_code       varchar(32)  NOT NULL,
    category          varchar(32)  NOT NULL,
    counts            text         NOT NULL,
    custody_minutes   bigint       NOT NULL,
    custody_appeals   bigint       NOT NULL,
    response_hist     bytea        NOT NULL,
    handling_hist     bytea        NOT NULL,
    PRIMARY KEY (day, unit_code, street_code, category)
);
CREATE INDEX metrics_daily_unit_idx ON metrics_daily (unit_code, day);
