"""Where the explorer puts each node, and which labels it shows first.

One job: from the nodes and edges, positions (seeded, so the page is byte-identical for
the same graph), communities drawn as groups, a centrality rank and a label size per
node. Everything is computed here, before the page opens, in igraph's C core: Louvain
communities (``community_multilevel``), PageRank, and Fruchterman–Reingold inside each
community and between communities; the browser only draws.

Level of detail comes from vis-network itself: a label is drawn only when its size on
screen reaches ``scaling.label.drawThreshold``. The label sizes here are chosen so that
at the fitted zoom only the most central labels reach it (and those are moved apart so
they do not overlap); the rest reach it one tier at a time as the user zooms in.
"""
from __future__ import annotations

import math
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from kg.network import EdgeInfo, NodeInfo

CANVAS = (790, 900)     # the drawing area of the page at 1400×900 (the side columns are 270 and 340 px)
FIRST_LABELS = 20       # this many of the most central labels are legible at the fitted zoom
LEGIBLE_PX = 14         # their size on screen there (the page hides labels under 11 px)
TIER = 2.0              # each further tier of labels appears after zooming in this much more
NODE_SPACING = 55.0     # canvas units of side per sqrt(node) inside a community
# classes whose nodes are ranked for labels: organisations, programs and regions, not values
UNRANKED = {"Target", "Measurement", "PolicyDocument"}


@dataclass
class Group:
    """A community drawn as a circle behind its members."""

    id: int
    label: str
    x: float
    y: float
    r: float
    size: int


@dataclass
class Layout:
    pos: dict[str, tuple[float, float]] = field(default_factory=dict)
    community: dict[str, int] = field(default_factory=dict)
    rank: dict[str, int] = field(default_factory=dict)        # 0 = most central (ranked classes only)
    font: dict[str, float] = field(default_factory=dict)      # label size in canvas units
    size: dict[str, float] = field(default_factory=dict)      # node size in canvas units
    groups: list[Group] = field(default_factory=list)
    scale: float = 1.0                                        # the zoom at which the page fits the graph


def _fr(n: int, pairs: list[tuple[int, int]], rng: random.Random, weights: list[float] | None = None
        ) -> list[tuple[float, float]]:
    import igraph

    if n == 1:
        return [(0.0, 0.0)]
    g = igraph.Graph(n=n, edges=pairs)
    side = math.sqrt(n)
    seed = [[rng.uniform(-side, side), rng.uniform(-side, side)] for _ in range(n)]
    coords = g.layout_fruchterman_reingold(niter=300 if n < 2000 else 150, seed=seed, weights=weights,
                                           grid="auto" if n > 1000 else "nogrid").coords
    return [(c[0], c[1]) for c in coords]


def _normalise(coords: list[tuple[float, float]], radius: float) -> list[tuple[float, float]]:
    """Centre ``coords`` and scale them to fit a disc of ``radius`` (95th percentile, so
    a few far-flung leaves do not squeeze the rest)."""
    cx = sum(c[0] for c in coords) / len(coords)
    cy = sum(c[1] for c in coords) / len(coords)
    d = sorted(math.hypot(c[0] - cx, c[1] - cy) for c in coords)
    far = d[int(0.95 * (len(d) - 1))] or 1.0
    k = radius / far
    return [((c[0] - cx) * k, (c[1] - cy) * k) for c in coords]


def _separate(circles: list[list[float]], gap: float, rounds: int = 200) -> None:
    """Push overlapping circles [x, y, r] apart in place (a few hundred rounds over a few
    dozen communities), pulling all gently to the middle so the picture stays compact."""
    for k in range(rounds):
        moved = False
        for i in range(len(circles)):
            for j in range(i + 1, len(circles)):
                a, b = circles[i], circles[j]
                dx, dy = b[0] - a[0], b[1] - a[1]
                d = math.hypot(dx, dy) or 1e-6
                need = a[2] + b[2] + gap
                if d < need:
                    push = (need - d) / 2
                    ux, uy = (dx / d, dy / d) if d > 1e-6 else (1.0, 0.0)
                    wa, wb = b[2] / (a[2] + b[2]), a[2] / (a[2] + b[2])  # the small one moves more
                    a[0] -= ux * push * 2 * wa
                    a[1] -= uy * push * 2 * wa
                    b[0] += ux * push * 2 * wb
                    b[1] += uy * push * 2 * wb
                    moved = True
        if not moved:
            break
        if k < rounds // 4:  # pull only in the first quarter: the other rounds only separate
            for c in circles:
                c[0] *= 0.995
                c[1] *= 0.995


def _label_box(x: float, y: float, size: float, font: float, text: str) -> tuple[float, float, float, float]:
    """The box vis-network draws a label in under a dot-like shape (CJK glyphs ≈ 1 em wide)."""
    w = font * max(1, len(text)) * 1.0 + font * 0.4
    top = y + size + 2
    return (x - w / 2, top, x + w / 2, top + font * 1.25)


def _unoverlap(pos: dict[str, tuple[float, float]], ids: list[str], labels: dict[str, str],
               size: dict[str, float], font: dict[str, float], rounds: int = 300) -> None:
    """Move the nodes of the first labels until no two of their label boxes (nor a label
    and another first node) overlap."""
    p = {i: list(pos[i]) for i in ids}
    for _ in range(rounds):
        moved = False
        for a in range(len(ids)):
            for b in range(a + 1, len(ids)):
                i, j = ids[a], ids[b]
                bi = _label_box(*p[i], size[i], font[i], labels[i])
                bj = _label_box(*p[j], size[j], font[j], labels[j])
                # each label with its node above it
                bi = (bi[0], p[i][1] - size[i], bi[2], bi[3])
                bj = (bj[0], p[j][1] - size[j], bj[2], bj[3])
                pad = 0.15 * min(font[i], font[j])
                ox = min(bi[2], bj[2]) - max(bi[0], bj[0]) + pad
                oy = min(bi[3], bj[3]) - max(bi[1], bj[1]) + pad
                if ox > 0 and oy > 0:
                    moved = True
                    if oy <= ox:  # move apart vertically, the cheaper way
                        s = 1 if p[j][1] >= p[i][1] else -1
                        p[i][1] -= s * oy / 2
                        p[j][1] += s * oy / 2
                    else:
                        s = 1 if p[j][0] >= p[i][0] else -1
                        p[i][0] -= s * ox / 2
                        p[j][0] += s * ox / 2
        if not moved:
            break
    for i in ids:
        pos[i] = (p[i][0], p[i][1])


def layout(nodes: dict[str, NodeInfo], edges: list[EdgeInfo], labels: dict[str, str]) -> Layout:
    """Positions, communities, ranks and label sizes of the whole graph (see the module)."""
    import igraph

    out = Layout()
    linked = sorted({e.source for e in edges} | {e.target for e in edges})
    lonely = sorted(set(nodes) - set(linked), key=lambda k: (nodes[k].documents[:1], nodes[k].cls, nodes[k].label, k))
    index = {n: i for i, n in enumerate(linked)}
    rng = random.Random(7)
    igraph.set_random_number_generator(random.Random(11))
    try:
        pairs = sorted({tuple(sorted((index[e.source], index[e.target]))) for e in edges if e.source != e.target})
        g = igraph.Graph(n=len(linked), edges=pairs)
        member = g.community_multilevel().membership if pairs else [0] * len(linked)
        pagerank = g.pagerank() if pairs else [1.0] * len(linked)
        # communities numbered by size, largest first, ties by their first member
        sizes = Counter(member)
        order = sorted(sizes, key=lambda c: (-sizes[c], member.index(c)))
        renumber = {c: k for k, c in enumerate(order)}
        member = [renumber[c] for c in member]
        groups: dict[int, list[int]] = defaultdict(list)
        for i, c in enumerate(member):
            groups[c].append(i)
        # inside each community: its own layout in a disc whose area follows its size
        local: dict[int, tuple[float, float]] = {}
        radius: dict[int, float] = {}
        for c, members in groups.items():
            at = {v: k for k, v in enumerate(members)}
            sub = [(at[a], at[b]) for a, b in pairs if a in at and b in at]
            r = NODE_SPACING * math.sqrt(len(members)) * 0.75 + 30
            coords = _normalise(_fr(len(members), sub, rng), r) if len(members) > 1 else [(0.0, 0.0)]
            radius[c] = r
            for v, xy in zip(members, coords):
                local[v] = xy
        # communities placed by a layout of the graph of communities, then pushed apart
        ncom = len(groups)
        between = Counter((min(member[a], member[b]), max(member[a], member[b])) for a, b in pairs if member[a] != member[b])
        cpairs = sorted(between)
        if ncom > 1:
            centres = _fr(ncom, cpairs, rng, weights=[float(between[p]) for p in cpairs] or None)
            total = math.sqrt(sum(r * r for r in radius.values()))
            centres = _normalise(centres, 1.2 * total)
        else:
            centres = [(0.0, 0.0)]
        circles = [[centres[c][0], centres[c][1], radius[c]] for c in range(ncom)]
        _separate(circles, gap=1.2 * NODE_SPACING)
    finally:
        igraph.set_random_number_generator(random)
    for nid, i in index.items():
        c = member[i]
        out.pos[nid] = (circles[c][0] + local[i][0], circles[c][1] + local[i][1])
        out.community[nid] = c
    # unconnected entities (shown on asking, or by a document filter): a grid under the rest
    if out.pos:
        xs = [p[0] for p in out.pos.values()]
        ys = [p[1] for p in out.pos.values()]
        left, bottom, width = min(xs), max(ys), max(xs) - min(xs)
    else:
        left, bottom, width = 0.0, 0.0, 1000.0
    cols = max(1, int(width // (NODE_SPACING * 3)) or 1)
    for k, nid in enumerate(lonely):
        out.pos[nid] = (left + (k % cols) * NODE_SPACING * 3, bottom + 2 * NODE_SPACING + (k // cols) * NODE_SPACING * 1.5)
        out.community[nid] = -1
    # centrality rank over the labelled classes
    pr = {nid: pagerank[i] for nid, i in index.items()}
    ranked = sorted((n for n in linked if nodes[n].cls not in UNRANKED), key=lambda n: (-pr[n], nodes[n].label, n))
    out.rank = {n: k for k, n in enumerate(ranked)}
    # the zoom at which the page will fit the graph, as vis-network computes it
    xs = [p[0] for n, p in out.pos.items() if n in index] or [0.0]
    ys = [p[1] for n, p in out.pos.items() if n in index] or [0.0]
    span_x = (max(xs) - min(xs)) + 2 * NODE_SPACING
    span_y = (max(ys) - min(ys)) + 2 * NODE_SPACING
    scale = min(CANVAS[0] / (1.1 * span_x * 1.08), CANVAS[1] / (1.1 * span_y * 1.08))
    out.scale = scale
    unit = 1.0 / scale  # canvas units per screen pixel at the fitted zoom
    for nid in nodes:
        r = out.rank.get(nid)
        if r is None:
            f = 12.0
        elif r < FIRST_LABELS:
            f = LEGIBLE_PX * unit
        else:
            # tier t (1, 2 …) becomes legible after zooming in TIER**t; three times more labels per tier
            t = 1 + int(math.log(r / FIRST_LABELS, 3))
            f = max(12.0, LEGIBLE_PX * unit / TIER ** t)
        out.font[nid] = round(f, 1)
        imp = 1.0 - (r / max(1, len(ranked))) if r is not None else 0.0
        out.size[nid] = round(8 + 10 * imp ** 4 + (3 * unit if r is not None and r < FIRST_LABELS else 0), 1)
    first = [n for n in ranked[: FIRST_LABELS + 10]]
    by_c: dict[int, list[str]] = defaultdict(list)
    for nid, c in out.community.items():
        if c >= 0:
            by_c[c].append(nid)
    # moving first labels apart can push a hub out of its disc: the groups' circles are then
    # separated again (each group moved whole) and the labels checked once more
    _unoverlap(out.pos, first, labels, out.size, out.font)
    hulls = _hulls(out.pos, by_c)
    circles = [[h[1], h[2], h[3]] for h in hulls]
    _separate(circles, gap=0.3 * NODE_SPACING, rounds=400)
    for (c, x, y, _), moved in zip(hulls, circles):
        dx, dy = moved[0] - x, moved[1] - y
        for m in by_c[c]:
            out.pos[m] = (out.pos[m][0] + dx, out.pos[m][1] + dy)
    _unoverlap(out.pos, first, labels, out.size, out.font)
    # groups: a circle around each community of four or more, named by its region
    for c, cx, cy, r in _hulls(out.pos, by_c):
        out.groups.append(Group(c, _group_name(by_c[c], nodes, c), round(cx, 1), round(cy, 1), round(r, 1), len(by_c[c])))
    out.pos = {k: (round(x, 1), round(y, 1)) for k, (x, y) in out.pos.items()}
    return out


def _hulls(pos: dict[str, tuple[float, float]], by_c: dict[int, list[str]]) -> list[tuple[int, float, float, float]]:
    """(community, x, y, radius) of a circle around each community of four or more: its
    members' mean, out to the 90th percentile of their distances and a margin."""
    out = []
    for c in sorted(by_c):
        members = by_c[c]
        if len(members) < 4:
            continue
        cx = sum(pos[m][0] for m in members) / len(members)
        cy = sum(pos[m][1] for m in members) / len(members)
        d = sorted(math.hypot(pos[m][0] - cx, pos[m][1] - cy) for m in members)
        out.append((c, cx, cy, d[int(0.9 * (len(d) - 1))] + NODE_SPACING * 0.6))
    return out


def _group_name(members: list[str], nodes: dict[str, NodeInfo], number: int) -> str:
    """A community's name: the region most of its members belong to, else its number
    (its hub is labelled on its own)."""
    regions = Counter(r for m in members for r in nodes[m].regions[:1])
    if regions:
        top, n = sorted(regions.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        if n >= 0.5 * len(members):
            return top
    return f"社群 {number + 1}"
