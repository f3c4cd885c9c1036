-- The dispatch catalogue (派单目录) as versioned, audited data. dispatch_category is the line in force now;
-- catalogue_version keeps every line that ever was or will be, who made it, why, and from when it applies.
ALTER TABLE dispatch_category ADD COLUMN keywords text NOT NULL DEFAULT '';

CREATE TABLE catalogue_version (
    id              bigserial    PRIMARY KEY,
    category        varchar(32)  NOT NULL,
    name            varchar(100) NOT NULL,
    unit_rule       varchar(32)  NOT NULL,
    urgent_hours    integer,
    keywords        text         NOT NULL DEFAULT '',
    effective_from  timestamptz  NOT NULL,
    changed_by      varchar(100) NOT NULL,
    changed_at      timestamptz  NOT NULL,
    reason          text         NOT NULL,
    -- set when the line became the one in force (at once, or by the activation job at effective_from)
    applied_at      timestamptz
);
CREATE INDEX catalogue_version_category_idx ON catalogue_version (category, effective_from, id);
CREATE INDEX catalogue_version_pending_idx ON catalogue_version (effective_from, id) WHERE applied_at IS NULL;

-- History is never rewritten: only the applied_at mark may be set, once.
CREATE FUNCTION catalogue_version_is_history() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.applied_at IS NULL AND NEW.applied_at IS NOT NULL
       AND (OLD.category, OLD.name, OLD.unit_rule, OLD.urgent_hours, OLD.keywords, OLD.effective_from, OLD.changed_by,
            OLD.changed_at, OLD.reason) IS NOT DISTINCT FROM
           (NEW.category, NEW.name, NEW.unit_rule, NEW.urgent_hours, NEW.keywords, NEW.effective_from, NEW.changed_by,
            NEW.changed_at, NEW.reason) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'catalogue_version is history (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER catalogue_version_history
    BEFORE UPDATE OR DELETE ON catalogue_version
    FOR EACH ROW EXECUTE FUNCTION catalogue_version_is_history();
