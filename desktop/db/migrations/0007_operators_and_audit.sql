-- Who uses the window, and as what; and every change, who made it, where and when.

-- A person who signs in to the window. The PIN is kept only as a salted scrypt hash; wrong tries
-- are counted here so that closing the window does not forgive them.
CREATE TABLE operator (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    station       TEXT NOT NULL,
    name          TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 40),
    role          TEXT NOT NULL CHECK (role IN ('volunteer', 'guard', 'committee')),
    pin_salt      BLOB NOT NULL CHECK (length(pin_salt) = 16),
    pin_hash      BLOB NOT NULL CHECK (length(pin_hash) = 32),
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    failed_tries  INTEGER NOT NULL DEFAULT 0 CHECK (failed_tries >= 0),
    wait_until    TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

-- One line per change: who (the operator's name as given), the station, when, what kind, the
-- household it concerns if any, a summary, and the fields before and after (JSON
-- [[field, old, new], ...]). Appended, never changed.
CREATE TABLE audit_entry (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    station       TEXT NOT NULL,
    at            TEXT NOT NULL,
    operator      TEXT NOT NULL DEFAULT '',
    kind          TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 40),
    household_id  INTEGER REFERENCES household (id),
    summary       TEXT NOT NULL DEFAULT '',
    changes       TEXT NOT NULL DEFAULT '[]'
);

CREATE INDEX audit_entry_by_time ON audit_entry (at, id);
CREATE INDEX audit_entry_by_household ON audit_entry (household_id, id);
CREATE INDEX audit_entry_by_operator ON audit_entry (operator COLLATE NOCASE, id);

CREATE TRIGGER audit_entry_never_changed BEFORE UPDATE ON audit_entry
BEGIN
    SELECT RAISE(ABORT, 'the audit log is never changed');
END;

CREATE TRIGGER audit_entry_never_deleted BEFORE DELETE ON audit_entry
BEGIN
    SELECT RAISE(ABORT, 'the audit log is never deleted');
END;
