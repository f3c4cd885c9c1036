-- Riskiest first, a commissioner's list and the unit's pool on the work-queue page are read in cursor order from
-- indexes of their own: each risk row carries a copy of its appeal's assignee and claim lease, so that a page walks
-- the holder's risks, or those of appeals nobody holds or claimed on a lease, instead of the whole unit's. Without it
-- the right way to read a list depended on how many appeals the holder has, and each such read was planned for its
-- values. The copy is taken whenever the risk job writes a row (it sets computed_at on every write) and follows every
-- change of the appeal's assignee or lease. The pages still check the appeal itself; the copy only says where to look.
ALTER TABLE appeal_risk ADD COLUMN assignee varchar(64), ADD COLUMN claim_expires_at timestamptz;
UPDATE appeal_risk r SET assignee = a.assignee, claim_expires_at = a.claim_expires_at
FROM appeal a WHERE a.id = r.appeal_id AND (a.assignee IS NOT NULL OR a.claim_expires_at IS NOT NULL);

-- A statement of its own (a new snapshot), so that a write that waited for an assignment's commit copies its result.
CREATE FUNCTION appeal_risk_copies_holder() RETURNS trigger AS $$
BEGIN
    SELECT a.assignee, a.claim_expires_at INTO NEW.assignee, NEW.claim_expires_at FROM appeal a WHERE a.id = NEW.appeal_id;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER appeal_risk_copies_holder
    BEFORE INSERT OR UPDATE OF computed_at ON appeal_risk
    FOR EACH ROW EXECUTE FUNCTION appeal_risk_copies_holder();

CREATE FUNCTION appeal_risk_follows_holder() RETURNS trigger AS $$
BEGIN
    UPDATE appeal_risk SET assignee = NEW.assignee, claim_expires_at = NEW.claim_expires_at WHERE appeal_id = NEW.id;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER appeal_risk_follows_holder
    AFTER UPDATE OF assignee, claim_expires_at ON appeal
    FOR EACH ROW WHEN (OLD.assignee IS DISTINCT FROM NEW.assignee OR OLD.claim_expires_at IS DISTINCT FROM NEW.claim_expires_at)
    EXECUTE FUNCTION appeal_risk_follows_holder();

-- A holder's risks in the pages' cursor order.
CREATE INDEX appeal_risk_holder_idx ON appeal_risk (unit_code, assignee, miss_probability DESC, appeal_id)
    WHERE assignee IS NOT NULL;
-- The pool's candidates in the same order: nobody's, and claims on a lease (the page keeps the lapsed ones).
CREATE INDEX appeal_risk_pool_idx ON appeal_risk (unit_code, miss_probability DESC, appeal_id)
    WHERE assignee IS NULL OR claim_expires_at IS NOT NULL;
