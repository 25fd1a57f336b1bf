"""The Python API a notebook user calls: what ``kg build`` does, with its report."""
from __future__ import annotations

from pathlib import Path

import pytest

import kg
from kg.errors import KGError

from .conftest import SEEDS


def _corpus(tmp_path):
    tmp_path.mkdir()
    good = tmp_path / "plan.txt"
    good.write_text((SEEDS / "002_ade2870d4016e2b5.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "big.txt").write_text("健康" * 40000, encoding="utf-8")
    return tmp_path


def test_build_reports_what_it_read_and_skipped(tmp_path):
    docs = _corpus(tmp_path / "docs")
    started, seen = [], []
    store = kg.build([docs], max_bytes=100_000, jobs=2, on_start=started.append, on_document=seen.append)
    assert started == [3] and len(seen) == 3  # what a progress bar needs
    report = store.report
    assert isinstance(report, kg.BuildReport)
    assert [p.rsplit("/", 1)[-1] for p in report.documents] == ["plan.txt"]
    reasons = {e.path.rsplit("/", 1)[-1]: e.reason for e in report.skipped}
    assert set(reasons) == {"empty.txt", "big.txt"}
    assert "over the 100,000-byte limit" in reasons["big.txt"]
    assert report.relations["lead"] > 10 and report.entities["Department"] > 5 and report.outputs == []


def test_strict_refuses_before_anything_is_written(tmp_path):
    docs = _corpus(tmp_path / "docs")
    out = tmp_path / "out"
    with pytest.raises(KGError, match="skipped and --strict is set"):
        kg.build([docs], out=out, strict=True)
    assert not out.exists() or not any(out.iterdir())


def test_build_writes_and_names_its_outputs(tmp_path):
    store = kg.build([SEEDS / "002_ade2870d4016e2b5.txt"], out=tmp_path / "out", html=False)
    assert sorted(p.rsplit("/", 1)[-1] for p in store.report.outputs) == ["graph.trig", "graph.ttl"]
    assert kg.query(tmp_path / "out", preset="programs_by_department").rows


def test_nothing_readable_is_an_error(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    with pytest.raises(KGError, match="nothing was built"):
        kg.build([tmp_path])


def test_resolve_says_what_a_name_stands_for():
    """kg.resolve, as `kg resolve`: a district's short form in that district's document."""
    res = kg.resolve("区卫健委", region="闵行区")
    assert ("Department", "闵行区卫生健康委员会") in {(r.type, r.canonical) for r in res}
    assert kg.resolve_name is kg.resolve


def test_the_package_version_is_pyprojects():
    import tomllib

    import kg
    from kg.defaults import VERSION

    project = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert kg.__version__ == VERSION == project["version"]
