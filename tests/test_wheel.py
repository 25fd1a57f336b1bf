"""The wheel is whole: built and installed as a user installs it (not editable), every
command works from it, with no file of the source tree on the path."""
from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from .conftest import ROOT, SEEDS


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A fresh venv holding only the built wheel; the dependencies come from this
    interpreter's site-packages (a .pth line adds it without running its .pth files, so
    the editable install of the source tree stays out)."""
    tmp = tmp_path_factory.mktemp("wheel")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp / "dist"),
                            str(ROOT)], capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = (tmp / "dist").glob("healthgov_kg-*.whl")
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    py = venv / "bin" / "python"
    site = Path(subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    inst = subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps", "-q", str(wheel)],
                          capture_output=True, text=True, timeout=600)
    if inst.returncode != 0 and "no such option: --python" in inst.stderr:  # an older pip: install with the venv's own
        subprocess.run([str(py), "-m", "ensurepip", "-q"], check=True, timeout=300)
        inst = subprocess.run([str(py), "-m", "pip", "install", "--no-deps", "-q", str(wheel)], capture_output=True, text=True, timeout=600)
    assert inst.returncode == 0, inst.stderr[-2000:]
    work = tmp / "work"
    shutil.copytree(SEEDS, work / "docs")
    return py, work


def kg(installed, *args):
    py, work = installed
    return subprocess.run([str(py), "-m", "kg.cli", *map(str, args)], capture_output=True, text=True, cwd=work, timeout=600)


def test_the_installed_package_is_not_the_source_tree(installed):
    py, work = installed
    where = subprocess.run([str(py), "-c", "import kg; print(kg.__file__)"], capture_output=True, text=True, cwd=work).stdout
    assert str(ROOT) not in where and "site-packages" in where


def test_every_command_works_from_the_wheel(installed):
    assert kg(installed, "build", "docs", "--out", "out").returncode == 0
    listed = kg(installed, "query", "--list")
    presets = [line.split("\t")[0] for line in listed.stdout.splitlines() if line.strip()]
    assert listed.returncode == 0 and len(presets) >= 9
    for name in presets:
        res = kg(installed, "query", "out", "--preset", name, "--format", "csv")
        assert res.returncode == 0 and res.stdout.strip(), (name, res.stderr)
    res = kg(installed, "validate", "out")
    assert res.returncode == 0 and "conforms" in res.stdout, res.stdout + res.stderr
    assert kg(installed, "export", "out", "--format", "jsonld", "-o", "g.jsonld").returncode == 0
    assert kg(installed, "render", "out", "-o", "page.html").returncode == 0
    assert kg(installed, "stats", "out").returncode == 0
    res = kg(installed, "report", "out", "-o", "report.html")
    assert res.returncode == 0, res.stderr
    py, work = installed
    assert "<svg" in (work / "report.html").read_text(encoding="utf-8")
    # the indicator scheme ships in the wheel: the installed build links indicators to it
    assert "skos:exactMatch <https://w3id.org/healthgov-kg/indicator/HC-01>" in (work / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert (work / "g.jsonld").stat().st_size > 1000 and (work / "page.html").stat().st_size > 1000
