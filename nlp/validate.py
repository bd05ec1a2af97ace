"""Validate: the identities of the official tables, and the figures the narrative states against the tables.

Rule ids follow SCHEMA.md (T3_BALANCE, T3_OUTCOME_SUM, T3_ROW_SUM, T4_BLOCK_SUM, NON_NEGATIVE); this module adds
CELL_UNREADABLE and the NARRATIVE_* rules (README lists them). An identity with a missing operand is reported as
``info`` ("not evaluable"), never as passed or failed.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from .model import (
    APPLICANT_COLUMNS, OUTCOME_ROWS, REVIEW_BLOCKS, REVIEW_COLUMNS, Finding, Report, Table,
)
from .text import MISSING_MARKS, fold


def _check(rule: str, table: str, cells: Iterable[str], expected, found, message: str) -> list[Finding]:
    """No finding when the identity holds; an error when it fails; info when a missing cell stops the check."""
    cells = tuple(cells)
    if expected is None or found is None:
        return [Finding(rule, "info", table, f"not evaluable (missing cells): {message}", cells=cells)]
    if abs(expected - found) < 1e-9:
        return []
    return [Finding(rule, "error", table, message, cells=cells, expected=expected, found=found)]


def _sum(values: list) -> int | float | None:
    return None if any(v is None for v in values) else sum(values)


def check_applications(table: Table) -> list[Finding]:
    """T3_BALANCE and T3_OUTCOME_SUM per column, T3_ROW_SUM per row."""
    out = []
    absent = {r for r in OUTCOME_ROWS if table.variant == "2019_single_other" and r.startswith("other_overdue")}
    for col in APPLICANT_COLUMNS:
        v = lambda row: table.value(row, col)  # noqa: E731
        out.extend(_check(
            "T3_BALANCE", "applications",
            [f"new_received.{col}", f"carried_over.{col}", f"total_processed.{col}", f"carried_forward.{col}"],
            _sum([v("total_processed"), v("carried_forward")]), _sum([v("new_received"), v("carried_over")]),
            f"{col}: new_received + carried_over = total_processed + carried_forward"))
        outcome = [r for r in OUTCOME_ROWS if r not in absent]
        out.extend(_check(
            "T3_OUTCOME_SUM", "applications", [f"{r}.{col}" for r in outcome] + [f"total_processed.{col}"],
            v("total_processed"), _sum([v(r) for r in outcome]),
            f"{col}: total_processed = sum of the outcome rows"))
    for row in table.cells:
        if row in absent:
            continue
        parts = [table.value(row, c) for c in APPLICANT_COLUMNS[:-1]]
        out.extend(_check("T3_ROW_SUM", "applications", [f"{row}.{c}" for c in APPLICANT_COLUMNS],
                          table.value(row, "total"), _sum(parts), f"{row}: the six applicant columns sum to total"))
    return out


def check_review(table: Table) -> list[Finding]:
    """T4_BLOCK_SUM per block."""
    out = []
    for block in REVIEW_BLOCKS:
        parts = [table.value(block, c) for c in REVIEW_COLUMNS[:-1]]
        out.extend(_check("T4_BLOCK_SUM", "review_litigation", [f"{block}.{c}" for c in REVIEW_COLUMNS],
                          table.value(block, "total"), _sum(parts),
                          f"{block}: maintained + corrected + other + pending = total"))
    return out


def check_cells(table: Table) -> list[Finding]:
    """NON_NEGATIVE for every count, CELL_UNREADABLE for text that stands where a figure should."""
    out = []
    for row, columns in table.cells.items():
        for col, cell in columns.items():
            name = f"{row}.{col}"
            if cell.value is not None and cell.value < 0:
                out.append(Finding("NON_NEGATIVE", "error", table.key, f"{name} is negative", cells=(name,),
                                   expected=">= 0", found=cell.value))
            elif cell.value is not None and row != "fees_wan_yuan" and not float(cell.value).is_integer():
                out.append(Finding("NON_NEGATIVE", "error", table.key, f"{name} is not a whole count",
                                   cells=(name,), expected="integer", found=cell.value))
            raw = fold(cell.raw).strip()
            if cell.value is None and raw and raw not in MISSING_MARKS and not raw.startswith(("row not", "not in")):
                out.append(Finding("CELL_UNREADABLE", "warning", table.key, f"{name}: {cell.raw!r} is not a figure",
                                   cells=(name,), found=cell.raw))
    return out


# ---------------------------------------------------------------- narrative against tables
_SENTENCE_END = re.compile(r"[。；;！？!?]")
_APPLICATIONS = re.compile(
    r"(?P<verb>新收|收到|受理|接收|接到|共收)[^。；,，]{0,24}?申请[^。；\d]{0,6}?(?P<n>\d+)\s*(件|个|宗)")
_REVIEW = [re.compile(r"行政复议[^。；,，\d]{0,12}?(?P<n>\d+)\s*(件|起|宗)"),
           re.compile(r"(?P<n>\d+)\s*(件|起|宗)[^。；,，\d]{0,14}?行政复议")]
_LITIGATION = [re.compile(r"行政诉讼[^。；,，\d]{0,12}?(?P<n>\d+)\s*(件|起|宗)"),
               re.compile(r"(?P<n>\d+)\s*(件|起|宗)[^。；,，\d]{0,14}?行政诉讼")]
_OUTCOME = re.compile(r"^[^。；,，]{0,3}(被|予以|经)?(纠错|纠正|维持|撤销|败诉|驳回|确认违法)")
_BOTH = re.compile(r"行政复议[、和及与或/]行政诉讼|行政诉讼[、和及与或/]行政复议")
_FEES = re.compile(r"行政事业性收费[^。；\d]{0,16}?(?P<n>\d+(\.\d+)?)\s*万元")


def narrative_sentences(text: str) -> list[str]:
    """Sentences of the narrative (table rows left out), with line wraps of PDF text undone."""
    lines = [line.strip() for line in fold(text).split("\n") if not line.strip().startswith("|")]
    joined = "".join(lines)
    return [s for s in _SENTENCE_END.split(joined) if s.strip()]


def check_narrative(report: Report) -> list[Finding]:
    """Compare the figures stated in the text with tables 2, 3 and 4."""
    if report.document is None:
        return []
    apps = report.tables.get("applications")
    review = report.tables.get("review_litigation")
    active = report.tables.get("active_disclosure")
    out: list[Finding] = []
    seen: set[str] = set()
    for sentence in narrative_sentences(report.document.text):
        if apps is not None and (m := _APPLICATIONS.search(sentence)) and "结转" not in sentence[:m.start("n")][-8:]:
            new = apps.value("new_received", "total")
            carried = apps.value("carried_over", "total")
            n = int(m.group("n"))
            accepted = {new} | ({new + carried} if new is not None and carried is not None else set())
            if new is not None and "applications" not in seen:
                seen.add("applications")
                ok = n in accepted if m.group("verb") in ("受理", "接收", "接到") else n == new
                note = " (受理 counted as 新收 + 上年结转)" if ok and n != new else ""
                out.append(Finding("NARRATIVE_APPLICATIONS", "info" if ok else "warning", "applications",
                                   ("agrees with" if ok else "differs from") + f" table 3 new_received.total{note}",
                                   sentence=sentence.strip(), expected=new, found=n))
        if review is not None:
            for rule, patterns, total in (
                ("NARRATIVE_REVIEW", _REVIEW, review.value("review", "total")),
                ("NARRATIVE_LITIGATION", _LITIGATION, _sum([review.value("litigation_direct", "total"),
                                                            review.value("litigation_after_review", "total")])),
            ):
                if rule in seen or total is None or _BOTH.search(sentence):
                    continue  # a figure for 行政复议、行政诉讼 together belongs to neither table block
                m = next((p.search(sentence) for p in patterns if p.search(sentence)), None)
                if m and (_OUTCOME.match(sentence[m.end():]) or "中" in m.group(0)):
                    m = None  # "复议中有2件被纠错" counts an outcome within the cases, not the cases
                if m:
                    seen.add(rule)
                    n = int(m.group("n"))
                    out.append(Finding(rule, "info" if n == total else "warning", "review_litigation",
                                       ("agrees with" if n == total else "differs from") + " table 4",
                                       sentence=sentence.strip(), expected=total, found=n))
        if active is not None and "NARRATIVE_FEES" not in seen and (m := _FEES.search(sentence)):
            fee = active.value("fees_wan_yuan")
            if fee is not None:
                seen.add("NARRATIVE_FEES")
                n = float(m.group("n"))
                out.append(Finding("NARRATIVE_FEES", "info" if abs(n - fee) < 0.01 else "warning",
                                   "active_disclosure", "行政事业性收费 in the text against table 2",
                                   sentence=sentence.strip(), expected=fee, found=n))
    return out


def validate(report: Report) -> list[Finding]:
    """Every check for a parsed report, in a stable order."""
    out: list[Finding] = []
    for key, table in report.tables.items():
        if table is None:
            continue
        out.extend(check_cells(table))
        if key == "applications":
            out.extend(check_applications(table))
        elif key == "review_litigation":
            out.extend(check_review(table))
    out.extend(check_narrative(report))
    return out
