-- The risk job copies each risk row's holder once per refresh, in its last write (RiskRepository.replaceAll), which
-- covers the rows it inserts as well as those it updates. V24's trigger copied it a second time, row by row, on every
-- write of the job; at 100,000 open appeals it made the refresh take about twice as long (2.8–3.3 s against
-- 1.4–1.5 s on a table of the same shape). An INSERT-only trigger would cost nearly as much: the job upserts, and a
-- BEFORE INSERT trigger fires for every row proposed, updated or not. Between refreshes, V25's trigger on the appeal
-- keeps the copies in step.
DROP TRIGGER appeal_risk_copies_holder ON appeal_risk;
DROP FUNCTION appeal_risk_copies_holder();
