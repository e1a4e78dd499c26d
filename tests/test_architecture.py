"""The house rules of ARCHITECTURE.md, read from the source itself.

Arrows point one way: the window (`desktop/ui`) → the services → the store (`desktop/db`). Each
family of modules imports only the families its row of `MAY_IMPORT` names; no two modules import
each other, however indirectly; SQL and `sqlite3` live only in the store; Qt only in the window.
An import counts wherever it is written: at the top, inside a function, or by `import_module`.

A rule a module does not keep yet is a real test marked `xfail(strict=True)` with the work it
waits for: the day the module keeps the rule the test passes, the run fails, and the mark goes.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "desktop"

SERVICE_FAMILIES = ("roster", "buys", "bags", "gate", "safekeeping", "committee", "stations")
SQL_CALLS = {"execute", "executemany", "executescript"}

# Who may import whom, family by family; an entry may also name one module of a family. Every
# family may import the shared top-level modules (errors, lang, clock, money, …).
# The phrasebook (`desktop/words`) names values and words errors for every layer; it imports
# nothing of the program but the user's language, so every family may use it.
WORDS = "words"

MAY_IMPORT: dict[str, set[str]] = {
    # The compound hands out the keys its codes are signed with (`desktop.compound.code_keys`).
    "shared": {"db", WORDS, "desktop.bags.codes"},
    "words": set(),
    "db": set(),
    "roster": {"db", WORDS, "safekeeping"},
    "buys": {"db", WORDS, "roster", "safekeeping"},
    "bags": {"db", WORDS, "roster", "buys"},
    "gate": {"db", WORDS, "roster", "buys", "bags"},
    # A full export makes the codes again with a new secret; that is all it takes from bags.
    "safekeeping": {"db", WORDS, "desktop.bags.codes"},
    "committee": {"db", WORDS, "roster", "buys", "bags", "gate"},
    "printing": {"db", WORDS, "roster", "buys", "bags", "gate", "committee"},
    "demo": {"db", WORDS, "roster", "buys", "bags", "gate", "people"},
    # Operators, their roles and PINs: over the store and the audit log, below every face.
    "people": {"db", WORDS},
    # Exchange files between the lobby and the gates; codes are read as a scan reads them.
    "stations": {"db", WORDS, "desktop.bags.codes"},
    # The command line opens the window (`compound-desk` with no command) and uses nothing else of it.
    "cli": {"db", WORDS, *SERVICE_FAMILIES, "printing", "demo", "people", "desktop.ui.app"},
    "ui": {"db", WORDS, *SERVICE_FAMILIES, "printing", "people"},
    "entry": {"cli"},  # `python -m desktop`
}

# ---- rules not kept yet, and the work each waits for --------------------------------------------
# Empty while every module keeps every rule; a rule broken on purpose for a while is named here
# with the work it waits for, and its test becomes a strict expected failure.

CYCLE_WAITS: dict[str, str] = {}
FAMILY_WAITS: dict[str, str] = {}
SQL_WAITS: dict[str, str] = {}


# ---- reading the source ---------------------------------------------------------------------------

@dataclass
class Module:
    name: str
    path: Path
    file: str  # as shown in messages: desktop/buys/orders.py
    family: str
    imports: dict[str, int] = field(default_factory=dict)  # module or package → first line
    sql: list[int] = field(default_factory=list)  # lines calling .execute and its kin


def module_name(path: Path, package: Path) -> str:
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def family_of(name: str, package: Path) -> str:
    parts = name.split(".")
    if parts[-1] == "__main__":
        return "entry"
    if len(parts) == 1 or (len(parts) == 2 and not (package / parts[1]).is_dir()):
        return "shared"
    return parts[1]


def read_modules(package: Path) -> dict[str, Module]:
    modules = {}
    for path in sorted(package.rglob("*.py")):
        name = module_name(path, package)
        modules[name] = Module(name, path, str(path.relative_to(package.parent)), family_of(name, package))
    for module in modules.values():
        tree = ast.parse(module.path.read_text(encoding="utf-8"), str(module.path))
        here = module.name.split(".")
        if module.path.name != "__init__.py":
            here = here[:-1]
        dynamic = False
        for node in ast.walk(tree):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(here[: len(here) - node.level + 1] + [base]).strip(".")
                # `from desktop.gate import gate` imports the module desktop.gate.gate.
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base
                           for a in node.names]
            elif isinstance(node, ast.Call):
                called = node.func
                attr = called.attr if isinstance(called, ast.Attribute) else getattr(called, "id", "")
                if attr in SQL_CALLS:
                    module.sql.append(node.lineno)
                dynamic |= attr in ("import_module", "__import__")
            for target in targets:
                module.imports.setdefault(target, node.lineno)
        if dynamic:  # `import_module(name)`: every module named in a string of this file counts
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and node.value in modules:
                    module.imports.setdefault(node.value, node.lineno)
    return modules


MODULES = read_modules(PACKAGE)


def inner_imports(module: Module, modules: dict[str, Module] = MODULES) -> dict[str, int]:
    return {name: line for name, line in module.imports.items()
            if name in modules and name != module.name}


def cases(waits: dict[str, str], families=None):
    names = [n for n, m in MODULES.items() if families is None or m.family in families]
    return [
        pytest.param(name, id=name, marks=pytest.mark.xfail(strict=True, reason=waits[name]))
        if name in waits else pytest.param(name, id=name)
        for name in names
    ]


def where(module: Module, line: int) -> str:
    return f"{module.file}:{line}"


# ---- the layers -----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", cases({}, families=set(MAY_IMPORT) - {"ui"}))
def test_nothing_below_the_window_imports_qt(name):
    module = MODULES[name]
    qt = [f"{where(module, line)} imports {target}" for target, line in module.imports.items()
          if target.split(".")[0] in ("PySide6", "shiboken6")]
    assert qt == [], f"{name}: only desktop/ui may import Qt; {qt}"


def test_importing_every_service_loads_no_qt_at_all():
    services = [name for name, m in MODULES.items() if m.family not in ("ui", "entry")]
    assert "desktop.roster.households" in services and "desktop.db.connection" in services
    script = (
        "import importlib, sys\n"
        f"for name in {services!r}:\n"
        "    importlib.import_module(name)\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", "a service loaded Qt when imported"


def forbidden_imports(module: Module, modules: dict[str, Module] = MODULES) -> list[str]:
    allowed = MAY_IMPORT[module.family]
    wrong = []
    for target, line in inner_imports(module, modules).items():
        family = modules[target].family
        if family in (module.family, "shared") or family in allowed or target in allowed:
            continue
        wrong.append(f"{where(module, line)} imports {target} (family {family})")
    return wrong


@pytest.mark.parametrize("name", cases({}, families={"db"}))
def test_the_store_imports_no_service_and_no_window(name):
    wrong = forbidden_imports(MODULES[name])
    assert wrong == [], f"{name}: desktop/db imports only the shared modules; {wrong}"


@pytest.mark.parametrize("name", cases({}, families=set(SERVICE_FAMILIES) | {"printing", "demo", "shared"}))
def test_no_service_imports_the_window_or_the_command_line(name):
    module = MODULES[name]
    wrong = [f"{where(module, line)} imports {target}" for target, line in inner_imports(module).items()
             if MODULES[target].family in ("ui", "cli", "entry")]
    assert wrong == [], f"{name}: services are called by the window and the command line, " \
                        f"never the other way; {wrong}"


@pytest.mark.parametrize("name", cases({}, families={"cli"}))
def test_the_command_line_uses_the_window_only_to_open_it(name):
    module = MODULES[name]
    wrong = [f"{where(module, line)} imports {target}" for target, line in inner_imports(module).items()
             if MODULES[target].family == "ui"
             and (name, target) != ("desktop.cli.main", "desktop.ui.app")]
    assert wrong == [], f"{name}: only desktop.cli.main may import desktop.ui.app; {wrong}"


@pytest.mark.parametrize("name", cases(FAMILY_WAITS))
def test_each_module_imports_only_what_its_family_may(name):
    module = MODULES[name]
    wrong = forbidden_imports(module)
    assert wrong == [], (
        f"{name} (family {module.family}) may import only {sorted(MAY_IMPORT[module.family])} "
        f"and the shared modules; {wrong}"
    )


def test_every_family_on_disk_has_its_row_in_the_table():
    families = {module.family for module in MODULES.values()}
    assert families <= set(MAY_IMPORT), f"add a row to MAY_IMPORT for {families - set(MAY_IMPORT)}"
    assert set(SERVICE_FAMILIES) | {"db", "printing", "cli", "demo", "ui"} <= families


# ---- no cycles ------------------------------------------------------------------------------------

def cycle_through(start: str, modules: dict[str, Module] = MODULES) -> list[str] | None:
    """The shortest chain of imports that leads from `start` back to itself, if any."""
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        following = []
        for name in frontier:
            for target in inner_imports(modules[name], modules):
                if target == start:
                    return [*paths[name], start]
                if target not in paths:
                    paths[target] = [*paths[name], target]
                    following.append(target)
        frontier = following
    return None


@pytest.mark.parametrize("name", cases(CYCLE_WAITS))
def test_no_module_imports_itself_through_others(name):
    cycle = cycle_through(name)
    assert cycle is None, f"{name} is in an import cycle: {' → '.join(cycle or [])}"


def test_an_import_inside_a_function_or_by_name_still_makes_a_cycle(tmp_path):
    package = tmp_path / "desktop"
    (package / "bags").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "bags" / "__init__.py").write_text("")
    (package / "bags" / "bags.py").write_text(
        "def void(conn):\n    from desktop.buys import group_buys\n    return group_buys\n")
    (package / "buys").mkdir()
    (package / "buys" / "__init__.py").write_text("")
    (package / "buys" / "group_buys.py").write_text(
        "import importlib\nNAMES = ('desktop.bags.bags',)\n"
        "def cancel():\n    return [importlib.import_module(n) for n in NAMES]\n")
    (package / "buys" / "payments.py").write_text("from .group_buys import cancel\n")
    modules = read_modules(package)
    assert cycle_through("desktop.bags.bags", modules) == [
        "desktop.bags.bags", "desktop.buys.group_buys", "desktop.bags.bags"]
    assert cycle_through("desktop.buys.payments", modules) is None
    assert "desktop.buys.group_buys" in modules["desktop.buys.payments"].imports
    assert forbidden_imports(modules["desktop.buys.group_buys"], modules) == [
        "desktop/buys/group_buys.py:2 imports desktop.bags.bags (family bags)"]


# ---- SQL lives in the store -----------------------------------------------------------------------

@pytest.mark.parametrize("name", cases(SQL_WAITS, families=set(MAY_IMPORT) - {"db"}))
def test_sql_and_sqlite3_live_only_in_the_store(name):
    module = MODULES[name]
    found = sorted([(line, "imports sqlite3") for target, line in module.imports.items()
                    if target.split(".")[0] == "sqlite3"] + [(line, "runs SQL") for line in module.sql])
    found = [f"{where(module, line)} {what}" for line, what in found]
    assert found == [], f"{name}: SQL and sqlite3 belong in desktop/db, one owner per table; {found}"


def test_waiting_lists_name_only_modules_that_exist():
    # A module split or renamed keeps its rule by leaving: take its name off the list.
    for waits in (CYCLE_WAITS, FAMILY_WAITS, SQL_WAITS):
        assert sorted(set(waits) - set(MODULES)) == []
