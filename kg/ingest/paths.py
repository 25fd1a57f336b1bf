"""Which files a build reads: a light module (a rebuild that finds every document in its
cache imports none of the readers)."""
from __future__ import annotations

from pathlib import Path

from kg.errors import InputError

SUPPORTED_SUFFIXES = {".txt", ".md", ".html", ".htm", ".text", ".pdf", ".docx"}


def collect_paths(inputs: list[str | Path]) -> tuple[list[Path], list[InputError]]:
    """Expand files and folders (recursively, sorted) into document paths.

    Explicitly named files are always taken; inside folders only known document
    suffixes are, so that a folder's README or images are not read as documents.
    """
    paths: list[Path] = []
    errors: list[InputError] = []
    for item in inputs:
        p = Path(item)
        if not p.exists():
            errors.append(InputError(str(p), "no such file or folder"))
        elif p.is_dir():
            found = sorted(
                q for q in p.rglob("*")
                if q.is_file() and q.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in q.relative_to(p).parts)
            )
            if not found:
                errors.append(InputError(str(p), "folder holds no documents (.txt .md .html .htm .pdf .docx)"))
            paths.extend(found)
        else:
            paths.append(p)
    unique = list(dict.fromkeys(paths))
    return unique, errors
