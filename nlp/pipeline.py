"""The parse pipeline: file -> Document -> Report with sections, tables, metadata and findings.

``parse`` never raises for a bad file: the Report carries a typed ``error`` instead, so a batch goes on.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .ingest import read_document
from .metadata import extract_metadata
from .model import Document, Finding, GovReportError, ProcessingError, Report
from .sections import segment
from .tables import extract_tables
from .text import fold
from .validate import validate


def report_id(data: bytes) -> str:
    """Stable id of a report: a hash of its bytes."""
    return hashlib.sha256(data).hexdigest()[:16]


def analyse(document: Document, rid: str) -> Report:
    """Sections, tables, metadata and findings of an ingested document."""
    report = Report(path=document.path, report_id=rid, document=document)
    report.sections = segment(document)
    report.tables, findings = extract_tables(document)
    report.metadata = extract_metadata(document, report.tables)
    report.findings = findings + validate(report) + missing_tables(report)
    if not report.sections and all(t is None for t in report.tables.values()):
        report.error = ProcessingError("not_a_report", "segment",
                                       "no section of an annual report and no official table found in the text")
    return report


def missing_tables(report: Report) -> list[Finding]:
    """A report of the 2019 or 2021 format must carry the three tables; say which could not be read."""
    if report.metadata.format_generation not in ("2019", "2021") or not report.sections:
        return []
    return [Finding("TABLE_MISSING", "warning", key,
                    f"no {key} table found in the text (published as an image, or a layout not recognised)")
            for key, table in report.tables.items() if table is None]


def parse(path: str | Path) -> Report:
    """Parse one file of any supported form into a :class:`Report` (``error`` set when it could not be read)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Report(path=str(path), report_id="", error=ProcessingError("unreadable", "ingest", str(exc)))
    rid = report_id(data)
    stage = "ingest"
    try:
        document = read_document(path, data)
        stage = "analyse"
        return analyse(document, rid)
    except GovReportError as exc:
        return Report(path=str(path), report_id=rid, error=exc.as_error())
    except Exception as exc:  # the batch boundary: an unforeseen failure on one file is recorded, never fatal
        return Report(path=str(path), report_id=rid,
                      error=ProcessingError("internal_error", stage, f"{type(exc).__name__}: {exc}"))


def parse_text(text: str, path: str = "<text>") -> Report:
    """Parse a report given as text (Markdown or plain)."""
    text = text.replace("\r\n", "\n")
    rid = report_id(text.encode("utf-8"))
    if not text.strip():
        return Report(path=path, report_id=rid, error=ProcessingError("empty", "ingest", "no text"))
    document = Document(path=path, text=text, norm=fold(text), source_format="md", encoding="utf-8")
    return analyse(document, rid)


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and every file below folders named (recursively, sorted), each once."""
    out: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")) if path.is_dir() else [path]
        for f in files:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                out.append(f)
    return out


def _parse_record(path: Path) -> dict:
    return parse(path).to_record()


def parse_many(paths: Iterable[Path], workers: int = 1, chunksize: int = 4) -> Iterator[dict]:
    """Records for many files, in input order; with ``workers`` > 1 in separate processes."""
    paths = list(paths)
    if workers <= 1:
        for p in paths:
            yield _parse_record(p)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_parse_record, paths, chunksize=chunksize)

