-- The public recap (/rekap) of a whole city in one read (bench/recap.sh: 100,000 proposals):
--   * recap_cells: a cycle's proposals counted and summed (proposed cost, cost in force) per kecamatan, kelurahan,
--     bidang, OPD, stage, status and funding level: the groups every recap folds (RecapRepository.cells, RecapCells).
--     Kept by the triggers below on every proposal written, so that a recap reads a few thousand rows in key order
--     instead of grouping 100,000 index entries (that grouping alone cost ~55 ms of CPU at city scale; the triggers
--     cost a few microseconds per proposal write, and only when one of these columns changes). `envelope_level` is ''
--     when none funds them (a primary key holds no NULL). A group whose proposals all moved on stays with 0.
--   * proposal_events_rejections: only the rejection decisions ('tolak' at any level, 'tidak_tetapkan'), by cycle
--     and reason, for the most frequent reasons (RecapRepository.rejectionReasons); partial, so the other events
--     cost nothing more to append.
CREATE TABLE recap_cells (
    cycle_id       INTEGER NOT NULL,
    kecamatan_id   INTEGER NOT NULL,
    kelurahan_id   INTEGER NOT NULL,
    bidang_id      INTEGER NOT NULL,
    opd_id         INTEGER NOT NULL,
    stage          TEXT NOT NULL,
    status         TEXT NOT NULL,
    envelope_level TEXT NOT NULL,
    proposals      INTEGER NOT NULL CHECK (proposals >= 0),
    cost           INTEGER NOT NULL CHECK (cost >= 0),
    effective_cost INTEGER NOT NULL CHECK (effective_cost >= 0),
    PRIMARY KEY (cycle_id, kecamatan_id, kelurahan_id, bidang_id, opd_id, stage, status, envelope_level)
) STRICT, WITHOUT ROWID;

INSERT INTO recap_cells (cycle_id, kecamatan_id, kelurahan_id, bidang_id, opd_id, stage, status, envelope_level, proposals, cost,
                         effective_cost)
SELECT cycle_id, kecamatan_id, kelurahan_id, bidang_id, opd_id, stage, status, ifnull(envelope_level, ''), count(*), sum(cost),
       sum(effective_cost)
FROM proposals GROUP BY cycle_id, kecamatan_id, kelurahan_id, bidang_id, opd_id, stage, status, ifnull(envelope_level, '');

CREATE TRIGGER recap_cells_insert AFTER INSERT ON proposals
BEGIN
    INSERT INTO recap_cells (cycle_id, kecamatan_id, kelurahan_id, bidang_id, opd_id, stage, status, envelope_level, proposals, cost,
                             effective_cost)
    VALUES (NEW.cycle_id, NEW.kecamatan_id, NEW.kelurahan_id, NEW.bidang_id, NEW.opd_id, NEW.stage, NEW.status,
            ifnull(NEW.envelope_level, ''), 1, NEW.cost, NEW.effective_cost)
    ON CONFLICT (cycle_id, kecamatan_id, kelurahan_id, bidang_id, opd_id, stage, status, envelope_level) DO UPDATE SET
        proposals = proposals + 1, cost = cost + excluded.cost, effective_cost = effective_cost + excluded.effective_cost;
END;

CREATE TRIGGER recap_cells_update AFTER UPDATE ON proposals
WHEN OLD.cycle_id IS NOT NEW.cycle_id OR OLD.kecamatan_id IS NOT NEW.kecamatan_id OR OLD.kelurahan_id IS NOT NEW.kelurahan_id
    OR OLD.bidang_id IS NOT NEW.bidang_id OR OLD.opd_id IS NOT NEW.opd_id OR OLD.stage IS NOT NEW.stage
    OR OLD.status IS NOT NEW.status OR OLD.envelope_level IS NOT NEW.envelope_level OR OLD.cost IS NOT NEW.cost
    OR OLD.effective_cost IS NOT NEW.effective_cost
BEGIN
    UPDATE recap_cells SET proposals = proposals - 1, cost = cost - OLD.cost, effective_cost = effective_cost - OLD.effective_cost
    WHERE cycle_id = OLD.cycle_id AND kecamatan_id = OLD.kecamatan_id AND kelurahan_id = OLD.kelurahan_id
        AND bidang_id = OLD.bidang_id AND opd_id = OLD.opd_id AND stage = OLD.stage AND status = OLD.status
        AND envelope_level = ifnull(OLD.envelope_level, '');
    INSERT INTO recap_cells (cycle_id, kecamatan_id, kelurahan_id, bidang_id, opd_id, stage, status, envelope_level, proposals, cost,
                             effective_cost)
    VALUES (NEW.cycle_id, NEW.kecamatan_id, NEW.kelurahan_id, NEW.bidang_id, NEW.opd_id, NEW.stage, NEW.status,
            ifnull(NEW.envelope_level, ''), 1, NEW.cost, NEW.effective_cost)
    ON CONFLICT (cycle_id, kecamatan_id, kelurahan_id, bidang_id, opd_id, stage, status, envelope_level) DO UPDATE SET
        proposals = proposals + 1, cost = cost + excluded.cost, effective_cost = effective_cost + excluded.effective_cost;
END;

CREATE TRIGGER recap_cells_delete AFTER DELETE ON proposals
BEGIN
    UPDATE recap_cells SET proposals = proposals - 1, cost = cost - OLD.cost, effective_cost = effective_cost - OLD.effective_cost
    WHERE cycle_id = OLD.cycle_id AND kecamatan_id = OLD.kecamatan_id AND kelurahan_id = OLD.kelurahan_id
        AND bidang_id = OLD.bidang_id AND opd_id = OLD.opd_id AND stage = OLD.stage AND status = OLD.status
        AND envelope_level = ifnull(OLD.envelope_level, '');
END;

CREATE INDEX proposal_events_rejections ON proposal_events(cycle_id, note, proposal_id) WHERE action IN ('tolak', 'tidak_tetapkan');
