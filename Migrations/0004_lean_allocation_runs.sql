-- Draft allocation runs at city scale (bench/: 201 envelopes, 175,091 decisions per whole-city run, and a meeting
-- re-runs its envelope after every manual reorder). Measured with bench/domain.sh at 100,000 proposals; see
-- docs/persistence.md.
--   * allocation_decisions is rebuilt without two things that cost more than the rest of a run's writes:
--     - the unique index allocation_decisions_proposal (proposal_id, run_id). No query reads decisions by proposal
--       (they are read by run). It only refused a proposal decided twice in one run, which cannot be stored:
--       `Allocation.run` refuses duplicate candidate ids before anything is written, and the candidates come from
--       one query over proposals (unique ids). Keyed by proposal, each decision landed on a random leaf of the
--       index, so a kelurahan envelope's run dirtied about one index page per decision, all written to the WAL at
--       its commit (a whole-city draft run: 3.4 s -> 1.4 s with the other changes of this round).
--     - the foreign key proposal_id -> proposals(id). SQLite checked it by looking up the proposal's table row for
--       every decision; right after a meeting's transitions those rows are in the WAL, not in the page cache, so
--       the check read the whole proposals table again (a whole-city draft run: 1.25 s -> 0.74 s). Decisions are
--       written only by `AllocationRepository.save`, from candidates read from proposals in the same transaction,
--       and proposals are never deleted nor renumbered; tests check every stored decision names a proposal.
--     - the reason text of every decision (about 70 of a row's 100 bytes, formatted for 175,000 decisions of which
--       few are ever read). A decision now stores the group's remaining amount beside its other numbers and its
--       reason is built from them when read (`AllocationDecision.reason`); rows stored before keep their text.
--     The table keeps its other columns, checks, the run's foreign key (ON DELETE CASCADE) and the unique
--     (run_id, position), now a rowid table: a run's rows are appended at the end of both b-trees (100,000 rows
--     inserted in 0.07 s of CPU instead of 0.12 s as WITHOUT ROWID, sqlite3 shell; within noise in the bench).
--   * An envelope's candidate query (cycle, area or routed OPD, stage, status IN (...)) reads everything it needs
--     from the index: is_fisik and bidang_id are added at the end of proposals_kelurahan and proposals_kecamatan
--     (which keep their columns, so the recaps still read them alone), and proposals_routed_opd gets
--     effective_cost, is_fisik and bidang_id. No index is added: these three are rewritten on every state change
--     already, and the two small columns (is_fisik takes no byte in a record) change only with the kamus item.
CREATE TABLE allocation_decisions_new (
    run_id           INTEGER NOT NULL REFERENCES allocation_runs(id) ON DELETE CASCADE,
    position         INTEGER NOT NULL CHECK (position >= 1),
    proposal_id      INTEGER NOT NULL,
    rank             INTEGER NOT NULL,
    cost             INTEGER NOT NULL CHECK (cost >= 0),
    funded           INTEGER NOT NULL CHECK (funded IN (0, 1)),
    remaining_before INTEGER NOT NULL CHECK (remaining_before >= 0),
    remaining_after  INTEGER NOT NULL CHECK (remaining_after >= 0 AND remaining_after <= remaining_before),
    blocking_group   TEXT,
    -- What was left of blocking_group when the decision was made.
    group_remaining  INTEGER CHECK (group_remaining >= 0),
    -- Only rows stored before 0004: their reason as text. From 0004 on NULL, and the reason is built from the numbers.
    reason           TEXT CHECK (reason <> ''),
    UNIQUE (run_id, position),
    CHECK (reason IS NOT NULL OR (blocking_group IS NULL) = (group_remaining IS NULL))
) STRICT;
INSERT INTO allocation_decisions_new (run_id, position, proposal_id, rank, cost, funded, remaining_before, remaining_after,
    blocking_group, reason)
    SELECT run_id, position, proposal_id, rank, cost, funded, remaining_before, remaining_after, blocking_group, reason
    FROM allocation_decisions ORDER BY run_id, position;
DROP TABLE allocation_decisions;
ALTER TABLE allocation_decisions_new RENAME TO allocation_decisions;

DROP INDEX proposals_kelurahan;
DROP INDEX proposals_kecamatan;
DROP INDEX proposals_routed_opd;
CREATE INDEX proposals_kelurahan ON proposals(cycle_id, kelurahan_id, stage, status, cost, effective_cost, is_fisik, bidang_id);
CREATE INDEX proposals_kecamatan ON proposals(cycle_id, kecamatan_id, stage, status, cost, effective_cost, is_fisik, bidang_id);
CREATE INDEX proposals_routed_opd ON proposals(cycle_id, routed_opd_id, stage, status, effective_cost, is_fisik, bidang_id)
    WHERE routed_opd_id IS NOT NULL;
