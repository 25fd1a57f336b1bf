"""The cleaned input document that extraction reads."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class SourceDocument:
    """One input file after decoding and boilerplate removal.

    ``text`` is the kept body (original script, stray CJK spaces removed); ``lines``
    are its lines in order. Metadata fields are None where the document does not say.
    """

    path: str
    name: str
    sha256: str
    encoding: str
    format: str
    text: str
    title: str | None = None
    date: str | None = None
    issuer: str | None = None
    doc_number: str | None = None
    region: str | None = None  # the jurisdiction the user gave for this document (kg build --regions)
    default_region: str | None = None  # the one for a document whose text does not say (kg build --region)
    chars_in: int = 0
    chars_dropped: int = 0
    dropped: list[str] = field(default_factory=list)
    folded_text: str = field(default="", repr=False)  # full_stops(fold(text)), when the reader has it
    # the portal's footer and metadata lines (来源：X, 主办：X 版权所有), folded: kept out of the
    # body, read only for the region the page speaks for
    furniture: str = ""

    @property
    def folded(self) -> str:
        """The folded body (kg.textnorm.fold, ASCII full stops as 。): what extraction matches against."""
        if not self.folded_text or len(self.folded_text) != len(self.text):
            from kg.ingest.clean import full_stops
            from kg.textnorm import fold

            self.folded_text = full_stops(fold(self.text))
        return self.folded_text

    @property
    def dropped_share(self) -> float:
        """Share of the decoded characters dropped as boilerplate or duplicates."""
        return self.chars_dropped / self.chars_in if self.chars_in else 0.0

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None
