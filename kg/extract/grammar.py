"""The name grammar of Chinese official text, loaded from ``data/grammar.json``."""
from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import ahocorasick_rs

from kg.lexicon import PrefixWords, automaton, compile_words
from kg.textnorm import class_ranges

DATA = Path(__file__).with_name("data") / "grammar.json"
# what names are written in: CJK ideographs, ASCII letters and digits, + - ·
_NAME_CODE_POINTS = frozenset([*range(0x3400, 0xA000), *range(0x30, 0x3A), *range(0x41, 0x5B), *range(0x61, 0x7B),
                               ord("+"), ord("-"), ord("·")])
_COUNT = re.compile(r"\d+[个家名项所座例]|[一二三四五六七八九十两]+[个家名项所座大例]")


_CJK_RUN = "[\u3400-\u9fff]"


@dataclass(frozen=True)
class Divisions:
    """What a body's division named after it looks like (grammar.json "divisions")."""
    division: re.Pattern[str]          # 2 to 10 characters ending in 司/处/科, no title or verb after the head
    commission_bureau: re.Pattern[str]  # a commission's bureau: 2 to 8 characters ending in 局
    not_inside: re.Pattern[str]
    not_opening: tuple[str, ...]
    verbs_before_head: tuple[str, ...]

    @classmethod
    def from_data(cls, d: dict) -> "Divisions":
        after = "(?![" + re.escape(d["not_after_head"]) + "])"
        heads = "|".join(map(re.escape, d["heads"]))
        bureaus = "|".join(map(re.escape, d["commission_heads"]))
        return cls(re.compile(f"{_CJK_RUN}{{2,10}}?(?:{heads}){after}"),
                   re.compile(f"{_CJK_RUN}{{2,8}}?(?:{bureaus})(?![长员])"),
                   re.compile("[" + re.escape(d["not_inside"]) + "]"),
                   tuple(sorted(d["not_opening"], key=len, reverse=True)),
                   tuple(d["verbs_before_head"]))


@dataclass
class Grammar:
    raw: dict
    path: Path

    def __post_init__(self) -> None:
        g = self.raw
        self.stop_chars = set(g["stop_chars"])
        self.boundary_words = set(g["boundary_words"])
        self._boundary_automaton = automaton(sorted(self.boundary_words), whole_text=True,
                                             matchkind=ahocorasick_rs.MATCHKIND_STANDARD)
        # words that hold a boundary word but are none (普及, 涉及): (word, the offsets in it where
        # a boundary word would end), so those ends are not taken as a name's left edge
        self._unbroken = tuple((w, tuple(i + len(b) for b in self.boundary_words for i in range(len(w)) if w.startswith(b, i)))
                               for w in g.get("unbroken_words", []))
        # per text: (text, every offset where a boundary word ends, the same sorted)
        self._boundary_cache: list[tuple[str, frozenset[int], list[int]]] = []
        # the last character before endpos that ends a name: one not written in names,
        # or a stop character (".*" runs to endpos and backs off to it: linear)
        self._last_name_break = re.compile(f"(?s:.*)[^{class_ranges(_NAME_CODE_POINTS - set(map(ord, self.stop_chars)))}]")
        self.scope_prefixes = sorted(g["scope_prefixes"], key=len, reverse=True)
        self.hospital_suffix = compile_words(tuple(g["hospital_suffixes"]), whole_text=True)
        self.hospital_generic = set(g["hospital_generic"])
        self.hospital_type_words = set(g["hospital_type_words"])
        self.hospital_role_endings = tuple(g["hospital_role_endings"]["words"])
        # word lists that names are peeled against
        self.hospital_type_prefixes = PrefixWords(self.hospital_type_words)
        # a kind of hospital and nothing more (中医院, 人民医院, 妇幼保健站): no name of its own
        self.hospital_kind_alone = re.compile(
            "(?:" + "|".join(map(re.escape, sorted(self.hospital_type_words, key=len, reverse=True))) + ")?(?:"
            + "|".join(map(re.escape, sorted(g["hospital_suffixes"], key=len, reverse=True))) + ")")
        self.hospital_kind_prefixes = PrefixWords(self.hospital_generic | self.hospital_type_words)
        self.consortium_suffix = compile_words(tuple(g["consortium_suffixes"]), whole_text=True)
        self.consortium_suffixes = tuple(sorted(g["consortium_suffixes"], key=len, reverse=True))
        self.consortium_generic = set(g["consortium_generic"])
        self.divisions = Divisions.from_data(g["divisions"])
        self.consortium_member_words = tuple(g["consortium_member_words"]["words"])
        groups = g["remit_groups"]
        self.remit_group_heads = re.compile("|".join(map(re.escape, sorted(groups["heads"], key=len, reverse=True))))
        self.remit_group_min_remit = int(groups["min_remit"])
        self.remit_group_not_openers = tuple(groups["not_openers"])
        self.remit_group_verbs = tuple(groups["verbs"])
        self.remit_group_quantifiers = tuple(groups["quantifiers"])
        self.remit_group_not_first = groups["not_first"]
        sets = g["counted_sets"]
        self.counted_set_deictic = sets["deictic"]
        self.counted_set_not_topic_endings = tuple(sets["not_topic_endings"])
        self.counted_set_not_topic = frozenset(sets["not_topic"])
        self.consortium_kinds_of_a_region = {k: frozenset(v) for k, v in g["consortium_kinds_of_a_region"]["kinds"].items()}
        self.consortium_kind_works = tuple(g["consortium_kinds_of_a_region"]["not_before"])
        self.consortium_ceremonies = tuple(sorted(g["consortium_ceremonies"], key=len, reverse=True))
        self.alliance_endings = tuple(g["medical_alliances"]["alliance_endings"])
        self.launch_ceremonies = tuple(sorted(g["launch_ceremonies"], key=len, reverse=True))
        self.hospital_group_suffixes = tuple(sorted(g["hospital_group_suffixes"], key=len, reverse=True))
        self.alliance_medical_words = tuple(g["medical_alliances"]["medical_words"])
        self.generic_org_prefixes = PrefixWords(self.consortium_generic | self.hospital_generic)
        self.program_head = compile_words(tuple(g["program_heads"]), whole_text=True)
        self.program_generic = set(g["program_generic"])
        self.program_generic_prefixes = PrefixWords(self.program_generic)
        self.program_generic_cores = frozenset(g["program_generic_cores"]["words"])
        self.program_generic_core_heads = frozenset(g["program_generic_cores"]["heads"])
        self.quoted_heads = tuple(sorted(g["quoted_program_heads"], key=len, reverse=True))
        self.quoted_concepts = tuple(g["quoted_concept_suffixes"])
        self.quoted_modifier_endings = tuple(g["quoted_modifiers"]["endings"])
        self.quoted_modifier_length = int(g["quoted_modifiers"]["max_length"])
        self.quoted_modifier_openings = tuple(g["quoted_modifiers"]["openings"])
        self.listed_action_endings = tuple(g["listed_action_endings"]["words"])
        self.doc_number_lead_ins = tuple(g["doc_number_lead_ins"]["words"])
        self.listed_action_openers = tuple(sorted(g["listed_action_endings"]["openers"], key=len, reverse=True))
        after = g["bureau_word_after"]
        words = []
        for w in after["words"]:  # 面 but not 面向: each word, and what may not follow it
            unless = after["not_before"].get(w, [])
            words.append(re.escape(w) + (f"(?!{'|'.join(map(re.escape, unless))})" if unless else ""))
        self.bureau_word_after = re.compile("|".join(words))
        self.quoted_trailing = compile_words(tuple(g["quoted_trailing_heads"]))
        self.headline_body = re.compile("|".join(map(re.escape, sorted(g["headline_body_endings"], key=len, reverse=True))))
        self.event_periods = tuple(g["event_periods"])
        self.period_cores = frozenset(g["period_cores"])
        self.organiser_headings = frozenset(g["organiser_headings"])
        self.event_trailers = tuple(sorted(g["event_trailers"], key=len, reverse=True))
        joined = g["joined_events"]
        self.joiner = joined["joiner"]
        self.joined_openers = tuple(sorted(joined["openers"], key=len, reverse=True))
        self.joined_heads = tuple(sorted(joined["heads"], key=len, reverse=True))
        self.joined_body_endings = tuple(joined["body_endings"])
        launched = g["launched_events"]
        self.launch_verbs = tuple(sorted(launched["verbs"], key=len, reverse=True))
        self.date_clauses = frozenset(launched["date_clauses"])
        self.launch_sentence_verbs = tuple(launched["sentence_verbs"])
        days = g["named_day_events"]
        self.named_day_event = re.compile(  # 世界无烟日宣传活动: a named day's event, the day with the event's head
            rf"(?:{'|'.join(map(re.escape, days['openers']))})[\u4e00-\u9fff]{{1,8}}?[日节]”?"
            rf"(?:{'|'.join(map(re.escape, sorted(days['heads'], key=len, reverse=True)))})")
        self.theme_markers = tuple(g["theme_markers"])
        law = g["law_events"]
        self.law_event = re.compile(rf"《[^《》\n]{{1,30}}(?:{'|'.join(map(re.escape, law['kinds']))})》"
                                    rf"(?:{'|'.join(map(re.escape, sorted(law['heads'], key=len, reverse=True)))})"
                                    rf"(?:{'|'.join(map(re.escape, law['openings']))})?")
        acted = g["quoted_action_verbs"]
        self.quoted_action_before = tuple(sorted(acted["before"], key=len, reverse=True))
        self.quoted_action_after = tuple(sorted(acted["after"], key=len, reverse=True))
        self.quoted_action_reach = int(acted["reach_before"])
        self.policy_heads = tuple(sorted(g["policy_heads"], key=len, reverse=True))
        self.agreement_heads = tuple(g["agreement_heads"])
        self.issuing_verbs = tuple(g["issuing_verbs"])
        self.list_nouns = tuple(g["department_list_nouns"])
        self.prefixed_short_bodies = frozenset(g["prefixed_short_bodies"])
        self.title_issuer_end = g["title_issuers"]["end"]
        self.title_issuer_separators = frozenset(g["title_issuers"]["separators"])
        # 工会、团委、妇联等: a list of nothing but those short names (a table's cell, no noun after 等)
        shorts = "|".join(map(re.escape, sorted(self.prefixed_short_bodies, key=len, reverse=True)))
        self.short_body_list = re.compile(rf"(?<![\u4e00-\u9fff])((?:(?:{shorts})[、和])+(?:{shorts}))(?=等|[，。；\s]|$)")
        self.company_suffixes = tuple(g["company_suffixes"])
        self.other_unit_endings = tuple(g["other_unit_endings"])
        self.collective_prefixes = tuple(sorted(g["collective_prefixes"], key=len, reverse=True))
        self.list_verbs = tuple(sorted(g.get("program_list_verbs", []), key=len, reverse=True))
        self.plan_list_verbs = frozenset(g["program_plan_list_verbs"]["verbs"])
        # what may follow a name's head: a function word, an adverb or a verb (tuples, so
        # str.startswith tests them all in one call)
        self.right_ok = tuple(g.get("right_ok_words", [])) + tuple(w for w in self.boundary_words if len(w) >= 2)
        inside = g["region_in_names"]
        ordinal = r"(?:第[一二三四五六七八九十\d]{1,3})?"
        self.region_in_name_after = re.compile(rf"[\u4e00-\u9fff]{{0,{int(inside['max_between'])}}}{ordinal}(?:"
                                               + "|".join(map(re.escape, sorted(inside["name_endings"], key=len, reverse=True))) + ")")
        self.dateline_after = re.compile(r"(?:\d{1,2}月\d{1,2}日)?(?:" + "|".join(map(re.escape, inside["dateline_after"])) + ")")
        acted = g["title_actions"]
        self.title_action_openers = tuple(acted["openers"])
        self.title_action_endings = tuple(acted["endings"])
        self.title_action_adverbs = tuple(acted["adverbs"])
        # what a news headline's verb opens with after its region (甘肃省建成…, 新疆启动实施…)
        self.headline_openers = tuple(sorted(self.boundary_words)) + tuple(g["headline_verbs"]["words"])
        known = g.get("known_programs", {})
        # another wording of a known program -> the name it is read as (把健康融入所有政策 -> 将…)
        self.known_program_forms: dict[str, str] = dict(known.get("forms", {}))
        # a body's head right after a known name: the name is part of the body's (…建设工作领导小组)
        self.known_program_not_before = tuple(known.get("not_before", []))
        self.known_programs = compile_words(tuple(known.get("names", [])) + tuple(self.known_program_forms), whole_text=True)

    @classmethod
    def load(cls, path: Path = DATA) -> "Grammar":
        return cls(json.loads(path.read_text(encoding="utf-8")), path)

    def left_extend(self, text: str, head_start: int, floor: int = 0, max_len: int = 24) -> int:
        """Where a name ending in a head noun at ``head_start`` begins: scan left over
        name characters until a stop character, punctuation or a boundary word (a verb
        or function word that opens an object) — the usual left edge of a Chinese
        noun phrase. That is the rightmost of: the window's edge, the start of the run
        of name characters before ``head_start``, the last boundary word ending at or
        before it (one regex search and one bisection, not a test per character)."""
        lo = max(floor, head_start - max_len)
        i = head_start
        if head_start > lo:
            brk = self._last_name_break.match(text, lo, head_start)
            ends = self._boundary_index(text)[1]
            k = bisect.bisect_right(ends, head_start) - 1
            i = max(lo, brk.end() if brk else lo, ends[k] if k >= 0 else lo)
            while i > lo and brk is not None and brk.end() == i:
                # the break is the 及 of 普及: look further left, past the word
                w = next((w for w, _ in self._unbroken if text.endswith(w, 0, i)), None)
                if w is None:
                    break
                brk2 = self._last_name_break.match(text, lo, i - len(w))
                i2 = max(lo, brk2.end() if brk2 else lo, ends[k] if k >= 0 else lo)
                if i2 >= i - len(w):
                    break  # nothing of a name before it: 普及 is the verb (普及科学运动)
                brk, i = brk2, i2
        # A counted phrase ("20个重点…") is a quantity, not part of the name.
        for m in _COUNT.finditer(text, i, head_start):
            i = m.end()
        return i

    def boundary_before(self, text: str, i: int) -> bool:
        """Does a boundary word end at ``i``?"""
        return i in self._boundary_index(text)[0]

    def _boundary_index(self, text: str) -> tuple[frozenset[int], list[int]]:
        """Every offset where a boundary word ends, as a set and sorted, from one
        overlapping automaton pass; kept for the last texts asked about."""
        for cached_text, ends, ordered in self._boundary_cache:
            if cached_text is text or cached_text == text:
                return ends, ordered
        ends = {e for _, _, e in self._boundary_automaton.find_matches_as_indexes(text, overlapping=True)}
        for word, inner_ends in self._unbroken:  # 普及: its 及 is no "and" (健康知识普及行动)
            k = text.find(word)
            while k >= 0:
                ends.difference_update(k + e for e in inner_ends)
                k = text.find(word, k + 1)
        ends = frozenset(ends)
        ordered = sorted(ends)
        # the document and one short text (an issuer line, a title) asked in between
        self._boundary_cache = [(text, ends, ordered)] + self._boundary_cache[:1]
        return ends, ordered

    def strip_scope(self, name: str) -> str:
        """Drop leading scope words (新一轮, 全区 …) that are not part of a name."""
        changed = True
        while changed:
            changed = False
            for p in self.scope_prefixes:
                if name.startswith(p) and len(name) > len(p) + 2:
                    name = name[len(p):]
                    changed = True
        return name


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    return Grammar.load()
