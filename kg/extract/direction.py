"""Which way a target moves, and from where (issue 23): 力争每年下降0.5 is a decrease,
由2020年的25%提高到30% an increase from a baseline of 25 in 2020, 保持在10/10万以下 a
keep. Read from the words just before a target's value in its clause; the cue words
are data (kg/extract/data/direction.json). Called on each target as it is made
(kg.extract.pipeline); sets Quantity.direction, .baseline, .baseline_year and marks a
yearly change (每年/年均/逐年) or a change against a baseline year (较2020年) relative."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.extract.model import Quantity

DATA = Path(__file__).resolve().parent / "data" / "direction.json"
DIRECTIONS = ("increase", "decrease", "keep")


@dataclass(frozen=True)
class _Cues:
    cue: re.Pattern[str]        # any cue word; group name = direction
    yearly: re.Pattern[str]
    baseline: re.Pattern[str]   # 由2020年的25%  / 从25% — just before the cue
    baseline_year: re.Pattern[str]  # 较2020年 / 比2020年 / 在2020年基础上
    window: int


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    d = json.loads(DATA.read_text(encoding="utf-8"))
    alts = []
    for name in DIRECTIONS:
        words = sorted(d[name], key=len, reverse=True)
        alts.append(f"(?P<{name}>" + "|".join(map(re.escape, words)) + ")")
    return _Cues(
        cue=re.compile("|".join(alts)),
        yearly=re.compile("|".join(map(re.escape, d["yearly"]))),
        baseline=re.compile(r"(?:由|从)(?:(?P<year>\d{4})\s*年(?:底|末)?(?:的)?)?(?P<val>\d+(?:\.\d+)?)\s*(?:%|‰|岁|/10万|个百分点)?\s*$"),
        baseline_year=re.compile(r"(?:较|比|与|相比)(?P<year>\d{4})\s*年|在(?P<year2>\d{4})\s*年(?:的)?(?:基础上|水平上)"),
        window=int(d["window"]),
    )


_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _value_at(clause: str, value: float) -> int:
    """Where the target's value is written in its clause (the last such number), or -1."""
    at = -1
    for m in _NUMBER.finditer(clause):
        try:
            if float(m.group()) == value:
                at = m.start()
        except ValueError:  # pragma: no cover - the pattern holds only numbers
            continue
    return at


def read_direction(text: str, q: Quantity) -> Quantity:
    """Set the direction (and the baseline, where written) of target ``q`` from ``text``
    (the document's text its offsets index). A target without a cue word before its
    value is left as it was."""
    if q.kind != "target":
        return q
    c = _cues()
    clause = text[q.start:q.end]
    at = _value_at(clause, q.value)
    if at < 0:
        return q
    before = clause[max(0, at - c.window):at]
    cues = list(c.cue.finditer(before))
    if not cues:
        return q
    cue = cues[-1]
    q.direction = cue.lastgroup or ""
    ahead = clause[:max(0, at - c.window) + cue.start()]
    near = ahead[-c.window:]
    if c.yearly.search(near):
        q.relative = True
    b = c.baseline.search(ahead)
    if b:
        q.baseline = float(b.group("val"))
        if b.group("year") and q.baseline_year is None:
            q.baseline_year = int(b.group("year"))
    y = c.baseline_year.search(near)
    if y and q.baseline_year is None:
        q.baseline_year = int(y.group("year") or y.group("year2"))
        q.relative = True
    return q
