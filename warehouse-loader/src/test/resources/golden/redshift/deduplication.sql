SELECT MIN(collector_tstamp) FROM tributary_stage_events;
CREATE TEMPORARY TABLE tributary_duplicates AS
SELECT DISTINCT s.event_id, s.event_fingerprint, s.collector_tstamp
FROM tributary_stage_events s
JOIN atomic.events e ON e.event_id = s.event_id AND e.event_fingerprint = s.event_fingerprint
WHERE e.collector_tstamp >= TIMESTAMP '2026-10-31 10:00:00.000';
DELETE FROM tributary_stage_events USING tributary_duplicates d
WHERE tributary_stage_events.event_id = d.event_id AND tributary_stage_events.event_fingerprint = d.event_fingerprint;
DELETE FROM tributary_stage_1 USING tributary_duplicates d
WHERE tributary_stage_1.root_id = d.event_id AND tributary_stage_1.root_tstamp = d.collector_tstamp
