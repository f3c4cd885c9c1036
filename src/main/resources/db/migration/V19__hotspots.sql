-- Hot spots (热点问题, 每月一题): groups of recent appeals of several enterprises about one problem, recomputed by the
-- hot-spot job (docs/hotspots.md) and replaced whole at each refresh. A hot spot's id is its earliest appeal's id, so
-- it keeps its id (and its drill-down link) while the group grows.
CREATE TABLE hotspot (
    id                bigint       PRIMARY KEY,
    central_appeal_id bigint       NOT NULL,
    label             varchar(50)  NOT NULL,
    category          varchar(32),
    street_code       varchar(32),
    appeals           integer      NOT NULL CHECK (appeals >= 2),
    enterprises       integer      NOT NULL CHECK (enterprises >= 0),
    last_span         integer      NOT NULL,
    span_before       integer      NOT NULL,
    first_seen        timestamptz  NOT NULL,
    last_seen         timestamptz  NOT NULL,
    computed_at       timestamptz  NOT NULL
);
CREATE INDEX hotspot_order_idx ON hotspot (appeals DESC, last_span DESC, last_seen DESC, id);

-- The appeals of each hot spot, the most central first (position 0).
CREATE TABLE hotspot_appeal (
    hotspot_id bigint  NOT NULL REFERENCES hotspot (id) ON DELETE CASCADE,
    appeal_id  bigint  NOT NULL REFERENCES appeal (id),
    position   integer NOT NULL,
    PRIMARY KEY (hotspot_id, appeal_id)
);
-- A unit leader sees the hot spots touching their unit: from the appeal to its hot spot.
CREATE INDEX hotspot_appeal_appeal_idx ON hotspot_appeal (appeal_id);

-- The job reads the appeals received in its window (a month) at every refresh.
CREATE INDEX appeal_received_idx ON appeal (received_at);
