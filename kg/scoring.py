"""Measure extraction against hand annotations (the format of gold/FORMAT.md).

Each annotated document is built alone and compared by the rules of FORMAT.md
("Scoring"): names compared after NFKC, Traditional→Simplified, dropping white space,
quotes, brackets and punctuation; targets and measurements by value, year and a
similar indicator name. Micro-averaged precision, recall and F1 per category and type.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from kg.errors import KGError
from kg.extract.pipeline import default_nlp, extract_document
from kg.graph.builder import document_graph
from kg.graph.store import GraphStore
from kg.graph.terms import HG_NS as HG
from kg.graph.terms import RDFS_NS, SKOS_NS
from kg.ingest import read_document
from kg.schema import SCORED_TYPES
from kg.textnorm import to_simplified

TYPES = list(SCORED_TYPES)  # the types FORMAT.md scores (kg.schema)
_PUNCT = re.compile(r"[\s\"'“”‘’「」『』《》〈〉<>（）()【】\[\]〔〕［］｛｝{}·•,，、。:：;；!！?？\-—–_/]")
RELS = {"lead": ("leads", "org", "program"), "support": ("supports", "org", "program"),
        "member": ("memberOf", "org", "consortium"), "part": ("partOf", "program", "parent")}


def norm(s: str) -> str:
    return _PUNCT.sub("", to_simplified(unicodedata.normalize("NFKC", str(s)))).lower()


def similar(a: str, b: str) -> bool:
    a, b = norm(a), norm(b)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    x = {a[i:i + 2] for i in range(len(a) - 1)} or {a}
    y = {b[i:i + 2] for i in range(len(b) - 1)} or {b}
    return 2 * len(x & y) / (len(x) + len(y)) >= 0.5


@dataclass
class PRF:
    tp_p: int = 0
    n_p: int = 0
    tp_g: int = 0
    n_g: int = 0

    def add(self, tp_p: int, n_p: int, tp_g: int, n_g: int) -> None:
        self.tp_p += tp_p
        self.n_p += n_p
        self.tp_g += tp_g
        self.n_g += n_g

    @property
    def p(self) -> float:
        return self.tp_p / self.n_p if self.n_p else (1.0 if not self.n_g else 0.0)

    @property
    def r(self) -> float:
        return self.tp_g / self.n_g if self.n_g else 1.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


@dataclass
class ErrorItem:
    doc: str
    category: str
    kind: str          # false positive | false negative
    what: str
    evidence: str = ""


@dataclass
class Evaluation:
    scores: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))
    errors: list[ErrorItem] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    # document name -> category -> counts, for the per-document table
    per_document: dict[str, dict[str, PRF]] = field(default_factory=dict)

    def _add(self, doc: str, categories: tuple[str, ...], counts: tuple[int, int, int, int]) -> None:
        """Count one comparison in the corpus totals and in the document's own."""
        mine = self.per_document.setdefault(doc, defaultdict(PRF))
        for c in categories:
            self.scores[c].add(*counts)
            mine[c].add(*counts)

    def summary(self) -> dict[str, float]:
        return {k: round(self.scores[k].f1, 3) for k in SUMMARY_CATEGORIES}


def _predicted(store: GraphStore):  # noqa: ANN202 - internal tuple of dicts
    labels: dict[str, set[str]] = defaultdict(set)
    first_label: dict[str, str] = {}
    evidence: dict[str, str] = {}
    for row in store.query_raw(f"SELECT ?e ?l ?k WHERE {{ ?e ?k ?l . VALUES ?k {{ <{RDFS_NS}label> <{SKOS_NS}altLabel> <{SKOS_NS}prefLabel> }} }}"):
        e = row["e"].value
        labels[e].add(norm(row["l"].value))
        if row["k"].value.endswith("label"):
            first_label[e] = row["l"].value
    for row in store.query_raw(f"SELECT ?e ?ev WHERE {{ ?e <{HG}evidence> ?ev }}"):
        evidence.setdefault(row["e"].value, row["ev"].value)
    ents = defaultdict(list)
    for t in TYPES:
        for row in store.query_raw(f"SELECT DISTINCT ?e WHERE {{ ?e a <{HG}{t}> }}"):
            e = row["e"].value
            if labels.get(e):
                ents[t].append((labels[e], first_label.get(e, e), evidence.get(e, "")))
    rels = defaultdict(list)
    for rel, (prop, _, _) in RELS.items():
        for row in store.query_raw(f"SELECT ?o ?p WHERE {{ ?o <{HG}{prop}> ?p }}"):
            o, p = row["o"].value, row["p"].value
            rels[rel].append((labels.get(o, set()), labels.get(p, set()), f"{first_label.get(o, o)} → {first_label.get(p, p)}"))
    nums = {}
    for kind, cls in (("targets", "Target"), ("measurements", "Measurement")):
        q = f"""SELECT ?x ?ind ?v ?y ?ev WHERE {{ ?x a <{HG}{cls}> ; <{HG}value> ?v .
               OPTIONAL {{ ?x <{HG}indicator> ?i . ?i <{RDFS_NS}label> ?ind }}
               OPTIONAL {{ ?x <{HG}year> ?y }} OPTIONAL {{ ?x <{HG}evidence> ?ev }} }}"""
        rows = {}
        for row in store.query_raw(q):
            y = row["y"]
            rows[row["x"].value] = (row["ind"].value if row["ind"] else "", float(row["v"].value),
                                    int(y.value[:4]) if y is not None else None, row["ev"].value if row["ev"] else "")
        nums[kind] = list(rows.values())
    return ents, rels, nums


def match_one_to_one(pred: list, gold: list, eq: Callable[[object, object], bool]) -> dict[int, int]:
    """A maximum bipartite matching of predictions to gold items (``{gold index:
    prediction index}``): each prediction stands for at most one gold item and each gold
    item is found by at most one prediction, so one entity that carries the names of two
    gold entities counts once. The same augmenting-path matching as
    ``../shared/tools/score.py``, so ``kg eval`` gives its figures."""
    edges = [[j for j, g in enumerate(gold) if eq(p, g)] for p in pred]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(pred)):
        if edges[i]:
            augment(i, set())
    return owner


def _match(pred: list, gold: list, eq) -> tuple[list[bool], list[bool]]:  # noqa: ANN001
    """Which predictions and which gold items the one-to-one matching pairs."""
    owner = match_one_to_one(pred, gold, eq)
    paired = set(owner.values())
    return [i in paired for i in range(len(pred))], [j in owner for j in range(len(gold))]


def score_document(store: GraphStore, gold: dict, ev: Evaluation, doc: str) -> None:
    ents, rels, nums = _predicted(store)
    names: dict[str, set[str]] = defaultdict(set)
    by_type = defaultdict(list)
    for e in gold["entities"]:
        ns = {norm(e["name"])} | {norm(a) for a in e.get("aliases", [])}
        names[e["name"]] |= ns
        if e["type"] in TYPES:
            by_type[e["type"]].append((ns, e["name"]))
    for t in TYPES:
        pred, gl = ents.get(t, []), by_type.get(t, [])
        pm, gm = _match(pred, gl, lambda p, g: bool(p[0] & g[0]))
        ev._add(doc, ("entity:" + t, "entities"), (sum(pm), len(pm), sum(gm), len(gm)))
        ev.errors += [ErrorItem(doc, "entity:" + t, "false positive", p[1], p[2]) for p, ok in zip(pred, pm) if not ok]
        ev.errors += [ErrorItem(doc, "entity:" + t, "false negative", g[1]) for g, ok in zip(gl, gm) if not ok]
    for rel, (_, a_key, b_key) in RELS.items():
        gl = [(names.get(x[a_key], {norm(x[a_key])}), names.get(x[b_key], {norm(x[b_key])}), f"{x[a_key]} → {x[b_key]}")
              for x in gold.get("relations", []) if x["rel"] == rel]
        pred = rels.get(rel, [])
        pm, gm = _match(pred, gl, lambda p, g: bool(p[0] & g[0]) and bool(p[1] & g[1]))
        ev._add(doc, ("relation:" + rel, "relations"), (sum(pm), len(pm), sum(gm), len(gm)))
        ev.errors += [ErrorItem(doc, "relation:" + rel, "false positive", p[2]) for p, ok in zip(pred, pm) if not ok]
        ev.errors += [ErrorItem(doc, "relation:" + rel, "false negative", g[2]) for g, ok in zip(gl, gm) if not ok]
    for kind in ("targets", "measurements"):
        gl = [(x["indicator"], float(x["value"]), x.get("year")) for x in gold.get(kind, [])]
        pred = nums[kind]
        pm, gm = _match(pred, gl, lambda p, g: abs(p[1] - g[1]) < 1e-6 and (g[2] is None or p[2] == g[2]) and similar(p[0], g[0]))
        ev._add(doc, (kind,), (sum(pm), len(pm), sum(gm), len(gm)))
        ev.errors += [ErrorItem(doc, kind, "false positive", f"{p[0]} = {p[1]:g} ({p[2]})", p[3]) for p, ok in zip(pred, pm) if not ok]
        ev.errors += [ErrorItem(doc, kind, "false negative", f"{g[0]} = {g[1]:g} ({g[2]})") for g, ok in zip(gl, gm) if not ok]


def evaluate(gold_dir: str | Path, docs_dir: str | Path, only: Iterable[str] | None = None) -> Evaluation:
    """Build every annotated document alone and score it against its gold file;
    ``only`` keeps the gold files of those stems (a split of a set)."""
    gold_dir, docs_dir = Path(gold_dir), Path(docs_dir)
    keep = set(only) if only is not None else None
    files = sorted(f for f in gold_dir.glob("*.json") if keep is None or f.stem in keep)
    if not files:
        raise KGError(f"{gold_dir}: no gold annotation files (*.json)")
    ev = Evaluation()
    nlp = default_nlp()
    for gf in files:
        try:
            gold = json.loads(gf.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            ev.failures.append(f"{gf}: not a readable gold file ({exc})")
            continue
        docs = sorted(p for p in docs_dir.glob(gf.stem + ".*") if p.suffix != ".json")
        if not docs:
            ev.failures.append(f"{gf.stem}: no document in {docs_dir}")
            continue
        store = GraphStore()
        try:
            src = read_document(docs[0])
            store.add_document(document_graph(src, extract_document(src, nlp)))
        except KGError as exc:
            ev.failures.append(str(exc))
        score_document(store, gold, ev, docs[0].name)
    return ev


SUMMARY_CATEGORIES = ("entities", "relations", "targets", "measurements")


def format_per_document(ev: Evaluation) -> str:
    """One line per document: F1 (gold count) of each summary category."""
    head = f"{'document':44s} " + " ".join(f"{c[:12]:>16s}" for c in SUMMARY_CATEGORIES)
    lines = [head]
    for doc in sorted(ev.per_document):
        mine = ev.per_document[doc]
        cells = []
        for c in SUMMARY_CATEGORIES:
            v = mine.get(c, PRF())
            cells.append(f"{v.f1:6.3f} ({v.n_g:3d}/{v.n_p:3d})" if v.n_g or v.n_p else f"{'-':>16s}")
        lines.append(f"{doc[:44]:44s} " + " ".join(f"{x:>16s}" for x in cells))
    return "\n".join(lines)


def format_evaluation(ev: Evaluation, errors: bool = False, per_document: bool = False) -> str:
    lines = [f"{'category':28s} {'P':>6s} {'R':>6s} {'F1':>6s}  gold  predicted"]
    for k in sorted(ev.scores):
        v = ev.scores[k]
        lines.append(f"{k:28s} {v.p:6.3f} {v.r:6.3f} {v.f1:6.3f}  {v.n_g:4d}  {v.n_p:4d}")
    for f in ev.failures:
        lines.append(f"FAILED {f}")
    lines.append("F1 " + " ".join(f"{k}={v:.3f}" for k, v in ev.summary().items()))
    if per_document:
        lines += ["", format_per_document(ev)]
    if errors:
        lines.append("")
        for e in sorted(ev.errors, key=lambda e: (e.doc, e.category, e.kind, e.what)):
            lines.append(f"{e.doc}\t{e.category}\t{e.kind}\t{e.what}" + (f"\t「{e.evidence}」" if e.evidence else ""))
    return "\n".join(lines)
