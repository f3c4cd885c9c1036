-- Monthly rollups beside the daily ones (see docs/metrics.md#how-figures-are-made): the same columns, a cell by unit,
-- street and category, for appeals received in a calendar month (Beijing dates). A long question reads whole months
-- here and only its partial months' days from metrics_daily. Kept by the projector in the transaction that rebuilds
-- the daily cells, each month cell re-merged from its days, so a month always equals the sum of its days.
CREATE TABLE metrics_monthly (LIKE metrics_daily);
ALTER TABLE metrics_monthly RENAME COLUMN day TO month;
ALTER TABLE metrics_monthly ADD PRIMARY KEY (month, unit_code, street_code, category),
    ADD CHECK (extract(day FROM month) = 1);
CREATE INDEX metrics_monthly_unit_idx ON metrics_monthly (unit_code, month);

-- Months whose daily rows were written before monthly rollups existed: the projector rolls them up a few per batch
-- (holding its own lock, so no batch changes their days meanwhile). Until this table is empty, questions are answered
-- from the daily rows alone.
CREATE TABLE metrics_monthly_backfill (
    month  date  PRIMARY KEY
);
INSERT INTO metrics_monthly_backfill (month) SELECT DISTINCT date_trunc('month', day)::date FROM metrics_daily;

-- A month cell is re-merged from its days: find them by cell, then day.
CREATE INDEX metrics_daily_cell_idx ON metrics_daily (unit_code, street_code, category, day);
