"""spaCy, imported without its command-line interface.

``import spacy`` runs ``from .cli.info import info``, and so imports spaCy's whole
CLI (typer, weasel, httpx, jinja2 …): 0.25 s of the 0.9 s that importing spaCy
adds to every ``kg build``, for ``spacy.info``, which the pipeline never calls.

:func:`import_spacy` registers a stand-in ``spacy.cli.info`` module for the
duration of ``import spacy`` only: its ``info`` imports the real one when first
called, and any other name asked of it loads the real module at once. The
stand-in is removed as soon as spaCy is imported, so a later ``import spacy.cli``
(``spacy.cli.download`` in a notebook) imports the real CLI as usual. If spaCy is
already imported, nothing is done.
"""
from __future__ import annotations

import importlib
import sys
import types
from typing import Any

_NAME = "spacy.cli.info"


def _real_info_module() -> types.ModuleType:
    if isinstance(sys.modules.get(_NAME), _StandIn):
        del sys.modules[_NAME]
    return importlib.import_module(_NAME)


def info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: spaCy's own, imported when first called."""
    return _real_info_module().info(*args, **kwargs)


class _StandIn(types.ModuleType):
    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # the import system probing (__path__ …): a plain module
            raise AttributeError(name)
        return getattr(_real_info_module(), name)


def import_spacy() -> types.ModuleType:
    """``import spacy``, without importing ``spacy.cli``."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    stand_in = _StandIn(_NAME, __doc__)
    stand_in.info = info  # type: ignore[attr-defined]
    sys.modules[_NAME] = stand_in
    try:
        import spacy
    finally:
        if sys.modules.get(_NAME) is stand_in:
            del sys.modules[_NAME]
    return spacy
