"""The spaCy pipeline as a whole: components, save/load, scripts."""
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from opencc import OpenCC

from kg.extract import extract_document
from kg.extract.pipeline import PIPE_NAMES, default_nlp, make_nlp, save_pipeline
from kg.ingest import read_document

from .conftest import CHANGNING, MINHANG, SEEDS


def test_components_are_registered_and_saved(tmp_path):
    nlp = make_nlp()
    assert nlp.pipe_names == PIPE_NAMES
    save_pipeline(tmp_path / "nlp")
    loaded = spacy.load(tmp_path / "nlp")
    assert loaded.pipe_names == PIPE_NAMES
    doc = loaded("（牵头单位：区卫健委）")
    assert len(doc) == len("（牵头单位：区卫健委）")  # one token per character
    assert (tmp_path / "nlp" / "hg_entities" / "grammar.json").exists()


def test_entities_land_on_doc_ents():
    nlp = make_nlp()
    doc = nlp("闵行区人民政府\n区卫健委牵头推进健康上海行动。")
    labels = {(e.text, e.label_) for e in doc.ents}
    assert ("区卫健委", "Department") in labels and ("健康上海行动", "Program") in labels
    assert [s.text for s in doc.sents][-1] == "区卫健委牵头推进健康上海行动。"


def _keys(ex):
    ents = {(m.key.type, m.key.name) for m in ex.mentions}
    rels = {(r.kind, r.source.name, r.target.name) for r in ex.relations}
    nums = {(q.kind, q.value, q.year) for q in ex.quantities}
    return ents, rels, nums


def test_traditional_text_gives_the_same_results(tmp_path):
    to_trad = OpenCC("s2t")
    for src_path in (MINHANG, SEEDS / "001_3f98e640b1421c5b.txt"):
        simp = read_document(src_path)
        trad_path = tmp_path / src_path.name
        trad_path.write_text(to_trad.convert(src_path.read_text(encoding="utf-8")), encoding="utf-8")
        trad = read_document(trad_path)
        assert trad.text != simp.text
        a, b = _keys(extract_document(simp)), _keys(extract_document(trad))
        assert a[1] == b[1] and a[2] == b[2]
        # entity names agree; OpenCC's s2t is one-to-many, so allow a handful of
        # characters that fold back to a different Simplified form
        assert len(a[0] ^ b[0]) <= max(2, len(a[0]) // 50), a[0] ^ b[0]


def test_doc_ents_follow_spacys_filter_spans_rule():
    """Entities are set without char_span alignment; the result must be what
    spacy.util.filter_spans keeps from the same mentions."""
    from spacy.util import filter_spans

    from kg.extract.pipeline import default_nlp, source_doc

    nlp = default_nlp()
    doc = nlp(source_doc(read_document(MINHANG), nlp))
    # every mention, those the relation finder adds included
    expected = filter_spans([doc.char_span(m.start, m.end, label=m.key.type) for m in doc._.hg_mentions])
    assert [(e.start, e.end, e.label_) for e in doc.ents] == [(e.start, e.end, e.label_) for e in expected]
    assert len(doc.ents) > 100


def test_extraction_skips_token_annotations_and_reads_the_same(monkeypatch):
    """extract_document runs the pipeline without hg_annotations (nothing it reads comes
    from doc.ents or doc.sents); its results are those of the whole pipeline."""
    from kg.extract import pipeline
    from kg.extract.pipeline import ANNOTATIONS, extraction_of, source_doc

    nlp = default_nlp()
    assert nlp.pipe_names[-1] == ANNOTATIONS
    for path in sorted(SEEDS.glob("*.txt")):
        src = read_document(path)
        full = nlp(source_doc(src, nlp))
        assert full.has_annotation("ENT_IOB") and full.has_annotation("SENT_START")
        whole = extraction_of(full, src)

        def written(*args):
            raise AssertionError("a build wrote doc.ents")

        with monkeypatch.context() as m:
            m.setattr(pipeline, "_set_entities", written)
            skipped = extract_document(src, nlp)
        assert (skipped.mentions, skipped.relations, skipped.quantities, skipped.sentences) == (
            whole.mentions, whole.relations, whole.quantities, whole.sentences), path.name


def test_char_tokenizer_equals_one_word_per_character():
    """The tokenizer passes ORTH ids from its own table; the Doc must be the one built
    from the characters as words."""
    from spacy.tokens import Doc

    nlp = make_nlp()
    # astral characters grow the tokenizer's code-point table past the BMP
    for text in ["", "闵行区卫健委 牵头\n（一）", "長寧區\t😀 a1、", "\u3000\u00a0x", "\U0002b726\U0010fffd区\x00"]:
        for _ in range(2):  # first with new characters, then from the table
            doc = nlp.make_doc(text)
            ref = Doc(nlp.vocab, words=list(text), spaces=[False] * len(text))
            assert doc.text == text
            assert [t.orth for t in doc] == [t.orth for t in ref]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["Department", "Hospital", "Program"]), st.integers(0, 59), st.integers(1, 6)),
                max_size=12))
def test_entities_written_as_arrays_equal_the_ents_setter(spans):
    """_set_entities writes IOB/type arrays in bulk; the Doc must read back the entities
    spaCy's own doc.ents setter would give."""
    from spacy.tokens import Span

    from kg.extract.pipeline import _set_entities

    nlp = default_nlp()
    taken, ents = set(), []
    for label, start, length in spans:  # keep non-overlapping ones inside the text
        end = min(start + length, 60)
        if not taken.intersection(range(start, end)):
            taken.update(range(start, end))
            ents.append((label, start, end))
    ents.sort(key=lambda e: e[1])
    text = "闵行区卫生健康委员会牵头推进健康知识普及行动，居民健康素养水平稳步提升。" * 2
    ours = nlp.make_doc(text[:60])
    _set_entities(ours, ents)
    ref = nlp.make_doc(text[:60])
    ref.ents = [Span(ref, s, e, label=label) for label, s, e in ents]
    assert [(e.start, e.end, e.label_) for e in ours.ents] == [(e.start, e.end, e.label_) for e in ref.ents]
    assert [t.ent_iob_ for t in ours] == [t.ent_iob_ for t in ref]


def test_program_lookup_by_stretch_equals_walking_the_section_tree():
    """_program_for answers from a table of the stretches between section starts and
    ends; it must give, at every offset, what walking up the section tree gives."""
    from pathlib import Path

    from kg.extract.pipeline import _program_for, _program_of_section, source_doc

    nlp = default_nlp()
    docs = sorted(SEEDS.glob("*.txt")) + sorted((Path(__file__).parent / "data" / "docs").glob("*.txt"))
    with_programs = 0
    for path in docs:
        src = read_document(path)
        doc = nlp(source_doc(src, nlp))
        sections = doc._.hg_context.sections
        by_section = doc._.hg_programs_by_section or {}
        lookup = _program_for(doc)
        answers = [lookup(o) for o in range(-2, len(doc) + 3)]
        assert answers == [_program_of_section(sections, by_section, o) for o in range(-2, len(doc) + 3)], path.name
        with_programs += any(a is not None for a in answers)
    assert with_programs >= 3  # the check saw documents whose sections are programs


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(-2, 30), st.integers(1, 8), st.sampled_from(["Department", "Program"])), max_size=15))
def test_longest_first_keeps_what_filter_spans_keeps(spans):
    """_longest_first (a bytearray of taken tokens) keeps the spans spaCy's filter_spans
    keeps, for any overlapping, nested or out-of-range mentions."""
    from types import SimpleNamespace

    from spacy.tokens import Span
    from spacy.util import filter_spans

    from kg.extract.pipeline import _longest_first

    n = 25
    doc = default_nlp().make_doc("健" * n)
    mentions = [SimpleNamespace(start=s, end=s + k, key=SimpleNamespace(type=label)) for s, k, label in spans]
    in_range = [m for m in mentions if 0 <= m.start < m.end <= n]
    # filter_spans sorts by (length, start) descending/ascending and is stable: give it the same order of ties
    expected = filter_spans(sorted((Span(doc, m.start, m.end, label=m.key.type) for m in in_range),
                                   key=lambda sp: (sp.start - sp.end, sp.start)))
    assert _longest_first(mentions, n) == [(sp.label_, sp.start, sp.end) for sp in expected]


def test_components_declare_what_they_assign_and_require():
    """Each component says what it needs and leaves (spaCy's assigns/requires): the
    pipeline's own order satisfies them, and one taken out shows as a problem."""
    from kg.extract.pipeline import make_nlp

    nlp = make_nlp()
    assert all(not p for p in nlp.analyze_pipes(pretty=False)["problems"].values())
    nlp.remove_pipe("hg_entities")
    problems = nlp.analyze_pipes(pretty=False)["problems"]
    assert "doc._.hg_mentions" in problems["hg_relations"]


PLAN_WITH_NEW_WORDS = ("关于印发健康促进行动方案的通知\n一、主要目标\n到2025年，全区居民健康奖章发放数达到300枚。\n二、重点任务\n"
                       "（一）健康知识普及行动。面向群众普及健康知识。（区卫健委牵头，区教育局襄助）\n")


def _read(nlp, path):  # noqa: ANN001, ANN202
    from kg.extract.pipeline import NOT_IN_BUILDS, extraction_of, source_doc

    src = read_document(path, default_region="闵行区")
    ex = extraction_of(nlp(source_doc(src, nlp), disable=NOT_IN_BUILDS), src)
    return ({(r.kind, r.source.name, r.target.name) for r in ex.relations},
            {(q.kind, q.indicator, q.value, q.unit, q.year) for q in ex.quantities},
            {(m.key.type, m.key.name) for m in ex.mentions})


def test_a_saved_pipeline_is_whole_and_reads_the_same(tmp_path):
    """nlp.to_disk writes every component's data; spacy.load reads the seeds as the
    package's pipeline does."""
    import spacy

    from kg.extract.pipeline import make_nlp

    make_nlp().to_disk(tmp_path / "pipe")
    saved = {str(p.relative_to(tmp_path / "pipe")) for p in (tmp_path / "pipe").rglob("*.json") if "vocab" not in p.parts}
    assert {"hg_entities/grammar.json", "hg_entities/responsibility.json", "hg_relations/responsibility.json",
            "hg_quantities/quantities.json", "hg_quantities/responsibility.json"} <= saved
    loaded = spacy.load(tmp_path / "pipe")
    for path in (MINHANG, CHANGNING):
        assert _read(loaded, path) == _read(make_nlp(), path)


def test_a_saved_pipeline_reads_its_own_words(tmp_path):
    """A support verb and a unit added to the saved copies are read by the loaded
    pipeline, and by no other pipeline of the same process."""
    import json

    import spacy

    from kg.extract.pipeline import make_nlp

    doc = tmp_path / "plan.txt"
    doc.write_text(PLAN_WITH_NEW_WORDS, encoding="utf-8")
    make_nlp().to_disk(tmp_path / "pipe")
    for component in ("hg_entities", "hg_relations", "hg_quantities"):
        cues = tmp_path / "pipe" / component / "responsibility.json"
        if cues.exists():
            raw = json.loads(cues.read_text(encoding="utf-8"))
            raw["support_verbs"].append("襄助")
            cues.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    units = tmp_path / "pipe" / "hg_quantities" / "quantities.json"
    raw = json.loads(units.read_text(encoding="utf-8"))
    raw["units"].append("枚")
    units.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")

    edited = _read(spacy.load(tmp_path / "pipe"), doc)
    assert ("support", "闵行区教育局", "健康知识普及行动") in edited[0]
    assert ("target", "居民健康奖章发放数", 300.0, "枚", 2025) in edited[1]
    package = _read(make_nlp(), doc)  # the package's words: neither is read
    assert ("support", "闵行区教育局", "健康知识普及行动") not in package[0]
    assert ("target", "居民健康奖章发放数", 300.0, "枚", 2025) not in package[1]
