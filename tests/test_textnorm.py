from hypothesis import given, settings, strategies as st

from kg.textnorm import fold, is_traditional, squeeze_cjk_spaces, to_simplified


def test_fold_maps_traditional_and_fullwidth():
    assert fold("長寧區衛健委") == "长宁区卫健委"
    assert fold("２０２２年（牽頭單位:區衛健委)") == "2022年（牵头单位：区卫健委）"


@given(st.text())
def test_fold_preserves_length(text):
    # offsets in the folded text must index the original
    assert len(fold(text)) == len(text)


def test_squeeze_cjk_spaces_keeps_latin_spacing():
    assert squeeze_cjk_spaces("2024 年，新增 5 家 区级医院") == "2024年，新增5家区级医院"
    assert squeeze_cjk_spaces("Open AI and 5 G") == "Open AI and 5 G"


def test_pdf_text_layer_spacing_cannot_change_numbers_or_headings():
    # what pypdf gives for a plan's targets and headings (issue 19)
    assert squeeze_cjk_spaces("分别达到36.6% 和40% 。") == "分别达到36.6%和40%。"
    assert squeeze_cjk_spaces("( 一 ) 健 全 健 康 优 先 发 展 机 制 。") == "(一)健全健康优先发展机制。"
    assert squeeze_cjk_spaces("（ 二 ） 强 化") == "（二）强化"
    assert squeeze_cjk_spaces("达到 36 6") == "达到36 6"  # two numbers stay two numbers


def test_squeeze_cjk_spaces_joins_thousands_grouped_by_a_space():
    # GB/T 15835-2011 lets a bulletin group thousands by a (thin) space: 医疗卫生机构15 631个 (unseen50 ln03)
    assert squeeze_cjk_spaces("全区共有医疗卫生机构15 631个，其中医院、卫生院1\u2009633个") == \
        "全区共有医疗卫生机构15631个，其中医院、卫生院1633个"
    assert squeeze_cjk_spaces("总诊疗人次1 234 567人次") == "总诊疗人次1234567人次"
    # near cases: cells of a table aligned by spaces, and groups that are not of three digits
    assert squeeze_cjk_spaces("医院 12 345") == "医院12 345"
    assert squeeze_cjk_spaces("床位 12 345 678") == "床位12 345 678"
    assert squeeze_cjk_spaces("达到36 6人") == "达到36 6人"
    # squeezing twice gives what squeezing once does (a PDF layer is squeezed by the reader and the cleaner)
    for line in ("医院 12 345 个", "医院 12 345", "床位 12 345 678", "全区共有医疗卫生机构15 631个"):
        assert squeeze_cjk_spaces(squeeze_cjk_spaces(line)) == squeeze_cjk_spaces(line), line


def test_a_space_before_a_decimal_point_is_dropped():
    # real wording: unseen46 lj03 (a reposted 南都 headline, 深圳): 同比下降2 .76%
    assert squeeze_cjk_spaces("同比下降2 .76%,深圳妇幼健康服务年活动启动") == "同比下降2.76%,深圳妇幼健康服务年活动启动"
    assert squeeze_cjk_spaces("孕产妇死亡率为5 .32/10万") == "孕产妇死亡率为5.32/10万"
    assert squeeze_cjk_spaces("下降2\u3000.76%") == "下降2.76%" and squeeze_cjk_spaces("下降2\t.76%") == "下降2.76%"
    assert squeeze_cjk_spaces("第2 . 3条") == "第2 . 3条"  # a point with no digit after it: no decimal
    assert squeeze_cjk_spaces("1 .docx") == "1 .docx"


def test_traditional_detection():
    assert is_traditional("長寧") and not is_traditional("长宁")
    assert to_simplified("醫療聯合體") == "医疗联合体"


def test_list_table_folds_as_the_dict_table():
    """fold translates through a list indexed by code point; it must equal the dict
    table for any text, including characters beyond the list and astral ones."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kg.textnorm import _fold_table, fold

    table = _fold_table()
    sample = "".join(chr(cp) for cp in sorted(table)[::40]) + "長寧區衛生健康委員會（１２３）ＡＢ,:;😀\U0002b726\U0002b727"

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet=st.sampled_from(sample) | st.characters(), max_size=40))
    def agree(text):
        assert fold(text) == text.translate(table)

    agree()


def test_char_class_matches_exactly_its_bmp_code_points_and_every_astral_one():
    from kg.textnorm import char_class

    points = [0x41, 0x42, 0x43, 0x4E00, 0x9577, 0x9578, 0xFF01, 0x2B726]
    rx = char_class(points)
    for cp in range(0x20, 0x10000, 7):
        if 0xD800 <= cp < 0xE000:
            continue
        assert (rx.fullmatch(chr(cp)) is not None) == (cp in points)
    for cp in points:
        assert rx.fullmatch(chr(cp))
    # astral characters all match (callers check them against their own table)
    assert rx.fullmatch("\U0002b727") and rx.fullmatch("😀")
    assert char_class([]).search("abc長") is None


@given(st.text(alphabet=st.sampled_from("長寧區衛长宁区卫abc，,（(😀\U0002b726\U0002b727\u00a0　１")
                | st.characters(), max_size=30))
def test_is_traditional_is_a_table_lookup(text):
    from kg.textnorm import ts_table

    table = ts_table()
    assert is_traditional(text) == any(ord(c) in table for c in text)


@given(st.lists(st.text(alphabet=st.sampled_from("長寧區卫生，,（(　\u00a0１ab\r\x85\u2028 \t。😀")
                        | st.characters(blacklist_characters="\n"), max_size=20), max_size=8))
def test_fold_lines_folds_each_line_as_itself(lines):
    from kg.textnorm import _fold_table, fold_lines

    assert fold_lines(lines) == [fold(line) for line in lines]
    assert "\n" not in _fold_table().values()  # what makes one call per page safe


@settings(max_examples=300, deadline=None)
@given(st.sets(st.integers(0, 0x10FFFF).filter(lambda c: not 0xD800 <= c <= 0xDFFF), max_size=40),
       st.lists(st.integers(0, 0x10FFFF).filter(lambda c: not 0xD800 <= c <= 0xDFFF), max_size=40))
def test_class_ranges_hold_exactly_their_code_points(members, probes):
    """Every member matches, and nothing else does (special characters ] ^ - \\ included)."""
    import re

    from kg.textnorm import class_ranges

    members |= {ord(c) for c in "]^-\\"} if len(members) % 2 else set()
    if not members:
        return
    pattern = re.compile("[" + class_ranges(members) + "]")
    for cp in members | set(probes) | {c + 1 for c in members} | {c - 1 for c in members if c}:
        if 0xD800 <= cp <= 0xDFFF or cp > 0x10FFFF:
            continue
        assert (pattern.fullmatch(chr(cp)) is not None) == (cp in members), hex(cp)


_SQUEEZE_PIECES = st.sampled_from(["中", "文", "，", "。", "“", "》", "5", "a", "B", " ", "  ", "\t", "\u3000", "\xa0", "\n", "-",
                                   "(", ")", "%", "‰", "."])


@settings(max_examples=500, deadline=None)
@given(st.lists(_SQUEEZE_PIECES, max_size=20))
def test_squeeze_equals_the_lookbehind_first_spelling(parts):
    import re

    cjk = r"\u3400-\u4dbf\u4e00-\u9fff"
    punct = "，。：；、（）“”《》()%‰"
    plain = re.compile(rf"(?<=[{cjk}{punct}])[ \t\u3000]+(?=[{cjk}\d{punct}])"
                       rf"|(?<=[{cjk}\d])[ \t\u3000]+(?=[{cjk}{punct}])")
    text = "".join(parts)
    assert squeeze_cjk_spaces(text) == plain.sub("", text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 400), st.sampled_from(list("長寧區衛（１２３）ＡＢ,:;　「」\u00a0😀\U0002b726\U0002b727"))),
                max_size=12),
       st.integers(20, 400))
def test_sparse_fold_by_callback_equals_translating(changes, length):
    """A text with few characters to fold takes the per-match path; it must equal
    translating the whole text through the table."""
    from kg.textnorm import _fold_table

    text = list(("健康中国行动推进委员会办公室" * 40)[:length])
    for at, ch in changes:
        text[at % length] = ch
    text = "".join(text)
    assert fold(text) == text.translate(_fold_table())


def test_pinyin_glosses_of_a_mirror_are_dropped():
    from kg.textnorm import drop_pinyin_glosses

    assert drop_pinyin_glosses("湘西经（jīng）开区（qū）管委会") == "湘西经开区管委会"
    # Latin abbreviations and plain brackets stay
    assert drop_pinyin_glosses("联盟式药品集中议价采购（GPO）") == "联盟式药品集中议价采购（GPO）"
    assert drop_pinyin_glosses("各县（市、区）和（ppp）项目") == "各县（市、区）和（ppp）项目"


def test_a_comma_before_another_clause_mark_is_dropped():
    from kg.textnorm import drop_doubled_commas

    assert drop_doubled_commas("番禺区爱卫会,、番禺区卫生健康局主办,,区健康教育中心承办,,开展活动,。") == \
        "番禺区爱卫会、番禺区卫生健康局主办,区健康教育中心承办,开展活动。"
    assert drop_doubled_commas("主办，，区疾控中心；") == "主办，区疾控中心；"
    # one comma, a thousands separator and an ellipsis's dots stay
    assert drop_doubled_commas("投入1,000万元，建成3所医院……") == "投入1,000万元，建成3所医院……"


def test_real_mirror_page_hosts_and_organisers_read_through_doubled_commas():
    from kg.extract import extract_document
    from kg.ingest import read_document

    from .conftest import ROOT

    ex = extract_document(read_document(ROOT / "unseen9/docs/s04_guangdong_panyu_patriotic_health_month_trad.txt"))
    got = {(r.kind, r.source.name) for r in ex.relations}
    assert {("lead", "番禺区卫生健康局"), ("support", "沙湾镇人民政府"), ("support", "番禺区疾病预防控制中心")} <= got
