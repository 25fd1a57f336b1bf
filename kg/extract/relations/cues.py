"""The words of responsibility clauses, loaded from ``extract/data/responsibility.json``.

Every rule of this package reads its cue words, labels and verbs from here, so that a
newcomer adds a wording in the data file, not in a regex in code.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.extract.active import ActiveData
from kg.paths import RESPONSIBILITY_DATA

DATA = RESPONSIBILITY_DATA


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=len, reverse=True))


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(map(re.escape, words))


_TRAILING_BRACKET = re.compile(r"[（(][^（）()]*[）)]$")


@dataclass(frozen=True)
class Handling:
    """How a text names the body that handles deputies' suggestions and members' proposals
    (responsibility.json "handling"), compiled once: the handling work (人大建议和政协提案办理工作),
    what follows a handling body (承办人大建议3件; 为代表建议的“承办单位”), and who never handles."""
    work: re.Pattern[str]      # groups items, work
    handles: re.Pattern[str]   # group verb
    titled: re.Pattern[str]    # group verb
    reviewers: tuple[str, ...]

    @classmethod
    def from_data(cls, h: dict) -> "Handling":
        suggestion, proposal = h["items"][:2]  # in the data's order: the suggestion's word, the proposal's
        items = _alternation(tuple(h["items"]))
        deputies, members = f"(?:{_alternation(_longest_first(h['deputies']))})", f"(?:{_alternation(_longest_first(h['members']))})"
        extras = f"(?:{_alternation(_longest_first(h['item_extras']))})?"
        verbs, titles = _alternation(_longest_first(h["verbs"])), _alternation(_longest_first(h["unit_titles"]))
        handled = (rf"(?:{deputies}?{suggestion}{extras}(?:(?:和|、|与|及)?{members}?{proposal})?"
                   rf"|{members}?{proposal})")
        # deputies' or members' items (人大建议) or counted ones (建议3件), not anyone's (专家建议) nor an event's (承办的…)
        counted = rf"(?:{items}){extras}(?:\d+|[一二两三四五六七八九十百]+)件"
        who = f"(?:{_alternation(_longest_first(h['deputies'] + h['members']))})"
        return cls(
            work=re.compile(rf"(?P<items>{handled})的?(?P<work>{_alternation(_longest_first(h['work']))})"),
            handles=re.compile(rf"(?:共同|共|累计|今年)?(?P<verb>{verbs})了?(?:[^，。；的\n]{{0,6}}?{who}(?:{items})|{counted})"),
            titled=re.compile(rf"为[^，。；\n]{{0,10}}?(?:{items})[^，。；\n]{{0,4}}?“?(?P<verb>{titles})"),
            reviewers=_longest_first(h["reviewers"]))


@dataclass(frozen=True)
class Duties:
    """The words of a division of duties written item by item (responsibility.json "duties";
    relations/duties), compiled once."""

    charge: re.Pattern[str]           # 负责, after the qualifiers that may stand before it (根据各自职责)
    oversight_verbs: tuple[str, ...]  # 负责监督管理X: the duty is X, overseen
    scope_openings: tuple[str, ...]   # 负责辖区内的X: where, not what
    list_openers: re.Pattern[str]     # 应当履行下列职责：: a remit set out as items
    list_modals: tuple[str, ...]      # 应当, 应, 要: between the body and the opener
    heads: tuple[str, ...]            # what a duty's phrase ends with (工作, 监督管理, 防制工作 …)
    roll_intro: re.Pattern[str]       # 有关部门血防监测工作职责: the work a roll of bodies divides
    roll_title: re.Pattern[str]       # 关于建立…定点联系制度的通知: the work a notice's title names
    roll_min_lines: int = 3           # a roll has at least so many lines

    @classmethod
    def from_data(cls, d: dict) -> "Duties":
        return cls(charge=re.compile(rf"(?:{_alternation(_longest_first(d['qualifiers']))})?(?:{_alternation(_longest_first(d['verbs']))})"),
                   oversight_verbs=_longest_first(d["oversight_verbs"]),
                   scope_openings=_longest_first(d["scope_openings"]),
                   list_openers=re.compile(rf"(?:{_alternation(_longest_first(d['list_openers']))})[：:]"),
                   list_modals=_longest_first(d["list_modals"]), heads=_longest_first(d["heads"]),
                   roll_intro=re.compile(rf"(?:{_alternation(_longest_first(d['roll_intro_units']))})"
                                         rf"(?P<work>[\u4e00-\u9fff“”]{{2,24}}?(?:{_alternation(_longest_first(d['roll_work_heads']))}))的?职责"),
                   roll_title=re.compile(rf"关于(?:{_alternation(_longest_first(d['roll_title_verbs']))})"
                                         rf"(?P<work>[\u4e00-\u9fff“”]{{2,30}}?(?:{_alternation(_longest_first(d['roll_work_heads']))}))的通知$"),
                   roll_min_lines=int(d["roll_min_lines"]))


def _organised_re(d: dict) -> re.Pattern[str]:
    """What follows a list of organised bodies: its tail (等医疗卫生单位), a comma, where they act
    (在花灯广场, 分别到…), the verb and 了: the program follows."""
    heads, places, verbs = (_alternation(_longest_first(d[k])) for k in ("list_heads", "places", "act_verbs"))
    return re.compile(rf"(?P<tail>等[^，。；、在到]{{0,8}}?(?:{heads}))?，?(?:(?:{places})[^，。；：\n]{{1,40}}?)??(?P<verb>{verbs})了?")


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: caches key on the object
class Cues:
    """Labels, verbs and notes of responsibility clauses."""

    lead_labels: tuple[str, ...]
    joint_labels: tuple[str, ...]
    support_labels: tuple[str, ...]
    lead_verbs: tuple[str, ...]
    support_verbs: tuple[str, ...]
    joint_verbs: tuple[str, ...]
    list_tails: tuple[str, ...]
    generic_units: frozenset[str]
    generic_endings: tuple[str, ...]
    generic_openings: tuple[str, ...]         # 相关市人民政府: whichever are concerned
    office_endings: tuple[str, ...]           # 委机关各处局: a body's own offices, each
    timing_words: tuple[str, ...]
    timing_endings: tuple[str, ...]
    timing_labels: tuple[str, ...]            # 完成时限：…: a clause's time column
    first_is_lead: tuple[str, ...]
    standing_openings: tuple[str, ...]
    standing_closings: tuple[str, ...]
    lead_is: tuple[str, ...]
    by_lead_verbs: tuple[str, ...]
    paired_lead_verbs: dict[str, tuple[str, ...]]  # 由A承办，B协办: a lead verb only with its pair after it
    task_opening_verbs: tuple[str, ...]       # 完善…，由A负责: a task named by its opening phrase opens with a verb
    generic_tasks: tuple[str, ...]            # 抓好落实: an object that names no task
    task_body_heads: tuple[str, ...]          # 医疗救治组: a group, not a task
    discourse_markers: tuple[str, ...]        # 例如，X，由A负责: passed over before the task
    task_list_openers: tuple[str, ...]        # 由A牵头，分别是X；Y: the tasks A was given follow
    joint_charge_verbs: tuple[str, ...]       # A、B等分工负责X；Y: every unit leads every task
    partner_verbs: tuple[str, ...]
    lead_verb_objects: tuple[str, ...]
    subject_lead_verbs: tuple[str, ...]       # A负责… / A要…: the subject of a measure's sentence leads it
    subject_modal_verbs: tuple[str, ...]      # A要… / A应当…: an obligation, weaker than A负责…
    subject_support_objects: tuple[str, ...]  # A负责提供技术支持: what a supporting subject does
    assisted_by_endings: tuple[str, ...]      # 在A的协助下: A supports
    assisting_verbs: tuple[str, ...]          # A配合B开展X: B leads X, A supports it
    short_partner_verbs: tuple[str, ...]      # A同B开展X: a partner verb only right after a body
    organiser_verbs: tuple[str, ...]          # 由A联合开展/主办的X: A leads the event X
    organiser_support_verbs: tuple[str, ...]  # …，B承办的X: B supports it
    organised_event_heads: tuple[str, ...]    # what an organised event's name ends with (活动, 大赛 …)
    actor_verbs: tuple[str, ...]              # A实施/开展/启动 X in news: A leads X
    actor_adverbs: tuple[str, ...]            # what may stand between A and its verb (大力, 积极 …)
    actor_list_heads: tuple[str, ...]         # A、B等十多家单位开展X: what closes a list of actors
    actor_place_endings: tuple[str, ...]      # A在新天广场开展X: what ends the place they acted in
    actor_frames: tuple[str, ...]             # 围绕/按照 … A实施X: a directive followed, no actor
    actor_time_words: tuple[str, ...]         # A今年3月至11月在全国范围内开展X: when, before the dates
    means_frame_nouns: tuple[str, ...]        # 以X为契机/抓手: X the occasion or means, not the work
    role_endings: tuple[str, ...]             # a clause ending so gives a unit a role (区爱卫办指导), not a task
    remit_founding_verbs: tuple[str, ...]     # 成立A，负责…: the verbs that set a body up
    remit_charge_words: tuple[str, ...]       # …，(具体)负责…: what opens its remit
    joint_organiser_verbs: tuple[str, ...]    # A、B联合开展/举办 X: what bodies do together
    joint_decision_words: tuple[str, ...]     # A、B决定/确定联合…: between the bodies and 联合
    consortia: dict[str, tuple[str, ...]]  # the words of consortium roles and member lists, in the order written
    host_verbs: tuple[str, ...] = ()          # A主办，C承办 … X: the hosts lead the event
    host_support_verbs: tuple[str, ...] = ()  # …，C承办/协办: the units that host it for them support it
    host_guide_verbs: tuple[str, ...] = ()  # 由A指导，B主办: units that guide the event, given nothing
    event_anaphors: tuple[str, ...] = ()      # 本次大会由A主办: the event the text named before
    host_roles: tuple[tuple[str, str], ...] = ()  # A作为活动主办单位: (role noun, lead | support), longest first
    host_role_events: tuple[str, ...] = ()    # 作为活动主办单位: the kinds of event a role is named of
    participation: dict[str, tuple[str, ...]] | None = None  # C、D等单位共同参与。: those who came support it
    drafting_verbs: tuple[str, ...] = ()      # A、B联合制定了《X方案》: the drafters lead X
    drafting_frames: tuple[str, ...] = ()     # A根据有关要求联合制定了: where the units end
    drafting_first_person: tuple[str, ...] = ()  # 我们制定了《X方案》: the notice's issuing formula, not read
    drafted_plan_kinds: tuple[str, ...] = ()  # 实施方案, 应急预案: what a plan's title ends with
    drafted_rule_kinds: tuple[str, ...] = ()  # 办法, 规定: a document of rules sets out no program
    handling: Handling | None = None          # A承办人大建议3件: the body that handles suggestions (relations/handling)
    duties: Duties | None = None              # （一）A负责X: a division of duties, item by item (relations/duties)
    part_verbs: tuple[str, ...] = ()          # X包含/包括 A、B、C: what X is made of
    part_counted_kinds: tuple[str, ...] = ()  # …6个项目, 等五大行动: a count saying every item is one
    organised: re.Pattern[str] | None = None  # A组织B、C等单位在…开展X: what follows the organised bodies (relations/organised)
    organising_verbs: tuple[str, ...] = ()    # 组织, 牵头组织
    organised_partner_verbs: tuple[str, ...] = ()  # …联合D、E等部门: partners after the organised list

    source: str = ""  # the JSON text it was read from (what a component saves)

    @classmethod
    def load(cls, path: Path = DATA) -> "Cues":
        return cls.from_json(path.read_text(encoding="utf-8"))

    @classmethod
    def from_json(cls, text: str) -> "Cues":
        raw = json.loads(text)
        labels, prose, standing = raw["labels"], raw["prose"], raw["standing_units"]
        return cls(
            lead_labels=_longest_first(labels["lead"]), joint_labels=_longest_first(labels["joint"]),
            support_labels=_longest_first(labels["support"]), lead_verbs=_longest_first(raw["lead_verbs"]),
            support_verbs=_longest_first(raw["support_verbs"]), joint_verbs=_longest_first(raw["joint_verbs"]),
            list_tails=_longest_first(raw["list_tails"]), generic_units=frozenset(raw["generic_units"]),
            generic_endings=_longest_first(raw["generic_endings"]),
            generic_openings=_longest_first(raw["generic_openings"]), office_endings=_longest_first(raw["office_endings"]), timing_words=_longest_first(raw["timing"]["words"]),
            timing_endings=_longest_first(raw["timing"]["endings"]),
            timing_labels=_longest_first(raw["timing"]["labels"]),
            first_is_lead=_longest_first(raw["first_is_lead"]), standing_openings=_longest_first(standing["opening"]),
            standing_closings=_longest_first(standing["closing"]), lead_is=_longest_first(prose["lead_is"]),
            by_lead_verbs=_longest_first(prose["by_lead_verbs"]),
            paired_lead_verbs={k: tuple(v) for k, v in prose["paired_lead_verbs"].items()},
            task_opening_verbs=_longest_first(prose["task_opening_verbs"]),
            generic_tasks=_longest_first(prose["generic_tasks"]),
            task_body_heads=_longest_first(prose["task_body_heads"]),
            discourse_markers=_longest_first(prose["discourse_markers"]),
            task_list_openers=_longest_first(prose["task_list_openers"]),
            joint_charge_verbs=_longest_first(prose["joint_charge_verbs"]),
            partner_verbs=_longest_first(prose["partner_verbs"]),
            lead_verb_objects=_longest_first(prose["lead_verb_objects"]),
            subject_lead_verbs=_longest_first(prose["subject_lead_verbs"]),
            subject_modal_verbs=_longest_first(prose["subject_modal_verbs"]),
            subject_support_objects=_longest_first(prose["subject_support_objects"]),
            assisted_by_endings=_longest_first(prose["assisted_by_endings"]),
            assisting_verbs=_longest_first(prose["assisting_verbs"]),
            short_partner_verbs=_longest_first(prose["short_partner_verbs"]),
            organiser_verbs=_longest_first(prose["organiser_verbs"]),
            organiser_support_verbs=_longest_first(prose["organiser_support_verbs"]),
            organised_event_heads=_longest_first(prose["organised_event_heads"]),
            actor_verbs=_longest_first(prose["actor_verbs"]),
            actor_adverbs=_longest_first(prose["actor_adverbs"]),
            actor_list_heads=_longest_first(prose["actor_list_heads"]),
            actor_place_endings=_longest_first(prose["actor_place_endings"]),
            actor_frames=_longest_first(prose["actor_frames"]),
            actor_time_words=_longest_first(prose["actor_time_words"]),
            means_frame_nouns=_longest_first(prose["means_frame_nouns"]),
            role_endings=_longest_first(raw["lead_verbs"] + raw["support_verbs"] + prose["role_verbs"]),
            remit_founding_verbs=_longest_first(prose["remit_founding_verbs"]),
            remit_charge_words=_longest_first(prose["remit_charge_words"]),
            joint_organiser_verbs=_longest_first(prose["joint_organiser_verbs"]),
            joint_decision_words=_longest_first(prose["joint_decision_words"]),
            consortia={k: tuple(v) for k, v in raw["consortia"].items() if not k.startswith("_")},
            host_verbs=_longest_first(raw["hosting"]["verbs"]),
            host_support_verbs=_longest_first(raw["hosting"]["support_verbs"]),
            host_guide_verbs=_longest_first(raw["hosting"]["guide_verbs"]),
            event_anaphors=_longest_first(raw["hosting"]["event_anaphors"]),
            host_role_events=tuple(raw["hosting"]["role_events"]),
            host_roles=tuple(sorted([(w, "lead") for w in raw["hosting"]["lead_roles"]]
                                    + [(w, "support") for w in raw["hosting"]["support_roles"]], key=lambda x: -len(x[0]))),
            participation={k: tuple(v) for k, v in raw["participation"].items() if not k.startswith("_")},
            drafting_verbs=_longest_first(raw["drafting"]["verbs"]),
            drafting_frames=tuple(raw["drafting"]["frames"]),
            drafting_first_person=_longest_first(raw["drafting"]["first_person"]),
            drafted_plan_kinds=_longest_first(raw["drafting"]["plan_kinds"]),
            drafted_rule_kinds=_longest_first(raw["drafting"]["rule_kinds"]),
            handling=Handling.from_data(raw["handling"]),
            duties=Duties.from_data(raw["duties"]),
            part_verbs=_longest_first(raw["parts"]["verbs"]), part_counted_kinds=_longest_first(raw["parts"]["counted_kinds"]),
            organised=_organised_re(raw["organised"]), organising_verbs=_longest_first(raw["organised"]["verbs"]),
            organised_partner_verbs=_longest_first(raw["organised"]["partner_verbs"]),
            source=text)

    def is_generic(self, name: str, collective_prefixes: tuple[str, ...] = ()) -> bool:
        """A unit that names no one body: 相关部门, 市级成员单位, 各设区市人民政府 (but a
        collective such as 各街镇 is one end of a relation; 各乡镇人民政府, one government per
        area, is none)."""
        if name in self.generic_units or name.endswith(self.generic_endings):
            return True
        if name.startswith(self.generic_openings):
            return True  # 相关市人民政府, 有关县区: whichever are concerned, no one body
        bare = _TRAILING_BRACKET.sub("", name)  # 各镇人民政府（街道办事处）, 各县（市、区）政府（管委会）
        if name.startswith("各") and bare.endswith("政府"):
            return True
        if "各" in name[1:] and bare.endswith(self.office_endings):
            return True  # 委机关各处局, 省计生协机关各部(室): a body's own offices, each of them, no one unit
        return name.startswith("各") and not name.startswith(collective_prefixes)

    def last_event_head_end(self, text: str) -> int:
        """Where the last event head in ``text`` ends (…主题活动), or -1."""
        ends = [i + len(h) for h in self.organised_event_heads for i in [text.rfind(h)] if i >= 0]
        return max(ends) if ends else -1

    def is_timing(self, segment: str) -> bool:
        """A clause segment that says when, not who (12月底前完成, 长期坚持)."""
        seg = segment.strip()
        if not seg or seg in self.timing_words:
            return True
        for label in self.timing_labels:
            if seg.startswith(label) and seg[len(label):len(label) + 1] in "：:":
                return True  # 完成时限：2024年12月: the time column of a labelled clause
        return bool(re.search(r"\d|[一二三四五六七八九十]月|年", seg)) and seg.endswith(self.timing_endings) and len(seg) <= 16

    @property
    def labels(self) -> tuple[str, ...]:
        return _longest_first(list(self.lead_labels + self.joint_labels + self.support_labels))

    def label_kind(self, label: str) -> str:
        """lead, joint or support."""
        if label in self.lead_labels:
            return "lead"
        return "joint" if label in self.joint_labels else "support"

    @property
    def label_re(self) -> re.Pattern[str]:
        """A label and its colon (（牵头单位：, 责任单位:)."""
        return _label_re(self)

    @property
    def any_cue_re(self) -> re.Pattern[str]:
        """Any word that can make a bracketed group a responsibility clause."""
        return _any_cue_re(self)


@lru_cache(maxsize=4)
def _label_re(cues: Cues) -> re.Pattern[str]:
    return re.compile(r"(" + _alternation(cues.labels) + r")\s*[：:]")


@lru_cache(maxsize=4)
def _any_cue_re(cues: Cues) -> re.Pattern[str]:
    words = _longest_first(list(cues.labels + cues.lead_verbs + cues.support_verbs + cues.joint_verbs))
    return re.compile(_alternation(words))


ACTIVE_CUES: ActiveData[Cues] = ActiveData("hg_cues", Cues.load)


def cues() -> Cues:
    """The cues of the component running (kg.extract.active), else the package's."""
    return ACTIVE_CUES.get()
