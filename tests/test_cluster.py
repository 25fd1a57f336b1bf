"""Extraction as a pure per-document function, mapped over a local Dask cluster of two
worker processes (examples/dask_cluster.py): the graph is the one kg build makes."""
from __future__ import annotations

import importlib.util

import pytest

import kg

from .conftest import IN_CI, ROOT, SEEDS


def _example():  # noqa: ANN202
    spec = importlib.util.spec_from_file_location("dask_cluster", ROOT / "examples" / "dask_cluster.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_extract_nquads_is_one_documents_graph():
    path = SEEDS / "002_ade2870d4016e2b5.txt"
    built = kg.build([path]).serialize("nquads")
    assert kg.extract_nquads(path.read_bytes(), path.name) == built


def test_a_local_cluster_of_two_workers_builds_the_same_graph(tmp_path):
    if importlib.util.find_spec("distributed") is None:
        if IN_CI:
            raise RuntimeError("dask.distributed (a test dependency) is required in CI")
        pytest.skip("the cluster extra (dask.distributed) is not installed")
    import distributed
    example = _example()
    files = sorted(SEEDS.glob("*.txt")) + [tmp_path / "empty.txt"]
    (tmp_path / "empty.txt").write_bytes(b"")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        store, skipped = example.build_on_cluster(files, client)
    assert skipped == ["empty.txt: empty file"] or (len(skipped) == 1 and skipped[0].startswith("empty.txt:"))
    reference = kg.build([SEEDS])
    assert store.serialize("trig") == reference.serialize("trig")
    assert store.serialize("turtle") == reference.serialize("turtle")
