"""A build killed at any moment leaves each output either as it was or complete."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import rdflib

from .conftest import SEEDS

KG = str(Path(sys.executable).with_name("kg"))


def test_killed_builds_never_leave_a_half_written_output(tmp_path):
    out = tmp_path / "out"
    subprocess.run([KG, "build", str(SEEDS), "--out", str(out), "-q"], check=True)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(15):  # a corpus whose build takes a few seconds (distinct files: copies are read once)
        for s in SEEDS.glob("*.txt"):
            (corpus / f"{i:02d}_{s.name}").write_bytes(s.read_bytes() + f"\n副本{i}\n".encode())
    t0 = time.perf_counter()
    full = tmp_path / "full"
    subprocess.run([KG, "build", str(corpus), "--out", str(full), "-q"], check=True)
    duration = time.perf_counter() - t0
    after = {p.name: p.read_bytes() for p in full.iterdir()}
    for frac in (0.4, 0.8, 0.92, 0.97, 1.0):
        proc = subprocess.Popen([KG, "build", str(corpus), "--out", str(out), "-q"])
        time.sleep(duration * frac)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        for name in before:
            data = (out / name).read_bytes()
            assert data in (before[name], after[name]), (frac, name)
            if name == "graph.ttl":
                rdflib.Graph().parse(data=data, format="turtle")
        # restore the "previous" outputs for the next round
        for name, data in before.items():
            (out / name).write_bytes(data)
    # a later build removes temporary files a killed one left behind
    subprocess.run([KG, "build", str(SEEDS), "--out", str(out), "-q"], check=True)
    assert not [p for p in os.listdir(out) if p.endswith(".tmp")]


def test_a_failure_while_producing_chunks_leaves_the_old_file(tmp_path):
    from kg.atomic import write_chunks

    target = tmp_path / "graph.ttl"
    target.write_bytes(b"old")

    def chunks():
        yield b"new, first half"
        raise RuntimeError("serialiser failed")

    try:
        write_chunks(target, chunks())
    except RuntimeError:
        pass
    else:
        raise AssertionError("the failure was swallowed")
    assert target.read_bytes() == b"old" and os.listdir(tmp_path) == ["graph.ttl"]
    write_chunks(target, iter([b"a", b"", b"bc"]))
    assert target.read_bytes() == b"abc"


def test_several_files_are_replaced_together_or_not_at_all(tmp_path):
    from kg.atomic import write_files

    first, second = tmp_path / "graph.ttl", tmp_path / "graph.trig"
    open_fds = len(os.listdir("/proc/self/fd"))
    first.write_bytes(b"old ttl")
    second.write_bytes(b"old trig")

    def failing():
        yield b"new trig"
        raise RuntimeError("serialiser failed")

    with pytest.raises(RuntimeError):
        write_files([(first, iter([b"new ", b"ttl"])), (second, failing())])
    # the first file was complete and on disk, but is not put in place without the second
    assert first.read_bytes() == b"old ttl" and second.read_bytes() == b"old trig"
    assert sorted(os.listdir(tmp_path)) == ["graph.trig", "graph.ttl"]
    write_files([(first, iter([b"new ", b"ttl"])), (second, iter([b"new trig"])), (tmp_path / "sub" / "x", iter([]))])
    assert (first.read_bytes(), second.read_bytes(), (tmp_path / "sub" / "x").read_bytes()) == (b"new ttl", b"new trig", b"")
    assert sorted(os.listdir(tmp_path)) == ["graph.trig", "graph.ttl", "sub"]
    assert len(os.listdir("/proc/self/fd")) == open_fds  # every file closed, flushed or not


def test_a_failed_flush_to_disk_replaces_nothing(tmp_path, monkeypatch):
    from kg import atomic

    target = tmp_path / "graph.ttl"
    target.write_bytes(b"old")
    flushed = []

    def fsync(fd):
        flushed.append(fd)
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    with pytest.raises(OSError, match="Input/output error"):
        atomic.write_files([(target, iter([b"new"])), (tmp_path / "graph.trig", iter([b"trig"]))])
    assert len(flushed) == 2  # every file was flushed, each in its turn
    assert target.read_bytes() == b"old" and os.listdir(tmp_path) == ["graph.ttl"]


def _children(pid: int) -> list[int]:
    kids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            kids.append(int(stat.parent.name))
    return kids


def _running(pid: int) -> bool:
    """Alive and not a zombie (a container's init may never reap the orphan)."""
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds worker processes through /proc")
def test_workers_end_when_a_parallel_build_is_killed(tmp_path):
    """`kill -9` of `kg build --jobs 2` must not leave its workers waiting forever."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(60):
        for s in SEEDS.glob("*.txt"):
            (corpus / f"{i:02d}_{s.name}").write_bytes(s.read_bytes() + f"\n副本{i}\n".encode())
    proc = subprocess.Popen([KG, "build", str(corpus), "--out", str(tmp_path / "out"), "-q", "--jobs", "2"])
    deadline = time.monotonic() + 30
    while len(_children(proc.pid)) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    workers = _children(proc.pid)
    assert len(workers) >= 2, "the build ended before its workers could be seen"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 15
    while any(map(_running, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(_running, workers))


def test_remove_stale_temporaries_removes_only_the_named_targets_leftovers(tmp_path: Path) -> None:
    from kg.atomic import remove_stale_temporaries

    leftovers = [tmp_path / ".graph.ttl.k3j_x.tmp", tmp_path / ".graph.trig.a1.tmp"]
    kept = [tmp_path / "graph.ttl", tmp_path / ".notes.txt.a1.tmp", tmp_path / ".graph.ttl.a1.bak",
            tmp_path / ".graph[1].ttl.a1.tmp"]
    for p in leftovers + kept:
        p.write_bytes(b"x")
    remove_stale_temporaries([tmp_path / "graph.ttl", tmp_path / "graph.trig", tmp_path / "graph.html"])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in kept)


def test_a_build_clears_a_killed_builds_temporaries(tmp_path: Path) -> None:
    from kg.corpus import write_outputs
    from kg.graph.store import GraphStore

    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".graph.trig.zz9.tmp"
    stale.write_bytes(b"half a graph")
    write_outputs(GraphStore(), out, html=False)
    assert not stale.exists()
    assert (out / "graph.ttl").exists() and (out / "graph.trig").exists()
