-- Which events reference a content (a document's file) through their attachments: a file is served
-- only to a caller who may see one of these events (municipality and classification).
CREATE TABLE event_contents (
    sha256 TEXT NOT NULL,                  -- lowercase hex, as in contents.sha256
    sequence INTEGER NOT NULL REFERENCES events (sequence),
    PRIMARY KEY (sha256, sequence)
) STRICT;

-- Events stored before this index existed.
INSERT OR IGNORE INTO event_contents (sha256, sequence)
SELECT DISTINCT CAST(json_extract(a.value, '$.sha256') AS TEXT), e.sequence
FROM events e, json_each(e.payload, '$.data.document.attachments') a
WHERE json_extract(a.value, '$.sha256') IS NOT NULL;
