-- The desk reads each appeal's latest supervision order (SupervisionRepository.latestOn: DISTINCT ON appeal_id, the
-- latest issued first); this index serves that order directly instead of sorting every order of the appeals.
CREATE INDEX supervision_order_appeal_latest_idx ON supervision_order (appeal_id, issued_at DESC, id DESC);
