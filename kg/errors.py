"""Errors the user sees as one line: what file, what went wrong."""
from __future__ import annotations


class KGError(Exception):
    """Base class: the message is shown to the user as it is, without a traceback."""


class InputError(KGError):
    """A document could not be read; the rest of the corpus still builds."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self) -> tuple:
        # a worker process (kg build --jobs) sends it back pickled: rebuilt from its own
        # two arguments, not from the one message Exception would pass
        return type(self), (self.path, self.reason)


class QueryError(KGError):
    """A SPARQL query was malformed, refused or took too long."""


class QueryRefused(QueryError):
    """The query would change a graph or reach the network (kg serve: 403)."""


class QueryLimitReached(QueryError):
    """The query ran out of its time or memory (kg serve: 503)."""


class QueryFault(QueryError):
    """The query's process failed in a way no query text explains (kg serve: 500)."""


class GraphLoadError(KGError):
    """A graph file or folder could not be loaded."""
