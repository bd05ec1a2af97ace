"""Every real report of ../shared/corpus against values a person read from the source (tests/expected/*.json)."""
from __future__ import annotations

import json
import re

import pytest

import nlp
from conftest import EXPECTED, corpus_file

SOURCES = {"jinzhou-hitech-housing-2021": "jinzhou-hitech-housing-2021.md",
           "hongze-district-2024": "hongze-district-2024.pdf",
           "shanghai-stcsm-2024": "shanghai-stcsm-2024.md",
           "shuyang-county-2025": "shuyang-county-2025.txt"}
CASES = [f"{stem}.json" for stem in sorted(SOURCES)]


def squeeze(text: str) -> str:
    return re.sub(r"-{3,}|[\s|#]", "", text)


@pytest.fixture(scope="module", params=CASES)
def case(request):
    expected = json.loads((EXPECTED / request.param).read_text("utf-8"))
    report = nlp.parse(corpus_file(expected["file"]))
    return expected, report


def test_every_corpus_file_has_an_oracle():
    assert all((EXPECTED / name).exists() for name in CASES)


def test_parses_without_error(case):
    _, report = case
    assert report.error is None


def test_metadata(case):
    expected, report = case
    meta = expected["metadata"]
    assert (report.metadata.agency, report.metadata.year, report.metadata.level) == (
        meta["agency"], meta["year"], meta["level"])
    assert report.metadata.format_generation == "2021"


def test_sections_and_titles(case):
    expected, report = case
    found = {s.key: s for s in report.sections}
    assert set(found) == set(expected["sections"])
    for key, title in expected["sections"].items():
        if title is None:
            assert found[key].title is None and found[key].found_by == "content"
        else:
            assert squeeze(found[key].title) == squeeze(title)


def test_section_offsets_and_starts(case):
    expected, report = case
    text = report.document.text
    for section in report.sections:
        assert text[section.start:section.end].strip("\n") == section.text
        want = squeeze(expected["section_starts"][section.key])
        assert squeeze(section.text).startswith(want), (section.key, section.text[:60])


@pytest.mark.parametrize("table", ["active_disclosure", "applications", "review_litigation"])
def test_table_cells_equal_what_a_person_reads(case, table):
    expected, report = case
    assert report.tables[table] is not None
    assert report.tables[table].to_json() == expected["tables"][table]


def test_identities_fail_exactly_as_in_the_source(case):
    expected, report = case
    failing = sorted([f.rule, f.cells[0].split(".")[0] if f.rule == "T3_ROW_SUM" else f.cells[0].split(".")[-1]
                      if f.rule.startswith("T3") else f.cells[0].split(".")[0]]
                     for f in report.findings if f.severity == "error")
    assert failing == sorted(expected["failing_rules"])
