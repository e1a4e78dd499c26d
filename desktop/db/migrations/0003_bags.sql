-- Bags and their custody. A bag is one physical package for one household in one group buy, with
-- a signed code printed as a QR label; its lines say which order lines (and how many units of
-- each) went into it. Handoff events are the chain of custody: appended, never changed.
-- A household's card code is stored too, so a card stays the same card after files are merged.

CREATE TABLE bag (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    station       TEXT NOT NULL,
    -- The number inside the code; codes are made from it and the compound's secret.
    serial        INTEGER NOT NULL UNIQUE CHECK (typeof(serial) = 'integer' AND serial > 0),
    -- The normalised code (upper case, no spaces): what a scan is looked up by.
    code          TEXT NOT NULL UNIQUE,
    group_buy_id  INTEGER NOT NULL REFERENCES group_buy (id),
    household_id  INTEGER NOT NULL REFERENCES household (id),
    storage       TEXT NOT NULL CHECK (storage IN ('ambient', 'chilled', 'frozen')),
    -- Bag `position` of `count`, over the household's bags in this buy (frozen first).
    position      INTEGER NOT NULL CHECK (position >= 1),
    count         INTEGER NOT NULL CHECK (count >= position),
    units         INTEGER NOT NULL CHECK (units > 0),
    voided_at     TEXT,
    void_reason   TEXT,
    created_at    TEXT NOT NULL,
    CHECK ((voided_at IS NULL) = (void_reason IS NULL))
);

CREATE INDEX bag_by_buy ON bag (group_buy_id, household_id, position);
CREATE INDEX bag_by_household ON bag (household_id, created_at);
-- A household has one live bag 2 of 3 in a buy; remade bags leave their void predecessors behind.
CREATE UNIQUE INDEX bag_live_position ON bag (group_buy_id, household_id, position)
    WHERE voided_at IS NULL;

-- A bag is never deleted, and once made only its void mark may be set, once.
CREATE TRIGGER bag_never_deleted BEFORE DELETE ON bag
BEGIN
    SELECT RAISE(ABORT, 'bags are never deleted: void them instead');
END;

CREATE TRIGGER bag_only_voided BEFORE UPDATE ON bag
WHEN OLD.voided_at IS NOT NULL
     OR NEW.id IS NOT OLD.id OR NEW.uuid IS NOT OLD.uuid OR NEW.station IS NOT OLD.station
     OR NEW.serial IS NOT OLD.serial OR NEW.code IS NOT OLD.code
     OR NEW.group_buy_id IS NOT OLD.group_buy_id OR NEW.household_id IS NOT OLD.household_id
     OR NEW.storage IS NOT OLD.storage OR NEW.position IS NOT OLD.position
     OR NEW.count IS NOT OLD.count OR NEW.units IS NOT OLD.units
     OR NEW.created_at IS NOT OLD.created_at
BEGIN
    SELECT RAISE(ABORT, 'a bag is never changed once made: only a live bag may be voided');
END;

CREATE TABLE bag_line (
    id             INTEGER PRIMARY KEY,
    uuid           TEXT NOT NULL UNIQUE,
    station        TEXT NOT NULL,
    bag_id         INTEGER NOT NULL REFERENCES bag (id),
    order_line_id  INTEGER NOT NULL REFERENCES order_line (id),
    quantity       INTEGER NOT NULL CHECK (typeof(quantity) = 'integer' AND quantity > 0),
    UNIQUE (bag_id, order_line_id)
);

CREATE INDEX bag_line_by_order_line ON bag_line (order_line_id);

CREATE TRIGGER bag_line_never_changed BEFORE UPDATE ON bag_line
BEGIN
    SELECT RAISE(ABORT, 'what went into a bag is never changed: void the bag and make it again');
END;

CREATE TRIGGER bag_line_never_deleted BEFORE DELETE ON bag_line
BEGIN
    SELECT RAISE(ABORT, 'what went into a bag is never deleted');
END;

-- The chain of custody. A mistake is undone by a 'reversal' naming the event it undoes.
CREATE TABLE handoff (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT NOT NULL UNIQUE,
    station      TEXT NOT NULL,
    bag_id       INTEGER NOT NULL REFERENCES bag (id),
    action       TEXT NOT NULL CHECK (action IN (
                     'packed', 'gate', 'pickup', 'door', 'returned', 'spoiled', 'reversal')),
    reverses_id  INTEGER REFERENCES handoff (id),
    -- Who collected for the household, when it was not the household itself (a neighbour).
    proxy_name   TEXT NOT NULL DEFAULT '',
    reason       TEXT NOT NULL DEFAULT '',
    operator     TEXT NOT NULL DEFAULT '',
    at           TEXT NOT NULL,
    CHECK ((action = 'reversal') = (reverses_id IS NOT NULL)),
    CHECK (action != 'reversal' OR length(trim(reason)) > 0)
);

CREATE INDEX handoff_by_bag ON handoff (bag_id, at, id);
CREATE INDEX handoff_by_time ON handoff (at);
CREATE INDEX handoff_by_reversed ON handoff (reverses_id) WHERE reverses_id IS NOT NULL;

CREATE TRIGGER handoff_never_changed BEFORE UPDATE ON handoff
BEGIN
    SELECT RAISE(ABORT, 'custody events are never changed: append a reversal instead');
END;

CREATE TRIGGER handoff_never_deleted BEFORE DELETE ON handoff
BEGIN
    SELECT RAISE(ABORT, 'custody events are never deleted: append a reversal instead');
END;

-- A household's card code. Stored rather than derived from the household's integer key, which
-- differs between stations; a lost card is revoked and a new code issued.
CREATE TABLE household_code (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    station       TEXT NOT NULL,
    household_id  INTEGER NOT NULL REFERENCES household (id),
    serial        INTEGER NOT NULL UNIQUE CHECK (typeof(serial) = 'integer' AND serial > 0),
    code          TEXT NOT NULL UNIQUE,
    created_at    TEXT NOT NULL,
    revoked_at    TEXT
);

CREATE UNIQUE INDEX household_code_current ON household_code (household_id)
    WHERE revoked_at IS NULL;

CREATE TRIGGER household_code_never_deleted BEFORE DELETE ON household_code
BEGIN
    SELECT RAISE(ABORT, 'card codes are never deleted: revoke them instead');
END;

CREATE TRIGGER household_code_only_revoked BEFORE UPDATE ON household_code
WHEN OLD.revoked_at IS NOT NULL
     OR NEW.id IS NOT OLD.id OR NEW.uuid IS NOT OLD.uuid OR NEW.station IS NOT OLD.station
     OR NEW.household_id IS NOT OLD.household_id OR NEW.serial IS NOT OLD.serial
     OR NEW.code IS NOT OLD.code OR NEW.created_at IS NOT OLD.created_at
BEGIN
    SELECT RAISE(ABORT, 'a card code is never changed: revoke it and issue a new one');
END;
