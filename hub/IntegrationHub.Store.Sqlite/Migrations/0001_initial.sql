-- IntegrationHub store, SQLite, version 1.
-- Timestamps are unix milliseconds (INTEGER) so they sort and compare correctly; the original
-- offsets of an event's times stay inside its CloudEvents JSON (payload).
-- STRICT tables make SQLite reject values of the wrong type instead of silently storing them.

-- The hub's picture of each case, keyed by where it comes from.
CREATE TABLE cases (
    id TEXT NOT NULL PRIMARY KEY,                -- Guid, "D" format
    municipality TEXT NOT NULL,                  -- kommunkod
    source_system TEXT NOT NULL,
    source_case_id TEXT NOT NULL,
    case_number TEXT NULL,                       -- ärendenummer
    main_case_number TEXT NULL,                  -- huvudärendenummer
    diarienummer TEXT NULL,                      -- value as given
    diarienummer_series TEXT NULL,
    diarienummer_year INTEGER NULL,
    diarienummer_running_number INTEGER NULL,
    title TEXT NULL,                             -- ärendemening
    case_type TEXT NULL,
    authority_id TEXT NULL,
    authority_name TEXT NULL,
    authority_municipality TEXT NULL,
    unit_id TEXT NULL,
    unit_name TEXT NULL,
    unit_municipality TEXT NULL,
    status TEXT NULL,                            -- CaseStatus member name
    source_status TEXT NULL,
    classification INTEGER NOT NULL,             -- DataClassification: 0 public .. 3 restricted
    opened_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    last_sequence INTEGER NOT NULL,              -- newest event applied to the fields
    created_at INTEGER NOT NULL,                 -- hub wall clock, for operations
    modified_at INTEGER NOT NULL,
    CONSTRAINT uq_cases_source UNIQUE (municipality, source_system, source_case_id)
) STRICT;

CREATE INDEX ix_cases_case_number ON cases (municipality, case_number);
CREATE INDEX ix_cases_diarienummer ON cases (municipality, diarienummer);
CREATE INDEX ix_cases_updated ON cases (municipality, updated_at);

-- The append-only event log. AUTOINCREMENT: a sequence is never handed out twice, even if the
-- newest rows are erased later, so a consumer's cursor can never skip a reused number.
CREATE TABLE events (
    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
    source TEXT NOT NULL,                        -- CloudEvents source
    event_id TEXT NOT NULL,                      -- CloudEvents id
    event_type TEXT NOT NULL,
    municipality TEXT NOT NULL,
    classification INTEGER NOT NULL,
    event_time INTEGER NOT NULL,                 -- CloudEvents time
    occurred_at INTEGER NOT NULL,                -- data.event.occurredAt
    received_at INTEGER NOT NULL,
    case_id TEXT NULL REFERENCES cases (id),
    payload TEXT NOT NULL,                       -- structured-mode CloudEvents JSON
    CONSTRAINT uq_events_source_id UNIQUE (source, event_id)
) STRICT;

CREATE INDEX ix_events_municipality_sequence ON events (municipality, sequence);
CREATE INDEX ix_events_case ON events (case_id, occurred_at, sequence);

-- Who an event concerns or names as a party (personal data: identity numbers).
CREATE TABLE event_persons (
    identity_type TEXT NOT NULL,                 -- IdentityType member name
    identity_value TEXT NOT NULL,
    sequence INTEGER NOT NULL REFERENCES events (sequence),
    relation TEXT NOT NULL,                      -- PersonRelation member name
    role TEXT NULL,                              -- PartyRole member name
    PRIMARY KEY (identity_type, identity_value, sequence, relation)
) STRICT, WITHOUT ROWID;

CREATE INDEX ix_event_persons_sequence ON event_persons (sequence);

-- The parties of each case: a party sees every event of the case on Mina Sidor.
CREATE TABLE case_parties (
    identity_type TEXT NOT NULL,
    identity_value TEXT NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    role TEXT NULL,                              -- role in the first event that named them
    first_sequence INTEGER NOT NULL,
    PRIMARY KEY (identity_type, identity_value, case_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX ix_case_parties_case ON case_parties (case_id);
