-- The systems' API keys: never a secret, only its SHA-256 hash (the key is ihub_{id}_{secret}).
CREATE TABLE api_keys (
    id TEXT NOT NULL PRIMARY KEY,                -- public key id, 12 lowercase letters and digits
    name TEXT NOT NULL,                          -- what the key is for, e.g. "Mina Sidor (produktion)"
    municipality TEXT NOT NULL,                  -- kommunkod the key is bound to, or * for an installation-wide administrator key
    scopes TEXT NOT NULL,                        -- JSON array of scope names
    sources TEXT NOT NULL,                       -- JSON array of source systems the key may submit as (events:write)
    classification_ceiling INTEGER NOT NULL,     -- highest classification the key may read, as the ordered integer
    secret_hash TEXT NOT NULL,                   -- lowercase hex SHA-256 of the current secret
    previous_secret_hash TEXT NULL,              -- the previous secret's hash during a rotation's grace period
    previous_secret_valid_until INTEGER NULL,    -- unix ms: until when the previous secret is accepted
    expires_at INTEGER NULL,                     -- unix ms: when the key stops working by itself
    revoked_at INTEGER NULL,                     -- unix ms: when the key was revoked (the first time)
    created_by TEXT NOT NULL,                    -- a key id or a person's subject
    created_at INTEGER NOT NULL,                 -- unix ms
    rotated_at INTEGER NOT NULL                  -- unix ms: when the secret was last set (created or rotated)
) STRICT;

CREATE INDEX ix_api_keys_municipality ON api_keys (municipality, created_at, id);

-- Who read which personal data, and every administrative act. Itself personal data (a resource may be
-- a personnummer), readable by administrators only. Append-only: the triggers below refuse any change.
CREATE TABLE audit_log (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, -- increasing, never reused
    at INTEGER NOT NULL,                         -- unix ms
    municipality TEXT NOT NULL,                  -- whose data was read, or * for installation-wide acts
    actor TEXT NOT NULL,                         -- key:{id}, user:{subject}, with citizen:… where a portal asserted one
    actor_name TEXT NULL,                        -- the actor's display name at the time
    action TEXT NOT NULL,                        -- e.g. timeline.read, case.read, key.create
    resource_type TEXT NOT NULL,                 -- person, case, registration, content, key, feed…
    resource TEXT NULL,                          -- a case id, a personnummer, a content hash, a query
    count INTEGER NULL,                          -- how many records the answer held
    client_address TEXT NULL,                    -- the client's IP address
    trace_id TEXT NULL,                          -- the request's trace identifier
    status INTEGER NOT NULL                      -- the answer's HTTP status
) STRICT;

CREATE INDEX ix_audit_log_municipality ON audit_log (municipality, id);
CREATE INDEX ix_audit_log_resource ON audit_log (resource, id);
CREATE INDEX ix_audit_log_actor ON audit_log (actor, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
