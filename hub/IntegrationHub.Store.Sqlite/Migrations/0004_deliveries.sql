-- Push delivery: a subscription's channel (webhook, RabbitMQ, e-mail) and how far its events were
-- handed to the delivery queue; one row per event and push subscription, the idempotency record
-- and the source of each subscription's delivery status.
ALTER TABLE subscriptions ADD COLUMN channel_kind TEXT NOT NULL DEFAULT 'Feed';
ALTER TABLE subscriptions ADD COLUMN channel TEXT NOT NULL DEFAULT '{}';   -- JSON: kind, orderPerCase, webhook | rabbitMq | email
ALTER TABLE subscriptions ADD COLUMN dispatched_through INTEGER NOT NULL DEFAULT 0;
UPDATE subscriptions SET dispatched_through = start_after_sequence;

CREATE TABLE deliveries (
    subscription_id TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    case_id TEXT NULL,
    state TEXT NOT NULL,                   -- Pending, Failing, Delivered, Skipped, DeadLettered
    attempts INTEGER NOT NULL,
    created_at INTEGER NOT NULL,           -- unix ms
    last_attempt_at INTEGER NULL,
    next_attempt_at INTEGER NULL,
    last_error TEXT NULL,
    delivered_at INTEGER NULL,
    PRIMARY KEY (subscription_id, sequence)
) STRICT;

CREATE INDEX ix_deliveries_state ON deliveries (subscription_id, state, sequence);
CREATE INDEX ix_deliveries_open_case ON deliveries (subscription_id, case_id, sequence) WHERE state IN ('Pending', 'Failing');

-- Citizens who said no to notification e-mail (händelsenotifiering), per municipality.
CREATE TABLE notification_opt_outs (
    municipality TEXT NOT NULL,
    identity_type TEXT NOT NULL,
    identity_value TEXT NOT NULL,
    opted_out_at INTEGER NOT NULL,
    PRIMARY KEY (municipality, identity_type, identity_value)
) STRICT;
