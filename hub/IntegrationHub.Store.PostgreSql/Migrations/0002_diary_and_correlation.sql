-- IntegrationHub store, PostgreSQL, version 2: the hub diary (diarium) and cross-system case
-- correlation. $schema$ is the store's (quoted) schema. Runs on databases that already hold
-- version-1 data: new columns are nullable, new tables are backfilled from what version 1 stored.
-- Registrations are never deleted, only corrected (with their history) or annulled.

-- ---------------------------------------------------------------- cases and events

-- A case merged into another keeps its row as a tombstone pointing at the survivor.
ALTER TABLE $schema$.cases ADD COLUMN merged_into uuid NULL REFERENCES $schema$.cases (id);

-- Sub-cases are found by their huvudärendenummer.
CREATE INDEX ix_cases_main_case_number ON $schema$.cases (municipality, main_case_number);

-- The diary numbers the hub assigned for an event, shown on the event in every timeline.
ALTER TABLE $schema$.events ADD COLUMN diarienummer text NULL;
ALTER TABLE $schema$.events ADD COLUMN document_number integer NULL;

-- data.collaboration.collaborationId, correlating a remiss, assignment or forward with its answer.
ALTER TABLE $schema$.events ADD COLUMN collaboration_id text NULL;

UPDATE $schema$.events
SET collaboration_id = payload::json #>> '{data,collaboration,collaborationId}'
WHERE payload::json #>> '{data,collaboration,collaborationId}' IS NOT NULL;

CREATE INDEX ix_events_collaboration ON $schema$.events (municipality, collaboration_id);

-- ---------------------------------------------------------------- case correlation

-- Every id a hub case has in a source system. A case is found through these, never through its
-- own source columns, so a source id linked to (or merged into) another case leads there.
CREATE TABLE $schema$.case_source_ids (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,  -- link order among equal linked_at
    municipality text NOT NULL,
    source_system text NOT NULL,
    source_case_id text NOT NULL,
    case_id uuid NOT NULL REFERENCES $schema$.cases (id),
    linked_at timestamptz NOT NULL,
    via text NOT NULL,                           -- event, hubCaseId, api, merge
    CONSTRAINT uq_case_source_ids UNIQUE (municipality, source_system, source_case_id)
);

CREATE INDEX ix_case_source_ids_case ON $schema$.case_source_ids (case_id, linked_at, id);

-- Each existing case is linked to the source id it was created from.
INSERT INTO $schema$.case_source_ids (municipality, source_system, source_case_id, case_id, linked_at, via)
SELECT municipality, source_system, source_case_id, id, created_at, 'event'
FROM $schema$.cases
ORDER BY created_at, id;

-- Remiss, assignment and forward between two cases of one municipality.
CREATE TABLE $schema$.case_relations (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id uuid NOT NULL REFERENCES $schema$.cases (id),
    related_case_id uuid NOT NULL REFERENCES $schema$.cases (id),
    kind text NOT NULL,                          -- CaseRelationKind member name
    collaboration_id text NULL,
    event_sequence bigint NOT NULL,              -- the event that established it
    CONSTRAINT uq_case_relations UNIQUE (case_id, related_case_id, kind),
    CONSTRAINT ck_case_relations_not_self CHECK (case_id <> related_case_id)
);

CREATE INDEX ix_case_relations_related ON $schema$.case_relations (related_case_id);

-- ---------------------------------------------------------------- diary

-- Gap-free running numbers per diary and year: advanced by an upsert inside the registering
-- transaction, so a rollback gives the number back and the row lock serialises registrations.
CREATE TABLE $schema$.diary_counters (
    municipality text NOT NULL,
    diary text NOT NULL,                         -- e.g. KS, BMN
    year integer NOT NULL,
    last_number integer NOT NULL,
    PRIMARY KEY (municipality, diary, year)
);

-- Gap-free löpnummer of the documents within a case.
CREATE TABLE $schema$.case_document_counters (
    case_id uuid PRIMARY KEY REFERENCES $schema$.cases (id),
    last_number integer NOT NULL
);

-- One registration (diarieföring) per row: the case itself, or one of its documents.
CREATE TABLE $schema$.registrations (
    id uuid PRIMARY KEY,
    municipality text NOT NULL,
    diary text NOT NULL,
    case_id uuid NOT NULL REFERENCES $schema$.cases (id),
    diarienummer text NOT NULL,                  -- as formatted, e.g. "KS 2026/123"
    year integer NOT NULL,
    running_number integer NOT NULL,
    kind text NOT NULL,                          -- RegistrationKind member name
    document_number integer NULL,                -- löpnummer; NULL for the case registration
    event_sequence bigint NULL,                  -- the event that caused it
    registered_at timestamptz NOT NULL,
    document_date date NOT NULL,                 -- Swedish date
    direction text NULL,                         -- DocumentDirection member name
    correspondent text NULL,
    description text NOT NULL,
    document_type text NULL,
    restriction_type text NULL,                  -- RestrictionType member name; NULL: no sekretessmarkering
    restriction_legal_reference text NULL,
    restriction_explanation text NULL,
    restriction_marked_at timestamptz NULL,
    restriction_marked_by text NULL,
    status text NOT NULL,                        -- RegistrationStatus member name
    annulment_reason text NULL,
    version integer NOT NULL,
    -- Upper-cased (NFC) diarienummer, and description and correspondent only when there is no
    -- restriction, so a search can never reveal withheld text; rewritten with every change.
    search_text text NOT NULL,
    CONSTRAINT ck_registrations_kind CHECK ((kind = 'Case') = (document_number IS NULL))
);

-- A number is used once: the case registration counts as document number 0.
CREATE UNIQUE INDEX uq_registrations_number ON $schema$.registrations (municipality, diary, year, running_number, coalesce(document_number, 0));
CREATE UNIQUE INDEX uq_registrations_event ON $schema$.registrations (event_sequence) WHERE event_sequence IS NOT NULL;
CREATE UNIQUE INDEX uq_registrations_case ON $schema$.registrations (case_id) WHERE document_number IS NULL;
CREATE INDEX ix_registrations_case ON $schema$.registrations (case_id, document_number);
CREATE INDEX ix_registrations_date ON $schema$.registrations (municipality, document_date);

-- The earlier versions of a registration: what it looked like before each correction or annulment.
CREATE TABLE $schema$.registration_history (
    registration_id uuid NOT NULL REFERENCES $schema$.registrations (id),
    version integer NOT NULL,                    -- the version the before-state had
    changed_at timestamptz NOT NULL,
    changed_by text NOT NULL,
    reason text NOT NULL,
    before json NOT NULL,                        -- the full previous Registration
    PRIMARY KEY (registration_id, version)
);

-- A diarienummer an event claimed for a case that already had another one.
CREATE TABLE $schema$.diary_conflicts (
    id uuid PRIMARY KEY,
    municipality text NOT NULL,
    case_id uuid NOT NULL REFERENCES $schema$.cases (id),
    event_sequence bigint NOT NULL,
    source_system text NOT NULL,
    existing text NOT NULL,
    claimed text NOT NULL,
    detected_at timestamptz NOT NULL,
    CONSTRAINT uq_diary_conflicts_event UNIQUE (case_id, event_sequence)
);

CREATE INDEX ix_diary_conflicts_municipality ON $schema$.diary_conflicts (municipality, detected_at);
