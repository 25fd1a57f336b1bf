"""Find input files and read each into a SourceDocument."""
from __future__ import annotations

import hashlib
from pathlib import Path

from kg.defaults import DEFAULT_MAX_BYTES
from kg.errors import InputError
from kg.ingest.clean import Line, cjk_counts, clean_lines, full_stops, is_furniture, join_label_lines
from kg.ingest.decode import decode_bytes
from kg.ingest.document import SourceDocument
from kg.ingest.formats import join_broken_numbers, join_layout_lines, looks_wrapped, read_docx, read_pdf, sniff
from kg.ingest.html import html_to_text, looks_like_html
from kg.ingest.infotable import read_info_table
from kg.ingest.metadata import dropped_date, extract_metadata
from kg.ingest.paths import SUPPORTED_SUFFIXES, collect_paths  # noqa: F401 - read from here too
from kg.ingest.indicator_tables import rewrite_indicator_tables
from kg.ingest.tables import rewrite_task_tables, split_flattened_rows
from kg.ingest.year_tables import rewrite_year_tables
from kg.ingest.count_tables import rewrite_count_tables
from kg.ingest.place_tables import rewrite_place_tables
from kg.textnorm import drop_doubled_commas, drop_pinyin_glosses, fold


def read_document(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES, region: str | None = None,
                  default_region: str | None = None) -> SourceDocument:
    """Read, decode and clean one file. Raises InputError with a one-line reason.
    ``region`` is the jurisdiction the user gives for it (kg build --regions), whatever
    the text says; ``default_region`` the one it has where its text does not say it
    (none found, or an uncertain reading: kg build --region)."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(str(p), f"file is {size:,} bytes, over the {max_bytes:,}-byte limit (--max-bytes)")
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(str(p), f"cannot read: {exc.strerror or exc}") from None
    return read_data(data, p, max_bytes, region, default_region)


def read_data(data: bytes, path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES, region: str | None = None,
              default_region: str | None = None) -> SourceDocument:
    """:func:`read_document` of bytes already read (a worker of a cluster, a web
    upload): ``path`` names the document (its suffix helps tell the format)."""
    p = Path(path)
    if len(data) > max_bytes:
        raise InputError(str(p), f"file is {len(data):,} bytes, over the {max_bytes:,}-byte limit (--max-bytes)")
    kind = sniff(data, p.suffix.lower())
    if kind == "pdf":
        text, encoding, fmt = read_pdf(data, str(p)), "pdf", "pdf"
    elif kind == "docx":
        text, encoding, fmt = read_docx(data, str(p), max_bytes), "docx", "docx"
    elif kind == "zip":
        raise InputError(str(p), "a ZIP archive, not a document (unpack it first)")
    else:
        text, encoding = decode_bytes(data, str(p))
        fmt = "text"
        if p.suffix.lower() in (".html", ".htm") or looks_like_html(text):
            text = html_to_text(text)
            fmt = "html"
        elif p.suffix.lower() == ".md":
            fmt = "markdown"
    text = drop_pinyin_glosses(text)  # a mirror's 经（jīng）开区: the gloss is no part of the text
    text = drop_doubled_commas(text)  # the same mirrors' 主办,,区… and 爱卫会,、番禺…
    table = read_info_table(text.splitlines())  # before tables are rewritten: its bars are no task table
    text = rewrite_indicator_tables(text)  # 主要指标 | 单位 | 2020年 | 2025年目标: one labelled line a row, before cleaning
    text = rewrite_year_tables(text)  # 年份 | 诊疗总人次(万人次) | … / 2025年 | 645.63: a bulletin's sentence a row, before cleaning
    text = rewrite_count_tables(text)  # 机构数 床位数 人员数 / 综合医院 53 9955 10765: the same, for a yearbook's counts by kind
    text = rewrite_place_tables(text)  # 市县名 / 城市低保数(人) / … / 桐城市 / 286: the same, for a table by place
    text = rewrite_task_tables(text)  # 序号 | 工作任务 | 牵头单位 | …: one numbered measure a row, before lines are joined
    text = split_flattened_rows(text)  # 序号 主要任务 … 责任单位 1.…2.…: a table run into text, one row a line
    text = join_broken_numbers(text)  # 2020\n年达到\n20%: a number's phrase broken by a PDF's font runs
    if fmt == "text" and looks_wrapped(text.splitlines()):
        text = join_layout_lines(text.splitlines())  # a page copied with its line breaks
    header_drops: list[str] = []
    kept_lines, dropped = clean_lines(text, header_drops)
    if not kept_lines:
        raise InputError(str(p), "no readable text after removing page chrome")
    meta = extract_metadata([ln.text for ln in kept_lines], [ln.folded for ln in kept_lines])
    if meta["date"] is None:  # a dateline, a labelled date or a signing date the cleaner dropped as chrome
        meta["date"] = dropped_date(header_drops, dropped)
    # the information-disclosure table above the text (索引号 | … | 文号 | …), which the cleaner
    # drops as chrome: what the text's own lines do not give, and the title it names, which
    # is the document's own (a guess from the lines is not: 标题西藏…规划, 一、卫生资源情况)
    for key, value in table.items():
        if meta.get(key) is None or (key == "title" and not value.endswith(("…", "...", "……"))):
            meta[key] = value  # (a site that shortens its cell, 关于印发…, gives no title)
    if "title" in table and meta["title"] == table["title"]:
        kept_lines = _with_title_line(kept_lines, table["title"])
    # a footer or metadata line gives the date above, and nothing to the body
    furniture = [ln for ln in kept_lines if is_furniture(ln.folded)]
    if len(furniture) == len(kept_lines):
        furniture = []  # a page of nothing else keeps its lines as its text
    if furniture:
        dropped = dropped + [ln.text for ln in furniture]
        kept_lines = [ln for ln in kept_lines if all(ln is not x for x in furniture)]
    kept_lines = join_label_lines(kept_lines)
    kept = [ln.text for ln in kept_lines]
    folded = [ln.folded for ln in kept_lines]
    _join_title_lines(kept, folded, meta["title"])
    body = "\n".join(kept)
    n_dropped = sum(len(d) for d in dropped)
    return SourceDocument(
        path=str(p), name=p.name, sha256=hashlib.sha256(data).hexdigest(), encoding=encoding,
        format=fmt, text=body, chars_in=len(body) + n_dropped, chars_dropped=n_dropped,
        dropped=dropped, folded_text="\n".join(folded), furniture="\n".join(ln.folded for ln in furniture), region=region, default_region=default_region, **meta,
    )


def _with_title_line(kept: list[Line], title: str) -> list[Line]:
    """The body opens with the document's title: the one its disclosure table gives, where
    the cleaner dropped the table's row with it (the text names the document there)."""
    folded_title = full_stops(fold(title))
    if any(folded_title in ln.folded for ln in kept[:5]):
        return kept
    return [Line(title, folded_title, cjk_counts([folded_title])[0], "heading"), *kept]


def _join_title_lines(kept: list[str], folded: list[str], title: str | None) -> None:
    """A title the metadata read over two lines (…健康食品产业 / 发展行动; 关于印发《秀英区 /
    2019年…实施方案》的通知, the second line running on into the body) is one line of the body
    too, so that its name is read whole."""
    if not title:
        return
    for i in range(min(len(kept) - 1, 25)):
        a, b = kept[i].strip(), kept[i + 1].strip()
        if a and b and a != title and title.startswith(a) and (a + b).startswith(title):
            kept[i:i + 2] = [a + b]
            folded[i:i + 2] = [folded[i].strip() + folded[i + 1].strip()]
            return
