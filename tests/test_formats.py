"""Real documents, bad documents: every format and encoding of the same text builds to
the same entities; broken files fail with a one-line reason."""
import io

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import InputError
from kg.extract import extract_document
from kg.ingest import read_document

from .conftest import CHANGNING, IN_CI, MINHANG, chromium_path


def entities(path):
    """Entities, relations and the numbers read (targets and measurements, each with its
    indicator, value, unit, comparator and year): what a layout must never change."""
    ex = extract_document(read_document(path))
    return ({(m.key.type, m.key.name) for m in ex.mentions}, {(r.kind, r.source.name, r.target.name) for r in ex.relations},
            {(q.kind, q.indicator, q.value, q.unit, q.comparator, q.year) for q in ex.quantities})


@pytest.fixture(scope="module")
def plain():
    return {MINHANG: entities(MINHANG), CHANGNING: entities(CHANGNING)}


@pytest.mark.parametrize("src,encoding", [(MINHANG, "gb18030"), (MINHANG, "gbk"), (MINHANG, "utf-16"), (MINHANG, "utf-8-sig"),
                                          (CHANGNING, "big5"), (CHANGNING, "gb18030")])
def test_reencoded_seeds_read_the_same(tmp_path, plain, src, encoding):
    text = src.read_text(encoding="utf-8")
    if encoding == "big5":  # keep the body; the spam list and a garbled private-use run have
        text = "".join(c for c in text.split("相關推薦")[0] if not "\ue000" <= c <= "\uf8ff")  # no Big5 code
    if encoding == "gbk":  # GBK has no no-break space; a GBK page writes a plain one
        text = text.replace("\xa0", " ")
    p = tmp_path / src.name
    p.write_bytes(text.encode(encoding))
    doc = read_document(p)
    assert doc.encoding in (encoding.replace("-sig", ""), "utf-8-sig", "gb18030", "utf-16")
    assert entities(p) == plain[src]


def test_html_page_with_navigation_reads_the_same(tmp_path, plain):
    body = "".join(f"<p>{line}</p>" for line in MINHANG.read_text(encoding="utf-8").splitlines())
    page = ("<!DOCTYPE html><html><head><meta charset='gb18030'><title>闵行区人民政府</title><script>var nav='区卫健委';</script>"
            "</head><body><header><a href='/'>首页</a> | <a>政务公开</a> | <a>办事服务</a> | <a>互动交流</a></header>"
            "<nav><ul><li>首页</li><li>新闻中心</li></ul></nav><div class='article'>" + body + "</div>"
            "<div class='related'><h3>相关推荐</h3><ul><li><a>某区卫健委召开会议</a></li><li><a>2024-01-02</a></li></ul></div>"
            "<footer>版权所有 闵行区人民政府</footer></body></html>")
    p = tmp_path / "page.htm"
    p.write_bytes(page.encode("gb18030"))
    doc = read_document(p)
    assert doc.format == "html" and doc.encoding == "gb18030"
    assert entities(p) == plain[MINHANG]


def test_docx_reads_the_same(tmp_path, plain):
    import docx

    d = docx.Document()
    for line in MINHANG.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d.add_paragraph(line)
    p = tmp_path / "plan.docx"
    d.save(p)
    assert read_document(p).format == "docx"
    assert entities(p) == plain[MINHANG]


def test_pdf_text_layer_reads_the_same(tmp_path, plain):
    if chromium_path() is None:
        if IN_CI:
            raise RuntimeError("chromium is required in CI")
        pytest.skip("chromium not installed")
    from playwright.sync_api import sync_playwright

    body = "".join(f"<p>{line}</p>" for line in MINHANG.read_text(encoding="utf-8").splitlines() if line.strip())
    html = tmp_path / "plan.html"
    html.write_text("<html><body style='font-family:\"Noto Sans CJK SC\";font-size:11pt'>" + body + "</body></html>", encoding="utf-8")
    pdf = tmp_path / "plan.pdf"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox", "--disable-gpu"])
        page = b.new_page()
        page.goto(html.as_uri())
        page.pdf(path=str(pdf), format="A4")
        b.close()
    doc = read_document(pdf)
    assert doc.format == "pdf"
    assert entities(pdf) == plain[MINHANG]
    assert len(plain[MINHANG][2]) >= 10  # its targets and figures, each the same as the text's


def _blank_pdf() -> bytes:
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(width=595, height=842)
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


@pytest.mark.parametrize("name,data,reason", [
    ("scan.pdf", _blank_pdf(), "PDF has no text layer"),
    ("broken.pdf", b"%PDF-1.7\n%garbage that is not a pdf", "broken PDF"),
    ("broken.docx", b"PK\x03\x04" + b"\x00" * 40, "broken .docx"),
    ("junk.bin", bytes(range(256)) * 10, "binary file"),
    ("empty.txt", b"", "empty file"),
    ("archive.zip", b"PK\x03\x04\x14\x00" + b"\x00" * 200, "not a document"),
])
def test_bad_files_fail_with_a_reason(tmp_path, name, data, reason):
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(InputError, match=reason):
        read_document(p)


def test_truncated_utf8_still_reads(tmp_path):
    data = MINHANG.read_bytes()[:5001]
    p = tmp_path / "cut.txt"
    p.write_bytes(data)
    doc = read_document(p)
    assert doc.encoding == "utf-8" and "闵行区" in doc.text


def test_corpus_with_bad_files_builds_the_rest(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "plan.txt").write_bytes(MINHANG.read_bytes())
    (corpus / "scan.pdf").write_bytes(_blank_pdf())
    (corpus / "broken.docx").write_bytes(b"PK\x03\x04junk")
    res = CliRunner().invoke(main, ["build", str(corpus), "--out", str(tmp_path / "out")])
    assert res.exit_code == 1
    lines = [l for l in res.output.splitlines() if l.startswith("kg: skipped")]
    assert len(lines) == 2 and any("scan.pdf: PDF has no text layer" in l for l in lines)
    assert "Built 1 document(s); skipped 2" in res.output


def test_a_real_pdf_reads_like_its_text():
    """dev/raw holds the browser-printed PDF of h03 (page chrome, a text layer that spaces
    every character of its clauses, lines broken inside names): it gives the relations
    and entities of the same document as text."""
    from .conftest import ROOT

    pdf, txt = entities(ROOT / "dev" / "raw" / "h03_jiangxi_health_in_all_policies.pdf"), \
        entities(ROOT / "dev" / "docs" / "h03_jiangxi_health_in_all_policies.txt")
    assert pdf[1] == txt[1] and len(pdf[1]) == 127
    assert len(pdf[0] ^ txt[0]) <= 2
    assert pdf[2] == txt[2]


def test_the_original_docx_files_read_like_their_text():
    from .conftest import ROOT

    for stem in ("h09_hainan_youth_mental_health", "h10_fumeng_health_in_all_policies"):
        assert entities(ROOT / "dev" / "raw" / f"{stem}.docx") == entities(ROOT / "dev" / "docs" / f"{stem}.txt")
