"""The govreport command on the bundled samples and damaged input: records, formats, exit codes, summary."""
from __future__ import annotations

import csv
import json

from typer.testing import CliRunner

from conftest import FIXTURES, SAMPLES
from nlp.cli import app

runner = CliRunner()


def _inputs():
    return sorted(p for p in list(SAMPLES.iterdir()) + list(FIXTURES.iterdir()) if p.is_file())


def test_parse_every_input_exactly_once_with_errors_recorded(tmp_path):
    out = tmp_path / "reports.jsonl"
    result = runner.invoke(app, ["parse", str(SAMPLES), str(FIXTURES), str(tmp_path / "missing.pdf"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    paths = [r["path"] for r in records]
    assert len(paths) == len(set(paths)) == len(_inputs()) + 1
    errors = {r["path"].rsplit("/", 1)[-1]: r["error"]["type"] for r in records if r["error"]}
    assert errors == {"empty.txt": "empty", "junk.bin": "undecodable", "scanned.pdf": "no_text_layer",
                      "missing.pdf": "unreadable"}
    assert "failed" in result.output and "T3_BALANCE" in result.output


def test_parse_to_stdout_is_json_lines():
    result = runner.invoke(app, ["parse", str(SAMPLES / "qinghe-eco-2023.md")])
    assert result.exit_code == 0
    record = json.loads(result.stdout.splitlines()[0])
    assert set(record) >= {"path", "report_id", "metadata", "sections", "tables", "findings", "error"}


def test_parse_csv_and_parquet_with_two_workers(tmp_path):
    import pyarrow.parquet as pq

    csv_out, pq_out = tmp_path / "r.csv", tmp_path / "r.parquet"
    assert runner.invoke(app, ["parse", str(SAMPLES), "-o", str(csv_out), "--workers", "2"]).exit_code == 0
    rows = list(csv.DictReader(csv_out.open(encoding="utf-8")))
    by_name = {r["path"].rsplit("/", 1)[-1]: r for r in rows}
    assert by_name["lanshan-district-2024.html"]["applications.new_received.total"] == "69"
    assert runner.invoke(app, ["parse", str(SAMPLES), "-o", str(pq_out)]).exit_code == 0
    table = pq.read_table(pq_out)
    assert table.num_rows == len(rows)
    assert "applications.total_processed.total" in table.column_names


def test_json_format(tmp_path):
    out = tmp_path / "r.json"
    assert runner.invoke(app, ["parse", str(SAMPLES / "pingyuan-city-2020.md"), "-o", str(out)]).exit_code == 0
    data = json.loads(out.read_text("utf-8"))
    assert data[0]["metadata"]["format_generation"] == "2019"


def test_usage_errors_exit_2():
    assert runner.invoke(app, ["parse", str(SAMPLES), "--format", "xml"]).exit_code == 2
    assert runner.invoke(app, ["parse"]).exit_code == 2
    assert runner.invoke(app, ["parse", str(SAMPLES), "--format", "parquet"]).exit_code == 2
