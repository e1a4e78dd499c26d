"""The store owns every table: SQL and SQLite live in `desktop/db/` and nowhere else, a failure
there reaches the rest of the program as its own error, reading or writing, and no module of the
program imports one that imports it back."""

import ast
import re
import sqlite3
from pathlib import Path

import pytest

from desktop.db import connect
from desktop.errors import DatabaseUnusable, DeskError
from desktop.roster.households import HouseholdFields, add_household, list_households

PACKAGE = Path(__file__).resolve().parent.parent / "desktop"
STATEMENT = re.compile(r"\.execute(many|script)?\(")
IMPORTS_SQLITE = re.compile(r"^\s*(import sqlite3|from sqlite3 import)", re.MULTILINE)

# Files whose SQL or SQLite errors are still on their way into the store or out of the window.
# This list only shrinks: a file leaves it when its last statement or `import sqlite3` goes.
NOT_YET_STATEMENTS: set[str] = set()
NOT_YET_SQLITE: set[str] = set()
KNOWN_CYCLES: list[set[str]] = []


def outside_the_store():
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if not relative.startswith("db/"):
            yield relative, path.read_text(encoding="utf-8")


def test_no_statement_is_run_outside_the_store():
    running = {name for name, text in outside_the_store() if STATEMENT.search(text)}
    assert running <= NOT_YET_STATEMENTS, sorted(running - NOT_YET_STATEMENTS)
    # A file that has moved its last statement into the store leaves the list.
    assert running == NOT_YET_STATEMENTS


def test_nothing_outside_the_store_imports_sqlite3():
    importing = {name for name, text in outside_the_store() if IMPORTS_SQLITE.search(text)}
    assert importing <= NOT_YET_SQLITE, sorted(importing - NOT_YET_SQLITE)
    assert importing == NOT_YET_SQLITE


def _imports() -> dict[str, set[str]]:
    """Every module of the program and the program's modules it imports, anywhere in its body
    (an import inside a function counts)."""
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        modules[".".join(p for p in parts if p != "__init__")] = path
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(up + ([base] if base else []))
                targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
            else:
                continue
            graph[name] |= {target for target in targets if target in modules and target != name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """The groups of modules that each reach every other (Tarjan's strongly connected parts)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in graph[module]:
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = set()
            while True:
                member = stack.pop()
                group.add(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(group)

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_no_two_modules_import_each_other():
    graph = _imports()
    # The reader sees the imports that matter: a command module, the bags, a lazy import.
    assert "desktop.cli.common" in graph["desktop.cli.buys"]
    assert "desktop.db.bags" in graph["desktop.buys.group_buys"]
    assert "desktop.db.backup" in graph["desktop.db.connection"]
    assert _cycles(graph) == KNOWN_CYCLES


def test_the_cycle_finder_sees_a_cycle_through_three_modules():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [{"a", "b", "c"}]


# ---- the store's errors are the program's ---------------------------------------------------


@pytest.fixture
def damaged_roster(tmp_path):
    """A compound whose household table's first page was lost; everything else is sound."""
    path = tmp_path / "lobby.sqlite"
    conn = connect(path)
    for room in range(101, 131):
        add_household(conn, HouseholdFields(address=f"12-{room}", name="住户"))
    conn.close()
    raw = sqlite3.connect(path)
    root = raw.execute("SELECT rootpage FROM sqlite_master WHERE name = 'household'").fetchone()[0]
    page = raw.execute("PRAGMA page_size").fetchone()[0]
    raw.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page : root * page] = b"\xff" * page
    path.write_bytes(bytes(data))
    return path


def test_reading_a_damaged_table_says_the_file_is_damaged_in_the_programs_words(damaged_roster):
    conn = connect(damaged_roster)  # opening reads only the schema and the settings
    try:
        with pytest.raises(DeskError) as caught:
            list_households(conn)
    finally:
        conn.close()
    assert isinstance(caught.value, DatabaseUnusable) and caught.value.exit_code == 3
    assert caught.value.code == "db_damaged"
    assert str(damaged_roster) in str(caught.value)


def test_a_write_the_file_refuses_is_the_programs_error_too(tmp_path):
    conn = connect(tmp_path / "lobby.sqlite")
    try:
        with pytest.raises(DatabaseUnusable) as caught:
            conn.execute("UPDATE compound SET uuid = NULL")
        kept = conn.execute("SELECT count(*) FROM compound WHERE uuid IS NOT NULL").fetchone()[0]
        with pytest.raises(DatabaseUnusable) as many:
            conn.executemany("INSERT INTO nowhere VALUES (?)", [(1,)])
    finally:
        conn.close()
    assert caught.value.code == "db_error" and "NOT NULL" in str(caught.value)
    assert many.value.code == "db_error" and "nowhere" in str(many.value)
    assert kept == 1


def test_a_command_that_meets_a_damaged_table_says_so_and_exits_3(damaged_roster, tmp_path, capsys):
    from desktop.cli.main import main
    from desktop.lang import set_language

    try:
        code = main(["--db", str(damaged_roster), "--lang", "en", "roster", "export", str(tmp_path / "out.csv")])
    finally:
        set_language(None)
    said = capsys.readouterr().err
    assert code == 3
    assert said == f"{damaged_roster} is damaged: restore the newest backup (compound-desk restore).\n"
