-- An assignment, claim or release never waits for the risk job: the job's transaction holds every risk row it has
-- written until it commits (seconds at 100,000 open appeals), and V24's trigger would have waited for it. A row the
-- job holds is left to the job, which brings every copy in step with the appeals as its last write
-- (RiskRepository.replaceAll).
CREATE OR REPLACE FUNCTION appeal_risk_follows_holder() RETURNS trigger AS $$
BEGIN
    UPDATE appeal_risk SET assignee = NEW.assignee, claim_expires_at = NEW.claim_expires_at
    WHERE appeal_id = (SELECT appeal_id FROM appeal_risk WHERE appeal_id = NEW.id FOR UPDATE SKIP LOCKED);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
