"""Sections: title variants, renumbered headings, lost headings, offsets."""
from __future__ import annotations

import pytest

import nlp
from nlp.sections import title_score


@pytest.mark.parametrize("title,key", [
    ("总体情况", "overview"), ("概述", "overview"),
    ("存在的主要问题及改进情况", "problems_improvements"), ("存在问题与改进方向", "problems_improvements"),
    ("存在的主要问题及整改措施", "problems_improvements"), ("存在的主要问题和改进措施", "problems_improvements"),
    ("政府信息公开工作存在的主要问题及改进情况", "problems_improvements"),
    ("因政府信息公开申请行政复议、提起行政诉讼的情况", "review_litigation"),
    ("依申请公开政府信息情况", "applications"), ("其他需要报告的事项", "other_matters"),
])
def test_title_variants(title, key):
    assert title_score(title)[0] == key


def test_table_row_labels_are_not_headings():
    assert title_score("本年新收政府信息公开申请数量")[0] is None
    assert title_score("结转下年度继续办理")[0] is None


REPORT = """某县人民政府2023年政府信息公开工作年度报告

一、总体情况
本年度我县持续推进政务公开，门户网站发布信息1200条。
二、主动公开政府信息情况
行政许可 15
三、收到和处理政府信息公开申请情况
全年收到申请12件。
四、政府信息公开行政复议、行政诉讼情况
本年度未发生行政复议和行政诉讼。
六、存在的问题及改进情况
一是人员力量不足。二是将加强培训。
七、其他需要报告的事项
无。
"""


def test_renumbered_headings_keep_their_keys_and_offsets():
    report = nlp.parse_text(REPORT)
    keys = [s.key for s in report.sections]
    assert keys == ["overview", "active_disclosure", "applications", "review_litigation", "problems_improvements",
                    "other_matters"]
    problems = report.section("problems_improvements")
    assert problems.title == "六、存在的问题及改进情况"
    assert REPORT[problems.start:problems.end].strip() == problems.text.strip()
    assert problems.text.startswith("一是人员力量不足")


def test_lost_problems_heading_is_recovered_by_content():
    text = REPORT.replace("六、存在的问题及改进情况\n", "（一）存在的主要问题\n")
    report = nlp.parse_text(text)
    problems = report.section("problems_improvements")
    assert problems is not None and problems.title is None and problems.found_by == "content"
    assert problems.text.startswith("（一）存在的主要问题")


def test_metadata_from_title():
    report = nlp.parse_text(REPORT)
    assert (report.metadata.agency, report.metadata.year, report.metadata.level) == ("某县人民政府", 2023, "county")


@pytest.mark.parametrize("agency,level", [("北京市教育委员会", "province"), ("浙江省人民政府办公厅", "province"),
                                          ("杭州市市场监督管理局", "city"), ("余杭区市场监督管理局", "county"),
                                          ("临平街道办事处", "street"), ("塘栖镇人民政府", "township"),
                                          ("国家税务总局", "central"), ("海淀区人民政府", "county")])
def test_levels(agency, level):
    from nlp.metadata import level_of

    assert level_of(agency) == level


def test_agency_from_the_signature_when_the_title_has_none():
    text = "政府信息公开工作年度报告\n\n一、总体情况\n本年度我局持续推进政务公开。\n\n青禾市交通运输局\n2024年1月18日\n"
    report = nlp.parse_text(text)
    assert report.metadata.agency == "青禾市交通运输局"
    assert report.metadata.evidence["agency"] == "signature at the end"


def test_heading_run_together_with_its_paragraph():
    text = REPORT.replace("一、总体情况\n", "一、总体情况").replace("六、存在的问题及改进情况\n", "六、存在的问题及改进情况")
    report = nlp.parse_text(text)
    overview = report.section("overview")
    assert overview.title == "一、总体情况" and overview.text.startswith("本年度我县持续推进政务公开")
    problems = report.section("problems_improvements")
    assert problems.title == "六、存在的问题及改进情况" and problems.text.startswith("一是人员力量不足")
