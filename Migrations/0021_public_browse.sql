-- The public browse of published proposals (/usulan, issue 10): generations (cache_generations, Migrations/0016) that
-- let the portal keep what the public reads while what it was computed from has not changed (GenerationCache),
-- whichever process or statement wrote. Counting 100,000 proposals under a filter and a text search takes
-- milliseconds; checking a generation is one indexed read. Each starts at a random value like the cycles' one.
--   * 'proposals:<cycle id>': moved by every write to one of that cycle's proposals (a list page's ids and counts, the
--     home page's figures).
--   * 'names': moved by every write to the areas, RW/RT, bidang, OPD and kamus (the names a list row shows, the
--     list's filter choices). These change rarely, by an administrator.
INSERT INTO cache_generations (name, generation)
SELECT 'proposals:' || id, random() & 4611686018427387903 FROM cycles;

CREATE TRIGGER cycles_proposals_generation AFTER INSERT ON cycles
BEGIN
    INSERT INTO cache_generations (name, generation) VALUES ('proposals:' || new.id, random() & 4611686018427387903);
END;

CREATE TRIGGER proposals_generation_insert AFTER INSERT ON proposals
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'proposals:' || new.cycle_id; END;
-- Any column: a transition changes the stage and status, a verifier the cost in force, an edit the searched text.
CREATE TRIGGER proposals_generation_update AFTER UPDATE ON proposals
BEGIN
    UPDATE cache_generations SET generation = generation + 1
    WHERE name IN ('proposals:' || old.cycle_id, 'proposals:' || new.cycle_id);
END;
CREATE TRIGGER proposals_generation_delete AFTER DELETE ON proposals
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'proposals:' || old.cycle_id; END;

INSERT INTO cache_generations (name, generation) VALUES ('names', random() & 4611686018427387903);

CREATE TRIGGER kecamatan_names_insert AFTER INSERT ON kecamatan
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'names'; END;
CREATE TRIGGER kecamatan_names_update AFTER UPDATE ON kecamatan
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'names'; END;
CREATE TRIGGER kecamatan_names_delete AFTER DELETE ON kecamatan
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'names'; END;

CREATE TRIGGER kelurahan_names_insert AFTER INSERT ON kelurahan
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'names'; END;
CREATE TRIGGER kelurahan_names_update AFTER UPDATE ON kelurahan
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'names'; END;
CREATE TRIGGER kelurahan_names_delete AFTER DELETE ON kelurahan
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'names'; END;

CREATE TRIGGER rw_names_insert AFTER INSERT ON rw
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'names'; END;
CREATE TRIGGER rw_names_update AFTER UPDATE ON rw
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'names'; END;
CREATE TRIGGER rw_names_delete AFTER DELETE ON rw
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'names'; END;

CREATE TRIGGER rt_names_insert AFTER INSERT ON rt
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'names'; END;
CREATE TRIGGER rt_names_update AFTER UPDATE ON rt
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'names'; END;
CREATE TRIGGER rt_names_delete AFTER DELETE ON rt
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'names'; END;

CREATE TRIGGER bidang_names_insert AFTER INSERT ON bidang
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'names'; END;
CREATE TRIGGER bidang_names_update AFTER UPDATE ON bidang
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'names'; END;
CREATE TRIGGER bidang_names_delete AFTER DELETE ON bidang
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'names'; END;

CREATE TRIGGER opd_names_insert AFTER INSERT ON opd
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'names'; END;
CREATE TRIGGER opd_names_update AFTER UPDATE ON opd
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'names'; END;
CREATE TRIGGER opd_names_delete AFTER DELETE ON opd
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'names'; END;

CREATE TRIGGER kamus_usulan_names_insert AFTER INSERT ON kamus_usulan
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'names'; END;
CREATE TRIGGER kamus_usulan_names_update AFTER UPDATE ON kamus_usulan
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'names'; END;
CREATE TRIGGER kamus_usulan_names_delete AFTER DELETE ON kamus_usulan
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'names'; END;
