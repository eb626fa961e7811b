-- The public recap (/rekap) of a whole city in one pass (bench/recap.sh: 100,000 proposals):
--   * proposals_recap: every column the recap groups by and sums, in grouping order, so that one aggregate over the
--     index (in index order: no sorting) yields every dimension at once (RecapRepository.cells) instead of one scan
--     per dimension. The kecamatan comes first, so a recap narrowed to one kecamatan reads only its range.
--   * proposal_events_rejections: only the rejection decisions ('tolak' at any level, 'tidak_tetapkan'), by cycle
--     and reason, for the most frequent reasons (RecapRepository.rejectionReasons); partial, so the other events
--     cost nothing more to append.
CREATE INDEX proposals_recap ON proposals(cycle_id, kecamatan_id, kelurahan_id, bidang_id, opd_id, stage, status, envelope_level,
    cost, effective_cost);
CREATE INDEX proposal_events_rejections ON proposal_events(cycle_id, note, proposal_id) WHERE action IN ('tolak', 'tidak_tetapkan');
