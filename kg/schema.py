"""The classes the graph draws its nodes from, in one table.

Every list of entity types elsewhere — what extraction produces, which ``hg:`` class a
type is written as, its IRI path segment, which types are organisations, which the
scorer counts, how the explorer draws each — is derived from :data:`TYPES`. Adding a
type touches this table, the finder that produces it, ``kg/ontology/healthgov.ttl``
and ``kg/ontology/shapes.ttl`` (``tests/test_schema.py`` checks the table against
both).
"""
from __future__ import annotations

from dataclasses import dataclass

HG = "https://w3id.org/healthgov-kg/ontology#"


@dataclass(frozen=True)
class EntityType:
    """One class of node."""

    name: str            # the type's name in extraction and the local name of its hg: class
    iri_segment: str     # hgid:<segment>/… of its instances
    zh: str              # the class's Chinese label (as in the ontology)
    en: str              # its English label (as in the ontology)
    organisation: bool   # a subclass of hg:Organization: may lead, support, be a member
    scored: bool         # counted by the entity score of FORMAT.md
    mention: bool        # produced by extraction as a named mention (Target is a value, not a name)
    shape: str           # the explorer's vis-network shape
    color: str           # its border and legend colour
    fill: str            # its background, which dark labels read on

    @property
    def hg_class(self) -> str:
        return HG + self.name


TYPES: tuple[EntityType, ...] = (
    EntityType("Department", "department", "政府部门", "Department", True, True, True, "box", "#2f6db5", "#dbe8f8"),
    EntityType("Hospital", "hospital", "医疗机构", "Hospital", True, True, True, "ellipse", "#c0392b", "#f8dedb"),
    EntityType("MedicalConsortium", "consortium", "医联体", "Medical consortium", True, True, True, "hexagon", "#8e44ad",
               "#8e44ad"),
    EntityType("OrganizationGroup", "group", "机构群体", "Organization group", True, False, True, "box", "#7f8c8d",
               "#eceeee"),
    EntityType("Organization", "organization", "组织机构", "Organization", True, False, True, "ellipse", "#95a5a6",
               "#f0f2f2"),
    EntityType("Program", "program", "项目/行动", "Program", False, True, True, "dot", "#27ae60", "#27ae60"),
    EntityType("Target", "target", "目标值", "Target", False, False, False, "triangle", "#e67e22", "#e67e22"),
    EntityType("Region", "region", "行政区域", "Region", False, True, True, "square", "#8d6e63", "#8d6e63"),
    EntityType("PolicyDocument", "policy", "政策文件", "Policy document", False, True, True, "star", "#d4ac0d", "#d4ac0d"),
)
BY_NAME: dict[str, EntityType] = {t.name: t for t in TYPES}

DEPARTMENT, HOSPITAL, CONSORTIUM, GROUP, ORGANIZATION, PROGRAM, TARGET, REGION, POLICY = (t.name for t in TYPES)

# what each list elsewhere holds, derived
MENTION_TYPES: tuple[str, ...] = tuple(t.name for t in TYPES if t.mention)
ORGANISATION_TYPES: tuple[str, ...] = tuple(t.name for t in TYPES if t.organisation)
# the organisation types written with hg:Organization as a second class (Organization itself is that class)
ORGANISATION_SUBCLASSES: tuple[str, ...] = tuple(t.name for t in TYPES if t.organisation and t.name != ORGANIZATION)
SCORED_TYPES: tuple[str, ...] = tuple(t.name for t in TYPES if t.scored)
IRI_SEGMENT: dict[str, str] = {t.name: t.iri_segment for t in TYPES}
DRAWN_CLASSES: tuple[str, ...] = tuple(t.name for t in TYPES)
