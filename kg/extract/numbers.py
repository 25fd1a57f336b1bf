"""Chinese and Arabic numerals."""
from __future__ import annotations

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千"


def parse_cn(text: str) -> int | None:
    """十六 → 16, 两 → 2, 一千三百 → 1300, 二〇二二 → 2022 (digit by digit). None if not a numeral."""
    if not text or any(c not in CN_NUMERAL_CHARS for c in text):
        return None
    if not any(c in _UNITS for c in text):
        n = 0
        for c in text:
            n = n * 10 + _DIGITS[c]
        return n
    total, current = 0, 0
    for c in text:
        if c in _DIGITS:
            current = _DIGITS[c]
        else:
            unit = _UNITS[c]
            total += (current or 1) * unit
            current = 0
    return total + current


def parse_number(text: str) -> float | None:
    """A number written in Arabic digits (with , separators) or Chinese numerals."""
    t = text.replace(",", "").replace("，", "").strip()
    try:
        return float(t)
    except ValueError:
        pass
    n = parse_cn(t)
    return float(n) if n is not None else None
