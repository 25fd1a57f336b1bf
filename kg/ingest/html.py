"""HTML → text lines, keeping block structure and dropping page chrome by structure.

A portal wraps an article in navigation, headers, footers, side bars and share bars.
They are recognised by what the page says they are, not by their words: the elements
made for them (nav, header, footer, aside, form …), class or id names that portals give
them (nav, menu, breadcrumb, footer, sidebar, share …), and link-dense blocks — a line
whose text is all link text is a menu entry or a related-article link, not body prose.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

from kg.ingest.tables import CELL_SEPARATOR

_SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "select", "iframe", "svg",
         "template", "head", "menu"}
_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table", "ul", "ol", "dd",
          "dt", "blockquote", "pre", "title", "main"}
_CELL = {"td", "th"}  # a table row's cells, one line a row, set apart (kg.ingest.tables reads task tables)
_VOID = {"br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr", "param"}
# class or id names portals give their chrome (matched as whole words of the attribute)
_CHROME = re.compile(r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|menubar|breadcrumbs?|crumbs?|bread|footer|foot|header|"
                     r"top-?bar|topnav|sidebar|side-?nav|aside|share|sharebar|social|toolbar|copyright|banner|"
                     r"friend-?links?|links?-?list|related|recommend|hot-?news|login|search|qrcode|skip)(?:$|[\s_-])", re.I)
_LINK_LINE_MAX = 40  # a line all of link text and at most this long is a menu entry or a related link


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[tuple[str, bool]] = []  # (text, inside a link)
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.skip_depth = 0
        self.link_depth = 0
        self.title: list[str] = []
        self._in_title = False
        self.cell_depth = 0  # inside a table cell: its blocks and line breaks are spaces (a row stays one line)
        self.row_depth = 0

    def handle_starttag(self, tag: str, attrs) -> None:  # noqa: ANN001 - HTMLParser API
        names = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role"))
        skip = tag in _SKIP or bool(names and _CHROME.search(names)) or ("role", "navigation") in attrs
        if tag not in _VOID:
            self.stack.append((tag, skip))
            if skip:
                self.skip_depth += 1
            if tag == "a":
                self.link_depth += 1
        if tag == "title":
            self._in_title = True
        if tag == "tr":
            self.row_depth += 1
        if tag in _CELL:
            self.cell_depth += 1
            self.parts.append((CELL_SEPARATOR, False))
        elif tag in _BLOCK:
            self.parts.append((" " if self.cell_depth and tag != "tr" else "\n", False))

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        # close up to the matching open tag (pages leave elements unclosed)
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                for open_tag, skipped in self.stack[i:]:
                    if skipped:
                        self.skip_depth -= 1
                    if open_tag == "a":
                        self.link_depth -= 1
                del self.stack[i:]
                break
        if tag == "title":
            self._in_title = False
        if tag in _CELL:
            self.cell_depth = max(0, self.cell_depth - 1)
        elif tag == "tr":
            self.row_depth = max(0, self.row_depth - 1)
            self.cell_depth = 0  # a cell left unclosed ends with its row
        if tag in _BLOCK:
            self.parts.append((" " if self.cell_depth and tag != "tr" else "\n", False))

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        if self.skip_depth:
            return
        if self.row_depth and not self.cell_depth and data.isspace():
            return  # the markup's indentation between a row's cells
        if self.cell_depth:
            data = " ".join(data.split()) if data.strip() else (" " if data else "")
        self.parts.append((data, self.link_depth > 0))


def _lines_without_link_chrome(parts: list[tuple[str, bool]]) -> str:
    """The text, a line a block, without lines that are only link text and short."""
    out: list[str] = []
    line: list[str] = []
    linked = plain = 0
    for text, in_link in parts + [("\n", False)]:
        pieces = text.split("\n")
        for k, piece in enumerate(pieces):
            if k:  # a line ends
                joined = "".join(line)
                if not (linked and not plain and len(joined.strip()) <= _LINK_LINE_MAX):
                    out.append(joined)
                line, linked, plain = [], 0, 0
            if piece:
                line.append(piece)
                n = len(piece.strip())
                if in_link:
                    linked += n
                else:
                    plain += n
    return "\n".join(out)


def html_to_text(html: str) -> str:
    """Text of an HTML page: the <title> first, then the visible text, a line a block."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    title = "".join(parser.title).strip()
    body = _lines_without_link_chrome(parser.parts)
    return (title + "\n" + body) if title and title not in body[:500] else body


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head) or (head.count("<p") + head.count("<div") >= 3)
