"""Whatever is typed on the command line, the answer is a result or one plain sentence, never a
traceback, and a refused command changes nothing."""

import shutil
import sqlite3
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
COMMANDS = ["check", "backup", "demo", "roster", "restore", "export-all", "buys", "pay"]
WORDS = [
    "--json", "--dry-run", "--to", "--households", "--seed", "import", "export", "list", "show",
    "new", "order", "--title", "--supplier", "--item", "--fen", "--method", "--ref", "--address",
    "-3", "0", "300", "12-301", "冷冻饺子=32", "x.csv", "y.xlsx", "none.sqlite", "", " ", "--",
    "１２号楼", "\\N", "%s", "'; DROP TABLE household; --",
]


def content(db: Path):
    raw = sqlite3.connect(db)
    try:
        tables = [r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: raw.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall() for t in tables}
    finally:
        raw.close()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    command=st.sampled_from(COMMANDS),
    rest=st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=6),
)
def test_any_command_line_gets_a_result_or_a_sentence(tmp_path_factory, monkeypatch, capsys, command, rest):
    folder = tmp_path_factory.mktemp("fuzz")
    monkeypatch.chdir(folder)
    db = folder / "c.sqlite"
    shutil.copy(FIXTURES / "compound-v1.sqlite", db)
    main(["--db", str(db), "backup", "--to", str(folder / "b")])  # upgrades the fixture first
    capsys.readouterr()
    before = content(db)
    try:
        code = main(["--db", str(db), command, *rest])
    except SystemExit as stop:
        code = stop.code
    out, err = capsys.readouterr()
    assert code in (0, 2, 3), (code, err)
    assert "Traceback" not in err and "Traceback" not in out
    if code != 0:
        assert err.strip(), "a refusal says why"
        assert content(db) == before
