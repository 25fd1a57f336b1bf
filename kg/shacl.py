"""SHACL validation with pyshacl against kg/ontology/shapes.ttl."""
from __future__ import annotations

from dataclasses import dataclass

import rdflib

from kg.graph.store import GraphStore
from kg.paths import ONTOLOGY_DIR

SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")


@dataclass
class Violation:
    focus: str
    path: str
    message: str
    severity: str
    label: str = ""

    def __str__(self) -> str:
        who = f"{self.label} <{self.focus}>" if self.label else f"<{self.focus}>"
        return f"{self.severity}: {who} {self.path}: {self.message}"


def validate(store: GraphStore, shapes_path: str | None = None) -> list[Violation]:
    """Every SHACL violation of the union graph, sorted, readable."""
    from pyshacl import validate as shacl

    data = store.to_rdflib()
    shapes = rdflib.Graph().parse(shapes_path or str(ONTOLOGY_DIR / "shapes.ttl"), format="turtle")
    ont = rdflib.Graph().parse(str(ONTOLOGY_DIR / "healthgov.ttl"), format="turtle")
    _, report, _ = shacl(data, shacl_graph=shapes, ont_graph=ont, inference="rdfs", allow_warnings=True)
    out = []
    for r in report.subjects(rdflib.RDF.type, SH.ValidationResult):
        focus = report.value(r, SH.focusNode)
        path = report.value(r, SH.resultPath)
        msg = report.value(r, SH.resultMessage)
        sev = report.value(r, SH.resultSeverity)
        label = data.value(focus, rdflib.RDFS.label) if focus is not None else None
        out.append(Violation(str(focus), data.namespace_manager.normalizeUri(path) if isinstance(path, rdflib.URIRef) else str(path or ""),
                             str(msg or ""), str(sev).rsplit("#", 1)[-1] if sev else "Violation", str(label or "")))
    return sorted(out, key=lambda v: (v.focus, v.path, v.message))
