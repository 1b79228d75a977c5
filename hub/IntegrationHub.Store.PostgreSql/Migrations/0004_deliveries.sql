-- Push delivery: a subscription's channel (webhook, RabbitMQ, e-mail) and how far its events were
-- handed to the delivery queue; one row per event and push subscription, the idempotency record
-- and the source of each subscription's delivery status.
ALTER TABLE $schema$.subscriptions ADD COLUMN channel_kind text NOT NULL DEFAULT 'Feed';
ALTER TABLE $schema$.subscriptions ADD COLUMN channel text NOT NULL DEFAULT '{}';   -- JSON: kind, orderPerCase, webhook | rabbitMq | email
ALTER TABLE $schema$.subscriptions ADD COLUMN dispatched_through bigint NOT NULL DEFAULT 0;
UPDATE $schema$.subscriptions SET dispatched_through = start_after_sequence;

CREATE TABLE $schema$.deliveries (
    subscription_id uuid NOT NULL,
    sequence bigint NOT NULL,
    event_id text NOT NULL,
    case_id uuid NULL,
    state text NOT NULL,                   -- Pending, Failing, Delivered, Skipped, DeadLettered
    attempts integer NOT NULL,
    created_at timestamptz NOT NULL,
    last_attempt_at timestamptz NULL,
    next_attempt_at timestamptz NULL,
    last_error text NULL,
    delivered_at timestamptz NULL,
    PRIMARY KEY (subscription_id, sequence)
);

CREATE INDEX ix_deliveries_state ON $schema$.deliveries (subscription_id, state, sequence);
CREATE INDEX ix_deliveries_open_case ON $schema$.deliveries (subscription_id, case_id, sequence) WHERE state IN ('Pending', 'Failing');

-- Citizens who said no to notification e-mail (händelsenotifiering), per municipality.
CREATE TABLE $schema$.notification_opt_outs (
    municipality text NOT NULL,
    identity_type text NOT NULL,
    identity_value text NOT NULL,
    opted_out_at timestamptz NOT NULL,
    PRIMARY KEY (municipality, identity_type, identity_value)
);
