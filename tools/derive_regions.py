#!/usr/bin/env python3
"""Derive kg/names/data/regions.tsv from the cpca package's adcodes table.

cpca (MIT, https://github.com/DQinYuan/chinese_province_city_area_mapper) ships
``resources/adcodes.csv``: every province-, prefecture- and county-level division
of China with its 12-digit GB/T 2260 code. We keep the 6-digit code, the name,
the parent's code and the level, plus the short form by which texts name it.

Usage: python tools/derive_regions.py  (needs `pip install cpca==0.5.5`)
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


def main() -> int:
    src = Path(resources.files("cpca")) / "resources" / "adcodes.csv"
    version = metadata.version("cpca")
    rows = {}
    with src.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            code = r["adcode"][:6]
            if r["name"] in PLACEHOLDERS:
                continue  # "市辖区"/"县" rows are code-table groupings, not areas
            rows[code] = r["name"]
    out = []
    for code, name in sorted(rows.items()):
        if code.endswith("0000"):
            level, parent = "province", ""
        elif code.endswith("00"):
            level, parent = "prefecture", code[:2] + "0000"
        else:
            level = "county"
            parent = code[:4] + "00"
            if parent not in rows:  # municipality districts, 省直辖县: parent is the province
                parent = code[:2] + "0000"
        if parent and parent not in rows:
            parent = code[:2] + "0000"
        out.append((code, name, short_form(name), level, parent))
    dst = Path(__file__).resolve().parents[1] / "kg" / "names" / "data" / "regions.tsv"
    with dst.open("w", encoding="utf-8", newline="") as fh:
        fh.write(f"# source: cpca {version} resources/adcodes.csv (GB/T 2260 codes), derived by tools/derive_regions.py\n")
        fh.write("code\tname\tshort\tlevel\tparent\n")
        for row in out:
            fh.write("\t".join(row) + "\n")
    print(f"wrote {len(out)} regions to {dst}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
