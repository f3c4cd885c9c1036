-- Clock rules are added by administrators through the API, audited like the dispatch catalogue: each version says
-- who added it, when and why. A version is never edited or deleted: a change is a new version from a later date, and
-- a running clock keeps the version it started under (appeal_clock.rule_id).
ALTER TABLE clock_rule RENAME COLUMN created_at TO changed_at;
ALTER TABLE clock_rule ADD COLUMN changed_by varchar(100);
ALTER TABLE clock_rule ADD COLUMN reason text;

-- The versions so far came with SQL: the defaults of V2__sla.sql, or rows an operator added by hand.
UPDATE clock_rule SET changed_by = 'system:migration',
    reason = 'added with SQL (the defaults of V2__sla.sql, or by an operator) before rules were added through the API';

ALTER TABLE clock_rule ALTER COLUMN changed_by SET NOT NULL;
ALTER TABLE clock_rule ALTER COLUMN reason SET NOT NULL;
ALTER TABLE clock_rule ADD CONSTRAINT clock_rule_reason_given CHECK (length(btrim(reason)) > 0);

-- History is never rewritten. Every replica notices a new version by the number of rows (SlaCalendar), which holds
-- only while rows are never deleted.
CREATE FUNCTION clock_rule_is_history() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'clock_rule is history: a change is a new version from a later date (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER clock_rule_history
    BEFORE UPDATE OR DELETE ON clock_rule
    FOR EACH ROW EXECUTE FUNCTION clock_rule_is_history();

CREATE TRIGGER clock_rule_not_truncated
    BEFORE TRUNCATE ON clock_rule
    FOR EACH STATEMENT EXECUTE FUNCTION clock_rule_is_history();
