"""Accuracy on every annotated set, held at or above the measured levels.

Sets (README, "Accuracy"): the five seeds (gold/, seeds/); fifteen development
documents (dev/), split into the part the rules were developed on and a part scored
before its errors were read; and twenty-seven unseen passages (heldout/), annotated by a
separate session from provinces no rule was written from, never used for tuning. The
goals of issue 18 are entities, relations and targets >= 0.95 and measurements >= 0.85
on seeds + dev, >= 0.90 / 0.80 on unseen documents, lead precision >= 0.95 everywhere;
the floors below are the measured levels, so that no change makes extraction worse.
Raise them as it improves.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kg.scoring import evaluate

from .conftest import GOLD, ROOT, SEEDS

DEV = ROOT / "dev"
HELDOUT = ROOT / "heldout"
# the development documents whose errors have not been read (README, "Accuracy"): five at first; the
# error listings read in stop 26 showed h06's, h09's and h10's, which are development documents since
DEV_HELD_OUT = ("h12_yunyang_health_in_all_policies_news", "h15_hainan_weight_management_news")
DEV_TUNED = tuple(sorted(p.stem for p in (DEV / "gold").glob("*.json") if p.stem not in DEV_HELD_OUT))

def _annotated(folder: str, only: tuple[str, ...] | None = None) -> tuple:
    """An annotated set of this repository: its gold/ and docs/ folders."""
    return ROOT / folder / "gold", ROOT / folder / "docs", only


SETS = {
    "seeds": (GOLD, SEEDS, None),
    "dev": (DEV / "gold", DEV / "docs", None),
    "dev-tuned": (DEV / "gold", DEV / "docs", DEV_TUNED),
    "dev-held-out": (DEV / "gold", DEV / "docs", DEV_HELD_OUT),
    "unseen": (HELDOUT / "gold", HELDOUT / "docs", None),
    # 25 passages annotated after the rules were written, scored once before their errors were read
    "unseen2": _annotated("unseen2"),
    # 25 more, annotated after unseen2's errors had been read, scored once before their own were read
    "unseen3": _annotated("unseen3"),
    # its health documents: its two off-topic texts have empty gold by design (unseen3/README.md), though
    # FORMAT.md's conventions would count the responsibility clause of w24
    "unseen3-health": _annotated("unseen3", tuple(p.stem for p in (ROOT / "unseen3" / "gold").glob("*.json")
                                                  if "offtopic" not in p.stem)),
    # 20 more (15 provinces, annotated in stop 27 after every earlier set's errors had been read), scored once
    # with the extraction of commit 224fb1f before any of its errors were read (README, "Accuracy")
    "unseen4": _annotated("unseen4"),
    # 20 more (14 provinces, 12 plans/annexes/opinions, 3 PDF text layers; annotated in stop 28 by a session that
    # never ran the code), scored once with the extraction of 007fc11 before any of its errors were read
    "unseen5": _annotated("unseen5"),
    # 20 more (15 provinces, 12 plans, task tables and plan openings, replies, news; annotated in stop 28 after
    # unseen5's errors had been read), scored once with the extraction of 43c3f87 before any of its errors were read
    "unseen6": _annotated("unseen6"),
    # 20 more (19 provinces and a national text; 13 plans, work points, opinions and task tables; annotated in stop 28
    # after unseen6's errors had been read), scored once with the extraction of b04d850 before any error was read
    "unseen7": _annotated("unseen7"),
    # 20 more (15 provinces and 3 national texts; 12 plans, 8 news items and replies; annotated in stop 29 after every
    # earlier set's errors had been read), scored once with the extraction of 9404b04 before any error was read
    "unseen8": _annotated("unseen8"),
    # 20 more (14 provinces, a national and an anonymised text; mostly news, reports and replies, one task table;
    # annotated in stop 29 after unseen8's errors had been read), scored once with a402d18 before any error was read
    "unseen9": _annotated("unseen9"),
    # 16 more (13 provinces, 2 national texts and an anonymised one; 9 plans and a State Council task division, 7 news;
    # annotated in stop 31 after every earlier set's errors had been read), scored once with 9009125 before any error was read
    "unseen10": _annotated("unseen10"),
    # 17 more (11 provinces printed, a national text; 4 with responsibility clauses, 2 named alliances, 2 文库 text layers;
    # annotated in stop 31 after unseen10's errors had been read), scored once with bafaa63 before any error was read
    "unseen11": _annotated("unseen11"),
    # 14 more (8 provinces, a national notice and two anonymised texts; plans, news, replies to deputies; annotated at the
    # end of stop 31 after unseen11's errors had been read), scored once with the stop's final code (9f0bf61) before any error was read
    "unseen12": _annotated("unseen12"),
    # 15 more (11 provinces and an anonymised text; 11 plans, notices and work documents, 4 news items; annotated in
    # stop 32 after every earlier set's errors had been read), scored once with a0a5623 before any error was read
    "unseen13": _annotated("unseen13"),
    # 14 more (11 provinces and province-level units; 10 plans, opinions, notices and work plans, 4 news items; annotated in
    # stop 32 after unseen13's errors had been read), scored once with 2cc4751 before any error was read
    "unseen14": _annotated("unseen14"),
    # 13 more (11 provinces and an anonymised text; 10 plans, notices and work documents, 3 news items; annotated in
    # stop 32 after unseen14's errors had been read), scored once with 446eb7b before any error was read
    "unseen15": _annotated("unseen15"),
    # 12 more (9 plans and notices, 3 news items; annotated in stop 33 after unseen15's errors had been read), scored
    # once with d4eaa9b before any error was read
    "unseen16": _annotated("unseen16"),
    # 13 more (10 plans, notices and summaries, 3 news items; annotated in stop 33 after unseen16's errors had been read),
    # scored once with d4eaa9b and with the stop's code of its time before any error was read
    "unseen17": _annotated("unseen17"),
    # 12 more (11 plans, notices, tables and summaries, 1 news item; annotated in stop 33 after unseen16's errors had
    # been read, unseen17 not yet read), scored once with the stop's code of its time before any error was read
    "unseen18": _annotated("unseen18"),
    # 11 more (8 provinces, 2 national texts and an anonymised one; 5 plans and notices, 6 news items; annotated in stop 34
    # after every earlier set's errors had been read), scored once with cc8fae8 before any error was read
    "unseen19": _annotated("unseen19"),
    # 11 more (7 provinces and a national text; a city medical group and a 健共体, hosted events, targets; annotated in
    # stop 34 after unseen19's errors had been read), scored once with 49717e9 before any error was read
    "unseen20": _annotated("unseen20"),
    # 11 more (a township food-safety plan, a pest-control plan, tuberculosis work points, figures and notices; annotated
    # in stop 34 after unseen20's errors had been read), scored once with 3525dbb before any error was read
    "unseen21": _annotated("unseen21"),
    # 12 more (a city's task list with 责任单位/支持单位, county measures, two named consortia, targets and figures;
    # annotated in stop 34 after unseen21's errors had been read), scored once with 3634fe8 before any error was read
    "unseen22": _annotated("unseen22"),
    # 12 more (a county 创卫 publicity plan, a city 创卫 plan, a rabies notice, a schistosomiasis plan, three named
    # alliances, figures; annotated in stop 34 after unseen22's errors had been read), scored once with 47b093e
    "unseen23": _annotated("unseen23"),
    # 12 more (eye-care, oral health, rehabilitation and nursing alliances, family doctors, iodised salt, first aid, blood
    # donation; annotated in stop 34 after unseen23's errors had been read), scored once with d6827a6
    "unseen24": _annotated("unseen24"),
    # 10 more (news and a plan page with 负责/承担/联合, six on 两癌 screening, target lists; annotated in stop 35 by a
    # session that never ran the code, after unseen24's errors had been read), scored once with 90ff234 before any error was read
    "unseen25": _annotated("unseen25"),
    # 10 more (a skin-disease alliance and its members, campaign news with 主办/承办, press conferences, proposal handling
    # news; annotated in stop 35 beside unseen25 by another session), scored once with 90ff234 before any error was read
    "unseen26": _annotated("unseen26"),
    # 10 more, all values (provincial, city and county target lists, a county summary copied from a PDF, a national
    # tuberculosis plan; no relations; annotated in stop 35 after unseen25/26's errors had been read), scored once
    # with 2284ddc before any error was read
    "unseen28": _annotated("unseen28"),
    # 10 more (pest-control and smoking-control rules and plans with 负责/牵头 duties; annotated in stop 35 by a session that
    # never ran the code), scored once with 128f52e before any error was read
    "unseen27": _annotated("unseen27"),
    # 10 more (news of campaigns and events with 主办/承办, support and part relations; annotated in stop 35 beside
    # unseen27 by another session), scored once with 128f52e before any error was read
    "unseen29": _annotated("unseen29"),
    # 11 more (replies to deputies' suggestions, work summaries, alliance announcements naming members; annotated in
    # stop 36 by a session that never ran the code), scored once with 128f52e before any error was read
    "unseen31": _annotated("unseen31"),
    # 10 more (task-division tables and plans with 牵头/负责 units, two copied from tables, a PDF preview; annotated in stop
    # 36 by a session that never ran the code), scored once with 483dc8c, the stop's final extraction, before any error was read
    "unseen30": _annotated("unseen30"),
    # 12 more, values only (health statistics bulletins, government work reports, 十四五 target passages; no relations;
    # annotated in stop 36 beside unseen30 by another session), scored once with 483dc8c before any error was read
    "unseen32": _annotated("unseen32"),
    # 10 more (plans and news with responsibility wording: a province's 减盐减油 plan with a trailing clause, a 负责 duty list,
    # 主办/承办 news; annotated in stop 36 by a session that never ran the code), scored once with 483dc8c before any error was read
    "unseen33": _annotated("unseen33"),
    # 10 news items and a plan naming responsible units (主办/承办, 组织…开展, 联合…开展: 职业病防治法宣传周, 老年健康宣传周,
    # 精神卫生日, 婚检; annotated in stop 37 by a session that never ran the code), first scored with 8b2edb4 before any error was read: 0.714 / 0.340 / 0.000 / 0.917, leads 7 of 8
    # (e3dd82b, stop 36's final: 0.689 / 0.170 / 0.000 / 0.917, 4 of 4; 90ff234: 0.682 / 0.170 / 0.000 / 0.917)
    "unseen34": _annotated("unseen34"),
    # held out to the end of stop 37 (annotated in stop 37 by sessions that never ran the code), scored once with the stop's
    # final extraction before any error was read: unseen35, 11 news items, replies and consortium rolls (hosts, 组织, members);
    # unseen36, 11 value passages (主要指标 tables one cell a line, statistics bulletins, a PDF text layer; no relations)
    # first scored with ca06e05: unseen35 0.698 / 0.478 / 0.000 / 0.486, leads 7 of 7 (e3dd82b, stop 36's final: 0.690 / 0.217 /
    # 0.000 / 0.486, 5 of 7; 90ff234 the same); unseen36 0.692 / 0.000 (none in gold, one lead predicted) / 0.286 / 0.563
    # (e3dd82b: 0.647 / 0.000 / 0.286 / 0.563; 90ff234: measurements 0.566)
    "unseen35": _annotated("unseen35"),
    "unseen36": _annotated("unseen36"),
    # 12 news items of joint campaigns (主办/承办/协办, 联合开展) and義诊, a plan page closing each paragraph with (X牵头), a 十四五
    # plan's base (西藏, 青海, 宁夏, 吉林, 山西, 天津, 内蒙古, 海南; annotated in stop 38 by a session that never ran the code),
    # first scored with 6933d28 before any error was read: 0.721 / 0.098 / 0.800 / 0.462, leads 2 of 12 (the plan page's
    # clauses all read as its headings' leads)
    "unseen37": _annotated("unseen37"),
    # held out to the end of stop 38 (annotated in stop 38 by a session that never ran the code): 10 value passages
    # (statistics yearbook tables one cell a line, one bilingual; bulletins, news of achievements, a plan's goals; no
    # relations), scored once with the stop's extraction 7cdb25b before any error was read: 0.702 / 0.000 (none in gold,
    # one lead predicted) / 0.222 / 0.664 (4386102, the stop's start, the same)
    "unseen38": _annotated("unseen38"),
    # 11 news items of joint campaigns (主办/承办/协办, 牵头/协同, 联合开展), a township's tobacco-control plan, an alliance's
    # founding with its members, one target passage (宁夏, 山西, 贵州, 甘肃, 内蒙古, 西藏, 吉林, 新疆, 黑龙江; annotated in stop
    # 39 by a session that never ran the code), first scored with 611e26b (44cdb8f, the stop's start, the same) before any
    # error was read: 0.610 / 0.275 / 1.000 / 0.720, leads 3 of 5
    "unseen39": _annotated("unseen39"),
    # held out to the end of stop 39 (annotated in stop 39 by a session that never ran the code): 10 passages, six of values
    # (two statistics tables, one a line a cell, one space-aligned), four of campaigns; scored with 611e26b before any
    # error was read: 0.752 / 0.476 / 0.800 / 0.234, leads 5 of 9; with a7cfa75, after the rules read from unseen39, the
    # same (they did not carry over); its errors were read afterwards
    "unseen40": _annotated("unseen40"),
    # 12 news items of joint campaigns (主办/承办/参加, 联合, 共同开展), an alliance's founding, one target passage (黑龙江,
    # 陕西, 河南, 吉林, 内蒙古, 天津, 甘肃, 广西, 云南; annotated in stop 40 by a session that never ran the code), first scored
    # with b2aa372 (d17627d, the stop's start, the same) before any error was read: 0.682 / 0.154 / 0.000 / 0.522, leads 5 of 6
    "unseen41": _annotated("unseen41"),
    # held out to the end of stop 40 (annotated in stop 40 by a session that never ran the code): 11 passages, seven of
    # values (a yearbook section, two tables one cell per line, work summaries, news of figures), four of campaigns and
    # alliances; scored with b2aa372 (d17627d the same) before any error was read: 0.707 / 0.000 / 0.000 / 0.673, leads 0 of 3
    "unseen42": _annotated("unseen42"),
    # 10 news items of joint campaigns (主办/承办/协办, 联合, 会同), a 分工方案's lines, a 医联体 meeting, two of values (海南,
    # 福建, 江西, 安徽, 重庆, 湖北, 湖南, 山西, 贵州; annotated in stop 41 by a session that never ran the code), first scored
    # with 769c093 (df6c2ce, the stop's start, the same) before any error was read: 0.796 / 0.197 / 0.000 / 0.778, leads 5 of 13
    "unseen43": _annotated("unseen43"),
    # held out to the end of stop 41 (annotated in stop 41 by a session that never ran the code): 10 passages, seven of
    # values (two statistics bulletins, a yearbook table and a table one cell per line, a CDC summary), three of campaigns
    # and consortia (湖南, 安徽, 湖北, 四川, 福建, 河北, 浙江); scored with 769c093 (df6c2ce the same) before any error was
    # read: 0.752 / 0.083 / — (no targets) / 0.495, leads 0 of 1; with 5c97db0, after the rules read from unseen43, the
    # same (they did not carry over); its errors were read afterwards
    "unseen44": _annotated("unseen44"),
    # 10 news items of joint campaigns (主办/承办/协办, 联合, 参加), a 提案's 主办/会办 units, a 职业健康 joint enforcement
    # (江苏, 辽宁, 广东, 上海, 山东, 云南; annotated in stop 42 by a session that never ran the code), first scored with
    # d22805a (2552277, the stop's start, the same) before any error was read: 0.701 / 0.119 / 1.000 / 0.800, leads 1 of 1
    "unseen45": _annotated("unseen45"),
    # held out to the end of stop 42 (annotated in stop 42 by a session that never ran the code): 10 passages, six of
    # values (a 十四五 plan's indicators, statistics and work summaries, a district's table one row per line), four of
    # campaigns (江苏, 广东, 山东, 辽宁, 上海, 河北); scored with d22805a (2552277 the same) before any error was read:
    # 0.719 / 0.308 / 0.000 / 0.453, leads 3 of 4
    "unseen46": _annotated("unseen46"),
    # 10 passages of who leads and supports: campaign days with the units that ran stalls or clinics, joint clean-ups,
    # a county bureau's pledge with targets, food-safety and smoking-control work (江西, 贵州, 福建, 云南, 四川; seven of
    # county or district level; annotated in stop 43 by a session that never ran the code), first scored with 3fb0e3d
    # (0294e27, the stop's start, the same) before any error was read: 0.768 / 0.105 / 0.000 / 0.000, leads 1 of 1
    "unseen47": _annotated("unseen47"),
    # held out to the end of stop 43 (annotated in stop 43 by a session that never ran the code): 10 passages of values
    # (work summaries, a half-year report, a docx layer with page marks, a 十四五 list of child-development targets, a
    # consortium table one cell a line) and three consortium texts with members (北京, 天津, 西藏, 内蒙古, 浙江, 河南,
    # 安徽; five of county or district level); scored with 0294e27 (the stop's start) and with the commit after aaa8f96
    # the same, before any error was read: 0.754 / 0.083 / 0.000 / 0.600, leads 0 of 1 (its gold has none)
    "unseen48": _annotated("unseen48"),
    # 10 more (national ×2, 山东 ×2, 北京, 天津, 黑龙江, 宁夏, 贵州, 湖南; prose leads of campaigns and joint conferences,
    # consortium members, two Traditional pages; annotated in stop 44 by a session that never read the code), scored
    # once with the stop's starting code 733abd4 before any error was read: 0.775 / 0.139 / 0.000 / 0.600, 4 of 14 leads
    "unseen49": _annotated("unseen49"),
    # 10 more (values: indicator tables one cell per line, bulletins, work summaries, a 公示 of sanitary cities; national ×2,
    # 新疆, 西藏, 宁夏, 天津, 重庆, 青海, 甘肃, 湖南; annotated in stop 44 by a session that never read the code), scored with
    # the stop's starting code 733abd4 and held out to the end of the stop: 0.724 / 0.000 / 0.000 / 0.537, 0 of 6 leads
    "unseen50": _annotated("unseen50"),
    # 10 more (national, 广西, 陕西, 福建, 河南, 辽宁, 上海, 四川, 浙江, 云南; a national work-points page with bracketed
    # task-division clauses, campaign news with 主办/承办/协办 and 组织…开展, three alliances with their members, one
    # Traditional; annotated in stop 45 by a session that never read the code), held out to the end of stop 45
    "unseen51": _annotated("unseen51"),
    # 10 more, values (a statistics bulletin, a county work report, a district's PDF text layer, a table one cell per
    # line, a 健康中国2030 indicator table, news of targets and achievements, two Traditional layers with pinyin; national,
    # 湖北, 河南 ×2, 安徽, 广东, 江苏, 四川, 陕西, 海南; annotated in stop 45 by a session that never read the code)
    "unseen52": _annotated("unseen52"),
    # 10 more (浙江, 海南, 江西, 山东, 广东, 湖北, 陕西, 河南, 贵州, 吉林; proposal handling with 主办/会办, a CPPCC reply,
    # an activity plan, joint tobacco-control enforcement, an alliance, campaign news, one Traditional; annotated in stop 45
    # by a session that never read the code)
    "unseen53": _annotated("unseen53"),
    # 10 more, values (a yearbook table one cell per line, a township table, work summaries and plans' target lists, a
    # Traditional and a garbled reprint; 山西, 福建 ×2, 湖南, 山东, 浙江, 吉林, 江西, 河北, 重庆; annotated in stop 45 by a
    # session that never read the code)
    "unseen54": _annotated("unseen54"),
    # 10 more, relations (主办/承办/协办 news, a street office's and a township's plans, two consortia, a county 医共体;
    # 河北, 辽宁, 山西, 陕西, 河南, 四川, 云南, 澳门, 广西, one township unnamed; two Traditional; annotated in stop 46 by a
    # session that never read the code), held out to the end of stop 46
    "unseen55": _annotated("unseen55"),
    # 10 more, values (a yearbook table and a notifiable-disease table one cell per line, a survey abstract, plans' target
    # lists, a press conference, six Traditional layers; national, 浙江, 新疆, 重庆, 上海, 山东, 福建, 甘肃, 海南 ×2;
    # annotated in stop 46 by a session that never read the code), held out to the end of stop 46
    "unseen56": _annotated("unseen56"),
    # the original .pdf and .docx files of three development documents
    "originals": (DEV / "gold", DEV / "raw", tuple(p.stem for p in (DEV / "raw").iterdir())),
}
FLOORS = {
    # the seeds' gold counts bodies named by domain (卫健、财政、教育等部门) and regions named only inside other
    # names; the development gold, which states FORMAT.md's conventions, counts neither, and the rules follow it
    # measurements raised by issue 23's indicator-form rules (seeds 0.897 -> 0.942, dev 0.891 -> 0.925, dev-tuned 0.885 -> 0.921)
    "seeds": {"entities": 0.91, "relations": 0.99, "targets": 0.99, "measurements": 0.94},
    "dev": {"entities": 0.86, "relations": 0.93, "targets": 0.95, "measurements": 0.92},
    "dev-tuned": {"entities": 0.86, "relations": 0.93, "targets": 0.95, "measurements": 0.92},
    "dev-held-out": {"entities": 0.75, "relations": 0.99, "targets": 0.99, "measurements": 0.99},
    # entities lowered at stop 39 (0.79/0.70/0.75 → 0.78/0.69/0.74): the issuers of cited titles (《国务院关于…》) are
    # read as bodies, which this set's annotator did not mark; most sets' annotators did (all 40 sets: 0.741 → 0.746)
    "unseen": {"entities": 0.79, "relations": 0.75, "targets": 0.80, "measurements": 0.84},
    "originals": {"entities": 0.89, "relations": 0.99, "targets": 1.00, "measurements": 1.00},
    # read after its first scoring (0.674 / 0.382 / 0.520 / 0.341): development data since
    "unseen2": {"entities": 0.85, "relations": 0.84, "targets": 0.83, "measurements": 0.73},
    # first scored at 0.619 / 0.000 / 0.596 / 0.507; its member lists were read after (README, "Accuracy")
    # measurements 0.742 -> 0.730 (stop 43), as unseen3-health below (w14)
    "unseen3": {"entities": 0.74, "relations": 0.47, "targets": 0.88, "measurements": 0.73},
    # first scored at 0.650 / 0.051 / 0.462 / 0.758 (0.641 / 0.051 / 0.462 / 0.697 with stop 25's code)
    # then its two texts with responsibility sentences (x17, x18) were read: A负责，B配合，task (0.207 after)
    # then, in stop 28, its target and measurement errors: 0.971 / 0.853 after
    "unseen4": {"entities": 0.73, "relations": 0.58, "targets": 0.97, "measurements": 0.91},
    # first scored at 0.722 / 0.441 / 0.652 / 0.557, lead precision 11/13 (stop 27's code: 0.720 / 0.441 / 0.622 / 0.557)
    # then its errors were read (stop 28): the goal lists of y05 and y07, y02 (units) and y17
    "unseen5": {"entities": 0.78, "relations": 0.85, "targets": 0.89, "measurements": 0.70},
    # first scored at 0.720 / 0.048 / 0.205 / 0.667, lead precision 1/2 (stop 27's code: 0.717 / 0.048 / 0.222 / 0.663)
    # then its plan openings were read (z06, z07): 0.229 / 0.751 after; then z19 (本次活动由A主办，B承办，C协办), z02
    # entities 0.773 -> 0.762 in stop 34: z14's and z18's gold names the commission where the text names its division
    # (河北省卫健委健康河北指导处), where eight other sets' gold names 15 such divisions as written (国家卫生健康委规划发展与信息化司)
    "unseen6": {"entities": 0.78, "relations": 0.36, "targets": 0.69, "measurements": 0.81},
    # first scored at 0.667 / 0.380 / 0.429 / 0.473, lead precision 8/11 (stop 27's code: the same figures)
    # then its errors were read (stop 28): q03's first-listed note, q09's yearly items, q13's 下达, q04's flattened page: 0.466 / 0.630 after
    # (stop 29: targets 0.630 -> 0.622, q20's 确保在2022年底实现…全覆盖 read as a 100% target its gold leaves out)
    # relations 0.775 for a moment in stop 36 (q15: its six actions as parts of a bare “六大行动”), back to 0.715: annotators
    # split on bare counts (unseen8 r18 names its “四大工程” no program), so only a count named by its topic takes parts
    "unseen7": {"entities": 0.80, "relations": 0.71, "targets": 0.66, "measurements": 0.56},
    # first scored at 0.714 / 0.000 / 0.483 / 0.673, lead precision 0/3 (stop 27's code: 0.702 / 0.000 / 0.483 / 0.654,
    # no lead); its three wrong leads named their event without its ordinal (第38个“世界无烟日”宣传活动), read after
    "unseen8": {"entities": 0.81, "relations": 0.27, "targets": 0.48, "measurements": 0.77},
    # first scored at 0.723 / 0.174 / 0.083 / 0.381, lead precision 4/4 (stop 27's code: 0.714 / 0.174 / 0.000 / 0.372;
    # stop 28's 0.723 / 0.174 / 0.000 / 0.376); then its errors were read (stop 29)
    "unseen9": {"entities": 0.78, "relations": 0.41, "targets": 0.75, "measurements": 0.52},
    # first scored at 0.689 / 0.033 / 0.400 / 0.348, lead precision 1/2 (stop 31's code, 9009125)
    # then its errors were read (t01's task division, t06's and t10's disclosure tables): 0.747 / 0.745 / 0.400 / 0.381
    "unseen10": {"entities": 0.81, "relations": 0.74, "targets": 0.40, "measurements": 0.42},
    # first scored at 0.690 / 0.078 / 0.138 / 0.321, lead precision 4/17 (stop 31's code, bafaa63); then its errors
    # were read (k01's plan flattened into one line, k02's task table, k07's counts, k12's 预案): 0.785 / 0.674 / 0.714 / 0.432
    "unseen11": {"entities": 0.79, "relations": 0.75, "targets": 0.71, "measurements": 0.54},
    # first scored at 0.697 / 0.240 / 0.000 / 0.200, lead precision 3/3 (stop 31's final code, 9f0bf61)
    # then its measurement errors were read (a garbled 20230%): measurements 0.222
    # entities lowered at stop 39 (0.79/0.70/0.75 → 0.78/0.69/0.74): the issuers of cited titles (《国务院关于…》) are
    # read as bodies, which this set's annotator did not mark; most sets' annotators did (all 40 sets: 0.741 → 0.746)
    "unseen12": {"entities": 0.70, "relations": 0.36, "targets": 0.49, "measurements": 0.26},
    # first scored at 0.667 / 0.105 / 0.244 / 0.627, no lead predicted (stop 32's code, a0a5623; stop 31's final
    # code 62e0c38 the same)
    # relations 0.714 -> 0.105 in stop 34: n03's 18 signers (我们制定了《…》) no longer lead, the formula being split
    # between annotators (unseen19's a03 reads it as issuing); a precision rule, not a regression
    "unseen13": {"entities": 0.74, "relations": 0.10, "targets": 0.56, "measurements": 0.74},
    # first scored at 0.677 / 0.000 / 0.718 / 0.762, leads 0 of 3 (stop 32's code, 2cc4751; stop 31's final code 62e0c38:
    # 0.673 / 0.000 / 0.718 / 0.762, the same three wrong leads)
    # entities -0.01 (stop 43): a town's government is now a Department, as FORMAT.md counts government bodies; the gold
    # leaves this one out: 通关镇政府驻地 (p10)
    "unseen14": {"entities": 0.77, "relations": 0.66, "targets": 0.75, "measurements": 0.88},
    # first scored at 0.731 / 0.000 / 0.667 / 0.444, no lead predicted (stop 32's code, 446eb7b; stop 31's final code:
    # 0.716 / 0.000 / 0.667 / 0.444)
    # relations 0.703 -> 0.667 in stop 34: g02's 我局制定了《…》 no longer a lead (as n03's, above)
    "unseen15": {"entities": 0.79, "relations": 0.66, "targets": 0.80, "measurements": 0.57},
    # first scored at 0.713 / 0.118 / 0.429 / 0.182, leads 1 of 5 (stop 33's starting code, d4eaa9b)
    "unseen16": {"entities": 0.72, "relations": 0.13, "targets": 0.84, "measurements": 0.66},
    # first scored at 0.612 / 0.000 / 0.000 / 0.456, no lead predicted (stop 33's code at 12462ff; its starting code
    # d4eaa9b: the same)
    "unseen17": {"entities": 0.66, "relations": 0.12, "targets": 0.72, "measurements": 0.75},
    # first scored at 0.614 / 0.000 / 0.400 / 0.918, leads 0 of 1 (12462ff; d4eaa9b: the same)
    "unseen18": {"entities": 0.70, "relations": 0.28, "targets": 0.99, "measurements": 0.93},
    # first scored at 0.707 / 0.080 / 0.800 / 0.909, leads 1 of 11 (stop 33's final code, cc8fae8): ten signers of a
    # national notice (我们制定了《…》，现印发给你们) read as leads its annotator reads as issuing; since, that formula is listed
    "unseen19": {"entities": 0.75, "relations": 0.44, "targets": 0.80, "measurements": 0.90},
    # first scored at 0.641 / 0.176 / 0.400 / 0.625, leads 2 of 2 (49717e9; cc8fae8 the same); then its errors were read
    # entities 0.70 -> 0.69 (stop 45): a month's 集中宣传活动 is now one more form of the month (爱国卫生月), as its 主题宣传活动
    # are, where this annotator (b02) names the month and its events apart; unseen53 lq08's annotator names the event alone;
    # back to 0.70 at stop 46 (0.704: 区/县 before a body counted from the one county a city's text names)
    "unseen20": {"entities": 0.70, "relations": 0.36, "targets": 0.40, "measurements": 0.66},
    # first scored at 0.562 / 0.000 / 0.000 / 0.708, no lead predicted (3525dbb; cc8fae8: 0.554 / 0.000 / 0.000 / 0.708)
    "unseen21": {"entities": 0.65, "relations": 0.00, "targets": 0.76, "measurements": 0.90},
    # first scored at 0.703 / 0.429 / 0.242 / 0.538, leads 5 of 6 (3634fe8; cc8fae8 the same); then its errors were read
    # (支持单位, a task's 责任期限 giving its targets' year): 0.703 / 0.581 / 0.727 / 0.538
    # entities lowered at stop 39 (0.79/0.70/0.75 → 0.78/0.69/0.74): the issuers of cited titles (《国务院关于…》) are
    # read as bodies, which this set's annotator did not mark; most sets' annotators did (all 40 sets: 0.741 → 0.746)
    # entities 0.76 -> 0.75 (stop 46's review): a county named once, in a cited title (《苍南县…方案》), no longer sets
    # what 县疾控中心 is, as a county named once in passing must not
    "unseen22": {"entities": 0.75, "relations": 0.70, "targets": 0.72, "measurements": 0.69},
    # first scored at 0.586 / 0.167 / 0.333 / 0.517, leads 2 of 3 (47b093e, the stop's final extraction; cc8fae8 the same)
    # targets 0.33 -> 0.30 in stop 35: e03's required shares (免疫密度不低于95%) are now targets of year null, where
    # its annotator gives them the 2010 of the notice's title (关于开展2010年狂犬病防控工作的通知); no rule reads that year
    "unseen23": {"entities": 0.60, "relations": 0.17, "targets": 0.30, "measurements": 0.56},
    # first scored at 0.667 / 0.000 / 0.000 / 0.286, leads 0 of 1 (d6827a6, the stop's final extraction; cc8fae8 the same):
    # the wrong lead gave an alliance's founder the strategy the sentence follows (…，践行党中央扶贫战略), read since
    "unseen24": {"entities": 0.71, "relations": 0.75, "targets": 0.00, "measurements": 0.30},
    # first scored at 0.588 / 0.286 / 0.182 / 0.077, leads 1 of 3 (90ff234, stop 34's final code)
    # relations 0.286 → 0.273 (stop 37): the lenient lead of i09's headline, see LEAD_PRECISION
    "unseen25": {"entities": 0.65, "relations": 0.27, "targets": 0.18, "measurements": 0.63},
    # first scored at 0.697 / 0.240 / 0.000 / 0.643, leads 2 of 3 (90ff234)
    "unseen26": {"entities": 0.72, "relations": 0.61, "targets": 0.00, "measurements": 0.64},
    # first scored at 0.673 / (no relations, none predicted) / 0.400 / 0.812 (2284ddc; 90ff234 the same)
    # entities 0.673 → 0.667 (stop 37): 全国《职业病防治法》宣传周 (ib08) is now a program, which its annotator left out
    "unseen28": {"entities": 0.68, "relations": 0.99, "targets": 0.53, "measurements": 0.88},
    # first scored at 0.590 / 0.000 / 0.000 / 0.424, leads 0 of 2 (128f52e; 90ff234: 0.574 / 0.000 / 0.000 / 0.424);
    # then its errors were read (duties set out item by item, 应当履行下列职责：): 0.693 / 0.690 / 0.000 / 0.424
    "unseen27": {"entities": 0.71, "relations": 0.68, "targets": 0.00, "measurements": 0.58},
    # first scored at 0.655 / 0.286 / 0.000 / 0.593, leads 6 of 6 (128f52e; 90ff234 the same)
    "unseen29": {"entities": 0.66, "relations": 0.28, "targets": 0.00, "measurements": 0.59},
    # first scored at 0.770 / 0.045 / 0.000 / 0.564, leads 0 of 4 (128f52e; 90ff234: 0.764 / 0.045 / 0.000 / 0.564); then
    # its errors were read (计划生育 is no plan word, 联盟单位加入，分别包含A、B…, 该院X医院): 0.791 / 0.800 / 1.000 / 0.780
    "unseen31": {"entities": 0.80, "relations": 0.81, "targets": 0.99, "measurements": 0.78},
    # first scored at 0.354 / 0.000 / 0.800 / 0.643, leads 0 of 1 (483dc8c, the stop's final extraction; 90ff234 the same):
    # units in table cells one line each, a liaison list (省财政厅：负责联系…), cells joined by Р; not read since
    "unseen30": {"entities": 0.42, "relations": 0.30, "targets": 0.79, "measurements": 0.71},
    # first scored at 0.539 / (no relations, none predicted) / 0.656 / 0.536 (483dc8c; 90ff234: targets 0.426)
    "unseen32": {"entities": 0.56, "relations": 0.99, "targets": 0.67, "measurements": 0.59},
    # first scored at 0.701 / 0.345 / 0.667 / 0.595, leads 10 of 10 (483dc8c; 90ff234: 0.704 / 0.345 / 0.667 / 0.595)
    "unseen33": {"entities": 0.76, "relations": 0.65, "targets": 0.66, "measurements": 0.62},
    # first scored at 0.714 / 0.340 / 0.000 / 0.917, leads 7 of 8 (8b2edb4)
    "unseen34": {"entities": 0.78, "relations": 0.62, "targets": 0.00, "measurements": 0.91},
    # held out to the end of stop 37, first scored at these figures (ca06e05)
    "unseen35": {"entities": 0.69, "relations": 0.47, "targets": 0.00, "measurements": 0.49},
    "unseen36": {"entities": 0.69, "relations": 0.00, "targets": 0.94, "measurements": 0.81},
    "unseen37": {"entities": 0.83, "relations": 0.84, "targets": 0.79, "measurements": 0.73},
    "unseen38": {"entities": 0.74, "relations": 0.99, "targets": 0.92, "measurements": 0.85},
    "unseen39": {"entities": 0.70, "relations": 0.62, "targets": 0.99, "measurements": 0.71},
    # unseen40 entities 0.762 → 0.752 (stop 41): 中国西藏文化保护与发展协会 no longer leads 学术讲座, a program named
    # inside the event's longer name (a wrong lead), so nothing makes it a Department, as its gold types it
    "unseen40": {"entities": 0.76, "relations": 0.62, "targets": 0.80, "measurements": 0.83},
    "unseen41": {"entities": 0.78, "relations": 0.72, "targets": 0.00, "measurements": 0.58},
    "unseen42": {"entities": 0.71, "relations": 0.58, "targets": 0.64, "measurements": 0.86},
    "unseen43": {"entities": 0.84, "relations": 0.69, "targets": 0.00, "measurements": 0.77},
    # entities -0.01 (stop 43): a town's government is now a Department, as FORMAT.md counts government bodies; the gold
    # leaves this one out: 埭溪镇人民政府, a consortium's partner (lh09)
    "unseen44": {"entities": 0.77, "relations": 0.58, "targets": 0.99, "measurements": 0.68},
    "unseen45": {"entities": 0.76, "relations": 0.43, "targets": 0.99, "measurements": 0.79},
    # relations 0.30 -> 0.28 (stop 43): 由A主办、B承办、C协办 now gives B and C their supports of the event the sentence
    # names (lj07), where the gold names the same launch by the headline's name (“一二三四 奔健康”宣传月…启动仪式)
    "unseen46": {"entities": 0.73, "relations": 0.28, "targets": 0.00, "measurements": 0.59},
    "unseen47": {"entities": 0.78, "relations": 0.15, "targets": 0.00, "measurements": 0.00},
    "unseen48": {"entities": 0.81, "relations": 0.08, "targets": 0.00, "measurements": 0.61},
    # unseen49 relations 0.366 -> 0.585 (stop 45): hosts named by their role (作为活动主办单位), a quoted run's parts
    "unseen49": {"entities": 0.81, "relations": 0.58, "targets": 0.00, "measurements": 0.60},
    # unseen50, read in stop 45 (held out to the end of stop 44 at 0.724 / 0.000 / 0.000 / 0.537)
    "unseen50": {"entities": 0.73, "relations": 0.66, "targets": 0.81, "measurements": 0.77},
    # unseen51 held out to the end of stop 45: scored with 41abac8 (the stop's start) and 36ea459 alike, then with the
    # stop's final code, its errors not read
    "unseen51": {"entities": 0.82, "relations": 0.73, "targets": 0.99, "measurements": 0.60},
    # unseen52 first scored with 41abac8 and 36ea459 alike: 0.631 / 0.000 / 0.250 / 0.466; then its errors were read
    "unseen52": {"entities": 0.64, "relations": 0.00, "targets": 0.24, "measurements": 0.75},
    # unseen53 first scored with 41abac8 and b4236a8 alike: 0.687 / 0.208 / 1.000 / 0.600, 6 of 6 leads; then read
    "unseen53": {"entities": 0.70, "relations": 0.53, "targets": 0.99, "measurements": 0.60},
    # unseen54 first scored with 41abac8 and 8e5d972 alike: 0.500 / 0.000 / 0.308 / 0.544; then read
    "unseen54": {"entities": 0.50, "relations": 0.00, "targets": 0.73, "measurements": 0.67},
    # held out to the end of stop 46: first scored (39b73fa) 0.581 / 0.290 / 0.000 / 0.378, 6 of 6 leads, and at its end
    "unseen55": {"entities": 0.58, "relations": 0.28, "targets": 0.00, "measurements": 0.37},
    # held out to the end of stop 46: first scored (39b73fa) 0.722 / 0.000 / 0.360 / 0.435, and at its end
    "unseen56": {"entities": 0.72, "relations": 0.00, "targets": 0.35, "measurements": 0.43},
    # measurements 0.742 -> 0.730 (stop 43): a goal's year (…达国家2030年目标值) is no longer the year of the value
    # before it, so 17项…考核指标 (w14), which the gold leaves out, is kept as a count of 2024, not dropped as of 2030
    "unseen3-health": {"entities": 0.79, "relations": 0.49, "targets": 0.88, "measurements": 0.73},
}
# lead precision on heldout/ is 0.92 today (wrong program names, not wrong units), 1.0 on unseen2/
# on unseen4 0.75: of its four leads the one wrong names its task by the first clause only (清除城中村菜地、菜园
# where the gold adds ,实施绿化改造), the unit is right
# on unseen10 0.5 at its first scoring (one of two leads wrong), 35 of 36 after its errors were read
# on unseen16 1 of 5 at its first scoring, 1 of 3 after its errors were read (the two left name 贵池区 bodies without
# 池州市, as the gold does)
# on unseen11 4 of 17 at its first scoring, 47 of 50 after its errors were read (0.94)
# on unseen11 0.89 and unseen7 0.93 since the drafters rule (stop 33): the seven drafters of 《常州市综合防控儿童青少年近视实施方案》
# lead 常州市综合防控儿童青少年近视 where the gold words it 儿童青少年近视防控; unseen7's annotator did not read 青海省政府制定了《…行动计划》
# as a lead, five later annotators read such sentences so
# on unseen22 5 of 6: the one not in its gold (市卫生局 → 继续对15岁以下的人群补种乙肝疫苗) is the right unit of a task the page
# cuts after its 责任单位 line, which its annotator left out as cut
# on unseen23 2 of 3: the hospital that 牵头 founds an alliance (由A牵头…联合发起的“X联盟”) read as its lead, where this
# annotator reads it as its core member (the seeds' and unseen2/3's annotators read such hospitals as leads)
# on unseen25 1 of 3 and unseen26 2 of 3 at their first scoring (90ff234)
# on unseen31 0 of 3: each a hospital that 牵头组建/牵头成立 an alliance, read as its lead and (since stop 36) its member,
# where this set's annotator records the member only (unseen2 v13's and unseen20 w03/w05's annotators record both)
# on unseen30 0 of 1 at its first scoring: a cleaning company's task named by its clause (组织各村保洁人员), where the
# gold names it by the campaign the clause is in (环境卫生大整治活动)
# unseen25 0.33 → 0.25 (stop 37): its headline 萝北县卫生局启动2015年“两癌”免费筛查项目 is no longer read as a program's
# name, so the body that 启动 it leads it, a reading its annotator calls the lenient one and leaves out
# unseen41 8 of 9: 2024年食品安全宣传周活动 is named twice (its headline's form and its body's), so the body's lead pairs
# with no gold lead left; unseen42 0 of 3 when held out (stop 40): its three hosts led the event named with its launch
# ceremony and a broken quote (西藏人人健康”…启动仪式); 3 of 3 since
# unseen46: held out to the end of stop 42, its one wrong lead of four not read while the rules were written; read
# in stop 43: the lead is right by its unit and wrong by the event's name (lj07, as its supports)
# unseen48: held out to the end of stop 43, its one lead (its gold has none) not read while the rules were written;
# read at the stop's end: a hospital that 牵头组建 a consortium, which this annotator counts a member only (as unseen31's)
# unseen51: held out to the end of stop 45, 20 of its 28 leads right at the stop's start and end; its wrong ones not read
# unseen50: 0 of 6 while held out (stop 44), 6 of 6 since its errors were read (a program named inside an event's name)
LEAD_PRECISION = {"unseen51": 0.75, "unseen49": 0.94, "unseen48": 0.0, "unseen46": 0.75, "unseen42": 0.95, "unseen41": 0.85, "unseen40": 0.71, "unseen30": 0.88, "unseen31": 0.0, "unseen23": 0.66, "unseen22": 0.83, "unseen": 0.90, "unseen2": 0.95, "unseen4": 0.75, "unseen5": 0.84, "unseen7": 0.93, "unseen11": 0.89,
                  "unseen16": 0.33, "unseen25": 0.25, "unseen26": 0.66, "unseen34": 0.92, "unseen36": 0.0, "unseen37": 0.95}


@pytest.fixture(scope="module")
def scores():
    return {name: evaluate(gold, docs, only=only) for name, (gold, docs, only) in SETS.items()}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_f1_at_or_above_floor(scores, name):
    ev = scores[name]
    assert not ev.failures, ev.failures
    for category, floor in FLOORS[name].items():
        assert ev.scores[category].f1 >= floor, (name, category, ev.summary())


@pytest.mark.parametrize("name", sorted(set(SETS) - {"unseen3"}))  # unseen3-health stands for it
def test_lead_relations_are_precise(scores, name):
    # a wrong lead relation is worse than a missing one
    lead = scores[name].scores["relation:lead"]
    assert lead.n_p == 0 or lead.p >= LEAD_PRECISION.get(name, 0.95), (name, lead)


# the wrong leads of a set whose precision floor is 0.0, each named (a reading annotators split on, or the right unit
# with its task named otherwise): any other wrong lead on the set fails, which the floor alone could not
DISPUTED_LEADS = {"unseen30": {"保洁公司 → 组织各村保洁人员"},
                  # 由县中医院牵头组建的…联盟 (ll03): lead by the consortium convention, its core member only for this annotator
                  "unseen48": {"遂昌县中医院 → 遂昌县中医医联体暨中医专科联盟"},
                  # 由A牵头、49家医院参加的X (lm10): lead by the consortium convention, its core member only for this annotator
                  "unseen49": {"哈尔滨市第一医院 → 黑龙江省第一医疗集团"},
                  "unseen31": {  # a hospital that 牵头组建/牵头成立 an alliance: its core member only, this annotator reads
    "泉州市妇幼保健院·儿童医院 → 泉州市新生儿专科联盟",
    "郑州大学第一附属医院生殖与遗传专科医院 → 河南省不孕不育和遗传专病联盟",
    "郑州大学第一附属医院生殖与遗传专科医院 → 河南省生殖医学专科联盟"}}


@pytest.mark.parametrize("name", sorted(DISPUTED_LEADS))
def test_the_only_wrong_leads_are_the_disputed_ones(scores, name):
    wrong = {e.what for e in scores[name].errors if e.category == "relation:lead" and e.kind == "false positive"}
    assert wrong <= DISPUTED_LEADS[name], wrong - DISPUTED_LEADS[name]


def test_the_dev_split_covers_the_dev_set():
    stems = {p.stem for p in (DEV / "gold").glob("*.json")}
    assert set(DEV_HELD_OUT) <= stems and set(DEV_TUNED) | set(DEV_HELD_OUT) == stems


def test_kg_eval_agrees_with_the_reference_scorer(tmp_path):
    """``kg eval`` pairs predictions with gold one to one, as the shared scorer does
    (tests/reference/score.py, a copy of ../shared/tools/score.py): same counts."""
    kg_cmd = f"{sys.executable} -m kg.cli"
    run = subprocess.run([sys.executable, str(ROOT / "tests" / "reference" / "score.py"), "--gold", str(GOLD),
                          "--docs", str(SEEDS), "--kg", kg_cmd, "--json"], capture_output=True, text=True, timeout=600,
                         cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    reference = json.loads(run.stdout)
    assert not reference["failures"]
    ours = evaluate(GOLD, SEEDS)
    for category, row in reference["scores"].items():
        mine = ours.scores[category]
        assert (mine.n_g, mine.n_p, round(mine.p, 3), round(mine.r, 3)) == (row["gold"], row["pred"], row["p"], row["r"]), category
