-- Reads for the portal (issue 7):
--   * proposal_search: full-text search over a proposal's title, problem and location (SQLite FTS5), an
--     external-content table over proposals (the text is stored once, in proposals; the index holds the tokens).
--     Tokenizer unicode61 with remove_diacritics 2, so "jalan" finds "Jálan". Kept in step by triggers: a new
--     proposal is indexed, an edit of one of the three columns re-indexes it. The UPDATE trigger fires only when
--     one of them really changed: every transition rewrites those columns with the same values, and the berita
--     acara's moves do not touch them, so state changes cost no FTS work. Queries bind the user's text as an FTS5
--     expression built by `FTSQuery` (each word a quoted phrase, prefix match on the last): never spliced.
--     columnsize = 0: no per-row token counts (%_docsize), which only bm25() ranking reads; lists sort by their own
--     columns. Each submission commits its own FTS segment; without %_docsize that costs about 90 instead of 120 us
--     per single-transaction insert (Python sqlite3, SQLite 3.40, 20,000 rows; see docs/persistence.md).
--   * proposals_entered_by: the proposals an account entered, for the viewer's own proposals in list reads (beside
--     proposals_proposer): `p.id IN (SELECT id FROM proposals WHERE entered_by = ?)` instead of a table scan.
--   * attachment_removals: the append-only log of removed attachments (the row leaves `attachments`, its
--     metadata with who removed it and when is kept here; the file is deleted from the data folder).
CREATE VIRTUAL TABLE proposal_search USING fts5(
    title, problem, location_text,
    content = 'proposals', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    columnsize = 0
);
INSERT INTO proposal_search (proposal_search) VALUES ('rebuild');

CREATE TRIGGER proposals_search_insert AFTER INSERT ON proposals
BEGIN
    INSERT INTO proposal_search (rowid, title, problem, location_text)
    VALUES (new.id, new.title, new.problem, new.location_text);
END;
CREATE TRIGGER proposals_search_update AFTER UPDATE OF title, problem, location_text ON proposals
WHEN old.title IS NOT new.title OR old.problem IS NOT new.problem OR old.location_text IS NOT new.location_text
BEGIN
    INSERT INTO proposal_search (proposal_search, rowid, title, problem, location_text)
    VALUES ('delete', old.id, old.title, old.problem, old.location_text);
    INSERT INTO proposal_search (rowid, title, problem, location_text)
    VALUES (new.id, new.title, new.problem, new.location_text);
END;
-- Proposals are never deleted (events and decisions name them); should one ever be, its tokens go too.
CREATE TRIGGER proposals_search_delete AFTER DELETE ON proposals
BEGIN
    INSERT INTO proposal_search (proposal_search, rowid, title, problem, location_text)
    VALUES ('delete', old.id, old.title, old.problem, old.location_text);
END;

CREATE INDEX proposals_entered_by ON proposals(entered_by);

CREATE TABLE attachment_removals (
    attachment_id INTEGER PRIMARY KEY,
    proposal_id   INTEGER NOT NULL REFERENCES proposals(id),
    file_name     TEXT NOT NULL,
    media_type    TEXT NOT NULL,
    byte_count    INTEGER NOT NULL,
    sha256        TEXT NOT NULL,
    storage_path  TEXT NOT NULL,
    uploaded_by   INTEGER NOT NULL REFERENCES accounts(id),
    uploaded_at   TEXT NOT NULL,
    removed_by    INTEGER NOT NULL REFERENCES accounts(id),
    removed_role  TEXT NOT NULL,
    removed_at    TEXT NOT NULL
) STRICT;
CREATE INDEX attachment_removals_proposal ON attachment_removals(proposal_id);
CREATE TRIGGER attachment_removals_no_update BEFORE UPDATE ON attachment_removals
BEGIN SELECT RAISE(ABORT, 'attachment_removals is append-only'); END;
CREATE TRIGGER attachment_removals_no_delete BEFORE DELETE ON attachment_removals
BEGIN SELECT RAISE(ABORT, 'attachment_removals is append-only'); END;
