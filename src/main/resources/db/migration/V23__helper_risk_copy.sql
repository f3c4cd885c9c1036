-- Riskiest first, the appeals a unit helps with (协办) are read in cursor order too: each helper row carries a copy of
-- its appeal's breach risk — the one computed for the appeal's current unit, as the queue counts it — so that a page
-- reads them from one index however many the unit helps with, instead of looking up each one's risk and sorting.
-- The risk job writes the copies with the risks (RiskRepository.replaceAll); a new helper row starts from its
-- appeal's risk, and a transfer clears them (a risk computed for the old unit no longer counts).
ALTER TABLE appeal_helper_unit ADD COLUMN breach_risk numeric(4,3);
UPDATE appeal_helper_unit h SET breach_risk = r.miss_probability
FROM appeal a JOIN appeal_risk r ON r.appeal_id = a.id AND r.unit_code = a.handling_unit
WHERE a.id = h.appeal_id;

CREATE OR REPLACE FUNCTION appeal_helper_copies_appeal() RETURNS trigger AS $$
BEGIN
    SELECT a.status IN ('DISPATCHED', 'ACCEPTED', 'HANDLING', 'REWORK'), a.handle_due_at, r.miss_probability
    INTO NEW.appeal_open, NEW.handle_due_at, NEW.breach_risk
    FROM appeal a LEFT JOIN appeal_risk r ON r.appeal_id = a.id AND r.unit_code = a.handling_unit
    WHERE a.id = NEW.appeal_id;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION appeal_helpers_forget_risk() RETURNS trigger AS $$
BEGIN
    UPDATE appeal_helper_unit SET breach_risk = NULL WHERE appeal_id = NEW.id AND breach_risk IS NOT NULL;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER appeal_helpers_forget_risk
    AFTER UPDATE OF handling_unit ON appeal
    FOR EACH ROW WHEN (OLD.handling_unit IS DISTINCT FROM NEW.handling_unit)
    EXECUTE FUNCTION appeal_helpers_forget_risk();

-- In cursor order: the helped appeals with a risk, riskiest first, then id; those without one, by id.
CREATE INDEX appeal_helper_risk_idx ON appeal_helper_unit (unit_code, breach_risk DESC, appeal_id)
    WHERE appeal_open AND breach_risk IS NOT NULL;
CREATE INDEX appeal_helper_no_risk_idx ON appeal_helper_unit (unit_code, appeal_id)
    WHERE appeal_open AND breach_risk IS NULL;
-- The risk job's copy reaches only the rows it may change: open ones, and those still holding a copy.
CREATE INDEX appeal_helper_risk_kept_idx ON appeal_helper_unit (appeal_id) WHERE appeal_open OR breach_risk IS NOT NULL;
