-- Which events reference a content (a document's file) through their attachments: a file is served
-- only to a caller who may see one of these events (municipality and classification).
CREATE TABLE $schema$.event_contents (
    sha256 text NOT NULL,                  -- lowercase hex, as in contents.sha256
    sequence bigint NOT NULL REFERENCES $schema$.events (sequence),
    PRIMARY KEY (sha256, sequence)
);

-- Events stored before this index existed.
INSERT INTO $schema$.event_contents (sha256, sequence)
SELECT DISTINCT a ->> 'sha256', e.sequence
FROM $schema$.events e, jsonb_array_elements(CASE WHEN jsonb_typeof(e.payload::jsonb #> '{data,document,attachments}') = 'array'
                                                  THEN e.payload::jsonb #> '{data,document,attachments}' ELSE '[]'::jsonb END) a
WHERE a ->> 'sha256' IS NOT NULL
ON CONFLICT DO NOTHING;
