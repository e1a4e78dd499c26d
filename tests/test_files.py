"""Files written for people are all there or not there: never half a sheet under the real name."""

import pytest

from desktop.errors import BadInput
from desktop.files import written_atomically


def test_a_write_that_fails_half_way_leaves_the_old_file_and_no_partial_one(tmp_path):
    target = tmp_path / "roster.csv"
    target.write_bytes(b"old roster")
    with pytest.raises(RuntimeError), written_atomically(target) as out:
        out.write(b"new rost")
        raise RuntimeError("power cut")
    assert target.read_bytes() == b"old roster"
    assert [p.name for p in tmp_path.iterdir()] == ["roster.csv"]


def test_a_finished_write_replaces_the_file(tmp_path):
    target = tmp_path / "sheet.pdf"
    with written_atomically(target, code="print_unwritable", field="output") as out:
        out.write(b"%PDF-1.4 whole")
    assert target.read_bytes() == b"%PDF-1.4 whole"


def test_a_folder_that_does_not_exist_is_named_in_the_refusal(tmp_path):
    with pytest.raises(BadInput) as refused, written_atomically(tmp_path / "nope" / "x.csv"):
        pass
    assert refused.value.code == "export_unwritable"
    assert "nope" in str(refused.value)
