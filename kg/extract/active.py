"""Data a pipeline component lends the rules it runs.

The rules of a package (relations, quantities) read their words from one data object
(responsibility cues, the quantity grammar). A component loads its own copy — from the
package, from a path in its config, or from a saved pipeline (``to_disk``/``from_disk``)
— and the rules it runs see that copy while it runs: a pipeline saved and edited reads
its own data, and two pipelines in one process never see each other's. With no
component running, rules see the package's data (tests, ``kg resolve``).
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import Callable, Generic, Iterator, TypeVar

T = TypeVar("T")


class ActiveData(Generic[T]):
    """One kind of rule data: :meth:`get` is what the rules call, :meth:`using` what a
    component wraps its work in."""

    def __init__(self, name: str, default: Callable[[], T]) -> None:
        self._var: ContextVar[T | None] = ContextVar(name, default=None)
        self.default = lru_cache(maxsize=1)(default)  # the package's copy, loaded once

    def get(self) -> T:
        value = self._var.get()
        return self.default() if value is None else value

    @contextmanager
    def using(self, value: T) -> Iterator[T]:
        token = self._var.set(value)
        try:
            yield value
        finally:
            self._var.reset(token)
