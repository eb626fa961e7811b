-- The bytes of proposal attachments (paper forms' scans, files a proposer adds), kept in the database as the proposal
-- photos (0011) and the meeting documents (0012) are, so that `musrenbang backup` and a restore cover them. Before
-- this they were files in a folder beside the database (`<database>.lampiran`) that no backup copied.
-- One row per attachment, deleted with it (its removal stays logged in attachment_removals, metadata only).
-- attachments.storage_path stays a unique generated name; it no longer names a file.
CREATE TABLE attachment_contents (
    attachment_id INTEGER PRIMARY KEY REFERENCES attachments(id),
    content       BLOB NOT NULL CHECK (length(content) BETWEEN 1 AND 10485760)
) STRICT;
