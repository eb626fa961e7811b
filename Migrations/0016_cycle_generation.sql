-- A number that changes with every write to a cycle, its stage windows or its extension log, so that a process can
-- keep the cycles it loaded (every page needs the current one) and know with one indexed read whether they are
-- still what the file holds, whichever process or statement wrote them (CycleCache).
-- It starts at a random value so that two database files (a restore, the tests' many files) hardly ever share one.
CREATE TABLE cache_generations (
    name       TEXT PRIMARY KEY,
    generation INTEGER NOT NULL
) STRICT;

INSERT INTO cache_generations (name, generation) VALUES ('cycles', random() & 4611686018427387903);

CREATE TRIGGER cycles_generation_insert AFTER INSERT ON cycles
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'cycles'; END;
CREATE TRIGGER cycles_generation_update AFTER UPDATE ON cycles
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'cycles'; END;
CREATE TRIGGER cycles_generation_delete AFTER DELETE ON cycles
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'cycles'; END;

CREATE TRIGGER stage_windows_generation_insert AFTER INSERT ON stage_windows
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'cycles'; END;
CREATE TRIGGER stage_windows_generation_update AFTER UPDATE ON stage_windows
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'cycles'; END;
CREATE TRIGGER stage_windows_generation_delete AFTER DELETE ON stage_windows
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'cycles'; END;

CREATE TRIGGER window_extensions_generation_insert AFTER INSERT ON window_extensions
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'cycles'; END;
CREATE TRIGGER window_extensions_generation_update AFTER UPDATE ON window_extensions
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'cycles'; END;
CREATE TRIGGER window_extensions_generation_delete AFTER DELETE ON window_extensions
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'cycles'; END;
