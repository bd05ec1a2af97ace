"""The one data model every stage of govreport reads and returns.

A file becomes a :class:`Document` (ingest), a :class:`Report` with :class:`Section` s (segment), canonical
:class:`Table` s (tables) and :class:`Finding` s (validate). Narrative tagging adds :class:`Clause` s.
Field and key names follow ``../shared/SCHEMA.md``; ``Report.to_record()`` is the output record it defines.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SECTION_KEYS = (
    "overview",
    "active_disclosure",
    "applications",
    "review_litigation",
    "problems_improvements",
    "other_matters",
)
TABLE_KEYS = ("active_disclosure", "applications", "review_litigation")

APPLICANT_COLUMNS = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other", "total")
APPLICATION_ROWS = (
    "new_received", "carried_over",
    "granted", "partially_granted",
    "withheld_state_secret", "withheld_law_prohibited", "withheld_three_safety", "withheld_third_party",
    "withheld_internal_affairs", "withheld_process_info", "withheld_enforcement_files", "withheld_query_matters",
    "unable_not_held", "unable_needs_creation", "unable_unclear",
    "not_processed_complaint", "not_processed_repeat", "not_processed_publication", "not_processed_massive",
    "not_processed_confirm",
    "other_overdue_correction", "other_overdue_fee", "other_other",
    "total_processed", "carried_forward",
)
OUTCOME_ROWS = APPLICATION_ROWS[2:23]
REVIEW_BLOCKS = ("review", "litigation_direct", "litigation_after_review")
REVIEW_COLUMNS = ("maintained", "corrected", "other", "pending", "total")
DOCUMENT_ROWS = ("regulations", "normative_documents")
DOCUMENT_COLUMNS = ("issued", "repealed", "in_force")
SINGLE_FIGURE_ROWS = ("licensing", "punishment", "coercion", "fees_wan_yuan")
VALUE = "value"  # column name of the one-figure rows of table 2

ROLES = ("problem", "measure", "achievement", "other")
TOPICS = (
    "staffing", "system_building", "timeliness", "training", "content", "platform",
    "interpretation", "participation", "oversight", "applications", "awareness", "security_review",
)


@dataclass(frozen=True)
class Cell:
    """One table cell: the number read (``None`` when blank or unreadable) and the text as written."""

    value: int | float | None
    raw: str = ""


@dataclass
class Table:
    """A canonical table: ``cells[row_key][column_key]``; one-figure rows of table 2 use the column ``value``."""

    key: str
    cells: dict[str, dict[str, Cell]]
    variant: str = "2021"  # 2021 | 2019 | 2019_single_other | subtotal_column
    source: str = ""  # markdown | pdf | html | docx | text

    def value(self, row: str, column: str = VALUE) -> int | float | None:
        cell = self.cells.get(row, {}).get(column)
        return None if cell is None else cell.value

    def to_json(self) -> dict[str, Any]:
        """The SCHEMA.md shape: ``{row: {column: value}}``, and ``{row: value}`` for one-figure rows."""
        out: dict[str, Any] = {}
        for row, columns in self.cells.items():
            if set(columns) == {VALUE}:
                out[row] = columns[VALUE].value
            else:
                out[row] = {column: cell.value for column, cell in columns.items()}
        return out

    def raw_json(self) -> dict[str, Any]:
        """Raw text of the cells recorded as missing, so a reader can see what stood there."""
        out: dict[str, Any] = {}
        for row, columns in self.cells.items():
            missing = {column: cell.raw for column, cell in columns.items() if cell.value is None}
            if missing:
                out[row] = missing
        return out


@dataclass
class Document:
    """A file read into text. ``text`` is as written (for display and offsets); ``norm`` is the same length,
    with full-width digits, letters and punctuation folded for parsing."""

    path: str
    text: str
    norm: str
    source_format: str  # pdf | html | docx | md | txt
    encoding: str | None = None
    pages: int | None = None
    page_starts: tuple[int, ...] = ()


@dataclass(frozen=True)
class Section:
    """One of the six sections: canonical key, title as written, text and offsets in the document text."""

    key: str
    title: str | None
    text: str
    start: int
    end: int
    found_by: str = "heading"  # heading | content


@dataclass
class Metadata:
    agency: str | None = None
    year: int | None = None
    level: str | None = None
    format_generation: str | None = None
    encoding: str | None = None
    pages: int | None = None
    evidence: dict[str, str] = field(default_factory=dict)  # field -> how it was found

    def to_json(self) -> dict[str, Any]:
        return {
            "agency": self.agency, "year": self.year, "level": self.level,
            "format_generation": self.format_generation, "encoding": self.encoding, "pages": self.pages,
            "evidence": dict(self.evidence),
        }


@dataclass(frozen=True)
class Finding:
    """An inconsistency: a broken identity, a narrative figure that disagrees with a table, an unreadable cell."""

    rule: str
    severity: str  # error | warning | info
    table: str | None
    message: str
    cells: tuple[str, ...] = ()
    sentence: str | None = None
    expected: Any = None
    found: Any = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"rule": self.rule, "severity": self.severity, "table": self.table}
        if self.sentence is not None:
            out["sentence"] = self.sentence
        else:
            out["cells"] = list(self.cells)
        out.update(expected=self.expected, found=self.found, message=self.message)
        return out


@dataclass(frozen=True)
class ProcessingError:
    """Why a file could not be processed: ``type`` (e.g. no_text_layer, unreadable, empty), ``stage``, message."""

    type: str
    stage: str
    message: str

    def to_json(self) -> dict[str, str]:
        return {"type": self.type, "stage": self.stage, "message": self.message}


class GovReportError(Exception):
    """A typed failure inside a stage; the batch boundary turns it into a :class:`ProcessingError`."""

    def __init__(self, type_: str, stage: str, message: str):
        super().__init__(message)
        self.type = type_
        self.stage = stage

    def as_error(self) -> ProcessingError:
        return ProcessingError(self.type, self.stage, str(self))


@dataclass(frozen=True)
class Clause:
    """A narrative clause with offsets into its section text, and the heading role that governs it."""

    text: str
    section: str
    start: int
    end: int
    heading_role: str | None = None
    index: int = 0


@dataclass
class Report:
    """Everything known about one input file; stages enrich it."""

    path: str
    report_id: str
    metadata: Metadata = field(default_factory=Metadata)
    sections: list[Section] = field(default_factory=list)
    tables: dict[str, Table | None] = field(default_factory=lambda: {key: None for key in TABLE_KEYS})
    findings: list[Finding] = field(default_factory=list)
    error: ProcessingError | None = None
    document: Document | None = None

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def to_record(self) -> dict[str, Any]:
        """The output record of SCHEMA.md (one per input file)."""
        return {
            "path": self.path,
            "report_id": self.report_id,
            "metadata": self.metadata.to_json(),
            "sections": [
                {"key": s.key, "title": s.title, "text": s.text, "start": s.start, "end": s.end, "found_by": s.found_by}
                for s in self.sections
            ],
            "tables": {key: (t.to_json() if t is not None else None) for key, t in self.tables.items()},
            "raw_cells": {key: t.raw_json() for key, t in self.tables.items() if t is not None and t.raw_json()},
            "table_variants": {key: t.variant for key, t in self.tables.items() if t is not None},
            "findings": [f.to_json() for f in self.findings],
            "error": self.error.to_json() if self.error else None,
        }


@dataclass(frozen=True)
class ClauseTags:
    """A classifier's verdict on one clause: the output fields of TAXONOMY.md."""

    role: str
    role_proba: dict[str, float]
    topics: tuple[str, ...]
    topic_proba: dict[str, float]
    specific: bool
    specific_proba: float

    def to_json(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "role_proba": {k: round(v, 4) for k, v in self.role_proba.items()},
            "topics": list(self.topics),
            "topic_proba": {k: round(v, 4) for k, v in self.topic_proba.items()},
            "specific": self.specific,
            "specific_proba": round(self.specific_proba, 4),
        }
