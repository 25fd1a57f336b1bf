"""Bad or unusual input never corrupts the graph (issue 19): each case asserts the exit
status, one clear line naming the file, no traceback, and that earlier outputs stay."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import MINHANG, ROOT

KG = [sys.executable, "-m", "kg.cli"]


def kg(*args, cwd=None, timeout=300, env=None):  # noqa: ANN001, ANN201
    return subprocess.run(KG + [str(a) for a in args], capture_output=True, text=True, cwd=cwd, timeout=timeout,
                          env={**os.environ, **(env or {})})


def one_clean_line(res, *words):  # noqa: ANN001, ANN201
    """stderr holds no traceback, and each line of it is one kg: message."""
    assert "Traceback" not in res.stderr, res.stderr
    lines = [ln for ln in res.stderr.splitlines() if ln.strip() and not ln.startswith("Building")]
    assert lines and all(ln.startswith("kg: ") or ln.startswith("Built ") for ln in lines), res.stderr
    for w in words:
        assert w in res.stderr, (w, res.stderr)


@pytest.fixture(scope="module")
def good_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("good")
    assert kg("build", MINHANG, "--out", out, "--no-html").returncode == 0
    return out


def outputs_intact(out: Path, before: dict[str, bytes]) -> None:
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before


def snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}


def test_html_navigation_is_not_the_issuer(tmp_path):
    body = MINHANG.read_text(encoding="utf-8")
    nav = "".join(f'<div><a href="/{i}">{name}</a></div>' for i, name in enumerate(["上海市人民政府", "政务公开", "首页", "上海发布"]))
    page = tmp_path / "plan.html"
    page.write_text(f'<html><body><div class="nav">{nav}</div><div class="article">' +
                    "".join(f"<p>{line}</p>" for line in body.splitlines() if line.strip()) +
                    '</div><div class="footer">上海市人民政府 版权所有</div></body></html>', encoding="utf-8")
    from kg.extract.pipeline import extract_document
    from kg.ingest import read_document

    src = read_document(page)
    assert src.issuer != "上海市人民政府" and "上海市人民政府" not in src.text.splitlines()[:3]
    leads = {r.source.name for r in extract_document(src).relations if r.kind == "lead"}
    assert "闵行区卫生健康委员会" in leads and "上海市卫生健康委员会" not in leads


def test_a_prose_line_with_slashes_is_kept(tmp_path):
    doc = tmp_path / "rates.txt"
    doc.write_text("关于推进健康行动的实施方案\n到2025年，孕产妇死亡率、婴儿死亡率和5岁以下儿童死亡率分别控制在9.5/10万、"
                   "4.2/1000和5.3/1000以下，心脑血管疾病死亡率控制在190/10万以下。（区卫健委牵头，区民政局配合）\n", encoding="utf-8")
    from kg.ingest import read_document

    src = read_document(doc)
    assert "9.5/10万" in src.text and "区卫健委牵头" in src.text


def test_a_ten_megabyte_one_line_document_builds(tmp_path):
    line = ("区卫健委牵头开展健康知识普及行动，居民健康素养水平达到30%/年/次/人。" * 250_000)[:10_000_000]
    doc = tmp_path / "long.txt"
    doc.write_text(line, encoding="utf-8")
    res = kg("build", doc, "--out", tmp_path / "out", "--no-html", "-q", timeout=600)
    assert res.returncode == 0, res.stderr
    assert (tmp_path / "out" / "graph.ttl").stat().st_size > 1000
