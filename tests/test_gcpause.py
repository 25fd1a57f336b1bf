"""The collector pause restores the collector and still frees cycles made inside it."""
import gc
import weakref

import pytest

from kg.gcpause import cyclic_gc_paused


class Node:
    pass


def test_state_is_restored_even_after_an_error():
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        with cyclic_gc_paused():
            assert not gc.isenabled()
            raise RuntimeError("boom")
    assert gc.isenabled()


def test_a_disabled_collector_stays_disabled():
    gc.disable()
    try:
        with cyclic_gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_cycles_made_inside_are_collected_by_the_periodic_steps():
    with cyclic_gc_paused(every=3) as pause:
        a, b = Node(), Node()
        a.other, b.other = b, a  # a reference cycle: refcounting alone cannot free it
        ref = weakref.ref(a)
        del a, b
        pause.step()
        pause.step()
        assert ref() is not None  # not yet: steps collect every third call
        pause.step()
        assert ref() is None
