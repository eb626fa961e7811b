-- Draft allocation runs at city scale (bench/: 201 envelopes, 175,091 decisions per whole-city run, and a meeting
-- re-runs its envelope after every manual reorder):
--   * allocation_decisions_proposal (proposal_id, run_id) is dropped. No query reads decisions by proposal (they
--     are read by run, through the primary key (run_id, position)). As a unique index it only refused a proposal
--     decided twice in one run, which cannot be stored: `Allocation.run` refuses duplicate candidate ids before
--     anything is written, and the service tests check the stored rows of a run have distinct proposals. Keyed by
--     proposal, each decision landed on a random leaf of the index: one kelurahan envelope's run dirtied about one
--     index page per decision, all written to the WAL at its commit (about half of a whole-city run's time).
--     The foreign key to proposals needs no child index: proposals are never deleted and their ids never change.
--   * An envelope's candidate query (cycle, area or routed OPD, stage, status IN (...)) reads everything it needs
--     from the index: is_fisik and bidang_id are added at the end of proposals_kelurahan and proposals_kecamatan
--     (which keep their columns, so the recaps still read them alone), and proposals_routed_opd gets
--     effective_cost, is_fisik and bidang_id. No index is added: these three are rewritten on every state change
--     already, and the two small columns (is_fisik takes no byte in a record) change only with the kamus item.
DROP INDEX allocation_decisions_proposal;

DROP INDEX proposals_kelurahan;
DROP INDEX proposals_kecamatan;
DROP INDEX proposals_routed_opd;
CREATE INDEX proposals_kelurahan ON proposals(cycle_id, kelurahan_id, stage, status, cost, effective_cost, is_fisik, bidang_id);
CREATE INDEX proposals_kecamatan ON proposals(cycle_id, kecamatan_id, stage, status, cost, effective_cost, is_fisik, bidang_id);
CREATE INDEX proposals_routed_opd ON proposals(cycle_id, routed_opd_id, stage, status, effective_cost, is_fisik, bidang_id)
    WHERE routed_opd_id IS NOT NULL;
