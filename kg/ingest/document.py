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
    chars_in: int = 0
    chars_dropped: int = 0
    dropped: list[str] = field(default_factory=list)

    @property
    def dropped_share(self) -> float:
        """Share of the decoded characters dropped as boilerplate or duplicates."""
        return self.chars_dropped / self.chars_in if self.chars_in else 0.0

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None
