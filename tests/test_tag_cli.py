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
    assert "topic_proba.staffing" in lines[0] and "role_proba.problem" in lines[0]


def test_tag_records_unreadable_files_in_csv_too(tmp_path):
    import csv

    out = tmp_path / "clauses.csv"
    result = runner.invoke(app, ["tag", str(FIXTURES / "scanned.pdf"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 1 and rows[0]["error_type"] == "no_text_layer"


def test_tag_only_the_sections_asked_for():
    result = runner.invoke(app, ["tag", str(SAMPLES / "qinghe-eco-2023.md"), "--sections", "problems_improvements"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and {r["section"] for r in records} == {"problems_improvements"}
    assert runner.invoke(app, ["tag", str(SAMPLES), "--sections", "chapter_five"]).exit_code == 2


def test_classify_keeps_input_order(tmp_path):
    text = "负责信息采集和审核的同志大多还承担其他业务，精力难以兼顾。\n下一步将制定《政府信息公开保密审查办法》，明确审核流程。\n本年度未收取信息处理费。\n"
    result = runner.invoke(app, ["classify", "-"], input=text)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["text"] for r in records] == text.splitlines()
    assert records[0]["role"] == "problem" and "staffing" in records[0]["topics"]
    assert records[1]["role"] == "measure" and records[2]["role"] == "other"


TAXONOMY_EXAMPLES = [  # the worked examples of ../shared/TAXONOMY.md (facts of the contract)
    ("负责信息采集和审核的同志大多还承担其他业务，精力难以兼顾。", "problem", {"staffing"}),
    ("本单位仅有1名兼职人员负责政务公开。", "problem", {"staffing"}),
    ("部分栏目内容更新不够及时。", "problem", {"timeliness", "platform"}),
    ("“通知公告”栏目2021年有4个月未更新。", "problem", {"timeliness", "platform"}),
    ("相关配套制度尚不健全。", "problem", {"system_building"}),
    ("下一步将制定《政府信息公开保密审查办法》，明确审核流程。", "measure", {"system_building", "security_review"}),
    ("二是加强业务培训，提升工作人员业务能力。", "measure", {"training"}),
    ("对下属单位信息公开工作的指导有待加强。", "problem", {"oversight"}),
    ("全年通过门户网站主动公开政府信息312条。", "achievement", {"platform"}),
    ("本年度未收取信息处理费。", "other", set()),
]


def test_shipped_default_model_on_the_taxonomy_examples():
    from nlp.train import load_model

    tags = load_model().predict([t for t, _, _ in TAXONOMY_EXAMPLES])
    roles = sum(tag.role == role for tag, (_, role, _) in zip(tags, TAXONOMY_EXAMPLES))
    core = [(set(tag.topics) & {"staffing", "system_building", "timeliness"}, want & {"staffing", "system_building",
            "timeliness"}) for tag, (_, _, want) in zip(tags, TAXONOMY_EXAMPLES)]
    assert roles >= 9, [(t.role, r) for t, (_, r, _) in zip(tags, TAXONOMY_EXAMPLES)]
    assert all(got == want for got, want in core), core


def test_bad_model_name_is_a_usage_error():
    assert runner.invoke(app, ["classify", "-", "--model", "bert"], input="x\n").exit_code == 2
    assert runner.invoke(app, ["tag", str(SAMPLES), "--model", "bert"]).exit_code == 2


def test_train_rebuilds_models_reproducibly(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    lines = (ROOT / "data" / "labeled" / "part_1.jsonl").read_text("utf-8").splitlines()[:400]
    (data / "part_1.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    outs = []
    for run in ("a", "b"):
        out = tmp_path / run
        result = runner.invoke(app, ["train", "--data", str(data), "--out", str(out), "--kinds", "lexicon,tfidf"])
        assert result.exit_code == 0, result.output
        outs.append(json.loads((out / "manifest.json").read_text("utf-8")))
        assert (out / "MODEL_CARD.md").exists() and (out / "tfidf.joblib").exists()
    assert outs[0]["models"]["tfidf"]["validation"] == outs[1]["models"]["tfidf"]["validation"]


def test_evaluate_prints_every_model_side_by_side(tmp_path):
    if not (ROOT.parent / "shared" / "corpus").exists():
        pytest.skip("real corpus not available: ../shared/corpus")
    models = tmp_path / "models"
    shutil.copytree(ROOT / "models", models, ignore=shutil.ignore_patterns("cache", "embedding.joblib", "ensemble.joblib"))
    manifest = json.loads((models / "manifest.json").read_text("utf-8"))
    manifest["models"] = {k: v for k, v in manifest["models"].items() if k in ("lexicon", "tfidf")}
    (models / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    result = runner.invoke(app, ["evaluate", "--models", str(models), "-o", str(tmp_path / "m.json")])
    assert result.exit_code == 0, result.output
    assert "test split" in result.stdout and "real reports" in result.stdout and "role confusion of tfidf" in result.stdout
    metrics = json.loads((tmp_path / "m.json").read_text("utf-8"))
    assert set(metrics["test"]) == {"lexicon", "tfidf"} and metrics["corpus"]["tfidf"]["n"] > 100
