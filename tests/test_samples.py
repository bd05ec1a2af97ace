"""The bundled sample corpus in every form, and damaged input: each file gets a record or a typed error."""
from __future__ import annotations

import json
import shutil

import pytest

import nlp
from conftest import EXPECTED, FIXTURES, SAMPLES

EXPECTED_SAMPLES = json.loads((EXPECTED / "samples.json").read_text("utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED_SAMPLES))
def test_sample_tables_metadata_and_identities(name):
    expected = EXPECTED_SAMPLES[name]
    report = nlp.parse(SAMPLES / name)
    assert report.error is None
    assert {s.key for s in report.sections} == {"overview", "active_disclosure", "applications", "review_litigation",
                                                 "problems_improvements", "other_matters"}
    for table, want in expected["tables"].items():
        got = report.tables[table]
        assert (got.to_json() if got is not None else None) == want, table
    meta = expected["metadata"]
    assert report.metadata.agency == meta["agency"]
    assert report.metadata.year == meta["year"]
    assert report.metadata.format_generation == meta["format_generation"]
    assert report.metadata.encoding == meta["encoding"]
    failing = sorted([f.rule, f.cells[0].split(".")[-1]] for f in report.findings if f.severity == "error")
    assert failing == sorted(expected["failing_rules"])


def test_every_sample_form_is_bundled():
    assert {p.suffix for p in SAMPLES.iterdir()} >= {".md", ".txt", ".html", ".docx", ".pdf"}


def test_gb18030_text_is_decoded_and_recorded():
    report = nlp.parse(SAMPLES / "yunling-county-2022.txt")
    assert report.metadata.encoding == "gb18030"
    assert "云岭县" in report.document.text


def test_narrative_figure_that_disagrees_with_the_table_is_a_finding():
    report = nlp.parse(SAMPLES / "lanshan-district-2024.html")
    found = [f for f in report.findings if f.rule == "NARRATIVE_APPLICATIONS"]
    assert len(found) == 1 and found[0].severity == "warning"
    assert (found[0].expected, found[0].found) == (69, 66)


def test_outcome_counts_in_the_text_are_not_taken_for_case_totals():
    report = nlp.parse(SAMPLES / "songxi-market-2024.pdf")  # "行政复议中有2件被纠错" is not the 11 cases of table 4
    assert not [f for f in report.findings if f.rule == "NARRATIVE_REVIEW" and f.severity == "warning"]


def test_html_page_chrome_is_stripped():
    text = nlp.parse(SAMPLES / "lanshan-district-2024.html").document.text
    assert "分享到" not in text and "网站标识码" not in text and "首页" not in text[:200]


def test_pdf_keeps_page_count_and_repairs_table_split_across_pages():
    report = nlp.parse(SAMPLES / "songxi-market-2024.pdf")
    assert report.metadata.pages == 3
    table = report.tables["applications"]
    assert table.value("not_processed_confirm", "total") == 1  # first row on page 3
    assert not [f for f in report.findings if f.rule == "T3_ROW_MISSING"]


def test_pre2019_report_maps_old_headings():
    report = nlp.parse(SAMPLES / "hexi-town-2016.txt")
    titles = {s.key: s.title for s in report.sections}
    assert titles["overview"].endswith("概述")
    assert "存在的主要问题和改进措施" in titles["problems_improvements"]
    assert all(t is None for t in report.tables.values())


def test_letters_in_number_cells_are_unreadable_not_zero():
    report = nlp.parse(FIXTURES / "letters-in-cells.md")
    table = report.tables["applications"]
    assert table.value("granted", "natural_person") is None
    assert table.cells["granted"]["natural_person"].raw == "l2"
    assert table.value("carried_over", "commercial") is None
    unreadable = {f.cells[0] for f in report.findings if f.rule == "CELL_UNREADABLE"}
    assert {"granted.natural_person", "carried_over.commercial", "withheld_third_party.research"} <= unreadable


def test_report_without_tables_has_sections_and_null_tables():
    report = nlp.parse(FIXTURES / "no-tables.md")
    assert report.error is None
    assert len(report.sections) == 6
    assert report.tables == {"active_disclosure": None, "applications": None, "review_litigation": None}
    if report.metadata.format_generation in ("2019", "2021"):
        assert {f.table for f in report.findings if f.rule == "TABLE_MISSING"} == set(report.tables)


def test_pre2019_report_is_not_asked_for_tables():
    report = nlp.parse(SAMPLES / "hexi-town-2016.txt")
    assert not [f for f in report.findings if f.rule == "TABLE_MISSING"]


@pytest.mark.parametrize("name,kind", [("empty.txt", "empty"), ("junk.bin", "undecodable"),
                                       ("scanned.pdf", "no_text_layer")])
def test_damaged_input_gives_a_typed_error(name, kind):
    report = nlp.parse(FIXTURES / name)
    assert report.error is not None and report.error.type == kind and report.error.stage == "ingest"


def test_truncated_pdf_gives_a_typed_error(tmp_path):
    data = (SAMPLES / "songxi-market-2024.pdf").read_bytes()
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(data[: len(data) // 3])
    report = nlp.parse(broken)
    # a cut PDF either still yields its readable pages or fails with corrupt_pdf; it never raises
    assert report.error is None or report.error.type in ("corrupt_pdf", "no_text_layer")


def test_unknown_extension_is_sniffed(tmp_path):
    copy = tmp_path / "report.download"
    shutil.copy(SAMPLES / "songxi-market-2024.pdf", copy)
    report = nlp.parse(copy)
    assert report.error is None and report.document.source_format == "pdf"


def test_legacy_word_file_is_named_as_such(tmp_path):
    legacy = tmp_path / "report.doc"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024))
    report = nlp.parse(legacy)
    assert report.error.type == "unsupported_format" and ".docx" in report.error.message


def test_merged_figure_cells_count_once(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("某街道办事处2022年政府信息公开工作年度报告")
    document.add_paragraph("二、主动公开政府信息情况")
    table = document.add_table(rows=2, cols=4)
    table.cell(0, 0).text = "信息内容"
    table.cell(1, 0).text = "行政许可"
    table.cell(1, 1).merge(table.cell(1, 3)).text = "37"
    document.save(tmp_path / "merged.docx")
    text = nlp.parse(tmp_path / "merged.docx").document.text
    assert "| 行政许可 | 37 |  |  |" in text

    html = ("<html><body><div><p>某区2022年政府信息公开工作年度报告</p><table><tr><td>行政许可</td>"
            "<td colspan='3'>12</td></tr><tr><td rowspan='2'>（三）不予公开</td><td>1.属于国家秘密</td><td>0</td>"
            "<td>0</td></tr><tr><td>2.其他法律行政法规禁止公开</td><td>0</td><td>0</td></tr></table></div></body></html>")
    (tmp_path / "spans.html").write_text(html, "utf-8")
    text = nlp.parse(tmp_path / "spans.html").document.text
    assert "| 行政许可 | 12 |  |  |" in text
    assert "| （三）不予公开 | 2.其他法律行政法规禁止公开 | 0 | 0 |" in text


def test_an_unforeseen_failure_is_recorded_for_that_file_only(monkeypatch):
    import nlp.pipeline

    def broken(document):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(nlp.pipeline, "segment", broken)
    records = list(nlp.parse_many([SAMPLES / "qinghe-eco-2023.md", FIXTURES / "empty.txt"]))
    assert [r["error"]["type"] for r in records] == ["internal_error", "empty"]
    assert records[0]["error"]["stage"] == "analyse" and "ZeroDivisionError" in records[0]["error"]["message"]


def test_html_page_laid_out_with_tables(tmp_path):
    import re

    page = (SAMPLES / "lanshan-district-2024.html").read_text("utf-8")
    inner = re.search(r"<body[^>]*>(.*)</body>", page, re.S).group(1)
    old_style = ("<html><head><meta charset='utf-8'></head><body><table><tr><td>首页 | 政务公开</td></tr><tr><td>"
                 + inner + "</td></tr><tr><td>版权所有</td></tr></table></body></html>")
    (tmp_path / "layout.html").write_text(old_style, "utf-8")
    laid_out, plain = nlp.parse(tmp_path / "layout.html"), nlp.parse(SAMPLES / "lanshan-district-2024.html")
    assert [s.key for s in laid_out.sections] == [s.key for s in plain.sections]
    for key in plain.tables:
        assert laid_out.tables[key].to_json() == plain.tables[key].to_json()
