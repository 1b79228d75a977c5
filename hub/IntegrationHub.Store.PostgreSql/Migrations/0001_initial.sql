-- IntegrationHub store, PostgreSQL, version 1. $schema$ is the store's (quoted) schema.

-- The hub's picture of each case, keyed by where it comes from.
CREATE TABLE $schema$.cases (
    id uuid PRIMARY KEY,
    municipality text NOT NULL,                  -- kommunkod
    source_system text NOT NULL,
    source_case_id text NOT NULL,
    case_number text NULL,                       -- ärendenummer
    main_case_number text NULL,                  -- huvudärendenummer
    diarienummer text NULL,                      -- value as given
    diarienummer_series text NULL,
    diarienummer_year integer NULL,
    diarienummer_running_number integer NULL,
    title text NULL,                             -- ärendemening
    case_type text NULL,
    authority_id text NULL,
    authority_name text NULL,
    authority_municipality text NULL,
    unit_id text NULL,
    unit_name text NULL,
    unit_municipality text NULL,
    status text NULL,                            -- CaseStatus member name
    source_status text NULL,
    classification smallint NOT NULL,            -- DataClassification: 0 public .. 3 restricted
    opened_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    last_sequence bigint NOT NULL,               -- newest event applied to the fields
    created_at timestamptz NOT NULL,             -- hub wall clock, for operations
    modified_at timestamptz NOT NULL,
    CONSTRAINT uq_cases_source UNIQUE (municipality, source_system, source_case_id)
);

CREATE INDEX ix_cases_case_number ON $schema$.cases (municipality, case_number);
CREATE INDEX ix_cases_diarienummer ON $schema$.cases (municipality, diarienummer);
CREATE INDEX ix_cases_updated ON $schema$.cases (municipality, updated_at);

-- The append-only event log. Appends take a transaction-scoped advisory lock before drawing a
-- sequence, so sequences commit in order and a feed cursor never skips one.
CREATE TABLE $schema$.events (
    sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source text NOT NULL,                        -- CloudEvents source
    event_id text NOT NULL,                      -- CloudEvents id
    event_type text NOT NULL,
    municipality text NOT NULL,
    classification smallint NOT NULL,
    event_time timestamptz NOT NULL,             -- CloudEvents time
    occurred_at timestamptz NOT NULL,            -- data.event.occurredAt
    received_at timestamptz NOT NULL,
    case_id uuid NULL REFERENCES $schema$.cases (id),
    payload json NOT NULL,                       -- json, not jsonb: kept as written, offsets included
    CONSTRAINT uq_events_source_id UNIQUE (source, event_id)
);

CREATE INDEX ix_events_municipality_sequence ON $schema$.events (municipality, sequence);
CREATE INDEX ix_events_case ON $schema$.events (case_id, occurred_at, sequence);

-- Who an event concerns or names as a party (personal data: identity numbers).
CREATE TABLE $schema$.event_persons (
    identity_type text NOT NULL,                 -- IdentityType member name
    identity_value text NOT NULL,
    sequence bigint NOT NULL REFERENCES $schema$.events (sequence),
    relation text NOT NULL,                      -- PersonRelation member name
    role text NULL,                              -- PartyRole member name
    PRIMARY KEY (identity_type, identity_value, sequence, relation)
);

CREATE INDEX ix_event_persons_sequence ON $schema$.event_persons (sequence);

-- The parties of each case: a party sees every event of the case on Mina Sidor.
CREATE TABLE $schema$.case_parties (
    identity_type text NOT NULL,
    identity_value text NOT NULL,
    case_id uuid NOT NULL REFERENCES $schema$.cases (id),
    role text NULL,                              -- role in the first event that named them
    first_sequence bigint NOT NULL,
    PRIMARY KEY (identity_type, identity_value, case_id)
);

CREATE INDEX ix_case_parties_case ON $schema$.case_parties (case_id);
