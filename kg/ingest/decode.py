"""Bytes → str with the encoding detected and recorded."""
from __future__ import annotations

import codecs
import re

from kg.errors import InputError

_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# Tried in order when there is no BOM: strict UTF-8 first (most files), then the
# Chinese legacy encodings. GB18030 is a superset of GBK and GB2312.
_CANDIDATES = ["utf-8", "gb18030", "big5"]
_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or 13 < b < 32)


# The most frequent characters of Chinese prose, in both scripts: text decoded with the
# right codec is full of them, text decoded with a wrong double-byte codec is not.
_COMMON = set("的一是不了在人有我他这个们中来上大为和国地到以说时要就出也得里后自之年生会作家可下而过天去能对然于学多所好事"
              "這個們來為國會學對於時說過後發展區市縣衛健醫院行動服務體系建設工作部門單位")


_COMMON_CHAR = re.compile("[" + re.escape("".join(sorted(_COMMON))) + "]")


# Both shares are counted in C (a regex, str.isprintable): a legacy-encoded file is
# scored under every candidate codec, and Python loops over its characters made
# reading a GBK page 10-25% of its whole build.
def _cjk_share(text: str) -> float:
    if not text:
        return 0.0
    return len(_COMMON_CHAR.findall(text)) / len(text)


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Return (text, encoding name). Raises InputError for binary or undecodable data."""
    if not data.strip():
        raise InputError(path, "empty file")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise InputError(path, f"undecodable {enc} text ({exc.reason} at byte {exc.start})") from None
    head = data[:65536]
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if controls > len(data[:65536]) * 0.05 and data.count(b"\x00") <= len(data) // 4:
        raise InputError(path, "binary file (control bytes), not a text document")
    # UTF-16 without BOM: every other byte NUL in ASCII-heavy text.
    if data.count(b"\x00") > len(data) // 4:
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _printable_share(text) > 0.95:
                return text, "utf-16"
        raise InputError(path, "binary file (NUL bytes), not a text document")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        # a file cut in the middle of its last character is still UTF-8
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            return data[: exc.start].decode("utf-8"), "utf-8"
    best: tuple[float, str, str] | None = None
    for enc in _CANDIDATES[1:]:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = _cjk_share(text) + _printable_share(text)
        if best is None or score > best[0]:
            best = (score, text, enc)
    if best is None:
        try:
            from charset_normalizer import from_bytes
        except ImportError:  # pragma: no cover - dependency is declared
            from_bytes = None
        match = from_bytes(data).best() if from_bytes else None
        if match is None or _printable_share(str(match)) < 0.9 or not _chinese_or_ascii(str(match)):
            raise InputError(path, "undecodable: not UTF-8, UTF-16, GB18030 or Big5 text")
        return str(match), match.encoding
    if _printable_share(best[1]) < 0.9:
        raise InputError(path, "binary or undecodable content")
    return best[1], best[2]


def _chinese_or_ascii(text: str) -> bool:
    """A guess of another code page is only believed when it yields Chinese or plain
    ASCII text; Cyrillic or Latin-1 garbage from Chinese bytes is not a document."""
    if not text:
        return False
    cjk = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    ascii_ = sum(1 for c in text if c.isascii())
    return cjk / len(text) >= 0.1 or ascii_ / len(text) >= 0.95


def _printable_share(text: str) -> float:
    """Share of characters that are printable or a line control (\\n \\r \\t)."""
    if not text:
        return 0.0
    rest = text.replace("\n", "").replace("\r", "").replace("\t", "")
    if rest.isprintable():
        return 1.0
    return (len(text) - len(rest) + sum(map(str.isprintable, rest))) / len(text)
