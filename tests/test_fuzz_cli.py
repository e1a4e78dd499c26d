"""Whatever is typed on the command line, the answer is a result or one plain sentence, never a
traceback, and a refused command changes nothing."""

import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from desktop.cli.main import main
from tests.buys_scenes import JIELONG_SAMPLE, KTT_SAMPLE, write_real_ktt

FIXTURES = Path(__file__).parent / "fixtures"
COMMANDS = ["check", "backup", "demo", "roster", "restore", "export-all", "buys", "pay"]
WORDS = [
    "--json", "--dry-run", "--to", "--households", "--seed", "import", "export", "list", "show",
    "new", "order", "--title", "--supplier", "--item", "--fen", "--method", "--ref", "--address",
    "-3", "0", "300", "12-301", "冷冻饺子=32", "x.csv", "y.xlsx", "none.sqlite", "", " ", "--",
    "１２号楼", "\\N", "%s", "'; DROP TABLE household; --",
    # the shapes real data comes in: exports with 规格 variants, a sheet that unpacks too far,
    # 接龙 lists with new neighbours, and the options that go with them
    "real.xlsx", "sample.xlsx", "bomb.xlsx", "list.txt", "new-neighbours.txt", "chain", "--buy", "1",
    "--storage", "土鸡蛋=frozen", "冰淇淋黄心西瓜=chilled", "x=hot", "--no-new-households",
    "--add-households", "--supplier", "城南果蔬",
]
NEW_NEIGHBOURS = "#接龙\n1. 12-301 张 2\n2. 40-101 孙奶奶 1 备注：放门口\n10001. 41-202 钱 3\n"


@pytest.fixture(scope="module")
def real_files(tmp_path_factory) -> Path:
    """Files of real shapes, made once and copied beside each fuzzed command."""
    folder = tmp_path_factory.mktemp("real")
    write_real_ktt(folder / "real.xlsx")
    shutil.copy(KTT_SAMPLE, folder / "sample.xlsx")
    write_real_ktt(folder / "bomb.xlsx")
    with zipfile.ZipFile(folder / "bomb.xlsx", "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet9.xml", b" " * (201 * 1024 * 1024))
    shutil.copy(JIELONG_SAMPLE, folder / "list.txt")
    (folder / "new-neighbours.txt").write_text(NEW_NEIGHBOURS, encoding="utf-8")
    return folder


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
    rest=st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=7),
)
def test_any_command_line_gets_a_result_or_a_sentence(tmp_path_factory, monkeypatch, capsys,
                                                     real_files, command, rest):
    folder = tmp_path_factory.mktemp("fuzz")
    for made in real_files.iterdir():
        (folder / made.name).symlink_to(made)
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


IMPORT_WORDS = ["--storage", "土鸡蛋=frozen", "冰淇淋黄心西瓜=chilled", "香草冰淇淋=ambient", "x=hot", "=",
                "--no-new-households", "--supplier", "城南果蔬", "", "--dry-run", "--json",
                "--add-households", "--buy", "1", "2", "-1"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    what=st.sampled_from([("import", "real.xlsx"), ("import", "sample.xlsx"), ("import", "bomb.xlsx"),
                          ("chain", "list.txt"), ("chain", "new-neighbours.txt")]),
    options=st.lists(st.one_of(st.sampled_from(IMPORT_WORDS), st.text(max_size=8)), max_size=6),
)
@example(what=("import", "real.xlsx"), options=["\n"])
@example(what=("import", "bomb.xlsx"), options=["--dry-run"])
@example(what=("chain", "new-neighbours.txt"), options=["--buy", "1", "--add-households", "--json"])
def test_real_shaped_imports_with_any_options_get_a_result_or_a_sentence(
        tmp_path_factory, monkeypatch, capsys, real_files, what, options):
    folder = tmp_path_factory.mktemp("fuzz-import")
    for made in real_files.iterdir():
        (folder / made.name).symlink_to(made)
    monkeypatch.chdir(folder)
    db = folder / "c.sqlite"
    shutil.copy(FIXTURES / "compound-v1.sqlite", db)
    main(["--db", str(db), "buys", "new", "--title", "燕麦奶团", "--supplier", "万家乳业",
          "--item", "燕麦奶=68"])
    capsys.readouterr()
    before = content(db)
    command, path = what
    try:
        code = main(["--db", str(db), "buys", command, path, *options])
    except SystemExit as stop:
        code = stop.code
    out, err = capsys.readouterr()
    assert code in (0, 2), (code, err)
    assert "Traceback" not in err and "Traceback" not in out
    if code != 0:
        said = err
        for option in options:  # what was typed may be quoted back, line breaks and all
            said = said.replace(option, "") if option else said
        assert len(said.strip().split("\n")) == 1, err
        assert content(db) == before
