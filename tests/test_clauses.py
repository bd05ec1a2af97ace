"""Clause segmentation as TAXONOMY.md defines it, with offsets into the section text."""
from __future__ import annotations

import pytest

import nlp
from nlp.clauses import heading_role, split_section
from nlp.model import Section
from nlp.text import compact


def clauses_of(text: str, key: str = "problems_improvements"):
    return split_section(Section(key=key, title=None, text=text, start=0, end=len(text)))


def texts(text: str, key: str = "problems_improvements") -> list[str]:
    return [c.text for c in clauses_of(text, key)]


def test_sentence_ends_and_enumerations():
    got = texts("存在问题较多。一是人员不足；二是制度不全。（一）加强培训！1.完善目录？2、更新栏目。①第一项内容。②第二项内容。")
    assert got == ["存在问题较多。", "一是人员不足；", "二是制度不全。", "（一）加强培训！", "1.完善目录？", "2、更新栏目。",
                   "①第一项内容。", "②第二项内容。"]


def test_semicolon_splits_only_between_full_statements():
    assert len(texts("网站栏目更新不够及时，内容较为单一；新媒体账号运维力量薄弱，互动回应不足。")) == 2
    assert len(texts("包括规章；规范性文件。")) == 1


def test_ordinal_list_markers_and_decimals():
    assert texts("第一，健全制度。其次，加强考核。最后，强化培训。") == ["第一，健全制度。", "其次，加强考核。", "最后，强化培训。"]
    assert texts("全年收费4068.208万元，较上年增长2.5%。") == ["全年收费4068.208万元，较上年增长2.5%。"]


def test_heading_lines_are_not_clauses_but_set_the_role():
    got = clauses_of("存在问题：\n部分栏目更新不及时。\n下一步工作打算：\n加强业务培训。\n（二）改进情况\n完善公开目录。")
    assert [(c.text, c.heading_role) for c in got] == [("部分栏目更新不及时。", "problem"), ("加强业务培训。", "measure"),
                                                        ("完善公开目录。", "measure")]


def test_inline_heading_prefix_sets_role_and_is_left_out():
    got = clauses_of("存在问题：相关制度尚不健全。下一步工作：一是建立台账；二是定期通报。")
    assert [(c.text, c.heading_role) for c in got] == [
        ("相关制度尚不健全。", "problem"), ("一是建立台账；", "measure"), ("二是定期通报。", "measure")]


def test_pdf_line_wraps_page_numbers_and_table_rows():
    text = "一是部分单位对依申请公开工作重视不够，\n答复不够规范。\n- 3 -\n| 规章 | 0 | 0 | 0 |\n二是人员\n\n力量不足。"
    got = clauses_of(text)
    assert [c.text for c in got] == ["一是部分单位对依申请公开工作重视不够，答复不够规范。", "二是人员力量不足。"]


def test_offsets_trace_back_to_the_section_text():
    text = "存在问题：\n一是信息更新\n不及时；二是专职人员少，\n工作力量薄弱。"
    for clause in clauses_of(text):
        assert compact(text[clause.start:clause.end]) == compact(clause.text)


def test_flattened_table_text_is_not_narrative():
    assert texts("第二十条第（一）项\n信息内容 本年制发件数\n规章 0 0 0", key="active_disclosure") == []


@pytest.mark.parametrize("heading,role", [("存在问题：", "problem"), ("（一）主要问题", "problem"), ("下一步工作计划", "measure"),
                                          ("（二）改进情况", "measure"), ("二、主要工作成效", "achievement"),
                                          ("二、工作机制保障", None)])
def test_heading_roles(heading, role):
    assert heading_role(heading) == role


def test_real_report_clauses(tmp_path):
    from conftest import corpus_file

    report = nlp.parse(corpus_file("jinzhou-hitech-housing-2021.md"))
    problems = nlp.clauses.split_clauses(report, ("problems_improvements",))
    assert [c.heading_role for c in problems] == ["problem"] + ["measure"] * 4
    assert problems[1].text.startswith("在今后工作中") and problems[2].text.startswith("一是")
