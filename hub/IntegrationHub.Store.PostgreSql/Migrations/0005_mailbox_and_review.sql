-- Content-addressed files of documents (mail bodies, attachments), stored once per SHA-256.
CREATE TABLE $schema$.contents (
    sha256 text NOT NULL PRIMARY KEY,      -- lowercase hex
    media_type text NOT NULL,
    size bigint NOT NULL,
    data bytea NOT NULL,
    stored_at timestamptz NOT NULL
);

-- Small durable state of adapters shared by every hub process: checkpoints and rate windows.
CREATE TABLE $schema$.adapter_state (
    scope text NOT NULL,                   -- adapter instance, e.g. mailbox/kommunen
    key text NOT NULL,                     -- never personal data (hashed)
    value text NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (scope, key)
);

-- The registrator's inbox: one item per event whose source asked for review (data.review).
-- Sender and subject are read from the event itself, never copied here.
CREATE TABLE $schema$.review_items (
    event_sequence bigint NOT NULL PRIMARY KEY REFERENCES $schema$.events (sequence),
    municipality text NOT NULL,
    case_id uuid NOT NULL,
    diary text NULL,
    diarienummer text NULL,
    document_number integer NULL,
    unit_id text NULL,
    unit_name text NULL,
    case_type text NULL,
    reasons text NOT NULL,                 -- JSON array of ReviewReason names
    received_via text NULL,
    routing text NULL,
    note text NULL,
    classification smallint NOT NULL,
    received_at timestamptz NOT NULL,
    state text NOT NULL,                   -- Pending, Confirmed, Annulled, Linked
    restricted integer NOT NULL DEFAULT 0,   -- a sekretessmarkering was added in review
    linked_case_id uuid NULL,
    decided_at timestamptz NULL,
    decided_by text NULL,
    version integer NOT NULL
);

CREATE INDEX ix_review_items_inbox ON $schema$.review_items (municipality, state, event_sequence);

-- Every registrator action on an inbox item: who, when, what.
CREATE TABLE $schema$.review_actions (
    id uuid NOT NULL PRIMARY KEY,
    event_sequence bigint NOT NULL REFERENCES $schema$.review_items (event_sequence),
    action text NOT NULL,
    actor text NOT NULL,
    at timestamptz NOT NULL,
    details text NULL                      -- JSON
);

CREATE INDEX ix_review_actions_item ON $schema$.review_actions (event_sequence, at);
