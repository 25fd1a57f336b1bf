"""kg/names/data/regions.tsv: the cpca base table updated by regions_changes.tsv (民政部 2024)."""
import importlib.util
from pathlib import Path

from kg.names.regions import RegionTable, regions

ROOT = Path(__file__).resolve().parents[1]


def _derive():
    spec = importlib.util.spec_from_file_location("derive_regions", ROOT / "tools" / "derive_regions.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_post_2016_districts_are_found_under_their_city():
    t = regions()
    guangming = t.pick("光明区", None)
    assert (guangming.code, guangming.parent, guangming.level) == ("440311", "440300", "county")
    assert [a.code for a in t.ancestors(guangming)] == ["440300", "440000"]
    # 2024's new counties of 和田地区, and 那曲市 (地区 until 2018) with its districts
    hekang = t.pick("和康县", None)
    assert (hekang.code, hekang.parent) == ("653228", "653200")
    seni = t.pick("色尼区", None)
    assert (seni.code, seni.parent) == ("540602", "540600")
    assert t.by_code["540600"].name == "那曲市"
    # a renamed district keeps its code
    assert t.by_code["130502"].name == "襄都区"


def test_an_abolished_division_is_a_historical_name_and_gives_its_short_form_up():
    t = regions()
    laiwu = t.pick("莱芜市", None)  # merged into 济南 in 2019: still a place in a 2017 plan
    assert (laiwu.code, laiwu.level) == ("371200", "prefecture")
    assert t.pick("莱芜", None).code == "370116"  # the short form names 济南's 莱芜区 now
    assert t.pick("钢城区", None).code == "370117"  # re-coded: the old row 371203 is gone
    assert "371203" not in t.by_code and "230704" not in t.by_code


def test_the_changes_file_reproduces_the_table():
    derive = _derive()
    changes, version = derive.read_changes()
    assert "2024" in version
    base, _ = derive.table_rows()
    again, _ = derive.apply_changes(base, changes)
    assert again == base  # applying the changes to the table they made changes nothing
    for c in changes:
        if c["change"] == "add":
            r = regions().by_code[c["code"]]
            assert (r.name, r.short, r.parent) == (c["name"], derive.short_form(c["name"]), c["parent"])


def test_every_parent_is_a_row():
    t = RegionTable()
    assert all(not r.parent or r.parent in t.by_code for r in t.by_code.values())
