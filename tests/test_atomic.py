"""A build killed at any moment leaves each output either as it was or complete."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

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
