-- The systems' API keys: never a secret, only its SHA-256 hash (the key is ihub_{id}_{secret}).
CREATE TABLE $schema$.api_keys (
    id text NOT NULL PRIMARY KEY,                -- public key id, 12 lowercase letters and digits
    name text NOT NULL,                          -- what the key is for, e.g. "Mina Sidor (produktion)"
    municipality text NOT NULL,                  -- kommunkod the key is bound to, or * for an installation-wide administrator key
    scopes text NOT NULL,                        -- JSON array of scope names
    sources text NOT NULL,                       -- JSON array of source systems the key may submit as (events:write)
    classification_ceiling smallint NOT NULL,    -- highest classification the key may read, as the ordered integer
    secret_hash text NOT NULL,                   -- lowercase hex SHA-256 of the current secret
    previous_secret_hash text NULL,              -- the previous secret's hash during a rotation's grace period
    previous_secret_valid_until timestamptz NULL, -- until when the previous secret is accepted
    expires_at timestamptz NULL,                 -- when the key stops working by itself
    revoked_at timestamptz NULL,                 -- when the key was revoked (the first time)
    created_by text NOT NULL,                    -- a key id or a person's subject
    created_at timestamptz NOT NULL,
    rotated_at timestamptz NOT NULL              -- when the secret was last set (created or rotated)
);

CREATE INDEX ix_api_keys_municipality ON $schema$.api_keys (municipality, created_at, id);

-- Who read which personal data, and every administrative act. Itself personal data (a resource may be
-- a personnummer), readable by administrators only. Append-only: the triggers below refuse any change.
CREATE TABLE $schema$.audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, -- increasing
    at timestamptz NOT NULL,
    municipality text NOT NULL,                  -- whose data was read, or * for installation-wide acts
    actor text NOT NULL,                         -- key:{id}, user:{subject}, with citizen:… where a portal asserted one
    actor_name text NULL,                        -- the actor's display name at the time
    action text NOT NULL,                        -- e.g. timeline.read, case.read, key.create
    resource_type text NOT NULL,                 -- person, case, registration, content, key, feed…
    resource text NULL,                          -- a case id, a personnummer, a content hash, a query
    count integer NULL,                          -- how many records the answer held
    client_address text NULL,                    -- the client's IP address
    trace_id text NULL,                          -- the request's trace identifier
    status integer NOT NULL                      -- the answer's HTTP status
);

CREATE INDEX ix_audit_log_municipality ON $schema$.audit_log (municipality, id);
CREATE INDEX ix_audit_log_resource ON $schema$.audit_log (resource, id);
CREATE INDEX ix_audit_log_actor ON $schema$.audit_log (actor, id);

-- Refuses every change of an entry: UPDATE and DELETE per row, TRUNCATE per statement.
CREATE FUNCTION $schema$.audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;

CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON $schema$.audit_log
    FOR EACH ROW EXECUTE FUNCTION $schema$.audit_log_append_only();

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON $schema$.audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION $schema$.audit_log_append_only();
