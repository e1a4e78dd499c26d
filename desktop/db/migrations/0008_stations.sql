-- Stations: a lobby (home) station and gate stations, each with its own file, merged through
-- exchange files. A gate station holds no compound secret, so its secret may be empty; refused
-- scans gain a uuid so a gate's records merge into the lobby's once; the committee's notes on
-- a bag handed over twice are appended; every file merged in is remembered.

CREATE TABLE compound_new (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    uuid        TEXT NOT NULL,
    name        TEXT NOT NULL DEFAULT '',
    address     TEXT NOT NULL DEFAULT '',
    -- Signs bag and household codes; never printed, never shown. Empty at a gate station.
    secret      BLOB NOT NULL CHECK (length(secret) IN (0, 32)),
    created_at  TEXT NOT NULL
);
INSERT INTO compound_new SELECT id, uuid, name, address, secret, created_at FROM compound;
DROP TABLE compound;
ALTER TABLE compound_new RENAME TO compound;

CREATE TABLE refused_scan_new (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    station   TEXT NOT NULL,
    operator  TEXT NOT NULL DEFAULT '',
    text      TEXT NOT NULL CHECK (length(text) <= 40),
    verdict   TEXT NOT NULL CHECK (verdict IN ('forged', 'other_compound', 'invalid')),
    -- What identifies the record on every station once files are merged.
    uuid      TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16))))
);
INSERT INTO refused_scan_new (id, at, station, operator, text, verdict)
SELECT id, at, station, operator, text, verdict FROM refused_scan ORDER BY id;
DROP TABLE refused_scan;
ALTER TABLE refused_scan_new RENAME TO refused_scan;

CREATE INDEX refused_scan_by_station ON refused_scan (station, id);

CREATE TRIGGER refused_scan_never_changed BEFORE UPDATE ON refused_scan
BEGIN
    SELECT RAISE(ABORT, 'refused scans are never changed');
END;

CREATE TRIGGER refused_scan_never_deleted BEFORE DELETE ON refused_scan
BEGIN
    SELECT RAISE(ABORT, 'refused scans are never deleted');
END;

-- A bag handed over at two stations keeps both events; the committee's note on it says what
-- was found. `covers` is how many handovers it looked at: a later one opens the question again.
CREATE TABLE conflict_note (
    id        INTEGER PRIMARY KEY,
    uuid      TEXT NOT NULL UNIQUE,
    station   TEXT NOT NULL,
    bag_id    INTEGER NOT NULL REFERENCES bag (id),
    covers    INTEGER NOT NULL CHECK (covers >= 2),
    note      TEXT NOT NULL CHECK (length(trim(note)) > 0),
    operator  TEXT NOT NULL DEFAULT '',
    at        TEXT NOT NULL
);

CREATE INDEX conflict_note_by_bag ON conflict_note (bag_id);

CREATE TRIGGER conflict_note_never_changed BEFORE UPDATE ON conflict_note
BEGIN
    SELECT RAISE(ABORT, 'conflict notes are never changed');
END;

CREATE TRIGGER conflict_note_never_deleted BEFORE DELETE ON conflict_note
BEGIN
    SELECT RAISE(ABORT, 'conflict notes are never deleted');
END;

-- Every exchange file merged into this one: whose, made when, merged when, what came in.
-- For a gate's file: `home_made_at`, when the lobby file it last merged was made, and
-- `known_bag_serial`, the highest bag serial it knew (bags made after it are news to it).
CREATE TABLE station_merge (
    id            INTEGER PRIMARY KEY,
    file_uuid     TEXT NOT NULL UNIQUE,
    station       TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('home', 'gate')),
    made_at       TEXT NOT NULL,
    merged_at     TEXT NOT NULL,
    home_made_at  TEXT,
    known_bag_serial INTEGER,
    added         TEXT NOT NULL DEFAULT '{}'
);
