"""Table reading: label matching, cell values, layouts (split, flattened, subtotal column, 2019 rows)."""
from __future__ import annotations

import pytest

import nlp
from nlp.tables import match_label, rows_of
from nlp.text import fold, is_value_text, parse_number

ROW_LABELS = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开",
              "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "1.属于国家秘密", "2.其他法律行政法规禁止公开",
              "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息",
              "7.属于行政执法案卷", "8.属于行政查询事项", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作",
              "3.补正后申请内容仍不明确", "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物",
              "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息",
              "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
              "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他", "（七）总计",
              "四、结转下年度继续办理"]


@pytest.mark.parametrize("label,key", [
    ("（三）不予公开 2.其他法律行政止公开", "withheld_law_prohibited"),  # typo of a real report
    ("3. 危及“三安全一稳", "withheld_three_safety"),  # cut at a page end
    ("（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "other_overdue_correction"),
    ("（六）其他处理", "other_other"),
    ("三、本年度办理结果（一）予以公开", "granted"),
    ("5.要求行政机关确认或重 新出具已获取信息", "not_processed_confirm"),
])
def test_labels_match_with_typos_wrapping_and_parents(label, key):
    assert match_label(label, "applications")[0] == key


def test_header_and_unrelated_text_match_nothing():
    assert match_label("申请人情况", "applications")[0] is None
    assert match_label("信息内容", "applications")[0] is None


@pytest.mark.parametrize("raw,value", [("12", 12), ("1,234", 1234), ("5件", 5), ("", None), ("—", None), ("无", None),
                                       ("/", None), ("l2", None), ("O", None), ("１２", 12), ("3.5", None)])
def test_cell_values(raw, value):
    assert parse_number(raw) == value


def test_fee_cells_keep_decimals():
    assert parse_number("4068.208", allow_decimal=True) == pytest.approx(4068.208)


def test_value_text_tells_figures_from_labels():
    assert is_value_text("0") and is_value_text("—") and is_value_text("l2") and is_value_text("5件")
    assert not is_value_text("三、") and not is_value_text("3.其他")


def test_fold_keeps_length():
    text = "２０２４年，共１２件（含结转）"
    assert len(fold(text)) == len(text) and fold(text).startswith("2024年,共12件(")


def _table3(rows: list[list], header: str = "") -> str:
    lines = [header, "三、收到和处理政府信息公开申请情况", ""]
    for label, values in zip(ROW_LABELS, rows):
        lines.append(f"{label} " + " ".join(str(v) for v in values))
    return "\n".join(lines)


def _consistent_rows(subtotal: bool = False) -> list[list]:
    rows = []
    for i, _ in enumerate(ROW_LABELS):
        person, firm = (i % 3, i % 2)
        rows.append([person, firm, 0, 0, 0, 0, person + firm])
    # make the identities hold: outcomes sum to total_processed, balance with carried_forward
    outcome = rows[2:23]
    total = [sum(r[c] for r in outcome) for c in range(7)]
    rows[23] = total
    rows[24] = [0] * 7
    rows[0] = [total[c] - rows[1][c] for c in range(7)]
    if subtotal:
        rows = [[r[0], sum(r[1:6])] + r[1:] for r in rows]
    return rows


def test_flattened_text_table_is_read_and_balanced():
    rows = _consistent_rows()
    report = nlp.parse_text(_table3(rows))
    table = report.tables["applications"]
    assert table.value("granted", "natural_person") == rows[2][0]
    assert table.value("total_processed", "total") == rows[23][6]
    assert not [f for f in report.findings if f.severity == "error"]


def test_subtotal_column_is_dropped():
    rows = _consistent_rows(subtotal=True)
    report = nlp.parse_text(_table3(rows))
    table = report.tables["applications"]
    assert table.variant == "subtotal_column"
    assert table.value("granted", "commercial") == rows[2][2]
    assert not [f for f in report.findings if f.severity == "error"]


def test_broken_identity_is_reported_with_cells_and_values():
    rows = _consistent_rows()
    rows[0][0] += 4  # 新收 of 自然人 four too high; row total too
    rows[0][6] += 4
    report = nlp.parse_text(_table3(rows))
    errors = [f for f in report.findings if f.severity == "error"]
    balance = [f for f in errors if f.rule == "T3_BALANCE"]
    assert {f.cells[0] for f in balance} == {"new_received.natural_person", "new_received.total"}
    assert all(f.found - f.expected == 4 for f in balance)


def test_markdown_row_with_lost_label_keeps_its_place():
    text = "\n".join([
        "| 一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |",
        "| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        "| （一）予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
        "| 2 | 0 | 0 | 0 | 0 | 0 | 2 |",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    ])
    table = nlp.parse_text(text).tables["applications"]
    assert table.value("partially_granted", "natural_person") == 2


def test_review_table_from_one_line_of_fifteen_figures():
    text = "四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计\n" \
           "1 0 0 0 1 0 0 0 1 1 2 1 0 0 3"
    table = nlp.parse_text(text).tables["review_litigation"]
    assert table.to_json()["litigation_after_review"] == {"maintained": 2, "corrected": 1, "other": 0, "pending": 0,
                                                          "total": 3}


def test_rows_of_splits_markdown_cells_and_text_tokens():
    rows = rows_of("| 规章 | 0 | 1 | 2 |\n行政许可 97\n")
    assert rows[0].label == "规章" and rows[0].values == ("0", "1", "2") and rows[0].structured
    assert rows[1].label == "行政许可" and rows[1].values == ("97",) and not rows[1].structured


def test_wrapped_labels_in_flattened_text_keep_their_figures():
    rows = _consistent_rows()
    lines = ["三、收到和处理政府信息公开申请情况"]
    for label, values in zip(ROW_LABELS, rows):
        figures = " ".join(str(v) for v in values)
        if label.startswith("（二）部分公开"):  # label wrapped: its tail carries the figures
            lines += ["（二）部分公开（区分处理的，只计这一情形，", f"不计其他情形） {figures}"]
        elif label.startswith("四、"):  # label alone, figures on the next line
            lines += [label, figures]
        else:
            lines.append(f"{label} {figures}")
    lines.append("四、政府信息公开行政复议、行政诉讼情况")
    report = nlp.parse_text("\n".join(lines))
    table = report.tables["applications"]
    assert table.value("partially_granted", "natural_person") == rows[3][0]
    assert table.value("other_other", "total") == rows[22][6]
    assert table.value("carried_forward", "total") == rows[24][6]
    assert not [f for f in report.findings if f.severity != "info" and f.table == "applications"]


def test_table_flattened_one_cell_per_line():
    rows = _consistent_rows()
    lines = ["三、收到和处理政府信息公开申请情况", "申请人情况"]
    for label, values in zip(ROW_LABELS, rows):
        lines.append(label)
        lines += [str(v) for v in values]
    lines += ["四、政府信息公开行政复议、行政诉讼情况"] + [str(v) for v in (1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0)]
    lines += ["二、主动公开政府信息情况", "行政许可", "97"]
    report = nlp.parse_text("\n".join(lines))
    table = report.tables["applications"]
    assert [table.value(k, "total") for k in ("new_received", "granted", "total_processed", "carried_forward")] == [
        rows[0][6], rows[2][6], rows[23][6], rows[24][6]]
    assert not [f for f in report.findings if f.table == "applications" and f.severity != "info"]
    assert report.tables["review_litigation"].to_json()["litigation_direct"] == {
        "maintained": 0, "corrected": 1, "other": 0, "pending": 0, "total": 1}
    assert report.tables["active_disclosure"].value("licensing") == 97
