"""kg build --incremental: only new or changed documents are read again, removed ones
drop out, and the outputs are the bytes of a clean build of the same folder."""
from __future__ import annotations

import marshal
import shutil

import pytest

import kg
from kg.cache import CACHE_DIR, extractor_fingerprint

from .conftest import SEEDS


def _docs(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(SEEDS, docs)
    return docs


def _outputs(out):
    return {name: (out / name).read_bytes() for name in ("graph.ttl", "graph.trig")}


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_rebuild_reads_only_what_changed_and_writes_a_clean_builds_bytes(tmp_path, jobs):
    docs = _docs(tmp_path)
    out = tmp_path / "out"
    first = kg.build([docs], out=out, html=False, incremental=True, jobs=jobs).report
    assert first.reused == 0 and len(list((out / CACHE_DIR).glob("*.m"))) == 5

    changed = docs / "002_ade2870d4016e2b5.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n（十）新增一项工作。（区卫健委牵头，区教育局配合）\n", encoding="utf-8")
    (docs / "001_3f98e640b1421c5b.txt").unlink()
    (docs / "new.txt").write_text((SEEDS / "004_8f5ddd0cd928d75d.txt").read_text(encoding="utf-8") + "\n新闻一则。\n",
                                  encoding="utf-8")
    again = kg.build([docs], out=out, html=False, incremental=True, jobs=jobs).report
    assert again.reused == 3 and len(again.documents) == 5  # 002 changed, new.txt new; 001 gone
    assert len(list((out / CACHE_DIR).glob("*.m"))) == 5  # the removed and the old 002 entries are gone

    clean = tmp_path / "clean"
    kg.build([docs], out=clean, html=False)
    assert _outputs(out) == _outputs(clean)
    assert again.relations == kg.build([docs]).report.relations  # the counts come back from the cache too


def test_a_new_extractor_or_other_regions_read_documents_again(tmp_path, monkeypatch):
    docs = _docs(tmp_path)
    out = tmp_path / "out"
    kg.build([docs], out=out, html=False, incremental=True)
    assert kg.build([docs], out=out, html=False, incremental=True, region="闵行区").report.reused < 5
    kg.build([docs], out=out, html=False, incremental=True)
    assert kg.build([docs], out=out, html=False, incremental=True).report.reused == 5
    import kg.cache as cache

    monkeypatch.setattr(cache, "extractor_fingerprint", lambda: "another extractor")
    assert kg.build([docs], out=out, html=False, incremental=True).report.reused == 0
    assert extractor_fingerprint()  # the real one is a digest of the package


def test_a_broken_entry_is_read_again(tmp_path):
    docs = _docs(tmp_path)
    out = tmp_path / "out"
    kg.build([docs], out=out, html=False, incremental=True)
    before = _outputs(out)
    for entry in (out / CACHE_DIR).glob("*.m"):
        entry.write_bytes(entry.read_bytes()[:100])  # torn
        break
    report = kg.build([docs], out=out, html=False, incremental=True).report
    assert report.reused == 4 and _outputs(out) == before


def test_incremental_needs_an_output_folder(tmp_path):
    from kg.errors import KGError

    with pytest.raises(KGError, match="output folder"):
        kg.build([SEEDS], incremental=True)


def _rewrite_merged(out, change):
    from kg.cache import MERGED

    path = out / CACHE_DIR / MERGED
    path.write_bytes(marshal.dumps({s: change(v) for s, v in marshal.loads(path.read_bytes()).items()}))


def test_subjects_several_documents_state_merge_again_only_where_their_documents_changed(tmp_path):
    from kg.cache import MERGED

    docs = _docs(tmp_path)
    out = tmp_path / "out"
    kg.build([docs], out=out, html=False, incremental=True)
    assert (out / CACHE_DIR / MERGED).is_file()
    unchanged = kg.build([docs], out=out, html=False, incremental=True)
    assert unchanged.merger.merged == 0  # every merged subject taken as the last build left it

    changed = docs / "002_ade2870d4016e2b5.txt"
    text = changed.read_text(encoding="utf-8")
    removed = (docs / "001_3f98e640b1421c5b.txt").read_bytes()
    steps = [
        lambda: changed.write_text(text + "\n（十）新增一项工作。（区卫健委牵头，区教育局配合）\n", encoding="utf-8"),
        lambda: (docs / "001_3f98e640b1421c5b.txt").unlink(),
        lambda: changed.write_text(text, encoding="utf-8"),
        lambda: (docs / "001_3f98e640b1421c5b.txt").write_bytes(removed),
        lambda: (out / CACHE_DIR / MERGED).write_bytes(b"torn"),
        lambda: _rewrite_merged(out, lambda v: "not a tuple"),
        lambda: _rewrite_merged(out, lambda v: (v[0][1:], v[1], marshal.dumps([1]))),  # other entries, counts no dict
        lambda: (docs / "new.txt").write_text(text.replace("闵行", "嘉定"), encoding="utf-8"),
    ]
    for i, step in enumerate(steps):
        step()
        kg.build([docs], out=out, html=False, incremental=True)
        clean = tmp_path / f"clean{i}"
        kg.build([docs], out=clean, html=False)
        assert _outputs(out) == _outputs(clean), f"after step {i}"


def test_a_rebuild_from_the_cache_writes_the_store_a_clean_build_writes(tmp_path):
    docs = _docs(tmp_path)
    out = tmp_path / "out"
    kg.build([docs], out=out, html=False, incremental=True)
    changed = docs / "002_ade2870d4016e2b5.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n（十）新增一项工作。（区卫健委牵头，区教育局配合）\n", encoding="utf-8")
    assert kg.build([docs], out=out, html=False, incremental=True, persist=True).report.reused == 4
    clean = tmp_path / "clean"
    kg.build([docs], out=clean, html=False, persist=True)
    rebuilt, fresh = kg.load(out), kg.load(clean)
    assert rebuilt.location is not None and fresh.location is not None  # both opened from their stores
    assert rebuilt.serialize("nquads") == fresh.serialize("nquads") and len(rebuilt) == len(fresh)
