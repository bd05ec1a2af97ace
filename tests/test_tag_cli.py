"""govreport tag / classify / train / evaluate on the bundled samples with the shipped models."""
from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from conftest import FIXTURES, ROOT, SAMPLES
from nlp.cli import app
from nlp.model import ROLES, TOPICS

runner = CliRunner()
FIELDS = {"report_id", "path", "agency", "year", "level", "section", "start", "end", "text", "role", "role_proba",
          "topics", "topic_proba", "specific", "specific_proba"}


def test_tag_samples_one_record_per_clause(tmp_path):
    out = tmp_path / "clauses.jsonl"
    result = runner.invoke(app, ["tag", str(SAMPLES), str(FIXTURES / "empty.txt"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    clauses = [r for r in records if "error" not in r]
    errors = [r for r in records if "error" in r]
    assert len(clauses) > 100 and [e["error"]["type"] for e in errors] == ["empty"]
    assert set(clauses[0]) == FIELDS
    assert {r["role"] for r in clauses} <= set(ROLES) and all(set(r["topic_proba"]) == set(TOPICS) for r in clauses)
    problems = [r for r in clauses if r["section"] == "problems_improvements"]
    assert {"problem", "measure"} <= {r["role"] for r in problems}
    # offsets point into the section text of the parsed report
    import nlp

    report = nlp.parse(SAMPLES / "songxi-market-2024.pdf")
    section = report.section("problems_improvements")
    first = next(r for r in problems if r["path"].endswith("songxi-market-2024.pdf"))
    assert section.text[first["start"]:first["end"]].replace("\n", "").startswith(first["text"][:10])


def test_tag_with_two_workers_and_another_model_to_csv(tmp_path):
    out = tmp_path / "clauses.csv"
    result = runner.invoke(app, ["tag", str(SAMPLES / "qinghe-eco-2023.md"), str(SAMPLES / "baihe-street-2021.docx"),
                                 "--model", "lexicon", "--workers", "2", "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = out.read_text("utf-8").splitlines()
    assert lines[0].startswith("report_id,path,agency") and len(lines) > 20


def test_classify_keeps_input_order(tmp_path):
    text = "负责信息采集和审核的同志大多还承担其他业务，精力难以兼顾。\n下一步将制定《政府信息公开保密审查办法》，明确审核流程。\n本年度未收取信息处理费。\n"
    result = runner.invoke(app, ["classify", "-"], input=text)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["text"] for r in records] == text.splitlines()
    assert records[0]["role"] == "problem" and "staffing" in records[0]["topics"]
    assert records[1]["role"] == "measure" and records[2]["role"] == "other"
