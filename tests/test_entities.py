"""Entity recognition: how official texts name bodies, hospitals, consortia, programs."""
import pytest

from kg.extract.model import CONSORTIUM, DEPARTMENT, HOSPITAL, POLICY, PROGRAM, REGION


def names(ex, typ):
    return {m.key.name for m in ex.mentions if m.key.type == typ}


MH = "闵行区人民政府关于推进健康闵行行动的实施方案\n"


@pytest.mark.parametrize("surface,canonical", [
    ("区卫健委", "闵行区卫生健康委员会"),
    ("区卫生健康委", "闵行区卫生健康委员会"),
    ("区发改委", "闵行区发展和改革委员会"),
    ("区规划资源局", "闵行区规划和自然资源局"),
    ("区绿容局", "闵行区绿化和市容管理局"),
    ("区公安分局", "上海市公安局闵行分局"),
    ("区委", "中共闵行区委员会"),
    ("区政府", "闵行区人民政府"),
    ("市卫健委", "上海市卫生健康委员会"),
    ("国家卫生健康委", "国家卫生健康委员会"),
    ("全国爱卫办", "全国爱国卫生运动委员会办公室"),
    ("嘉兴市爱卫办", "嘉兴市爱国卫生运动委员会办公室"),
    ("浙江省卫生健康委", "浙江省卫生健康委员会"),
])
def test_department_canonical_names(extract, surface, canonical):
    ex = extract(MH + f"{surface}牵头开展工作，落实各项任务。", title="闵行区健康行动方案")
    assert canonical in names(ex, DEPARTMENT)


def test_bodies_by_domain_are_one_body_only_where_named_as_responsible(extract):
    # FORMAT.md: a generic mention names no body; 卫健、财政、教育等部门 and 与民政部门密切配合
    # name bodies by domain (the development gold, h07 and h13, annotates none); 体育部门牵头
    # makes one body the responsible unit
    ex = extract("嘉定区建立卫健、财政、教育等16个部门的联合行动机制。财政支出结构持续优化。体育部门牵头完成布局。"
                 "与民政部门密切配合。", title="嘉定区新闻")
    assert names(ex, DEPARTMENT) == {"嘉定区体育局"}
    assert not [m for m in ex.mentions if m.surface == "财政"]


def test_traditional_text_gives_simplified_canonical_names(extract):
    ex = extract("長寧區衛健委主任介紹，以區疾控中心牽頭的“健康聯合體”將成立。", title="長寧區新聞")
    assert {"长宁区卫生健康委员会", "长宁区疾病预防控制中心"} <= names(ex, DEPARTMENT)
    assert any(m.surface == "長寧區衛健委" for m in ex.mentions)


def test_hospitals_named_vs_generic(extract):
    ex = extract(MH + "建成上海市第五人民医院和复旦大学附属闵行医院标准化门急诊。提高区属综合医院、社区卫生服务中心和县级医院能力。"
                 "推进区中心医院建设，依托“肿瘤医院-闵行”医联体。", title="闵行区方案")
    got = names(ex, HOSPITAL)
    assert {"上海市第五人民医院", "复旦大学附属闵行医院", "闵行区中心医院", "复旦大学附属肿瘤医院"} <= got
    assert not any("区属" in n or "县级" in n for n in got)


def test_coordinated_community_centres(extract):
    ex = extract("長寧區全面提升虹橋、華陽、新華三家社區衛生服務中心能級。", title="長寧區新聞")
    assert {"长宁区虹桥社区卫生服务中心", "长宁区华阳社区卫生服务中心", "长宁区新华社区卫生服务中心"} <= names(ex, HOSPITAL)


def test_consortia_and_their_named_members(extract):
    ex = extract("嘉定区深化“市一嘉定”“瑞金嘉定”“仁济嘉定”三大紧密型医联体建设。依托“复旦-闵行健康联合体”平台。", title="嘉定区答复")
    assert {"市一嘉定紧密型医联体", "瑞金嘉定紧密型医联体", "仁济嘉定紧密型医联体", "复旦-闵行健康联合体"} <= names(ex, CONSORTIUM)
    members = {(r.source.name, r.target.name) for r in ex.relations if r.kind == "member"}
    assert ("上海交通大学医学院附属瑞金医院", "瑞金嘉定紧密型医联体") in members
    assert ("上海市第一人民医院", "市一嘉定紧密型医联体") in members


def test_policy_documents_by_number_and_title(extract):
    ex = extract("对标《关于推进健康上海行动的实施意见》（沪府发〔2019〕16号）及《国民营养计划（2017-2030年）》。", title="闵行区方案")
    docs = names(ex, POLICY)
    assert "沪府发〔2019〕16号" in docs and "《国民营养计划（2017-2030年）》" in docs
    assert not any(n.startswith("《关于推进健康上海") for n in docs)  # the number names it


def test_quoted_program_names_and_concepts(extract):
    ex = extract("开展“健康中国行”活动，推进“体医结合”与“互联网+医疗健康”，打造“智慧健康中枢”，构建“15分钟医疗卫生服务圈”。"
                 "全面推进“一大体系”。", title="某区新闻")
    got = names(ex, PROGRAM)
    assert {"健康中国行活动", "智慧健康中枢", "15分钟医疗卫生服务圈"} <= got  # “健康中国行”活动: the quoted name with its head
    assert not got & {"体医结合", "互联网+医疗健康", "一大体系"}


def test_unquoted_program_heads(extract):
    ex = extract("为贯彻落实健康中国战略，推进健康上海行动，实施母婴安全行动计划，实施全覆盖传染病救治网建设工程。统筹推进各健康专项行动。",
                 title="闵行区方案")
    got = names(ex, PROGRAM)
    assert {"健康中国战略", "健康上海行动", "母婴安全行动计划", "全覆盖传染病救治网建设工程"} <= got
    assert "健康专项行动" not in got


def test_regions_full_and_short_forms(extract):
    ex = extract("嘉兴市海盐县望海街道社区卫生服务中心。2022年，海盐在秦山街道新建门诊。浙江率先实现全覆盖。", title="嘉兴新闻")
    got = names(ex, REGION)
    assert {"嘉兴市", "海盐县", "浙江省", "秦山街道"} <= got
    assert "望海街道" not in got  # named only inside the centre's name: not a region the text speaks of
    hospitals = names(ex, HOSPITAL)
    assert "海盐县望海街道社区卫生服务中心" in hospitals


def test_listed_items_being_built_are_programs(extract):
    ex = extract("嘉定区完成一键式病案服务、云胶片、云陪诊、医保平台电子处方中心的建设。继续推动大肠癌、胃癌、肺癌等重点癌症社区筛查。"
                 "积极承办市民运动会、城市业余联赛等市级赛事。", title="嘉定区答复")
    got = names(ex, PROGRAM)
    assert {"一键式病案服务", "云胶片", "云陪诊", "医保平台电子处方中心", "市民运动会", "城市业余联赛"} <= got
    assert not got & {"大肠癌", "胃癌", "肺癌"}


def test_abbreviation_defines_a_name_and_nicknames_are_policies(extract):
    ex = extract("加快推进联盟式药品集中议价采购（GPO）工作。加快推进“健康服务业50条”落地。", title="某区答复")
    assert "联盟式药品集中议价采购" in names(ex, PROGRAM)
    assert "健康服务业50条" in names(ex, POLICY) and "健康服务业50条" not in names(ex, PROGRAM)


def test_zone_committee_and_shanghai_housing_body(extract):
    ex = extract(MH + "各镇人民政府、莘庄工业区管委会：区住建局、区公安分局牵头。", title="闵行区方案")
    assert {"莘庄工业区管理委员会", "闵行区建设和管理委员会", "上海市公安局闵行分局"} <= names(ex, DEPARTMENT)
    assert "莘庄工业区" not in names(ex, REGION)  # only inside its committee's name


def _campaign_regex(places):
    import re

    alts = "|".join(map(re.escape, sorted(places, key=len, reverse=True)))
    return re.compile(r"(?:全国|新时代|" + alts + r")?(?:健康|卫生|文明|美丽|平安|数字健康|智慧)(?:" + alts + ")建设")


def test_campaign_names_by_set_lookup_match_the_regex_reading():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kg.extract.entities.programs import _campaign_places, _campaigns

    places = _campaign_places(("闵行", "上海", "莘庄"))
    pattern = _campaign_regex(places)
    assert _campaigns("推进全国文明城区建设和健康闵行建设", places) == [(2, 10), (11, 17)]
    words = ["健康", "卫生", "文明", "数字健康", "全国", "新时代", "城市", "闵行", "上海", "建设", "和", "推进", "数字"]

    @settings(max_examples=400, deadline=None)
    @given(st.lists(st.sampled_from(words), max_size=12))
    def agree(parts):
        text = "".join(parts)
        assert _campaigns(text, places) == [m.span() for m in pattern.finditer(text)]

    agree()


def test_document_numbers_found_from_their_year_match_the_full_pattern():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    import re

    from kg.extract.entities.policies import doc_number_spans

    _DOC_NUMBER = re.compile(r"[\u3400-\u9fff]{1,10}[〔\[［【（](\d{4})[〕\]］】）]\s*第?\d+号")

    assert doc_number_spans("根据沪府发〔2019〕16号和闵府办发〔2020〕第3号") == [(0, 14), (14, 28)]
    pieces = ["沪府发", "闵", "文件", "〔", "〕", "（", "）", "2019", "16", "号", "第", " ", "a", "，", "十一个汉字的发文机关代字啊"]

    @settings(max_examples=500, deadline=None)
    @given(st.lists(st.sampled_from(pieces), max_size=14))
    def agree(parts):
        text = "".join(parts)
        assert doc_number_spans(text) == [m.span() for m in _DOC_NUMBER.finditer(text)]

    agree()


def test_anchored_scans_match_their_patterns():
    """Street names and abbreviated names are found from their anchors (街道, （ABC）)
    instead of a pattern tried at every character; the spans must be the pattern's."""
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kg.extract.entities.programs import _abbreviated_names
    from kg.extract.entities.regions import street_spans

    cjk = r"\u3400-\u9fff"
    _STREET = re.compile(rf"(?:(?<![{cjk}])|(?<=[在和与及到从对、]))([{cjk}]{{2}})(街道)|(?<=[区县市])([{cjk}]{{2}})(街道)")

    abbreviated = re.compile(r"([\u3400-\u9fff]{4,24})（([A-Z]{2,6})）(?=[工和、，。；]|$)")
    pieces = ["街道", "新桥", "在", "区", "和", "，", " ", "a", "镇", "联盟式药品集中议价采购", "（GPO）", "（AB）", "工作", "。", "长"]

    @settings(max_examples=500, deadline=None)
    @given(st.lists(st.sampled_from(pieces), max_size=12))
    def agree(parts):
        text = "".join(parts)
        assert street_spans(text) == [(m.start(1) if m.group(1) else m.start(3), m.end()) for m in _STREET.finditer(text)]
        assert _abbreviated_names(text) == [m.span(1) for m in abbreviated.finditer(text)]

    agree()


def test_boundary_lookup_and_quoted_heads_match_their_scans():
    """boundary_before reads a per-text set of boundary-word ends; _quoted_trailing finds
    the first head word with one automaton pass. Both must equal the character scans
    they replaced."""
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kg.extract.entities.programs import _quoted_trailing
    from kg.extract.grammar import grammar

    g = grammar()
    words = (sorted(g.boundary_words)[:40] + sorted(g.raw["quoted_trailing_heads"])
             + ["健康", "的", "”", "，", "模式", "数字", "基座", "体系", "a", "服务", "转型", "协同", "和", "各"])

    def boundary_scan(text, i):
        longest = max(map(len, g.boundary_words))
        return any(text[i - k:i] in g.boundary_words for k in range(min(longest, i), 0, -1))

    def trailing_scan(f, pos):
        start = pos + 1 if f.startswith("的", pos) else pos
        for k in range(0, 9):
            if start + k >= len(f) or not re.match(r"[\u3400-\u9fff]", f[start + k]):
                return None
            m = g.quoted_trailing.match(f, start + k)
            if m is not None:
                return f[start:m.end()], m.end()
            if f[start + k] in g.stop_chars:
                return None
        return None

    @settings(max_examples=400, deadline=None)
    @given(st.lists(st.sampled_from(words), max_size=10))
    def agree(parts):
        text = "".join(parts)
        for i in range(len(text) + 1):
            assert g.boundary_before(text, i) == boundary_scan(text, i)
        for pos in range(len(text)):
            assert _quoted_trailing(text, pos, g) == trailing_scan(text, pos)

    agree()


def test_left_extend_equals_the_character_scan_it_replaced():
    """left_extend finds a name's left edge with one regex and one bisection; it must
    give what stepping left one character at a time gives."""
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kg.extract.grammar import _COUNT, grammar

    g = grammar()
    name_char = re.compile(r"[\u3400-\u9fff0-9A-Za-z+\-·]")

    def scan(text, head_start, floor=0, max_len=24):
        i = head_start
        lo = max(floor, head_start - max_len)
        while i > lo:
            if g.boundary_before(text, i):
                break
            ch = text[i - 1]
            if ch in g.stop_chars or not name_char.match(ch):
                break
            i -= 1
        for m in _COUNT.finditer(text, i, head_start):
            i = m.end()
        return i

    pieces = (sorted(g.boundary_words)[:30] + sorted(g.stop_chars)[:10]
              + ["卫生", "健康", "委员会", "行动", "，", "。", "、", " ", "\n", "A", "7", "20个", "三家", "-", "·", "《", "—", "𠀀"])

    @settings(max_examples=400, deadline=None)
    @given(st.lists(st.sampled_from(pieces), max_size=16), st.integers(0, 6), st.sampled_from([24, 14, 6, 1]))
    def agree(parts, floor, max_len):
        text = "".join(parts)
        for head in range(len(text) + 1):
            assert g.left_extend(text, head, floor, max_len) == scan(text, head, floor, max_len), (text, head)

    agree()


def test_level_characters_name_the_documents_own_regions():
    """区/县 is the document's county, 市 its city (or itself, for a county-level city),
    省 its province; asked again (memoised) the answers are the same."""
    from kg.names.bodies import level_region
    from kg.names.regions import regions

    table = regions()
    minhang, tongxiang = table.by_name["闵行区"][0], table.by_name["桐乡市"][0]
    for _ in range(2):
        assert [level_region(c, minhang).name for c in "区县市省"] == ["闵行区", "闵行区", "上海市", "上海市"]
        assert [level_region(c, tongxiang).name for c in "区市省"] == ["桐乡市", "桐乡市", "浙江省"]
        assert level_region("区", None) is None


def test_the_verb_before_a_quote_is_found_as_testing_each_end_position_finds_it():
    """_acted_on_groups tests one substring per verb; it must agree with testing every
    position a verb may end at within the reach (its first spelling)."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kg.extract.grammar import Grammar

    g = Grammar.load()
    verbs, reach = g.quoted_action_before, g.quoted_action_reach

    def by_position(lead_in: str) -> bool:
        return any(lead_in[max(0, k - len(v)):k] == v for v in verbs
                   for k in range(max(len(v), len(lead_in) - reach), len(lead_in) + 1))

    def by_substring(lead_in: str) -> bool:
        n = len(lead_in)
        return any(v in lead_in[max(0, n - reach - len(v)):] for v in verbs)

    pieces = list(verbs[:10]) + ["健康", "的", "，", "全市", "积极", "行动"]

    @settings(max_examples=500, deadline=None)
    @given(st.lists(st.sampled_from(pieces), max_size=8))
    def agree(parts):
        text = "".join(parts)
        assert by_substring(text) == by_position(text), text

    agree()


def test_a_zones_name_starts_after_a_function_word(extract):
    # real wording: unseen12 m14 (滨海新区 plan notice, its title line run into the salutation)
    ex = extract("天津市滨海新区人民政府关于印发滨海新区落实健康天津行动实施方案的通知各开发区管委会，各委局：",
                 title="滨海新区落实健康天津行动实施方案")
    assert not any("开发区" in n for n in names(ex, REGION))  # 各开发区: every zone, none named
    ex = extract("会议由张江工业区管理委员会主办。张江工业区建成三个社区卫生服务站。", title="浦东新区新闻", issuer="浦东新区卫生健康委员会")
    assert "张江工业区" in names(ex, REGION) and "和张江工业区" not in names(ex, REGION)
    ex = extract("会议由区卫健委和张江工业区管理委员会主办。张江工业区建成三个社区卫生服务站。", title="浦东新区新闻", issuer="浦东新区卫生健康委员会")
    assert "张江工业区" in names(ex, REGION) and "和张江工业区" not in names(ex, REGION)
