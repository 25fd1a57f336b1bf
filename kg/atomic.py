"""Write files atomically: a temp file in the same folder, fsync, then rename.

A build killed halfway leaves every previous output intact: readers see either the
old file or the complete new one, never a half-written file.
"""
from __future__ import annotations

import glob
import os
import tempfile
import threading
from pathlib import Path
from typing import Iterable

_TEMPORARY_SUFFIX = ".tmp"


def _temporary_prefix(path: Path) -> str:
    """Temporary files are hidden beside their target: ``.graph.ttl.<random>.tmp``."""
    return f".{path.name}."


def remove_stale_temporaries(paths: Iterable[str | Path]) -> None:
    """Delete the temporary files that a write of ``paths``, killed before its rename,
    left behind. Only for a caller that owns the folder: a write still running would
    lose its temporary file."""
    for path in map(Path, paths):
        for stale in path.parent.glob(glob.escape(_temporary_prefix(path)) + "*" + _TEMPORARY_SUFFIX):
            stale.unlink(missing_ok=True)


def write_bytes(path: str | Path, data: bytes) -> None:
    write_chunks(path, (data,))


def write_chunks(path: str | Path, chunks: Iterable[bytes]) -> None:
    """Write ``chunks`` one after another, atomically: if producing a chunk fails, the
    temporary file is removed and ``path`` is untouched."""
    write_files([(path, chunks)])


def write_files(outputs: Iterable[tuple[str | Path, Iterable[bytes]]]) -> None:
    """Write several files atomically and together: each to a temporary file in its
    folder; then, once every one is complete and on disk, each renamed over its target,
    in order. If producing any chunk fails, every temporary file is removed and no
    target is touched, so a build's outputs never mix two builds.

    A file's fsync waits for the disk (60-170 ms for a 52 MB graph.ttl here), so when
    another file follows, it runs in a thread, which only waits, while that file is
    produced; the last file (a lone one too) is flushed in place."""
    outputs = list(outputs)  # (the chunks stay lazy: only the count is needed)
    written: list[tuple[Path, str]] = []
    flushes: list[threading.Thread] = []
    errors: list[BaseException] = []

    def flush(fd: int) -> None:
        try:
            os.fsync(fd)
        except BaseException as e:  # noqa: BLE001 - raised by the writer, after every flush
            errors.append(e)
        finally:
            os.close(fd)

    try:
        for i, (path, chunks) in enumerate(outputs):
            path = Path(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=_temporary_prefix(path), suffix=_TEMPORARY_SUFFIX, dir=path.parent)
            written.append((path, tmp))
            os.chmod(tmp, 0o666 & ~_umask())
            with os.fdopen(fd, "wb") as fh:
                for chunk in chunks:
                    fh.write(chunk)
                fh.flush()
                flush_fd = os.dup(fh.fileno())  # the file object closes its own
            if i + 1 < len(outputs):
                flushing = threading.Thread(target=flush, args=(flush_fd,), name="kg-fsync")
                flushing.start()
                flushes.append(flushing)
            else:
                flush(flush_fd)
        for flushing in flushes:
            flushing.join()
        if errors:
            raise errors[0]
        for path, tmp in written:
            os.replace(tmp, path)
    except BaseException:
        for flushing in flushes:
            flushing.join()
        for _path, tmp in written:
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


LOCK_NAME = ".kg.lock"


class FolderLock:
    """An exclusive lock on an output folder (``flock`` on ``DIR/.kg.lock``), held while
    a build writes there: two builds into one folder take turns, and neither removes
    the other's temporary files. A build that cannot have the lock within ``wait``
    seconds fails with one clear line. The lock goes with the process that held it (a
    killed build leaves none)."""

    def __init__(self, folder: str | Path, wait: float = 600.0) -> None:
        self.folder = Path(folder)
        self.wait = wait
        self._fd: int | None = None

    def __enter__(self) -> "FolderLock":
        import fcntl
        import time

        from kg.errors import KGError

        self.folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise KGError(f"{self.folder}: another build is writing there; waited {self.wait:.0f} s") from None
                time.sleep(0.05)
        self._fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        import fcntl

        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
