-- The work queue's order key on the appeal row: the due time of its running handling clock (处置时限), null when
-- none runs. The queues list a unit's open appeals nearest deadline first, a page at a time; with the key on the
-- row, a composite partial index hands them out in that order and a page reads only its own rows, at any depth,
-- instead of joining and sorting every open appeal of the unit (docs/benchmarks.md, "Work queue at depth").
ALTER TABLE appeal ADD COLUMN handle_due_at timestamptz;

UPDATE appeal a SET handle_due_at = running.due_at
FROM (SELECT DISTINCT ON (appeal_id) appeal_id, due_at FROM appeal_clock
      WHERE clock = 'HANDLE' AND stopped_at IS NULL ORDER BY appeal_id, round DESC) running
WHERE a.id = running.appeal_id;

-- Kept true by the database in the transaction that changes the clock, whoever writes it (dispatch, reply,
-- extension, re-timing, demo history, a bulk load): the column cannot drift from appeal_clock. The statement
-- that fires it sees its own rows, so the value is read back from the table (the latest running round), and
-- the appeal row is written only when it changes.
CREATE FUNCTION appeal_handle_due_follows_clock() RETURNS trigger AS $$
DECLARE
    appeal_of_clock bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.appeal_id ELSE NEW.appeal_id END;
    running_due timestamptz;
BEGIN
    SELECT c.due_at INTO running_due FROM appeal_clock c
    WHERE c.appeal_id = appeal_of_clock AND c.clock = 'HANDLE' AND c.stopped_at IS NULL
    ORDER BY c.round DESC LIMIT 1;
    UPDATE appeal SET handle_due_at = running_due
    WHERE id = appeal_of_clock AND handle_due_at IS DISTINCT FROM running_due;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER appeal_clock_handle_due_written
    AFTER INSERT OR UPDATE OF due_at, stopped_at ON appeal_clock
    FOR EACH ROW WHEN (NEW.clock = 'HANDLE') EXECUTE FUNCTION appeal_handle_due_follows_clock();
CREATE TRIGGER appeal_clock_handle_due_deleted
    AFTER DELETE ON appeal_clock
    FOR EACH ROW WHEN (OLD.clock = 'HANDLE') EXECUTE FUNCTION appeal_handle_due_follows_clock();

-- The appeals a unit helps with (协办) are in its queue too: each helper row carries a copy of its appeal's openness
-- and order key, so that the unit's helped appeals are also read in cursor order, however many rows of closed
-- appeals the unit has helped with over the years. The copies follow the appeal row in the same transaction.
ALTER TABLE appeal_helper_unit ADD COLUMN appeal_open boolean NOT NULL DEFAULT false,
    ADD COLUMN handle_due_at timestamptz;
UPDATE appeal_helper_unit h SET appeal_open = a.status IN ('DISPATCHED', 'ACCEPTED', 'HANDLING', 'REWORK'),
    handle_due_at = a.handle_due_at
FROM appeal a WHERE a.id = h.appeal_id;

CREATE FUNCTION appeal_helpers_follow_appeal() RETURNS trigger AS $$
BEGIN
    UPDATE appeal_helper_unit SET appeal_open = NEW.status IN ('DISPATCHED', 'ACCEPTED', 'HANDLING', 'REWORK'),
        handle_due_at = NEW.handle_due_at
    WHERE appeal_id = NEW.id;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER appeal_helpers_follow
    AFTER UPDATE OF status, handle_due_at ON appeal
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.handle_due_at IS DISTINCT FROM NEW.handle_due_at)
    EXECUTE FUNCTION appeal_helpers_follow_appeal();

-- A new helper row starts from its appeal (the step that adds a helper holds the appeal's lock).
CREATE FUNCTION appeal_helper_copies_appeal() RETURNS trigger AS $$
BEGIN
    SELECT a.status IN ('DISPATCHED', 'ACCEPTED', 'HANDLING', 'REWORK'), a.handle_due_at
    INTO NEW.appeal_open, NEW.handle_due_at
    FROM appeal a WHERE a.id = NEW.appeal_id;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER appeal_helper_copies
    BEFORE INSERT ON appeal_helper_unit
    FOR EACH ROW EXECUTE FUNCTION appeal_helper_copies_appeal();

-- In cursor order: nearest deadline first, those without a running handling clock last ('infinity'), then id.
-- The unit's open appeals (the API's queue), the appeals it helps with, the unit's pool nobody holds (the page), and
-- each holder's.
CREATE INDEX appeal_queue_idx ON appeal (handling_unit, (coalesce(handle_due_at, 'infinity'::timestamptz)), id)
    WHERE status IN ('DISPATCHED', 'ACCEPTED', 'HANDLING', 'REWORK');
CREATE INDEX appeal_pool_idx ON appeal (handling_unit, (coalesce(handle_due_at, 'infinity'::timestamptz)), id)
    WHERE status IN ('DISPATCHED', 'ACCEPTED', 'HANDLING', 'REWORK') AND assignee IS NULL;
CREATE INDEX appeal_helper_queue_idx
    ON appeal_helper_unit (unit_code, (coalesce(handle_due_at, 'infinity'::timestamptz)), appeal_id) WHERE appeal_open;
-- Riskiest first, the appeals without a risk follow by id.
CREATE INDEX appeal_open_by_unit_idx ON appeal (handling_unit, id)
    WHERE status IN ('DISPATCHED', 'ACCEPTED', 'HANDLING', 'REWORK');
-- Replaces the holder index of V7 (same leading column: its counts per commissioner keep their index). The unit is in
-- it too: what a commissioner holds in a unit is then one range in order, whoever asks, and a cached statement's
-- generic plan cannot prefer walking the unit's queue for one holder's few rows.
DROP INDEX appeal_open_by_assignee_idx;
CREATE INDEX appeal_open_by_assignee_idx
    ON appeal (assignee, handling_unit, (coalesce(handle_due_at, 'infinity'::timestamptz)), id)
    WHERE status IN ('DISPATCHED', 'ACCEPTED', 'HANDLING', 'REWORK');

-- The dispatcher's desk: unplaced and returned appeals in the order they have waited (replaces V1's index of the
-- unplaced ones alone).
DROP INDEX appeal_awaiting_dispatch_idx;
CREATE INDEX appeal_waiting_idx ON appeal (received_at, id) WHERE status IN ('RECEIVED', 'RETURNED');
-- Open extension requests, oldest first (the desk and a unit leader's queue page).
CREATE INDEX extension_request_open_idx ON extension_request (requested_at) WHERE decided_at IS NULL;
