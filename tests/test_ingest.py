from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.ingest import collect_paths, read_document
from kg.ingest.clean import clean_text
from kg.ingest.decode import decode_bytes

from .conftest import CHANGNING, MINHANG, SEEDS

TEXT = "闵行区卫生健康委员会牵头推进健康知识普及行动，居民健康素养水平稳步提升。"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "big5", "utf-16"])
def test_decoding_detects_chinese_encodings(encoding):
    text = TEXT if encoding != "big5" else "長寧區衛生健康委員會牽頭推進健康知識普及行動，居民健康素養水平穩步提升。"
    decoded, name = decode_bytes(text.encode(encoding), "x.txt")
    assert decoded.lstrip("\ufeff") == text


@pytest.mark.parametrize("data,reason", [(b"", "empty"), (b"   \n", "empty"), (bytes(range(256)) * 20, "binary")])
def test_bad_bytes_are_refused_with_a_reason(data, reason):
    with pytest.raises(InputError) as exc:
        decode_bytes(data, "bad.bin")
    assert "bad.bin" in str(exc.value) and reason in str(exc.value)


def test_duplicated_body_and_trailer_are_dropped():
    body = ["一、总体要求", "各部门要按照本方案要求，认真组织实施，确保各项任务落到实处，取得实效。",
            "二、主要任务", "推进健康城市建设，完善慢性病综合防控体系，提高居民健康素养水平。"]
    raw = "\n".join(["首页 | 新闻 | 政务公开 | 互动交流"] + body + body + ["相关推荐", "某地举办运动会", "2024-01-01"])
    kept, dropped = clean_text(raw)
    assert kept == body
    assert "首页 | 新闻 | 政务公开 | 互动交流" in dropped and "相关推荐" in dropped


def test_a_portals_friendly_links_and_the_hospital_ads_above_them_are_dropped():
    body = ["烟台市积极做好老年人健康教育促进工作，市财政设立健康教育促进资金，开展健康教育促进工作。",
            "各医疗卫生机构设立健康教育科，组织医务人员对老年人普及医学知识。"]
    kept, dropped = clean_text("\n".join(body + ["兰州白癜风医院", "南通男科医院", "友情链接", "4"]))
    assert kept == body and "南通男科医院" in dropped


def test_a_sentence_giving_one_contact_is_body_text():
    # 联系电话： holds 电话：, one label: the line is a sentence of the plan, not a metadata line
    from kg.ingest.reader import read_data
    line = "区直各相关单位要将健康教育工作情况及时报送区健康教育所(联系电话:8529325)。区健康教育所将汇总信息及时上报。"
    body = "各部门要按照本方案要求，认真组织实施，确保各项任务落到实处。"
    assert "报送区健康教育所" in read_data(f"某区健康教育工作方案\n{body}\n{line}".encode("utf-8"), "plan.txt").text
    # two labels of its own: a page's contact line, dropped
    text = read_data(f"某区健康教育工作方案\n{body}\n联系人：张三 联系电话：8529325".encode("utf-8"), "plan.txt").text
    assert "联系人" not in text and body in text


def test_real_news_with_hospital_ads_before_its_links():
    from kg.extract import extract_document
    path = Path(__file__).resolve().parents[1] / "unseen13" / "docs" / "n12_shandong_yantai_elderly_health_education_news.txt"
    ex = extract_document(read_document(path))
    assert not [m for m in ex.mentions if m.key.type == "Hospital"]


def test_seed_boilerplate_dropped_but_plan_kept_whole():
    news = read_document(CHANGNING)
    assert "亚洲精品" not in news.text and "相關推薦" not in news.text
    assert "長寧區衛生健康事業高質量發展推進會" in news.text
    plan = read_document(MINHANG)
    assert plan.dropped_share == 0.0
    assert plan.doc_number == "闵府发〔2020〕15号" and plan.date == "2020-07-16" and plan.issuer == "闵行区人民政府"


def test_collect_paths_reports_missing_and_empty(tmp_path):
    (tmp_path / "empty").mkdir()
    paths, errors = collect_paths([SEEDS, tmp_path / "missing", tmp_path / "empty"])
    assert len(paths) == 5
    reasons = sorted(e.reason for e in errors)
    assert reasons == ["folder holds no documents (.txt .md .html .htm .pdf .docx)", "no such file or folder"]


def test_html_page_reads_article_text(tmp_path):
    p = tmp_path / "page.html"
    p.write_text("<html><head><title>标题</title><script>var x='区卫健委';</script></head><body><nav>首页</nav>"
                 "<p>区卫健委牵头推进健康知识普及行动，居民健康素养水平稳步提升。</p></body></html>", encoding="utf-8")
    doc = read_document(p)
    assert doc.format == "html" and "var x" not in doc.text and "健康知识普及行动" in doc.text


def test_size_limit(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text(TEXT * 100, encoding="utf-8")
    with pytest.raises(InputError, match="over the 100-byte limit"):
        read_document(p, max_bytes=100)


def test_jurisdiction_from_issuer_number_title_and_text():
    from kg.names.regions import detect_jurisdiction, regions

    t = regions()
    body = "上海市闵行区和嘉兴市的做法。"
    assert detect_jurisdiction(body, None, "闵行区人民政府").name == "闵行区"
    assert detect_jurisdiction(body, None, None, doc_number="嘉卫〔2024〕3号").name == "嘉兴市"
    assert detect_jurisdiction(body, None, None, doc_number="闵府发〔2020〕15号").name == "闵行区"
    assert detect_jurisdiction("上海市与浙江省合作。", None, None, doc_number="沪府发〔2019〕16号").name == "上海市"
    assert detect_jurisdiction("嘉兴市海盐县推进工作。海盐县卫健局。", "海盐县新闻", None).name == "海盐县"
    assert t.chain(detect_jurisdiction("嘉兴市海盐县推进工作，嘉兴市卫健委", None, None))[0].name == "浙江省"


def test_undecodable_bytes(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_bytes(b"\x80\xff\xfe\x81 " * 200)
    with pytest.raises(InputError) as exc:
        read_document(p)
    assert "bad.txt" in str(exc.value) and ("undecodable" in exc.value.reason or "binary" in exc.value.reason)


def test_reader_folded_body_is_the_fold_of_the_body():
    """Extraction matches against the reader's folded lines; they must equal fold(text)
    with ASCII full stops read as 。 (what SourceDocument.folded gives without the reader)."""
    from pathlib import Path

    from kg.ingest import read_document
    from kg.ingest.clean import full_stops
    from kg.ingest.document import SourceDocument
    from kg.textnorm import fold

    root = Path(__file__).parent
    paths = sorted((root.parent / "seeds").glob("*.txt")) + sorted((root / "data" / "docs").glob("*.txt"))
    paths.append(root.parent / "unseen4" / "docs" / "x04_hainan_xiuying_promotion_targets.txt")  # 以上.城、乡
    for path in paths:
        src = read_document(path)
        assert src.folded_text == full_stops(fold(src.text)), path.name
        assert SourceDocument(path="x", name="x", sha256="", encoding="utf-8", format="text", text=src.text,
                              chars_in=0, chars_dropped=0, dropped=[]).folded == src.folded_text, path.name


@pytest.mark.parametrize("line, stops", [
    ("全区居民健康素养水平提高到26%以上.城、乡居民健康素养水平分别提高到26%和18%以上.", 2),  # a PDF's text layer
    ("请认真组织实施.(此件主动公开)", 1),
    ("水平达到36.6%，见1.2节。", 0),  # a decimal, a section number
    ("详见www.gov.cn和Dr.Li的说明", 0),  # a web address, Latin text
])
def test_an_ascii_full_stop_between_chinese_text_is_a_full_stop(line, stops):
    from kg.ingest.clean import full_stops

    folded = full_stops(line)
    assert len(folded) == len(line) and folded.count("。") - line.count("。") == stops


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("闵行区卫生健康委㐀鿿丶a1，。 😀\U0002b726")
                        | st.characters(blacklist_characters="\n"), max_size=20), max_size=8))
def test_cjk_counts_equal_a_count_per_line(lines):
    import re

    from kg.ingest.clean import cjk_counts

    cjk_run = re.compile(r"[\u3400-\u9fff]+")
    assert cjk_counts(lines) == [sum(map(len, cjk_run.findall(line))) for line in lines]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.one_of(st.characters(), st.sampled_from("的是國會\n\r\t\x00\u200b\ue000 ")), max_size=60))
def test_codec_scores_equal_their_character_counts(text):
    """The shares that pick a legacy codec are counted by regex and str methods; they
    must equal counting character by character."""
    from kg.ingest.decode import _COMMON, _cjk_share, _printable_share

    n = len(text) or 1
    assert _cjk_share(text) == (sum(1 for c in text if c in _COMMON) / n if text else 0.0)
    assert _printable_share(text) == (sum(1 for c in text if c.isprintable() or c in "\n\r\t") / n if text else 0.0)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["⼈", "⺠", "\uf900", "口", "中", " ", "\u3000", "\t", "\n", "\r\n", "\u2028", "\x0b",
                                 "\x1c", "\x85", "a", "，"]), max_size=30))
def test_radicals_repaired_over_the_page_give_the_lines_repaired_one_by_one(parts):
    """clean_lines repairs look-alike radicals once per page; the repair maps no
    whitespace or line break, so the page's lines are those repaired line by line."""
    from kg.ingest.clean import clean_lines
    from kg.textnorm import repair_ideographs, squeeze_cjk_spaces

    raw = "".join(parts)
    by_line = [t for t in (squeeze_cjk_spaces(repair_ideographs(r.strip())) for r in raw.splitlines()) if t]
    kept, dropped = clean_lines(raw)
    assert sorted([ln.text for ln in kept] + dropped) == sorted(by_line)


def test_radicals_in_a_page_are_read_as_ideographs():
    from kg.ingest.clean import clean_lines

    kept, _ = clean_lines("⼈⺠政府关于加强⼝腔健康工作的通知，请各单位认真贯彻落实。")
    assert kept and "人" in kept[0].text and "⼈" not in kept[0].text


def test_metadata_from_the_readers_folded_lines_equals_folding_them_again():
    """read_document hands extract_metadata the folded lines it already has; the result
    must be what folding the lines inside extract_metadata gives."""
    from pathlib import Path

    from kg.ingest.clean import clean_lines
    from kg.ingest.decode import decode_bytes
    from kg.ingest.metadata import extract_metadata

    docs = sorted(SEEDS.glob("*.txt")) + sorted((Path(__file__).parent / "data" / "docs").glob("*.txt"))
    found = 0
    for path in docs:
        kept, _ = clean_lines(decode_bytes(path.read_bytes(), str(path))[0])
        lines = [ln.text for ln in kept]
        meta = extract_metadata(lines)
        assert extract_metadata(lines, [ln.folded for ln in kept]) == meta, path.name
        found += sum(v is not None for v in meta.values())
    assert found >= 2 * len(docs)  # the documents do carry titles, dates, issuers


PAGE_WITH_FURNITURE = """县卫健委2021年重点工作任务分解
文章来源:灵璧县卫生健康委员会 浏览量: 发表时间:2021-05-07 10:49
1.创建国家卫生县城，县卫健委牵头，县住建局配合，持续改善城乡环境卫生面貌。
2.推广家庭医生签约服务，县卫健委牵头，提高重点人群签约服务覆盖率。
来源:县融媒体中心
主办:某某县人民政府办公室 版权所有:某某县人民政府
"""


def test_page_furniture_names_no_body_but_gives_date_and_region(tmp_path):
    """A portal's source line and footer (来源：X, 主办：X 版权所有) are no part of the text:
    their bodies are no entities; the page's date and its publisher's region still count."""
    from kg.ingest.clean import is_furniture
    from kg.textnorm import fold

    p = tmp_path / "page.txt"
    p.write_text(PAGE_WITH_FURNITURE, encoding="utf-8")
    src = read_document(p)
    assert "来源" not in src.text and "版权所有" not in src.text and "融媒体中心" not in src.text
    assert "创建国家卫生县城" in src.text and src.date == "2021-05-07"
    assert "灵璧县卫生健康委员会" in src.furniture
    # real lines of portals (unseen3 w06, unseen2 v14, heldout u06), and sentences that are no furniture
    assert is_furniture(fold("主办:云阳县人民政府办公室 版权所有:云阳县人民政府"))
    assert is_furniture(fold("来源:衡山县融媒体中心"))
    assert is_furniture(fold("放大字体缩小字体2022-07-18 11:52:26来源:云南省卫生健康委员会浏览次数:750"))
    assert not is_furniture(fold("来源：国家卫生健康委统计信息中心的数据显示，全省居民健康素养水平达到30.1%，较上年提高2.3个百分点。"))
    assert not is_furniture(fold("主办单位：区卫健委、区教育局"))


def test_a_page_published_by_its_regions_body_speaks_for_that_region():
    from kg.names.regions import read_jurisdiction

    body = "县卫健委牵头，县民政局配合，推进医养结合。灵璧县人民医院开展义诊。"
    alone = read_jurisdiction(body, None, None)
    published = read_jurisdiction(body, None, None, furniture="文章来源：灵璧县卫生健康委员会")
    assert alone.region.name == "灵璧县" and not alone.certain
    assert published.region.name == "灵璧县" and published.certain


@pytest.mark.parametrize("line, furniture", [
    ("首页 > 地方文件", True),
    ("当前位置：首页 > 政务公开", True),
    ("您访问的链接即将离开\"云浮市云安区人民政府\"门户网站是否继续?", True),
    ("首页建设工作取得进展，全市建成健康小屋20个。", False),  # a sentence, however it opens
])
def test_a_sites_breadcrumb_and_leaving_prompt_are_furniture(line, furniture):
    from kg.ingest.clean import is_furniture
    from kg.textnorm import fold

    assert is_furniture(fold(line)) is furniture


def test_a_line_of_keywords_joined_by_underscores_is_spam(tmp_path):
    from kg.ingest import read_document

    p = tmp_path / "spam.txt"
    p.write_text("亚洲国产综合激情视频_亚洲成a人v电影在线观看_日韩欧美国产精品\n首頁 地方文件\n"
                 "深圳市社会心理服务体系建设试点工作实施方案\n为做好社会心理服务体系建设国家试点工作，制定本方案。\n",
                 encoding="utf-8")
    src = read_document(p)
    assert src.title == "深圳市社会心理服务体系建设试点工作实施方案" and "亚洲" not in src.text


@pytest.mark.parametrize("line", [
    "高邮市融媒体中心主办2004-2023© 未经许可不得转载不良信息举报",
    "地址：都匀市环东中路14号",
    "联系人：张锐 电话：0731-57222539",
])
def test_a_sites_copyright_and_contact_lines_are_furniture(line):
    from kg.ingest.clean import is_furniture
    from kg.textnorm import fold

    assert is_furniture(fold(line))


def test_a_sentence_that_gives_an_address_is_no_furniture():
    from kg.ingest.clean import is_furniture
    from kg.textnorm import fold

    assert not is_furniture(fold("群众可到区卫生健康局地址所在的服务大厅办理，电话咨询也可，全年共接待群众咨询1200人次。"))


def test_headings_run_together_in_a_flattened_line_start_their_own_lines():
    from kg.ingest.clean import unflatten

    line = ("二、主要措施 (一)完善网络布局。 1.推进全域急救一体化。落实急救中心医疗机构基本标准，推进院前急救职业化、标准化、数字化建设，"
            "打造院前急救指挥调度全市一张网，具备突发事件和紧急医疗救援全市统一指挥调度能力。 2.科学规划急救站点。科学编制急救站点建设规划，"
            "将急救站点建设纳入国土空间规划，优先保障急救站点建设用地，加强急救站点标准化建设和管理，完善急救站点布局。"
            "人均水平达到1.5 倍。")
    parts = unflatten(line)
    assert [p[:2] for p in parts] == ["二、", "1.", "2."]
    assert unflatten("短行。 1.推进。") == ["短行。 1.推进。"]  # a short line is left as it is


def test_a_slide_like_page_keeps_its_year_lines_and_byline_apart(tmp_path):
    """A page of short unpunctuated lines looks wrapped; still a byline is a line of its
    own and a year alone on its line heads the lines after it (2022年 / achievements)."""
    lines = ["来看卫生健康事业取得的这些新进展", "2023-03-02 来源:某某网  作者:佚名", "3月1日举行的全市卫生健康工作会议传来消息",
             "卫生健康事业在服务体系建设等方面取得新进展", "2022年", "全市社区卫生服务中心中医馆实现全覆盖",
             "区域医疗中心增至14个建成一批重点专科项目", "二级及以上公立综合医院设有中医类临床科室", "2023年",
             "全市将全面实施中医药振兴发展重大工程", "启动中医药传承创新发展示范试点项目进一步推动"]
    path = tmp_path / "slides.txt"
    path.write_text("\n\n".join(lines), encoding="utf-8")
    src = read_document(path)
    kept = src.text.split("\n")
    assert "2022年" in kept and "2023年" in kept, kept
    assert any(k.startswith("3月1日举行的") for k in kept), kept


@pytest.mark.parametrize("banner", ["法搜网--中国法律信息搜索网", "欢迎光临某市人民政府门户网", "简体版|繁体版",
                                    "欢迎您光临某县人民政府官方网站! 美丽的某县欢迎您!", "网站首页走进某市新闻中心政务公开"])
def test_a_sites_banner_is_no_title(banner):
    from kg.ingest.metadata import extract_metadata

    title = "某市卫生健康委员会关于开展2010年狂犬病防控工作的通知"
    assert extract_metadata([banner, title, "各区县："])["title"] == title


def test_a_notice_title_under_a_row_of_the_page_is_the_title():
    from kg.ingest.metadata import extract_metadata

    title = "某省政府办公厅关于建立血吸虫病防治工作定点联系制度的通知"
    assert extract_metadata(["登录电话咨询", title, "各市、县人民政府："])["title"] == title
    # a headline that is one keeps its place: a sentence stands before the notice it cites
    head = ["某县开展爱国卫生月活动", "近日，县爱卫办转发了通知。", "关于开展爱国卫生月活动的通知"]
    assert extract_metadata(head)["title"] == "某县开展爱国卫生月活动"
    # and a headline over the notice it reports (a seed: 闵行区发布《…》 / 闵行区人民政府印发《…》的通知)
    head = ["某区发布《关于推进健康某区行动的实施方案》", "某区人民政府印发《关于推进健康某区行动的实施方案》的通知"]
    assert extract_metadata(head)["title"] == head[0]
    # and so does a title the page opens with, however far down a notice is cited
    lines = ["某县人民政府办公室关于印发某县健康乡村建设实施方案的通知", "关于开展爱国卫生月活动的通知"]
    assert extract_metadata(lines)["title"] == lines[0]


@pytest.mark.parametrize("chrome", ["政府信息公开", "打印本文打印本文关闭窗口关闭窗口"])
def test_a_portals_section_or_buttons_are_no_title(chrome):
    # real pages: unseen34 ka04 (阿拉山口: 政府信息公开 over the breadcrumb), ka05 (德化: 打印本文 关闭窗口)
    from kg.ingest.metadata import extract_metadata

    title = "市卫健委组织“世界精神卫生日”宣传活动"
    assert extract_metadata([chrome, title, "2023年10月10日是第32个“世界精神卫生日”。"])["title"] == title
    # a report on the section's work is a title
    assert extract_metadata(["政府信息公开工作年度报告", "正文"])["title"] == "政府信息公开工作年度报告"


def test_a_greeting_and_the_disclosure_tables_rows_are_no_title():
    # real page: unseen32 jc04 (乌拉特中旗): 您好,欢迎登录…政务公开平台 / 索引号… / 发布机构 卫健委 文 号 / the title
    from kg.ingest.metadata import extract_metadata

    title = "乌拉特中旗卫生健康委员会卫生健康工作2022年工作总结2023年工作安排"
    head = ["您好，欢迎登录乌拉特中旗政务公开平台", "索引号 wltzq/2023-04522 效力属性", "发布机构 卫健委 文号",
            "成文日期 发布日期 2023-08-16", title]
    assert extract_metadata(head)["title"] == title
    # a title that opens with a label's word stays one when it ends as a title does
    assert extract_metadata(["名称关于开展健康城市建设的通知", "正文"])["title"] == "名称关于开展健康城市建设的通知"


def test_a_headline_ending_in_a_net_word_is_a_title():
    from kg.ingest.metadata import extract_metadata

    assert extract_metadata(["织牢织密公共卫生防护网", "正文"])["title"] == "织牢织密公共卫生防护网"


def test_a_real_legal_database_page_is_titled_by_its_notice():
    doc = read_document(Path(__file__).resolve().parents[1] / "unseen23" / "docs" / "e03_sichuan_chengdu_rabies_control_notice.txt")
    assert doc.title == "成都市农业委员会关于开展2010年狂犬病防控工作的通知"


def test_a_pages_dateline_above_the_article_dates_it(tmp_path):
    page = tmp_path / "news.txt"
    page.write_text("某区打击医疗乱象整治行动启动\n联合查封3家黑诊所\n2019-08-08 10:11:58\n来源:某某日报\n"
                    "近日，某区开展专项整治行动，查封黑诊所3家，没收非法药品器械200余件。\n", encoding="utf-8")
    assert read_document(page).date == "2019-08-08"


def test_a_date_dropped_below_the_article_dates_nothing(tmp_path):
    page = tmp_path / "news.txt"
    page.write_text("某区打击医疗乱象整治行动启动\n近日，某区开展专项整治行动，查封黑诊所3家，没收非法药品器械200余件，"
                    "立案查处1件，下达卫生监督意见书11份。\n相关新闻\n2018-01-02\n", encoding="utf-8")
    assert read_document(page).date is None


def test_real_traditional_news_with_its_dateline():
    doc = read_document(Path(__file__).resolve().parents[1] / "unseen25" / "docs" / "i07_guangdong_heyuan_jiangdong_medical_chaos_news_trad.txt")
    assert doc.date == "2019-08-08"


@pytest.mark.parametrize("page, date", [
    ("某市启动健康宣传活动\n\n26.09.2016  14:06\n\n9月22日，某市在广场启动主题宣传活动，共有120余人参加活动。\n", "2016-09-26"),  # day first
    ("某县创建省级卫生县城工作实施方案\n为提升县城品位，县委、县政府决定用三年时间开展创建省级卫生县城，特制定本方案。\n"
     "浏览次数:  更新时间:2012-07-18 11:23:36\n上一篇:某某工作方案\n下一篇:某某活动方案\n", "2012-07-18"),       # a page's label
    ("各区教育局、卫生健康局：\n为切实加强儿童青少年近视防控工作，联合制定了《某市综合防控儿童青少年近视实施方案》，现印发给你们，请遵照执行。\n"
     "附件:某市综合防控儿童青少年近视实施方案\n某市教育局 某市卫生健康委员会\n某市财政局\n2019年12月25日\n", "2019-12-25"),  # signed
])
def test_a_date_the_cleaner_drops_still_dates_the_document(tmp_path, page, date):
    path = tmp_path / "page.txt"
    path.write_text(page, encoding="utf-8")
    assert read_document(path).date == date


def test_a_bare_date_line_not_under_its_signers_dates_nothing(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("某区打击医疗乱象整治行动启动\n近日，某区开展专项整治行动，查封黑诊所3家，没收非法药品器械200余件，"
                    "立案查处1件，下达卫生监督意见书11份。\n相关新闻\n某市召开会议\n2018年1月2日\n", encoding="utf-8")
    assert read_document(path).date is None


def test_real_notice_signed_under_its_issuing_bodies():
    doc = read_document(Path(__file__).resolve().parents[1] / "unseen11" / "docs" / "k11_jiangsu_changzhou_myopia_plan_notice_trad.txt")
    assert doc.date == "2019-12-25"  # the signature block after 附件 is dropped as a trailer; its date is the notice's
