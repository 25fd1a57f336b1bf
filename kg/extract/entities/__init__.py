"""Entity recognition by lexicon, suffix grammar and quotation conventions.

Works on the folded text (Simplified, Chinese punctuation) and returns mentions whose
offsets also index the original text. Each module of this package finds one kind of
name; :func:`find_entities` runs them and settles overlaps.
"""
from __future__ import annotations

from operator import itemgetter

from kg.extract.entities.common import TRAILING_PAREN, Context, strip_region_prefix
from kg.extract.entities.consortia import find_consortia
from kg.extract.entities.departments import find_departments, issuer_key
from kg.extract.entities.hospitals import find_hospitals
from kg.extract.entities.policies import find_policy_documents
from kg.extract.entities.programs import (
    find_programs,
    heading_programs,
    program_mention,
)
from kg.extract.entities.regions import find_regions, find_zones
from kg.extract.model import CONSORTIUM, DEPARTMENT, HOSPITAL, POLICY, REGION, Mention
from kg.spans import SpanIndex
from kg.names.regions import region_mentions

__all__ = ["Context", "find_entities", "heading_programs", "issuer_key", "program_mention"]


def find_entities(ctx: Context, own_number: str | None = None) -> tuple[list[Mention], list[tuple[Mention, Mention]]]:
    """All mentions of a document, and consortium memberships read from names."""
    ctx.regions_found = region_mentions(ctx.folded, ctx.doc_region, full=ctx.full_region_names)
    mentions: list[Mention] = []
    mentions += find_regions(ctx)
    mentions += find_zones(ctx)
    mentions += find_departments(ctx)
    hospitals = find_hospitals(ctx)
    consortia, members = find_consortia(ctx, hospitals)
    cspans = [(m.start, m.end) for m in consortia]
    # a hospital suffix inside a consortium name ("肿瘤医院-闵行") is still the hospital, but inside an
    # alliance named by what it does (“东北儿童医院发展联盟”) it is a description of its members, no hospital
    alliances = [(m.start, m.end) for m in consortia
                 if m.key.name.endswith(ctx.g.alliance_endings) and not m.key.name.endswith(ctx.g.consortium_suffixes)]
    hospitals = [h for h in hospitals if not any(a <= h.start and h.end < b for a, b in alliances)]
    mentions += hospitals + consortia
    policies = find_policy_documents(ctx, own_number)
    mentions += policies
    programs = find_programs(ctx, cspans)
    # programs inside 《titles》 and inside other names are not separate mentions
    # a program name inside an organisation's name (省爱国卫生运动委员会) is part of that name
    orgs = SpanIndex([m for m in mentions if m.key.type in (DEPARTMENT, HOSPITAL, CONSORTIUM)])
    programs = [p for p in programs if not any(o.start <= p.start and p.end <= o.end and (o.start, o.end) != (p.start, p.end)
                                               for o in orgs.starting_in(max(0, p.start - 40), p.start + 1))]
    mentions += programs
    # names inside a cited document's number or title belong to the citation; the bare title
    # line of the document itself (its own number's alias) is no citation: its names are the text's
    cited = SpanIndex([(p.start, p.end) for p in policies
                       if not (ctx.title and ctx.folded[p.start:p.end] == ctx.title) and not _names_its_parties(ctx, p)],
                      start=itemgetter(0), end=itemgetter(1))

    def inside_citation(m: Mention) -> bool:
        return any((a, b) != (m.start, m.end) for a, b in cited.starting_in(max(0, m.start - 80), m.start + 1) if b >= m.end)

    issuers = _title_issuers(ctx, policies, [m for m in mentions if m.key.type == DEPARTMENT])
    mentions = [m for m in mentions if m.key.type in (POLICY, REGION) or id(m) in issuers or not inside_citation(m)]
    return _dedupe(_regions_named_as_regions(ctx, mentions)), members


def _names_its_parties(ctx: Context, policy: Mention) -> bool:
    """An agreement's 《title》 (…合作协议, …框架协议书, …合作备忘录): the bodies, hospitals and
    consortia written in it are its parties, names of the text as much as of the citation."""
    title = ctx.folded[policy.start:policy.end]
    return title.startswith("《") and TRAILING_PAREN.sub("", title[1:-1]).strip().endswith(ctx.g.agreement_heads)


def _title_issuers(ctx: Context, policies: list[Mention], departments: list[Mention]) -> set[int]:
    """The bodies a cited title names as its issuers: 《国务院关于实施健康中国行动的意见》,
    《中共中央 国务院关于…》, 《省人民政府办公厅关于印发…的通知》. The title's words before 关于 are its
    issuers; they are bodies only where body names and the separators between them (a space, 、, 和)
    fill them whole, so 《国务院办公厅转发卫生计生委等部门关于…》 names none (转发 … 等部门 is no name)."""
    by_start = SpanIndex(departments)
    out: set[int] = set()  # the ids of the mentions (a Mention is no hashable value)
    for p in policies:
        title = ctx.folded[p.start:p.end]
        cut = title.find(ctx.g.title_issuer_end)
        if not title.startswith("《") or cut < 3:
            continue
        pos, end, found = p.start + 1, p.start + cut, []
        while pos < end:
            if ctx.folded[pos] in ctx.g.title_issuer_separators:
                pos += 1
                continue
            body = max((m for m in by_start.starting_at(pos) if m.end <= end), key=lambda m: m.end, default=None)
            if body is None:
                break
            found.append(body)
            pos = body.end
        if pos >= end and found:
            out.update(map(id, found))
    return out


def _regions_named_as_regions(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """A region the text names only inside other names (遵义市 of 遵义市播州区第一小学, 余庆县
    of 余庆县人民医院) is not a region the text speaks of; the document's own region
    always is (its graph links to it)."""
    others = SpanIndex([m for m in mentions if m.key.type != REGION])
    reach = max((m.end - m.start for m in others.items), default=0)

    def nested(m: Mention) -> bool:
        return any(o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start)
                   for o in others.starting_in(max(0, m.start - reach), m.start + 1))

    def in_unread_name(m: Mention) -> bool:
        """遵义市 of 遵义市播州区第一小学 (a school, no entity here), 北京 of 新华网北京7月6日电."""
        pos, _ = strip_region_prefix(ctx, m.start, len(ctx.folded))  # past the regions written after it: 遵义市播州区…
        return bool(ctx.g.region_in_name_after.match(ctx.folded, pos) or ctx.g.dateline_after.match(ctx.folded, m.end))

    standalone = {m.key for m in mentions if m.key.type == REGION and not nested(m) and not in_unread_name(m)}
    own = ctx.doc_region.name if ctx.doc_region else None
    return [m for m in mentions if m.key.type != REGION or m.key in standalone or m.key.name == own]


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    seen = set()
    out = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end, m.key.type, m.key.name)):
        k = (m.start, m.end, m.key)
        if k in seen:
            continue
        seen.add(k)
        out.append(m)
    return out
