-- IntegrationHub store, SQLite, version 2: the hub diary (diarium) and cross-system case correlation.
-- Runs on databases that already hold version-1 data: new columns are nullable, new tables are
-- backfilled from what version 1 stored. Registrations are never deleted, only corrected (with
-- their history) or annulled.

-- ---------------------------------------------------------------- cases and events

-- A case merged into another keeps its row as a tombstone pointing at the survivor.
ALTER TABLE cases ADD COLUMN merged_into TEXT NULL REFERENCES cases (id);

-- Sub-cases are found by their huvudärendenummer.
CREATE INDEX ix_cases_main_case_number ON cases (municipality, main_case_number);

-- The diary numbers the hub assigned for an event, shown on the event in every timeline.
ALTER TABLE events ADD COLUMN diarienummer TEXT NULL;
ALTER TABLE events ADD COLUMN document_number INTEGER NULL;

-- data.collaboration.collaborationId, correlating a remiss, assignment or forward with its answer.
ALTER TABLE events ADD COLUMN collaboration_id TEXT NULL;

UPDATE events
SET collaboration_id = CAST(json_extract(payload, '$.data.collaboration.collaborationId') AS TEXT)
WHERE json_extract(payload, '$.data.collaboration.collaborationId') IS NOT NULL;

CREATE INDEX ix_events_collaboration ON events (municipality, collaboration_id);

-- ---------------------------------------------------------------- case correlation

-- Every id a hub case has in a source system. A case is found through these, never through its
-- own source columns, so a source id linked to (or merged into) another case leads there.
CREATE TABLE case_source_ids (
    id INTEGER PRIMARY KEY,                      -- link order among equal linked_at
    municipality TEXT NOT NULL,
    source_system TEXT NOT NULL,
    source_case_id TEXT NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    linked_at INTEGER NOT NULL,
    via TEXT NOT NULL,                           -- event, hubCaseId, api, merge
    CONSTRAINT uq_case_source_ids UNIQUE (municipality, source_system, source_case_id)
) STRICT;

CREATE INDEX ix_case_source_ids_case ON case_source_ids (case_id, linked_at, id);

-- Each existing case is linked to the source id it was created from.
INSERT INTO case_source_ids (municipality, source_system, source_case_id, case_id, linked_at, via)
SELECT municipality, source_system, source_case_id, id, created_at, 'event'
FROM cases
ORDER BY created_at, id;

-- Remiss, assignment and forward between two cases of one municipality.
CREATE TABLE case_relations (
    id INTEGER PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    related_case_id TEXT NOT NULL REFERENCES cases (id),
    kind TEXT NOT NULL,                          -- CaseRelationKind member name
    collaboration_id TEXT NULL,
    event_sequence INTEGER NOT NULL,             -- the event that established it
    CONSTRAINT uq_case_relations UNIQUE (case_id, related_case_id, kind),
    CONSTRAINT ck_case_relations_not_self CHECK (case_id <> related_case_id)
) STRICT;

CREATE INDEX ix_case_relations_related ON case_relations (related_case_id);

-- ---------------------------------------------------------------- diary

-- Gap-free running numbers per diary and year: advanced by an upsert inside the registering
-- transaction, so a rollback gives the number back.
CREATE TABLE diary_counters (
    municipality TEXT NOT NULL,
    diary TEXT NOT NULL,                         -- e.g. KS, BMN
    year INTEGER NOT NULL,
    last_number INTEGER NOT NULL,
    PRIMARY KEY (municipality, diary, year)
) STRICT, WITHOUT ROWID;

-- Gap-free löpnummer of the documents within a case.
CREATE TABLE case_document_counters (
    case_id TEXT NOT NULL PRIMARY KEY REFERENCES cases (id),
    last_number INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- One registration (diarieföring) per row: the case itself, or one of its documents.
CREATE TABLE registrations (
    id TEXT NOT NULL PRIMARY KEY,                -- Guid, "D" format
    municipality TEXT NOT NULL,
    diary TEXT NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    diarienummer TEXT NOT NULL,                  -- as formatted, e.g. "KS 2026/123"
    year INTEGER NOT NULL,
    running_number INTEGER NOT NULL,
    kind TEXT NOT NULL,                          -- RegistrationKind member name
    document_number INTEGER NULL,                -- löpnummer; NULL for the case registration
    event_sequence INTEGER NULL,                 -- the event that caused it
    registered_at INTEGER NOT NULL,
    document_date TEXT NOT NULL,                 -- yyyy-MM-dd, Swedish date
    direction TEXT NULL,                         -- DocumentDirection member name
    correspondent TEXT NULL,
    description TEXT NOT NULL,
    document_type TEXT NULL,
    restriction_type TEXT NULL,                  -- RestrictionType member name; NULL: no sekretessmarkering
    restriction_legal_reference TEXT NULL,
    restriction_explanation TEXT NULL,
    restriction_marked_at INTEGER NULL,
    restriction_marked_by TEXT NULL,
    status TEXT NOT NULL,                        -- RegistrationStatus member name
    annulment_reason TEXT NULL,
    version INTEGER NOT NULL,
    -- Upper-cased (NFC) diarienummer, and description and correspondent only when there is no
    -- restriction, so a search can never reveal withheld text; rewritten with every change.
    search_text TEXT NOT NULL,
    CONSTRAINT ck_registrations_kind CHECK ((kind = 'Case') = (document_number IS NULL)),
    CONSTRAINT ck_registrations_document_date CHECK (document_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
) STRICT;

-- A number is used once: the case registration counts as document number 0.
CREATE UNIQUE INDEX uq_registrations_number ON registrations (municipality, diary, year, running_number, coalesce(document_number, 0));
CREATE UNIQUE INDEX uq_registrations_event ON registrations (event_sequence) WHERE event_sequence IS NOT NULL;
CREATE UNIQUE INDEX uq_registrations_case ON registrations (case_id) WHERE document_number IS NULL;
CREATE INDEX ix_registrations_case ON registrations (case_id, document_number);
CREATE INDEX ix_registrations_date ON registrations (municipality, document_date);

-- The earlier versions of a registration: what it looked like before each correction or annulment.
CREATE TABLE registration_history (
    registration_id TEXT NOT NULL REFERENCES registrations (id),
    version INTEGER NOT NULL,                    -- the version the before-state had
    changed_at INTEGER NOT NULL,
    changed_by TEXT NOT NULL,
    reason TEXT NOT NULL,
    before TEXT NOT NULL,                        -- the full previous Registration as JSON
    PRIMARY KEY (registration_id, version)
) STRICT, WITHOUT ROWID;

-- A diarienummer an event claimed for a case that already had another one.
CREATE TABLE diary_conflicts (
    id TEXT NOT NULL PRIMARY KEY,
    municipality TEXT NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    event_sequence INTEGER NOT NULL,
    source_system TEXT NOT NULL,
    existing TEXT NOT NULL,
    claimed TEXT NOT NULL,
    detected_at INTEGER NOT NULL,
    CONSTRAINT uq_diary_conflicts_event UNIQUE (case_id, event_sequence)
) STRICT;

CREATE INDEX ix_diary_conflicts_municipality ON diary_conflicts (municipality, detected_at);
