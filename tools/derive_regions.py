#!/usr/bin/env python3
"""Derive kg/names/data/regions.tsv from the cpca package's adcodes table, updated
by kg/names/data/regions_changes.tsv.

cpca (MIT, https://github.com/DQinYuan/chinese_province_city_area_mapper) ships
``resources/adcodes.csv``: every province-, prefecture- and county-level division
of China with its 12-digit GB/T 2260 code. We keep the 6-digit code, the name,
the parent's code and the level, plus the short form by which texts name it.

That table is an old snapshot (c. 2016). ``regions_changes.tsv`` holds the differences
to a recent list of 民政部 (its header names the source): ``add`` a code new since,
``rename`` the same code under a new name, ``remove`` a code the list no longer has.
A removed division stays in the table as a historical name (a 2017 plan still names
莱芜市), with its short form withdrawn where an added or renamed division now bears it
(莱芜 is 莱芜区 today), unless an added division of the same province bears its full
name: then it was only re-coded (友好区 230704 → 230719) and the old row is dropped.
The short form of every added or renamed row is short_form()'s.

Usage: python tools/derive_regions.py
With cpca installed (``pip install cpca==0.5.5``) the base rows are read from its
adcodes table; without it, from regions.tsv itself, whose rows the changes leave
as they are when applied again: the output is the same either way.
"""
from __future__ import annotations

import csv
import re
import sys
from importlib import metadata, resources
from pathlib import Path

# Suffixes stripped to get the short form (longest first). Short forms of fewer
# than two characters are not produced.
SUFFIXES = ["维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "自治州", "自治县", "地区", "新区",
            "林区", "特区", "矿区", "盟", "旗", "省", "市", "区", "县"]


PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "直辖县级"}


# Inner Mongolia's banners of a wing are written by the first character of the league's
# people, the wing and the position: 科尔沁左翼中旗 → 科左中旗, 察哈尔右翼前旗 → 察右前旗
WING_BANNER = re.compile(r"^(?P<people>[\u4e00-\u9fff]{2,3})(?P<wing>[左右])翼(?P<position>[前中后])旗$")


def short_form(name: str) -> str:
    wing = WING_BANNER.match(name)
    if wing:
        return wing["people"][0] + wing["wing"] + wing["position"] + "旗"  # as texts write it
    for suf in SUFFIXES:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            base = name[: -len(suf)]
            # ethnic-autonomous names: 延边朝鲜族自治州 → 延边
            for eth in ("朝鲜族", "土家族苗族", "苗族侗族", "布依族苗族", "哈尼族彝族", "傣族景颇族", "藏族羌族",
                        "蒙古族藏族", "回族", "藏族", "彝族", "傣族", "白族", "壮族", "苗族", "蒙古族", "哈萨克",
                        "柯尔克孜", "傈僳族", "土家族", "黎族", "侗族", "瑶族", "羌族", "满族", "畲族", "水族",
                        "仡佬族", "土族", "撒拉族", "锡伯族", "达斡尔族", "鄂温克族", "鄂伦春族", "各族", "毛南族",
                        "仫佬族", "纳西族", "独龙族", "怒族", "普米族", "拉祜族", "佤族", "布朗族", "景颇族", "阿昌族",
                        "德昂族", "基诺族", "哈尼族", "东乡族", "保安族", "裕固族", "塔吉克", "蒙古"):
                if base.endswith(eth) and len(base) - len(eth) >= 2:
                    base = base[: -len(eth)]
                    break
            return base
    return name


DATA = Path(__file__).resolve().parents[1] / "kg" / "names" / "data"
DST = DATA / "regions.tsv"
CHANGES = DATA / "regions_changes.tsv"


def level_of(code: str) -> str:
    return "province" if code.endswith("0000") else "prefecture" if code.endswith("00") else "county"


def cpca_rows() -> tuple[dict[str, str], str] | None:
    """code → name of cpca's adcodes table and its source line; None without cpca."""
    try:
        src = Path(resources.files("cpca")) / "resources" / "adcodes.csv"
        version = metadata.version("cpca")
    except (ModuleNotFoundError, metadata.PackageNotFoundError):
        return None
    rows = {}
    with src.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["name"] in PLACEHOLDERS:
                continue  # "市辖区"/"县" rows are code-table groupings, not areas
            rows[r["adcode"][:6]] = r["name"]
    return rows, f"cpca {version} resources/adcodes.csv (GB/T 2260 codes)"


def table_rows(path: Path = DST) -> tuple[dict[str, str], str]:
    """code → name of the rows of regions.tsv and the source of its base rows."""
    rows, base = {}, ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            base = re.split(r", (?:updated|derived) by ", line.lstrip("# ").removeprefix("source: "))[0]
            continue
        if line.startswith("code\t") or not line.strip():
            continue
        code, name = line.split("\t")[:2]
        rows[code] = name
    return rows, base


def read_changes(path: Path = CHANGES) -> tuple[list[dict[str, str]], str]:
    """The rows of the changes file and its version line (``# version: …``)."""
    version, body = "", []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# version:"):
            version = line.removeprefix("# version:").strip()
        elif line.strip() and not line.startswith("#"):
            body.append(line)
    changes = list(csv.DictReader(body, delimiter="\t"))
    for c in changes:
        if c["change"] not in ("add", "rename", "remove") or not re.fullmatch(r"\d{6}", c["code"]):
            raise ValueError(f"{path.name}: bad change line {c}")
        if c["level"] != level_of(c["code"]):
            raise ValueError(f"{path.name}: {c['code']} {c['name']} is no {c['level']}")
    return changes, version


def apply_changes(rows: dict[str, str], changes: list[dict[str, str]]) -> tuple[dict[str, str], set[str]]:
    """The rows with the changes applied, and the codes kept as historical names."""
    rows = dict(rows)
    for c in changes:
        if c["change"] in ("add", "rename"):
            rows[c["code"]] = c["name"]
    current = {c["code"] for c in changes if c["change"] in ("add", "rename")}
    added_names = {(c["code"][:2], c["name"]) for c in changes if c["change"] == "add"}
    historical = set()
    for c in changes:
        if c["change"] != "remove" or c["code"] not in rows:
            continue
        if (c["code"][:2], rows[c["code"]]) in added_names:
            del rows[c["code"]]  # re-coded: the added row is the same division
        else:
            historical.add(c["code"])
    assert not current & historical
    return rows, historical


def main() -> int:
    base = cpca_rows()
    if base is None:  # cpca not installed: regions.tsv's own rows are the base
        base = table_rows()
    changes, changes_version = read_changes()
    rows, historical = apply_changes(base[0], changes)
    changed_shorts = {short_form(c["name"]) for c in changes if c["change"] in ("add", "rename")}
    out = []
    for code, name in sorted(rows.items()):
        level = level_of(code)
        if level == "province":
            parent = ""
        elif level == "prefecture":
            parent = code[:2] + "0000"
        else:
            parent = code[:4] + "00"
            if parent not in rows:  # municipality districts, 省直辖县: parent is the province
                parent = code[:2] + "0000"
        if parent and parent not in rows:
            parent = code[:2] + "0000"
        short = short_form(name)
        if code in historical and short in changed_shorts:
            short = name  # 莱芜 names 莱芜区 now; 莱芜市 is read by its full name only
        out.append((code, name, short, level, parent))
    parents = {row[0]: row[4] for row in out}
    for c in changes:
        if c["change"] != "remove" and c["parent"] and c["parent"] != parents[c["code"]]:
            raise ValueError(f"{CHANGES.name}: {c['code']} {c['name']}: parent {c['parent']} is not the code's")
    with DST.open("w", encoding="utf-8", newline="") as fh:
        fh.write(f"# source: {base[1]}, updated by regions_changes.tsv ({changes_version}), "
                 "derived by tools/derive_regions.py\n")
        fh.write("code\tname\tshort\tlevel\tparent\n")
        for row in out:
            fh.write("\t".join(row) + "\n")
    print(f"wrote {len(out)} regions to {DST} ({len(historical)} of them historical)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
