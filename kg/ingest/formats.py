"""Binary document formats: PDF (its text layer, pypdf) and Word .docx (python-docx).

The format comes from the content (magic bytes), not only the file name. Lines that a
PDF broke for layout are joined back, so that a sentence or a (牵头单位：…) list is one
line again as in the source document.
"""
from __future__ import annotations

import contextlib
import io
import logging
import re
import warnings
import zipfile
from typing import Iterator

from kg.errors import InputError
from kg.textnorm import squeeze_cjk_spaces

# what ends a line that the layout did not break: sentence punctuation, a closing bracket,
# or a closing quote after sentence punctuation (a quote alone closes a name mid-sentence:
# 近视防控“教、医、家、社”\n联动平台)
_END = re.compile(r"[。！？：；）)」》]$|[。！？][”’」]$|^\s*$")
# a year on a line of its own (2022年 / …achievements… / 2023年 / …plans…) heads the lines after it
YEAR_LINE = re.compile(r"^\d{4}\s*年度?[：:]?$")
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[\.．、](?!\d)|[①-⑳])")
_PAGE_NUMBER = re.compile(r"^\s*[-—–]?\s*\d{1,4}\s*[-—–]?\s*$|^\s*第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?\s*$")


def sniff(data: bytes, suffix: str) -> str:
    """'pdf', 'docx', or 'text' (HTML is told apart after decoding)."""
    if data[:5] == b"%PDF-":
        return "pdf"
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                if "word/document.xml" in z.namelist():
                    return "docx"
        except zipfile.BadZipFile:
            pass
        return "docx" if suffix == ".docx" else "zip"
    if suffix in (".pdf", ".docx"):
        return suffix[1:]
    return "text"


def join_layout_lines(lines: list[str]) -> str:
    """Join lines a page layout broke. A wrapped line runs to (nearly) the full width of
    the page and does not end a sentence; a title or heading is short. So a line joins
    the next when it is at least 85% as long as the document's long lines, does not end
    with sentence punctuation, and the next does not open a numbered heading. Page
    numbers are dropped."""
    from kg.ingest.clean import is_furniture  # imported here: the cleaner imports this module
    from kg.textnorm import fold

    stripped = [raw.strip() for raw in lines]
    lengths = sorted(len(x) for x in stripped if x)
    full = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0
    out: list[str] = []
    last_len = 0
    last_own = True  # the line before stands on its own (a year heading, a byline)
    for line in stripped:
        if not line or _PAGE_NUMBER.match(line):
            continue
        # a year on a line of its own heads what follows (2022年 / …); a byline (2023-03-02 来源：…) is a
        # line of its own: neither is a line the layout broke (each line is tested once, as read)
        own = bool(YEAR_LINE.match(line)) or is_furniture(fold(line))
        if out and last_len >= 0.85 * full and not _END.search(out[-1]) and not _HEADING.match(line) \
                and not own and not last_own:
            out[-1] += line
        else:
            out.append(line)
        last_len, last_own = len(line), own
    return "\n".join(x for x in out if x)


# A PDF's text layer sets digits in a Latin font, and a run in another font may reach the reader
# as a line of its own: …健康素养水平2020 / 年达到 / 20%,2025 / 年达到 / 25%; … 到 / 2020 / 年, … (*发〔2017〕16 / 号).
# A number is joined to the unit or 年 that continues it on the next line, and a value verb to the
# number on the next (到, 达到, 为, 至, 不低于, 控制在). A heading line before a line opening with a year is
# not joined: only a line ending in a digit or a value verb is.
# written to open with the character before the break (a class the engine scans for at C speed), kept by \1
_NUMBER_THEN_UNIT = re.compile(r"(\d)[ \t]*\n[ \t]*(?=年|号|%|‰|个百分点|平方米|公里|分钟|岁)")
_VERB_THEN_NUMBER = re.compile(r"([到为至于在])[ \t]*\n[ \t]*(?=\d)(?!\d{1,2}\s*[.．、](?!\d))")  # not a list's 1.


# …经常参加体育锻炼的人数 / 2020年达到35%: a name broken from its year and value (a line that opens with a year and a
# comparator has no subject of its own; a paragraph opening with a year, 2020年，…, is not joined)
_NAME_THEN_YEAR_VALUE = re.compile(r"([\u4e00-\u9fff）)])[ \t]*\n[ \t]*(?=\d{4}[ \t]*年(?:底|末)?(?:要|应|将|力争)?"
                                   r"(?:达到|提高到|提升到|降至|降到|下降到|控制在|保持在|不低于|不高于))")


def join_broken_numbers(text: str) -> str:
    """``text`` with the line breaks a PDF's font runs put inside a number's phrase removed
    (2020\n年达到\n20% → 2020年达到20%): a number joined to the unit that continues it, a
    value verb to the number after it."""
    if "\n" not in text:
        return text
    return _NAME_THEN_YEAR_VALUE.sub(r"\1", _VERB_THEN_NUMBER.sub(r"\1", _NUMBER_THEN_UNIT.sub(r"\1", text)))


def looks_wrapped(lines: list[str]) -> bool:
    """Was the text wrapped at a fixed width (a page of a PDF or a printed journal copied
    as text), so that its lines break inside sentences and names? Then many long lines
    are about as long as the longest and do not end a sentence. Plain text written one
    paragraph per line has lines of every length, ending at 。."""
    stripped = [x.strip() for x in lines if x.strip()]
    long = sorted(len(x) for x in stripped if len(x) >= 15)
    if len(long) < 4:
        return False
    full = long[int(0.9 * (len(long) - 1))]
    broken = sum(1 for a, b in zip(stripped, stripped[1:])
                 if len(a) >= 0.85 * full and not _END.search(a) and not _HEADING.match(b))
    return broken >= 3 and broken * 4 >= len(long)


@contextlib.contextmanager
def _pypdf_quiet() -> Iterator[None]:
    """pypdf logs and warns about what it repairs in a damaged file; the build says in
    one line of its own what became of the file, so pypdf's lines are held back."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def read_pdf(data: bytes, path: str) -> str:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:  # pragma: no cover - declared dependency
        raise InputError(path, "PDF support needs pypdf") from None
    try:
        with _pypdf_quiet():
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                try:
                    reader.decrypt("")
                except Exception:  # noqa: BLE001 - any failure means we cannot read it
                    raise InputError(path, "encrypted PDF") from None
            pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AttributeError, IndexError, RecursionError) as exc:
        raise InputError(path, f"broken PDF ({type(exc).__name__}: {' '.join(str(exc).split())[:80]})") from None
    # spaces the text layer put between characters are squeezed first: the lengths that
    # tell a wrapped line from a short one are those of the text, not of its spacing
    text = join_layout_lines([squeeze_cjk_spaces(line.strip()) for line in "\n".join(pages).splitlines()])
    if len(re.findall(r"[\u4e00-\u9fff\w]", text)) < 10:
        raise InputError(path, "PDF has no text layer (a scan?); run OCR first")
    return text


# an archive part that inflates more than this many times its stored size is a bomb
_MAX_INFLATION = 200


def check_archive(data: bytes, path: str, max_bytes: int) -> None:
    """Refuse a .docx (any ZIP) whose parts would inflate past ``max_bytes`` in all, or
    any part past a ratio no document reaches: read from the archive's directory,
    before anything is inflated."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise InputError(path, f"broken .docx ({type(exc).__name__})") from None
    total = sum(i.file_size for i in infos)
    if total > max_bytes:
        raise InputError(path, f"its parts inflate to {total:,} bytes, over the {max_bytes:,}-byte limit (--max-bytes)")
    for i in infos:
        if i.file_size > 1_000_000 and i.file_size > _MAX_INFLATION * max(1, i.compress_size):
            raise InputError(path, f"part {i.filename} inflates {i.file_size // max(1, i.compress_size):,} times its size "
                                   "(a ZIP bomb?); not read")


def _docx_lines(document) -> list[str]:  # noqa: ANN001 - a python-docx Document
    """Paragraphs and table rows in the order the document sets them (an annex's task
    table stays after the heading that introduces it), a row's cells set apart by
    kg.ingest.tables.CELL_SEPARATOR; a cell merged across columns is written once."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    from kg.ingest.tables import CELL_SEPARATOR

    lines: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells, seen = [], set()
                for cell in row.cells:
                    if id(cell._tc) not in seen:
                        seen.add(id(cell._tc))
                        cells.append(" ".join(cell.text.split()))
                lines.append(CELL_SEPARATOR + CELL_SEPARATOR.join(cells))  # one before each cell, as the HTML reader
    return lines


def read_docx(data: bytes, path: str, max_bytes: int | None = None) -> str:
    try:
        import docx
    except ImportError:  # pragma: no cover - declared dependency
        raise InputError(path, "Word support needs python-docx") from None
    if max_bytes is not None:
        check_archive(data, path, max_bytes)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds on broken files
        raise InputError(path, f"broken .docx ({type(exc).__name__})") from None
    text = "\n".join(line for line in _docx_lines(document) if line.strip())
    if not text.strip():
        raise InputError(path, "empty .docx (no paragraph text)")
    return text
