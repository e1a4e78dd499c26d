-- The compound, the station's settings and the household roster.

CREATE TABLE compound (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    uuid        TEXT NOT NULL,
    name        TEXT NOT NULL DEFAULT '',
    address     TEXT NOT NULL DEFAULT '',
    -- Signs bag and household codes; never printed, never shown.
    secret      BLOB NOT NULL CHECK (length(secret) = 32),
    created_at  TEXT NOT NULL
);

INSERT INTO compound (id, uuid, secret, created_at)
VALUES (1, lower(hex(randomblob(16))), randomblob(32), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));

CREATE TABLE setting (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

CREATE TABLE household (
    id             INTEGER PRIMARY KEY,
    uuid           TEXT NOT NULL UNIQUE,
    station        TEXT NOT NULL,
    address        TEXT NOT NULL UNIQUE,
    building       INTEGER NOT NULL CHECK (building > 0),
    entrance       INTEGER CHECK (entrance IS NULL OR entrance > 0),
    room           INTEGER NOT NULL CHECK (room > 0),
    name           TEXT NOT NULL DEFAULT '',
    name_initials  TEXT NOT NULL DEFAULT '',
    phone          TEXT NOT NULL DEFAULT '' CHECK (phone NOT GLOB '*[^0-9]*'),
    people         INTEGER NOT NULL DEFAULT 1 CHECK (people BETWEEN 1 AND 20),
    flags          TEXT NOT NULL DEFAULT '',
    delivery       TEXT NOT NULL DEFAULT 'pickup' CHECK (delivery IN ('pickup', 'door')),
    notes          TEXT NOT NULL DEFAULT '',
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);

CREATE INDEX household_by_place ON household (building, entrance, room);
CREATE INDEX household_by_phone ON household (phone);
