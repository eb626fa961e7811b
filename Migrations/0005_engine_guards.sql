-- The engine's own guards (issue "The engine guards every rule itself"):
--   * group_shares: a share is a maximum (a cap, as before) or a minimum (a reserve for its group), and may be set
--     for one envelope (owner_id: the kelurahan, kecamatan or OPD id) instead of every envelope of its level. An
--     envelope with shares of its own uses only those; the others use the level's (owner_id NULL).
--   * allocation_decisions: whether a blocking group was full (maximum) or held money back (minimum), and whether
--     a candidate was funded only after unused reserves returned to the pool.
--   * level_locks.run_id: the allocation run the berita acara applied (the run the meeting reviewed).
--   * proposal_score_history: every score given, with the one it replaced (scores are overwritten in
--     proposal_scores for the ranking, never in their history); append-only.
--   * ranking_resets: a re-rank from the scores that replaced a manual order, with its reason; append-only.
CREATE TABLE group_shares_new (
    id         INTEGER PRIMARY KEY,
    cycle_id   INTEGER NOT NULL REFERENCES cycles(id),
    level      TEXT NOT NULL CHECK (level IN ('kelurahan', 'kecamatan', 'opd')),
    -- NULL: every envelope of the level; else the one kelurahan / kecamatan / OPD.
    owner_id   INTEGER,
    group_kind TEXT NOT NULL CHECK (group_kind IN ('fisik', 'non_fisik', 'bidang')),
    bidang_id  INTEGER REFERENCES bidang(id),
    bound      TEXT NOT NULL DEFAULT 'maximum' CHECK (bound IN ('maximum', 'minimum')),
    cap_bp     INTEGER NOT NULL CHECK (cap_bp BETWEEN 0 AND 10000),
    CHECK ((bidang_id IS NOT NULL) = (group_kind = 'bidang'))
) STRICT;
INSERT INTO group_shares_new (id, cycle_id, level, owner_id, group_kind, bidang_id, bound, cap_bp)
    SELECT id, cycle_id, level, NULL, group_kind, bidang_id, 'maximum', cap_bp FROM group_shares;
DROP TABLE group_shares;
ALTER TABLE group_shares_new RENAME TO group_shares;
CREATE UNIQUE INDEX group_shares_unique ON group_shares(cycle_id, level, ifnull(owner_id, 0), group_kind, ifnull(bidang_id, 0),
    bound);

ALTER TABLE allocation_decisions ADD COLUMN blocking_bound TEXT CHECK (blocking_bound IN ('maximum', 'minimum'));
ALTER TABLE allocation_decisions ADD COLUMN reserve_released INTEGER NOT NULL DEFAULT 0 CHECK (reserve_released IN (0, 1));

ALTER TABLE level_locks ADD COLUMN run_id INTEGER REFERENCES allocation_runs(id);

CREATE TABLE proposal_score_history (
    id             INTEGER PRIMARY KEY,
    proposal_id    INTEGER NOT NULL REFERENCES proposals(id),
    level          TEXT NOT NULL CHECK (level IN ('kelurahan', 'kecamatan', 'opd')),
    criterion_id   INTEGER NOT NULL REFERENCES scoring_criteria(id),
    score          INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    previous_score INTEGER CHECK (previous_score BETWEEN 1 AND 5),
    scored_by      INTEGER NOT NULL REFERENCES accounts(id),
    scored_at      TEXT NOT NULL
) STRICT;
CREATE INDEX proposal_score_history_proposal ON proposal_score_history(proposal_id, level, id);
CREATE TRIGGER proposal_score_history_no_update BEFORE UPDATE ON proposal_score_history
BEGIN SELECT RAISE(ABORT, 'proposal_score_history is append-only'); END;
CREATE TRIGGER proposal_score_history_no_delete BEFORE DELETE ON proposal_score_history
BEGIN SELECT RAISE(ABORT, 'proposal_score_history is append-only'); END;

CREATE TABLE ranking_resets (
    id       INTEGER PRIMARY KEY,
    cycle_id INTEGER NOT NULL REFERENCES cycles(id),
    level    TEXT NOT NULL CHECK (level IN ('kelurahan', 'kecamatan', 'opd')),
    owner_id INTEGER NOT NULL,
    reason   TEXT NOT NULL CHECK (reason <> ''),
    reset_by INTEGER NOT NULL REFERENCES accounts(id),
    reset_at TEXT NOT NULL
) STRICT;
CREATE TRIGGER ranking_resets_no_update BEFORE UPDATE ON ranking_resets
BEGIN SELECT RAISE(ABORT, 'ranking_resets is append-only'); END;
CREATE TRIGGER ranking_resets_no_delete BEFORE DELETE ON ranking_resets
BEGIN SELECT RAISE(ABORT, 'ranking_resets is append-only'); END;
