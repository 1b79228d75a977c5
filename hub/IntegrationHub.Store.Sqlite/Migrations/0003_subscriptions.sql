-- Subscriptions of downstream consumers, and the index that finds the pipeline's frontier
-- (the first event not yet correlated with its case) without scanning the log.
CREATE TABLE subscriptions (
    id TEXT PRIMARY KEY,
    municipality TEXT NOT NULL,
    name TEXT NOT NULL,
    filter TEXT NOT NULL,                  -- JSON: eventTypes, caseTypes, units, classificationCeiling
    status TEXT NOT NULL,
    start_after_sequence INTEGER NOT NULL,
    created_at INTEGER NOT NULL,           -- unix ms
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL
) STRICT;

CREATE INDEX ix_subscriptions_municipality ON subscriptions (municipality, created_at);

CREATE INDEX ix_events_uncorrelated ON events (sequence) WHERE case_id IS NULL;
