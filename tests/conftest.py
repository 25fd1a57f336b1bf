"""Shared fixtures: the project's own seeds and gold, built once per session."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = ROOT / "gold"
MINHANG = SEEDS / "002_ade2870d4016e2b5.txt"
CHANGNING = SEEDS / "004_8f5ddd0cd928d75d.txt"
IN_CI = os.environ.get("CI") == "true"


@pytest.fixture(scope="session")
def seeds_store():
    import kg

    return kg.build([SEEDS])


@pytest.fixture(scope="session")
def built_out(tmp_path_factory):
    """`kg build seeds --out DIR` through the CLI, once."""
    from click.testing import CliRunner

    from kg.cli import main

    out = tmp_path_factory.mktemp("out")
    res = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(out)])
    assert res.exit_code == 0, res.output
    return out


@pytest.fixture
def extract():
    """Extract from a text string as if it were a document."""
    from kg.extract import extract_document
    from kg.ingest.document import SourceDocument

    def run(text: str, title: str | None = None, issuer: str | None = None, date: str | None = None):
        src = SourceDocument(path="t.txt", name="t.txt", sha256="0" * 64, encoding="utf-8", format="text", text=text,
                             title=title, issuer=issuer, date=date)
        return extract_document(src)

    return run


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")
