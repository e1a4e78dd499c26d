-- Urgent needs: medicine, formula, insulin and the like that one household is waiting for, who is
-- sourcing it, and how it ended. A need is open, then sourcing, then met or cancelled (closed).

CREATE TABLE need (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    station       TEXT NOT NULL,
    household_id  INTEGER NOT NULL REFERENCES household (id),
    what          TEXT NOT NULL CHECK (length(trim(what)) > 0),
    urgency       TEXT NOT NULL DEFAULT 'normal' CHECK (urgency IN ('high', 'normal')),
    status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'sourcing', 'met', 'cancelled')),
    -- Who is finding it (a volunteer, a pharmacy, the street office).
    sourcing_by   TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    operator      TEXT NOT NULL DEFAULT '',
    opened_at     TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    closed_at     TEXT,
    CHECK ((status IN ('met', 'cancelled')) = (closed_at IS NOT NULL))
);

CREATE INDEX need_by_household ON need (household_id, status);
CREATE INDEX need_by_status ON need (status, urgency);
