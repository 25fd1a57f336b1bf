"""Write files atomically: a temp file in the same folder, fsync, then rename.

A build killed halfway leaves every previous output intact: readers see either the
old file or the complete new one, never a half-written file.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable


def write_bytes(path: str | Path, data: bytes) -> None:
    write_chunks(path, (data,))


def write_chunks(path: str | Path, chunks: Iterable[bytes]) -> None:
    """Write ``chunks`` one after another, atomically: if producing a chunk fails, the
    temporary file is removed and ``path`` is untouched."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            for chunk in chunks:
                fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text(path: str | Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))
