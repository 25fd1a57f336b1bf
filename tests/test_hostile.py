"""Bad or unusual input never corrupts the graph (issue 19): each case asserts the exit
status, one clear line naming the file, no traceback, and that earlier outputs stay."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import CHANGNING, MINHANG, ROOT

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


@pytest.mark.parametrize("line, kept", [
    ("到2025年，二级以上医院比例达到1/3、1/2和2/3。", True),     # a short sentence of fractions
    ("比例达到1/3、1/2和2/3。", True),
    ("首页/新闻中心/通知公告/正文", False),                     # a breadcrumb: no sentence
    ("首页 > 政务公开 > 通知公告 > 卫生健康", False),
    ("网站首页|机构概况|政务公开|办事服务|互动交流。", False),   # a menu of links is no prose for its full stop
])
def test_slashes_drop_menus_never_sentences(line, kept):
    from kg.ingest.clean import clean_text

    lines, dropped = clean_text("关于推进健康行动的实施方案\n" + line + "\n区卫健委牵头开展健康知识普及行动，覆盖全区居民。\n")
    assert (line in lines) is kept and (line in dropped) is not kept


def test_a_ten_megabyte_one_line_document_builds(tmp_path):
    line = ("区卫健委牵头开展健康知识普及行动，居民健康素养水平达到30%/年/次/人。" * 250_000)[:10_000_000]
    doc = tmp_path / "long.txt"
    doc.write_text(line, encoding="utf-8")
    res = kg("build", doc, "--out", tmp_path / "out", "--no-html", "-q", timeout=600)
    assert res.returncode == 0, res.stderr
    assert (tmp_path / "out" / "graph.ttl").stat().st_size > 1000


def _zip_bomb(path: Path) -> None:
    """A .docx whose document part inflates to 300 MB from about 300 KB."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w") as part:
            chunk = b"\0" * (1 << 20)
            for _ in range(300):
                part.write(chunk)


def _image_only_pdf(path: Path) -> None:
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(width=595, height=842)
    with open(path, "wb") as f:
        w.write(f)


BAD_INPUTS = {
    "random.txt": lambda p: p.write_bytes(bytes((i * 7919 + 13) % 256 for i in range(20000))),
    "empty.txt": lambda p: p.write_bytes(b""),
    "spaces only.txt": lambda p: p.write_text(" \n\t\n", encoding="utf-8"),
    "truncated.docx": lambda p: p.write_bytes((ROOT / "dev" / "raw" / "h09_hainan_youth_mental_health.docx").read_bytes()[:4000]),
    "truncated.pdf": lambda p: p.write_bytes((ROOT / "dev" / "raw" / "h03_jiangxi_health_in_all_policies.pdf").read_bytes()[:30000]),
    "scan.pdf": _image_only_pdf,
    "bomb.docx": _zip_bomb,
}
REASONS = {"random.txt": "", "empty.txt": "empty", "spaces only.txt": "", "truncated.docx": "broken .docx",
           "truncated.pdf": "broken PDF", "scan.pdf": "no text layer", "bomb.docx": "limit"}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_a_bad_file_is_one_line_and_leaves_the_outputs(tmp_path, good_out, name):
    bad = tmp_path / name
    BAD_INPUTS[name](bad)
    before = snapshot(good_out)
    res = kg("build", bad, "--out", good_out, "--no-html")
    assert res.returncode == 2  # nothing readable: nothing built, nothing written
    one_clean_line(res, name, REASONS[name])
    outputs_intact(good_out, before)


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path):
    import resource

    bomb = tmp_path / "bomb.docx"
    _zip_bomb(bomb)
    from kg.errors import InputError
    from kg.ingest import read_document

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(InputError, match="inflate"):
        read_document(bomb)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100_000  # KiB: far below the 300 MB it inflates to


def _pdf_bomb(path: Path, megabytes: int = 300) -> None:
    """A one-page PDF whose content stream inflates to ``megabytes`` MB from ~300 KB."""
    import zlib

    comp = zlib.compressobj(9)
    body = b"".join(comp.compress(b" " * (1 << 20)) for _ in range(megabytes)) + comp.flush()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))


def test_a_pdf_bomb_is_bounded(tmp_path):
    """pypdf inflates at most 75 MB a stream (its own limit, hence pypdf>=6.10): a 300 KB
    PDF that would inflate to 300 MB costs little memory and ends in one line."""
    import resource

    from kg.errors import InputError
    from kg.ingest import read_document

    bomb = tmp_path / "bomb.pdf"
    _pdf_bomb(bomb)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(InputError, match="bomb.pdf"):
        read_document(bomb)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 150_000  # KiB


@pytest.mark.parametrize("jobs", ["1", "2"])  # with workers, the reason travels back pickled
def test_a_bad_file_among_good_ones_is_skipped_with_exit_1(tmp_path, jobs):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(MINHANG.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "in" / "good2.txt").write_text(CHANGNING.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "in" / "bad.docx").write_bytes(b"PK\x03\x04 not really")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    res = kg("build", tmp_path / "in", "--out", tmp_path / "out", "--no-html", "--jobs", jobs)
    assert res.returncode == 1 and (tmp_path / "out" / "graph.ttl").exists()
    one_clean_line(res, "bad.docx", "empty.txt", "Built 2 document(s); skipped 2")
    assert kg("build", tmp_path / "in", "--out", tmp_path / "out2", "--no-html", "--strict").returncode == 2
    assert not (tmp_path / "out2" / "graph.ttl").exists()


def test_a_symlink_loop_and_a_missing_path(tmp_path, good_out):
    loop = tmp_path / "loop"
    loop.mkdir()
    (loop / "self").symlink_to(loop)
    (loop / "doc.txt").write_text(MINHANG.read_text(encoding="utf-8"), encoding="utf-8")
    res = kg("build", loop, tmp_path / "missing", "--out", tmp_path / "out", "--no-html", timeout=120)
    assert res.returncode == 1 and "no such file or folder" in res.stderr
    one_clean_line(res)


def test_paths_with_spaces_and_chinese(tmp_path):
    folder = tmp_path / "闵行 区 文件"
    folder.mkdir()
    (folder / "健康 闵行.txt").write_text(MINHANG.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "输出 目录"
    res = kg("build", folder, "--out", out, "--no-html")
    assert res.returncode == 0, res.stderr
    assert "健康 闵行.txt" in (out / "graph.trig").read_text(encoding="utf-8")


@pytest.mark.parametrize("sparql,reason", [
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }", "SERVICE"),
    ("LOAD <http://example.org/g.ttl>", "updates"),
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "updates"),
    ("DROP ALL", "updates"),
    ("SELECT * WHERE { ?s ?p ?o ", "syntax error"),
])
def test_queries_that_reach_out_or_write_are_refused(good_out, sparql, reason):
    res = kg("query", good_out, sparql)
    assert res.returncode == 2
    one_clean_line(res, reason)


def test_a_remote_endpoint_that_is_not_there_is_one_line(good_out):
    res = kg("query", good_out, "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }", "--allow-remote",
             "--timeout", "20")
    assert res.returncode == 2
    one_clean_line(res)


def test_a_cross_join_is_bounded_in_time_and_rows(good_out):
    res = kg("query", good_out, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a", "--timeout", "1")
    assert res.returncode == 2
    one_clean_line(res, "time limit")
    res = kg("query", good_out, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }", "--format", "csv", "--max-rows", "1000")
    assert res.returncode == 0 and len(res.stdout.splitlines()) == 1001 and "truncated at 1,000 rows" in res.stderr
    for option, value in (("--timeout", "-5"), ("--max-rows", "0"), ("--max-memory", "-1")):
        res = kg("query", good_out, "SELECT * WHERE { ?s ?p ?o }", option, value)
        assert res.returncode == 2
        one_clean_line(res, option)


def test_a_query_is_bounded_in_memory(good_out):
    """An ORDER BY over a cross join sorts everything it joins: its process is stopped at
    its memory budget, one line, no word of the engine's own."""
    res = kg("query", good_out, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?e", "--timeout", "120",
             "--max-memory", "200")
    assert res.returncode == 2
    one_clean_line(res, "200 MB memory budget")


def test_concurrent_builds_into_one_folder_take_turns(tmp_path):
    out = tmp_path / "out"
    procs = [subprocess.Popen(KG + ["build", str(MINHANG), "--out", str(out), "--no-html", "-q"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    results = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), results
    assert not any("Traceback" in err for _, err in results)
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["graph.trig", "graph.ttl"]
    assert not list(out.glob(".graph*.tmp"))


def test_a_killed_build_leaves_the_last_outputs(tmp_path, good_out):
    import shutil
    import signal
    import time

    out = tmp_path / "out"
    shutil.copytree(good_out, out)
    before = snapshot(out)
    big = tmp_path / "big"
    big.mkdir()
    for i in range(30):
        (big / f"d{i}.txt").write_text(MINHANG.read_text(encoding="utf-8") + f"\n第{i}份", encoding="utf-8")
    p = subprocess.Popen(KG + ["build", str(big), "--out", str(out), "--no-html", "-q"])
    time.sleep(2.5)
    p.send_signal(signal.SIGKILL)
    p.wait(timeout=60)
    after = snapshot(out)
    # either untouched or wholly the new build: never a mix, never a half-written file
    assert after == before or (after.keys() == before.keys() and after["graph.ttl"] != before["graph.ttl"])
    assert kg("query", out, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").returncode == 0


def test_an_input_error_survives_pickling():
    """What a worker process sends back for a skipped file."""
    import pickle

    from kg.errors import InputError

    err = pickle.loads(pickle.dumps(InputError("a.txt", "empty file")))
    assert (err.path, err.reason, str(err)) == ("a.txt", "empty file", "a.txt: empty file")


def test_a_fault_on_one_document_skips_it_and_names_it(monkeypatch, tmp_path):
    """A rule that fails on one document's content costs that document, named, not the build."""
    import kg
    from kg import corpus

    real = corpus.extract_document

    def flaky(src, nlp):  # noqa: ANN001, ANN202
        if src.name == "bad.txt":
            raise IndexError("string index out of range")
        return real(src, nlp)

    monkeypatch.setattr(corpus, "extract_document", flaky)
    (tmp_path / "good.txt").write_text(MINHANG.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "bad.txt").write_text(CHANGNING.read_text(encoding="utf-8"), encoding="utf-8")
    report = kg.build([tmp_path]).report
    assert [e.path.rsplit("/", 1)[-1] for e in report.skipped] == ["bad.txt"]
    assert "IndexError: string index out of range" in report.skipped[0].reason and len(report.documents) == 1
