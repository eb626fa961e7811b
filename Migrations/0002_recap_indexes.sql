-- Recaps and allocation at city scale (bench/: 100,000 proposals):
--   * proposals.effective_cost: the cost in force (latest recommendation, else the proposed cost), kept by
--     the repository on every write, so that recaps sum a column instead of joining recommendations.
--   * covering indexes for the recap groupings (kecamatan, kelurahan, bidang, OPD) and for the ceiling-usage
--     query; they replace the narrower 0001 indexes on the same leading columns. The recap by status scans
--     proposals_kecamatan (it holds stage and status), so proposals_status is dropped: one index less to
--     maintain on every state change.
ALTER TABLE proposals ADD COLUMN effective_cost INTEGER NOT NULL DEFAULT 0 CHECK (effective_cost >= 0);
UPDATE proposals SET effective_cost = coalesce(
    (SELECT r.cost FROM proposal_recommendations r WHERE r.proposal_id = proposals.id
     ORDER BY CASE r.level WHEN 'kota' THEN 4 WHEN 'opd' THEN 3 WHEN 'kecamatan' THEN 2 ELSE 1 END DESC LIMIT 1),
    cost);

DROP INDEX proposals_kecamatan;
DROP INDEX proposals_kelurahan;
DROP INDEX proposals_bidang;
DROP INDEX proposals_opd;
DROP INDEX proposals_status;
DROP INDEX proposals_envelope;
CREATE INDEX proposals_kecamatan ON proposals(cycle_id, kecamatan_id, stage, status, cost, effective_cost);
CREATE INDEX proposals_kelurahan ON proposals(cycle_id, kelurahan_id, stage, status, cost, effective_cost);
CREATE INDEX proposals_bidang ON proposals(cycle_id, bidang_id, stage, status, cost, effective_cost);
CREATE INDEX proposals_opd ON proposals(cycle_id, opd_id, stage, status, cost, effective_cost);
CREATE INDEX proposals_envelope ON proposals(cycle_id, envelope_level, envelope_owner_id, status, effective_cost)
    WHERE envelope_level IS NOT NULL;
