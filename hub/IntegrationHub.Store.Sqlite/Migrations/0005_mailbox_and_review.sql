-- Content-addressed files of documents (mail bodies, attachments), stored once per SHA-256.
CREATE TABLE contents (
    sha256 TEXT NOT NULL PRIMARY KEY,      -- lowercase hex
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    data BLOB NOT NULL,
    stored_at INTEGER NOT NULL             -- unix ms
) STRICT;

-- Small durable state of adapters shared by every hub process: checkpoints and rate windows.
CREATE TABLE adapter_state (
    scope TEXT NOT NULL,                   -- adapter instance, e.g. mailbox/kommunen
    key TEXT NOT NULL,                     -- never personal data (hashed)
    value TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (scope, key)
) STRICT;

-- The registrator's inbox: one item per event whose source asked for review (data.review).
-- Sender and subject are read from the event itself, never copied here.
CREATE TABLE review_items (
    event_sequence INTEGER NOT NULL PRIMARY KEY REFERENCES events (sequence),
    municipality TEXT NOT NULL,
    case_id TEXT NOT NULL,
    diary TEXT NULL,
    diarienummer TEXT NULL,
    document_number INTEGER NULL,
    unit_id TEXT NULL,
    unit_name TEXT NULL,
    case_type TEXT NULL,
    reasons TEXT NOT NULL,                 -- JSON array of ReviewReason names
    received_via TEXT NULL,
    routing TEXT NULL,
    note TEXT NULL,
    classification INTEGER NOT NULL,
    received_at INTEGER NOT NULL,
    state TEXT NOT NULL,                   -- Pending, Confirmed, Annulled, Linked
    restricted INTEGER NOT NULL DEFAULT 0, -- a sekretessmarkering was added in review
    linked_case_id TEXT NULL,
    decided_at INTEGER NULL,
    decided_by TEXT NULL,
    version INTEGER NOT NULL
) STRICT;

CREATE INDEX ix_review_items_inbox ON review_items (municipality, state, event_sequence);

-- Every registrator action on an inbox item: who, when, what.
CREATE TABLE review_actions (
    id TEXT NOT NULL PRIMARY KEY,
    event_sequence INTEGER NOT NULL REFERENCES review_items (event_sequence),
    action TEXT NOT NULL,
    actor TEXT NOT NULL,
    at INTEGER NOT NULL,
    details TEXT NULL                      -- JSON
) STRICT;

CREATE INDEX ix_review_actions_item ON review_actions (event_sequence, at);
