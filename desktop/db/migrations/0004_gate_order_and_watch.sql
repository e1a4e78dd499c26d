-- Custody follows the order events were recorded (their id), never their timestamps: a bag's
-- events walked newest first by id.
CREATE INDEX handoff_in_order ON handoff (bag_id, id);

-- Text shaped like a code (its length and alphabet) that the gate refused as forged, another
-- compound's or not a code of this compound: who scanned what, where and when, so guessing is seen.
CREATE TABLE refused_scan (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    station   TEXT NOT NULL,
    operator  TEXT NOT NULL DEFAULT '',
    text      TEXT NOT NULL CHECK (length(text) <= 40),
    verdict   TEXT NOT NULL CHECK (verdict IN ('forged', 'other_compound', 'invalid'))
);

CREATE INDEX refused_scan_by_station ON refused_scan (station, id);

CREATE TRIGGER refused_scan_never_changed BEFORE UPDATE ON refused_scan
BEGIN
    SELECT RAISE(ABORT, 'refused scans are never changed');
END;

CREATE TRIGGER refused_scan_never_deleted BEFORE DELETE ON refused_scan
BEGIN
    SELECT RAISE(ABORT, 'refused scans are never deleted');
END;
