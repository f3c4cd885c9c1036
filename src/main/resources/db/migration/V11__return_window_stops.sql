-- The return window (退单时限) ends once handling has begun, the appeal is answered, returned, merged or archived
-- (docs/sla.md). Earlier versions left it running on such appeals, so they showed 按时 or 超时 for a window
-- that no longer mattered: stop it at the step that ended it (or now, where no such step is recorded).
-- The clock has no timers, so nothing else needs cancelling.
UPDATE appeal_clock c
SET stopped_at = coalesce((SELECT min(e.occurred_at) FROM appeal_event e
                           WHERE e.appeal_id = c.appeal_id AND e.occurred_at >= c.started_at
                             AND e.type IN ('FIRST_CONTACT', 'REPLIED', 'RETURNED', 'MERGED', 'CLOSED')),
                          now())
WHERE c.clock = 'RETURN_WINDOW'
  AND c.stopped_at IS NULL
  AND EXISTS (SELECT 1 FROM appeal a WHERE a.id = c.appeal_id AND a.status NOT IN ('DISPATCHED', 'ACCEPTED'));
