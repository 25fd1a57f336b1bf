"""spaCy is imported without its CLI, and nothing of spaCy's is lost by it."""
from __future__ import annotations

import subprocess
import sys


def _fresh(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout


def test_the_pipeline_does_not_import_spacys_cli():
    out = _fresh("import sys\n"
                 "from kg.extract.pipeline import default_nlp\n"
                 "default_nlp()\n"
                 "print(sorted(m for m in ('spacy.cli', 'spacy.cli.info', 'typer', 'weasel') if m in sys.modules))")
    assert out.strip() == "[]"


def test_spacy_info_and_a_later_import_of_the_cli_are_spacys_own():
    out = _fresh("import sys\n"
                 "import kg.extract.pipeline\n"
                 "import spacy\n"
                 "print(spacy.info()['spacy_version'] == spacy.__version__)\n"
                 "import spacy.cli\n"
                 "module = sys.modules['spacy.cli.info']\n"
                 "print(type(module).__name__, hasattr(module, 'info_cli'))")
    assert out.split() == ["True", "module", "True"]


def test_an_already_imported_spacy_is_returned_as_it_is():
    out = _fresh("import spacy, sys\n"
                 "from kg.extract.spacy_import import import_spacy\n"
                 "print(import_spacy() is spacy, 'spacy.cli' in sys.modules)")
    assert out.split() == ["True", "True"]
