-- Subscriptions of downstream consumers, and the index that finds the pipeline's frontier
-- (the first event not yet correlated with its case) without scanning the log.
CREATE TABLE $schema$.subscriptions (
    id uuid PRIMARY KEY,
    municipality text NOT NULL,
    name text NOT NULL,
    filter text NOT NULL,                  -- JSON: eventTypes, caseTypes, units, classificationCeiling
    status text NOT NULL,
    start_after_sequence bigint NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    version integer NOT NULL
);

CREATE INDEX ix_subscriptions_municipality ON $schema$.subscriptions (municipality, created_at);

CREATE INDEX ix_events_uncorrelated ON $schema$.events (sequence) WHERE case_id IS NULL;
