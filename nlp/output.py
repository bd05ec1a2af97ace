"""Output: write records as JSON Lines, JSON, CSV or Parquet, streaming so memory stays flat in the batch size."""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any, TextIO

FORMATS = ("jsonl", "json", "csv", "parquet")


def format_for(path: str | None, given: str | None) -> str:
    """The output format: as given, else from the file extension, else JSON Lines."""
    if given:
        return given
    if path:
        suffix = Path(path).suffix.lower().lstrip(".")
        if suffix in FORMATS:
            return suffix
        if suffix == "ndjson":
            return "jsonl"
    return "jsonl"


def flatten(record: dict[str, Any]) -> dict[str, Any]:
    """One flat row of a record for tables (CSV, Parquet): scalars, table cells as ``table.row.column``, and the
    nested parts as JSON text."""
    row: dict[str, Any] = {}
    for key, value in record.items():
        if key == "metadata":
            for m, v in value.items():
                row[m] = json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else v
        elif key == "tables":
            for table, content in value.items():
                for r, cols in (content or {}).items():
                    if isinstance(cols, dict):
                        for c, v in cols.items():
                            row[f"{table}.{r}.{c}"] = v
                    else:
                        row[f"{table}.{r}"] = cols
        elif key in ("role_proba", "topic_proba"):  # one column per label, ready for analysis
            for label, v in value.items():
                row[f"{key}.{label}"] = v
        elif key == "error":
            row["error_type"] = value["type"] if value else None
            row["error_stage"] = value["stage"] if value else None
            row["error_message"] = value["message"] if value else None
        elif isinstance(value, (dict, list)):
            row[key] = json.dumps(value, ensure_ascii=False)
        else:
            row[key] = value
    return row


class RecordWriter:
    """Writes records one at a time; ``close()`` finishes the file."""

    def __init__(self, path: str | None, fmt: str, columns: list[str] | None = None, flat: bool = True):
        self.fmt = fmt
        self.path = path
        self.flat = flat
        self.columns = columns
        self._count = 0
        self._buffer: list[dict] = []
        self._parquet = None
        if fmt == "parquet" and not path:
            raise ValueError("Parquet output needs a file (-o)")
        self._out: TextIO = (open(path, "w", encoding="utf-8", newline="") if path and fmt != "parquet"
                             else sys.stdout)
        self._csv: csv.DictWriter | None = None
        if fmt == "json":
            self._out.write("[\n")

    def write(self, record: dict[str, Any]) -> None:
        if self.fmt == "jsonl":
            self._out.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif self.fmt == "json":
            self._out.write((",\n" if self._count else "") + json.dumps(record, ensure_ascii=False))
        else:
            row = flatten(record) if self.flat else record
            if self.fmt == "csv":
                if self._csv is None:
                    self._csv = csv.DictWriter(self._out, fieldnames=self.columns or list(row), extrasaction="ignore")
                    self._csv.writeheader()
                self._csv.writerow(row)
            else:
                self._buffer.append(row)
                if len(self._buffer) >= 1000:
                    self._flush_parquet()
        self._count += 1

    def _flush_parquet(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not self._buffer:
            return
        if self.columns is None:
            self.columns = list(dict.fromkeys(k for row in self._buffer for k in row))
        table = pa.Table.from_pylist([{c: row.get(c) for c in self.columns} for row in self._buffer])
        if self._parquet is None:
            self._schema = table.schema
            self._parquet = pq.ParquetWriter(self.path, self._schema)
        self._parquet.write_table(table.cast(self._schema, safe=False))
        self._buffer = []

    def close(self) -> None:
        if self.fmt == "json":
            self._out.write("\n]\n")
        if self.fmt == "parquet":
            self._flush_parquet()
            if self._parquet is not None:
                self._parquet.close()
        if self._out is not sys.stdout:
            self._out.close()
        else:
            self._out.flush()

    def __enter__(self) -> "RecordWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def clause_columns() -> list[str]:
    """The fixed CSV/Parquet columns of a tagged clause (and of a file that could not be read)."""
    from .model import ROLES, TOPICS

    return (["report_id", "path", "agency", "year", "level", "section", "start", "end", "text", "role"]
            + [f"role_proba.{r}" for r in ROLES] + ["topics"] + [f"topic_proba.{t}" for t in TOPICS]
            + ["specific", "specific_proba", "error_type", "error_stage", "error_message"])


def report_columns() -> list[str]:
    """The fixed CSV/Parquet columns of a parsed report, so every file of a batch has the same header."""
    from .model import (APPLICANT_COLUMNS, APPLICATION_ROWS, DOCUMENT_COLUMNS, DOCUMENT_ROWS, REVIEW_BLOCKS,
                        REVIEW_COLUMNS, SINGLE_FIGURE_ROWS)

    columns = ["path", "report_id", "agency", "year", "level", "format_generation", "encoding", "pages", "evidence"]
    columns += [f"active_disclosure.{r}.{c}" for r in DOCUMENT_ROWS for c in DOCUMENT_COLUMNS]
    columns += [f"active_disclosure.{r}" for r in SINGLE_FIGURE_ROWS]
    columns += [f"applications.{r}.{c}" for r in APPLICATION_ROWS for c in APPLICANT_COLUMNS]
    columns += [f"review_litigation.{b}.{c}" for b in REVIEW_BLOCKS for c in REVIEW_COLUMNS]
    columns += ["sections", "findings", "raw_cells", "table_variants", "error_type", "error_stage", "error_message"]
    return columns

