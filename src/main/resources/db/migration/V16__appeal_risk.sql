-- The breach risk of each open appeal's handling clock (处置): the probability that it will be missed, recomputed by
-- the risk job from the unit's live backlog and its recent handling times. One row per open appeal; rows of appeals
-- no longer open are removed by the next refresh.
CREATE TABLE appeal_risk (
    appeal_id        bigint       PRIMARY KEY REFERENCES appeal (id),
    unit_code        varchar(32)  NOT NULL,
    miss_probability numeric(4,3) NOT NULL CHECK (miss_probability >= 0 AND miss_probability <= 1),
    handle_due_at    timestamptz  NOT NULL,
    computed_at      timestamptz  NOT NULL
);
-- The desk's 预计超时 list and a unit's riskiest appeals first.
CREATE INDEX appeal_risk_probability_idx ON appeal_risk (miss_probability DESC, appeal_id);
CREATE INDEX appeal_risk_unit_idx ON appeal_risk (unit_code, miss_probability DESC, appeal_id);

-- The risk job reads the answered handling clocks started recently; only those are indexed.
CREATE INDEX appeal_clock_handle_answered_idx ON appeal_clock (started_at) WHERE clock = 'HANDLE' AND stopped_at IS NOT NULL;
