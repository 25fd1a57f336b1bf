"""Length-preserving text folding for matching.

Every extractor works on a *folded* copy of the document text: full-width forms
become half-width (NFKC, one character at a time) and Traditional characters become
Simplified. The fold maps each character to exactly one character, so an offset in the
folded text is the same offset in the original: labels and evidence are always cut
from the original text, in the script the document was written in.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable

# Punctuation NFKC would turn into ASCII but that Chinese extraction rules read as
# Chinese punctuation; keep them as they are so patterns only need one spelling.
_KEEP = set("，。：；！？（）【】“”‘’、《》〔〕［］")


@lru_cache(maxsize=1)
def ts_table() -> dict[int, str]:
    """Traditional→Simplified single-character table from OpenCC's TSCharacters
    (first choice of each entry), as shipped by opencc-python-reimplemented."""
    path = Path(resources.files("opencc")) / "dictionary" / "TSCharacters.txt"
    table: dict[int, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" not in line:
            continue
        src, dst = line.split("\t", 1)
        dst = dst.split()[0] if dst.split() else ""
        if len(src) == 1 and len(dst) == 1 and src != dst:
            table[ord(src)] = dst
    return table


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    table = dict(ts_table())  # a copy: the cached table stays Traditional→Simplified only
    # Full-width ASCII block and ideographic space → half-width, except kept punctuation.
    for cp in range(0xFF01, 0xFF5F):
        ch = chr(cp)
        if ch in _KEEP:
            continue
        n = unicodedata.normalize("NFKC", ch)
        if len(n) == 1:
            table[cp] = n
    table[0x3000] = " "
    # ASCII punctuation that Chinese texts also write full-width: fold to the
    # Chinese form so one pattern serves both spellings.
    for a, b in {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"}.items():
        table[ord(a)] = b
    for a, b in {"﹝": "〔", "﹞": "〕", "\u00a0": " ", "\u2002": " ", "\u2003": " ",
                 "\u200b": " ", "\ufeff": " ", "「": "“", "」": "”", "『": "“", "』": "”"}.items():
        table[ord(a)] = b
    return table


def as_sequence_table(table: dict[int, str]) -> list[str]:
    """A ``str.translate`` table as a list indexed by code point. With a dict, every
    character the table lacks costs a raised and cleared KeyError inside translate; a
    list answers every code point up to its length (and beyond it IndexError, which
    translate also reads as "unchanged"), so translating is 2-3x faster. The fold's
    list reaches U+2B726 and holds ~13 MB."""
    out = list(map(chr, range(max(table, default=0) + 1)))
    for cp, mapped in table.items():
        out[cp] = mapped
    return out


@lru_cache(maxsize=1)
def _fold_list() -> list[str]:
    return as_sequence_table(_fold_table())


def class_ranges(code_points: Iterable[int]) -> str:
    """The inside of a regex character class holding exactly ``code_points``, runs of
    consecutive ones written as ranges."""
    ranges: list[list[int]] = []
    for cp in sorted(set(code_points)):
        if ranges and cp == ranges[-1][1] + 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])

    def escaped(cp: int) -> str:
        return f"\\u{cp:04x}" if cp < 0x10000 else f"\\U{cp:08x}"

    return "".join(escaped(a) + ("-" + escaped(b) if b > a else "") for a, b in ranges)


def char_class(code_points: Iterable[int]) -> re.Pattern[str]:
    """A regex matching any of ``code_points``, one test per character whatever their
    number: a class of Basic Multilingual Plane characters compiles to a block bitmap,
    but a single astral character in it turns the class into a list of ranges that is
    tried one by one (2,800 ranges: 70 times slower). So astral characters match one
    wide range, and callers check them against their table."""
    bmp = class_ranges(c for c in set(code_points) if c < 0x10000)
    return re.compile(f"[{bmp}]|[\\U00010000-\\U0010ffff]" if bmp else "[\\U00010000-\\U0010ffff]")


@lru_cache(maxsize=1)
def _fold_parts() -> tuple[tuple[tuple[str, str], ...], re.Pattern[str]]:
    """The fold as (ASCII substitutions, a class of every other character it changes)."""
    table = _fold_table()
    ascii_pairs = tuple((chr(cp), table[cp]) for cp in sorted(table) if cp < 0x80)
    return ascii_pairs, char_class(cp for cp in table if cp >= 0x80)


# Below this share of characters to change, each is replaced by a regex callback;
# above it the whole text is translated. A callback costs ~10x what translating one
# character does, and a Simplified page changes ~2% of its characters (a full-width
# digit, an ideographic space); a Traditional one changes a third of them.
_SPARSE_FOLD_SHARE = 1 / 16


def fold(text: str) -> str:
    """Return the folded copy of ``text`` (same length, Simplified, half-width digits
    and letters, Chinese punctuation).

    ``str.translate`` costs ~25-55 ns a character on CJK text (a lookup per character),
    yet most of a Simplified document needs no change. So the ASCII , : ( ) go by
    ``str.replace`` (C speed); the other characters the table changes are found by one
    class search, and replaced one by one when they are few (3x faster on the bench's
    pages), the whole text translated when they are many."""
    ascii_pairs, others = _fold_parts()
    for a, b in ascii_pairs:
        if a in text:
            text = text.replace(a, b)
    found = others.findall(text)
    if not found:
        return text
    if len(found) < len(text) * _SPARSE_FOLD_SHARE:
        return others.sub(_fold_replacement(), text)
    return text.translate(_fold_list())


@lru_cache(maxsize=1)
def _fold_replacement() -> Callable[[re.Match[str]], str]:
    """The regex callback that folds one matched character."""
    chars = {chr(cp): mapped for cp, mapped in _fold_table().items()}
    get = chars.get

    def replace(m: re.Match[str]) -> str:
        ch = m.group()
        return get(ch, ch)  # an astral character the table lacks stays

    return replace


def fold_lines(lines: list[str]) -> list[str]:
    """``[fold(line) for line in lines]``, for lines holding no "\\n", in one call: a
    page's ~100 lines folded at once cost a third of folding them one by one. The
    fold maps each character to one character and nothing to "\\n"."""
    return fold("\n".join(lines)).split("\n") if lines else []


def to_simplified(text: str) -> str:
    """Traditional → Simplified, character by character (labels stay as written)."""
    return text.translate(ts_table())


_CJK = r"\u3400-\u4dbf\u4e00-\u9fff"
# A run of spaces with CJK (or CJK punctuation) on one side and CJK, punctuation or a
# digit on the other. Written to open with the space class, so the regex engine scans
# for spaces; each side is then checked by a look-behind over the first space and the
# character before it (a pattern opening with a look-behind is tried at every
# character). A test compares it with the look-behind-first spelling.
# The punctuation counted as CJK here includes ASCII brackets and the percent and
# per-mille signs: a PDF text layer writes "（ 一 ）", "( 一 )" and "36.6% 和40% 。".
_CJK_PUNCT = "，。：；、（）“”《》()%‰"
_SPACE_BETWEEN_CJK = re.compile(rf"[ \t\u3000](?:(?<=[{_CJK}{_CJK_PUNCT}][ \t\u3000])[ \t\u3000]*(?=[{_CJK}\d{_CJK_PUNCT}])"
                                rf"|(?<=[{_CJK}\d][ \t\u3000])[ \t\u3000]*(?=[{_CJK}{_CJK_PUNCT}]))")


# a space a page or text layer put before a decimal point (同比下降2 .76%): the number is 2.76
_SPACE_BEFORE_DECIMALS = re.compile(r"(?<=\d)[ \t\u3000]+(?=\.\d)")


# a number grouped by thousands with a (thin) space, as GB/T 15835-2011 (出版物上数字用法) lets statistical
# bulletins print it (医疗卫生机构15 631个): written right after a word and followed by its unit, so that the
# cells of a table aligned by spaces (医院 12 345) and two numbers side by side (达到36 6) stay apart
# (spaces a page put between the word, the number and the unit are part of it: 医院 12 345 个 is read as 医院12 345个
# would be, so that squeezing twice gives what squeezing once does)
_THOUSANDS_BY_SPACE = re.compile(rf"(?<=[{_CJK}])[ \t\u3000]*\d{{1,3}}(?:[ \u00a0\u2009\u202f]\d{{3}})+[ \t\u3000]*(?=[{_CJK}])")
_GROUP_SPACES = re.compile(r"[ \t\u3000\u00a0\u2009\u202f]")
_GROUPED_DIGITS = re.compile(r"\d[ \u00a0\u2009\u202f]\d")  # the quick test: can a line hold such a number at all


def squeeze_cjk_spaces(line: str) -> str:
    """Drop stray spaces between CJK characters, CJK punctuation, brackets, % and digits,
    which web pages and PDF text layers insert (36.6% 和40% 。, ( 一 ) → 36.6%和40%。,
    (一)), before a decimal point (2 .76% → 2.76%) and between the thousands of a number
    set between a word and its unit (机构15 631个 → 15631个); spaces inside Latin text are
    kept. Numbers cannot change otherwise: a space between two digits stays."""
    if _GROUP_SPACES.search(line) is None:
        return line
    if "." in line:
        line = _SPACE_BEFORE_DECIMALS.sub("", line)
    if _GROUPED_DIGITS.search(line):
        line = _THOUSANDS_BY_SPACE.sub(lambda m: _GROUP_SPACES.sub("", m.group()), line)
    return _SPACE_BETWEEN_CJK.sub("", line)


@lru_cache(maxsize=1)
def _radical_table() -> dict[int, str]:
    """Kangxi radicals, CJK radical supplements and compatibility ideographs → the
    unified ideograph (NFKC). PDF text layers often map glyphs to these look-alike
    code points (⼈ U+2F08 for 人 U+4EBA)."""
    import json

    data = json.loads((Path(__file__).with_name("ingest") / "radicals.json").read_text(encoding="utf-8"))
    table = {ord(k): v for k, v in data["map"].items() if len(v) == 1}
    for lo, hi in ((0x2F00, 0x2FDF), (0xF900, 0xFAFF)):
        for cp in range(lo, hi + 1):
            n = unicodedata.normalize("NFKC", chr(cp))
            if len(n) == 1 and n != chr(cp):
                table[cp] = n
    return table


def repair_ideographs(text: str) -> str:
    """Replace look-alike radical and compatibility code points by the ideographs they
    stand for (same length)."""
    if _radical_ranges().search(text) is None:  # the usual case, tested at regex speed
        return text
    return text.translate(_radical_table())


@lru_cache(maxsize=1)
def _radical_ranges() -> re.Pattern[str]:
    """A character class of the code points the radical table covers."""
    return char_class(_radical_table())


def is_traditional(text: str) -> bool:
    """True when the text holds a Traditional form. The fold's class (which holds every
    Traditional character, among others it changes) finds candidates at ~8 ns a
    character; each is checked against the Traditional table."""
    table = ts_table()
    for m in _fold_parts()[1].finditer(text):
        if ord(m.group()) in table:
            return True
    return False


_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# the bracket first, then what precedes it: the engine skips to brackets instead of trying a lookbehind everywhere
_PINYIN_GLOSS = re.compile(rf"[（(](?<=[\u4e00-\u9fff][（(])(?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,7}}[）)]")


def drop_pinyin_glosses(text: str) -> str:
    """Remove pinyin glosses a mirror site writes after characters (经（jīng）开区（qū）→ 经开区):
    a bracket right after a character holding one syllable with a tone mark. Latin
    abbreviations (GPO), (PPP) carry no tone mark and stay."""
    if "（" not in text and "(" not in text:
        return text
    return _PINYIN_GLOSS.sub("", text)


# a comma written before another clause mark: 主办,,区…, 爱卫会,、番禺…, 活动,。
_COMMA_BEFORE_MARK = re.compile(r"[,，](?=[,，、。；;])")


def drop_doubled_commas(text: str) -> str:
    """Remove a comma that stands right before another clause mark (主办,,区 → 主办,区;
    爱卫会,、番禺区卫生健康局 → 爱卫会、番禺区卫生健康局; 活动,。→ 活动。). The mirror sites that
    gloss characters with pinyin write one before most marks, so a list of units reads as two
    clauses; no text means anything by a comma there."""
    return _COMMA_BEFORE_MARK.sub("", text)
