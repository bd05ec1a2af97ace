"""Tables: read the three official tables of a report into canonical :class:`~nlp.model.Table` records.

Every source form arrives as document text in which tables are Markdown rows (PDF, HTML and DOCX tables are written
that way by ingest) or flattened lines (label followed by numbers). Rows are matched to the official rows by their
labels, with tolerance for typos, wrapping and labels cut at page breaks; a row whose label was lost keeps its place:
it fills the next official row that is still empty.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .model import (
    APPLICANT_COLUMNS, APPLICATION_ROWS, DOCUMENT_COLUMNS, DOCUMENT_ROWS, REVIEW_BLOCKS, REVIEW_COLUMNS,
    SINGLE_FIGURE_ROWS, VALUE, Cell, Document, Finding, Table,
)
from .text import bigrams, compact, is_value_text, parse_number


@lru_cache(maxsize=1)
def labels() -> dict:
    """The official row labels and their variants (``nlp/resources/table_labels.json``)."""
    return json.loads(resources.files("nlp").joinpath("resources/table_labels.json").read_text("utf-8"))


@dataclass(frozen=True)
class Row:
    """One line of the document seen as a table row: label text, the cells where figures stand, where it is."""

    label: str
    values: tuple[str, ...]
    structured: bool  # a table row (Markdown) rather than a line of plain text
    start: int


_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}")


def rows_of(text: str) -> list[Row]:
    """Every line of ``text`` (already folded) as a Row."""
    out: list[Row] = []
    offset = 0
    for line in text.split("\n"):
        start = offset
        offset += len(line) + 1
        stripped = line.strip()
        if not stripped or _SEPARATOR.match(stripped):
            continue
        if stripped.startswith("|"):
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            last_label = max((i for i, c in enumerate(cells) if not is_value_text(c)), default=-1)
            label = "".join(c for c in cells[: last_label + 1])
            values = tuple(cells[last_label + 1:])
            if not any(v.strip() for v in values):
                values = ()  # a header row or a label continued from the row above: no figures
            out.append(Row(compact(label), values, True, start))
        else:
            tokens = stripped.replace("|", " ").split()
            cut = len(tokens)
            while cut > 0 and is_value_text(tokens[cut - 1]):
                cut -= 1
            out.append(Row(compact("".join(tokens[:cut])), tuple(tokens[cut:]), False, start))
    return _join_vertical(out)


def _join_vertical(rows: list[Row]) -> list[Row]:
    """Undo a table flattened one cell per line (text converted from PDF): a run of lines holding one figure each
    becomes one row of figures, and a label alone on its line takes the row of figures right below it."""
    merged: list[Row] = []
    run = False  # the last merged row was built from lines of one figure each
    for row in rows:
        single = not row.structured and not row.label and len(row.values) == 1
        if single and run and len(merged[-1].values) < 15:
            merged[-1] = Row("", merged[-1].values + row.values, False, merged[-1].start)
            continue
        merged.append(row)
        run = single
    out: list[Row] = []
    for row in merged:
        prev = out[-1] if out else None
        if (prev is not None and not row.structured and not row.label and row.values and not prev.structured
                and prev.label and not prev.values and len(prev.label) <= 40):
            out[-1] = Row(prev.label, row.values, False, prev.start)
            continue
        out.append(row)
    return out


# ---------------------------------------------------------------- label matching
_PARENTS = re.compile(r"[（(][一二三四五六七八九十]{1,2}[)）]|[一二三四五六七八九十]、|其他处理|本年度办理结果|"
                      r"[\s\d.、，,:：（）()“”\"'|]")


@lru_cache(maxsize=None)
def _alias_core(alias: str) -> str:
    return _PARENTS.sub("", alias)


@lru_cache(maxsize=None)
def _aliasbigrams(alias: str) -> frozenset[str]:
    return frozenset(bigrams(alias))


@lru_cache(maxsize=4096)
def match_label(label: str, table: str) -> tuple[str | None, int]:
    """The official row a label names, and how many alias bigrams it matched (0 when none).

    An alias matches when at least three quarters of its bigrams occur in the label; the alias with most matched
    bigrams wins, so ``（六）其他处理 1.申请人无正当理由逾期不补正…`` is the overdue row, not 其他处理.
    """
    grams = bigrams(label)
    core = _PARENTS.sub("", label)
    best: tuple[str | None, int] = (None, 0)
    for key, aliases in labels()[table].items():
        for alias in aliases:
            alias_core = _alias_core(alias)
            if len(alias_core) <= 2 and core != alias_core:
                continue  # 其他 / 总计 name a row only standing alone, not inside 不计其他情形
            wanted = _aliasbigrams(alias)
            hit = len(wanted & grams)
            if hit and hit >= 0.75 * len(wanted) and hit > best[1]:
                best = (key, hit)
    return best


# ---------------------------------------------------------------- table 3
_T3_END = re.compile(r"行政复议.*行政诉讼|行政诉讼.*行政复议|^四、|^五、")


def _fit_columns(values: list[str]) -> list[str] | None:
    """A row's figure cells trimmed to the 7 applicant columns (8 when a subtotal column is there), or None."""
    values = list(values)
    while len(values) > 7 and values[-1].strip() == "":
        values.pop()
    while len(values) > 7 and values[0].strip() == "":
        values.pop(0)
    if len(values) > 8:
        return values[-7:]
    if len(values) == 6:
        return values + [""]  # the 总计 cell left blank
    return values if len(values) in (7, 8) else None


def _drop_subtotal(rows: dict[str, list[str]]) -> tuple[dict[str, list[str]], bool]:
    """Remove a 法人或其他组织 subtotal column (8 figures a row): after 自然人 or before 总计, whichever adds up."""
    eight = [v for v in rows.values() if len(v) == 8]
    if not eight:
        return rows, False

    def adds_up(values: list[str], position: int) -> bool:
        nums = [parse_number(v) for v in values]
        if any(n is None for n in nums):
            return False
        parts = nums[2:7] if position == 1 else nums[1:6]
        return nums[position] == sum(parts)

    after_first = sum(adds_up(v, 1) for v in eight)
    before_total = sum(adds_up(v, 6) for v in eight)
    position = 6 if before_total > after_first else 1
    return {k: (v[:position] + v[position + 1:] if len(v) == 8 else v) for k, v in rows.items()}, True


def applications_table(rows: list[Row], source: str) -> tuple[Table | None, list[Finding]]:
    """Table 3 (收到和处理政府信息公开申请情况) from the document rows, or None when the report has none."""
    start = next((i for i, r in enumerate(rows) if r.values and match_label(r.label, "applications")[0]
                  in ("new_received", "carried_over") and _fit_columns(list(r.values))), None)
    if start is None:
        return None, []
    end = len(rows)
    for i in range(start + 1, len(rows)):
        if (not rows[i].values and _T3_END.search(rows[i].label) and "申请" not in rows[i].label
                and match_label(rows[i].label, "applications")[0] is None):
            end = i
            break
    region = rows[start:end]
    structured = any(r.structured for r in region)
    found: dict[str, list[str]] = {}
    findings: list[Finding] = []
    order = list(APPLICATION_ROWS)
    cursor = -1
    single_other = False
    for row in region:
        if structured and not row.structured:
            continue  # in a converted table, loose text lines are label fragments whose figures sit in table rows
        cells = _fit_columns(list(row.values)) if row.values else None
        if cells is None:
            continue
        key, _ = match_label(row.label, "applications") if row.label else (None, 0)
        if key is None:
            if row.label and (len(row.label) > 20 or "。" in row.label):
                continue  # a narrative line with figures, not a row of the table
            # a row whose label was lost or cut (a wrapped fragment such as 计其他情形）) keeps its place
            key = next((k for k in order[cursor + 1:]
                        if k not in found and not (single_other and k.startswith("other_overdue"))), None)
            if key is None:
                continue
        elif key == "other_other" and row.label.endswith("其他处理"):
            single_other = True
        if key in found:
            findings.append(Finding("T3_DUPLICATE_ROW", "warning", "applications",
                                    f"row {key} appears twice; the first is kept", cells=(key,),
                                    found=row.label or None))
            continue
        found[key] = cells
        cursor = order.index(key)
        if key == "carried_forward":
            break
    found, subtotal = _drop_subtotal(found)
    table_cells: dict[str, dict[str, Cell]] = {}
    for key in APPLICATION_ROWS:
        values = found.get(key)
        if values is None:
            note = "not in the 2019 format" if single_other and key.startswith("other_overdue") else "row not found"
            table_cells[key] = {c: Cell(None, note) for c in APPLICANT_COLUMNS}
        else:
            table_cells[key] = {c: Cell(parse_number(v), v) for c, v in zip(APPLICANT_COLUMNS, values)}
    missing = [k for k in APPLICATION_ROWS if k not in found and not (single_other and k.startswith("other_overdue"))]
    if missing:
        findings.append(Finding("T3_ROW_MISSING", "warning", "applications",
                                f"{len(missing)} official row(s) not found in the table", cells=tuple(missing)))
    variant = "2019_single_other" if single_other else ("subtotal_column" if subtotal else "2021")
    return Table("applications", table_cells, variant=variant, source=source), findings


# ---------------------------------------------------------------- table 2
def active_disclosure_table(rows: list[Row], norm: str, source: str) -> tuple[Table | None, list[Finding]]:
    """Table 2 (主动公开政府信息情况): documents issued / repealed / in force, decisions, fees."""
    aliases = labels()["active_disclosure"]
    is_2019 = any(h in norm for h in labels()["active_disclosure_2019_headers"])
    found: dict[str, tuple[str, ...]] = {}
    for row in rows:
        if not row.values or not row.label:
            continue
        for key, names in aliases.items():
            if key in found:
                continue
            if any(row.label.endswith(n) and len(row.label) <= len(n) + 4 for n in names):
                if key == "regulations" and "规范性文件" in row.label:
                    continue
                found[key] = row.values
                break
    if not found:
        return None, []
    cells: dict[str, dict[str, Cell]] = {}
    for key in DOCUMENT_ROWS:
        values = [v for v in found.get(key, ()) if v.strip() != ""] if found.get(key) else []
        if is_2019:  # 本年新制作数量 | 本年新公开数量 | 对外公开总数量
            picked = {"issued": values[0] if values else None, "repealed": None,
                      "in_force": values[2] if len(values) >= 3 else None}
        else:
            picked = {c: (values[i] if i < len(values) else None) for i, c in enumerate(DOCUMENT_COLUMNS)}
        cells[key] = {c: Cell(parse_number(v), v or ("not in the 2019 format" if is_2019 and c == "repealed" else ""))
                      for c, v in picked.items()}
    for key in SINGLE_FIGURE_ROWS:
        values = [v for v in found.get(key, ()) if v.strip() != ""]
        if is_2019 and key == "fees_wan_yuan":
            raw = None  # the 2019 table gives item counts for fees, not an amount
        elif is_2019 and len(values) >= 3:
            raw = values[2]  # 上一年项目数量 | 本年增/减 | 处理决定数量
        else:
            raw = values[-1] if values else None
        cells[key] = {VALUE: Cell(parse_number(raw, allow_decimal=key == "fees_wan_yuan"), raw or "")}
    return Table("active_disclosure", cells, variant="2019" if is_2019 else "2021", source=source), []


# ---------------------------------------------------------------- table 4
def _is_review_header(label: str) -> bool:
    words = labels()["review_litigation_header_words"]
    rest = label
    for w in sorted(words, key=len, reverse=True):
        rest = rest.replace(w, "")
    rest = re.sub(r"[\W\d_a-zA-Z（）()、]|[一二三四五六]|政府信息公开|情况|和|直接|后", "", rest)
    return len(rest) <= 2


def review_litigation_table(rows: list[Row], source: str) -> tuple[Table | None, list[Finding]]:
    """Table 4 (行政复议、行政诉讼): 15 figures in official order, read after the table's header."""
    # several lines may look like the header (a narrative heading, the table's own heading): try each in order
    anchors = [i for i, row in enumerate(rows)
               if "行政复议" in row.label and len(row.label) <= 40 and _is_review_header(row.label)]
    for anchor in anchors:
        figures: list[str] = list(rows[anchor].values)  # a heading line may carry the figures below it
        for row in rows[anchor + 1:]:
            if row.label and not _is_review_header(row.label):
                break
            if row.structured and row.label and not row.values:
                continue
            figures.extend(row.values)
            if len(figures) >= 15:
                break
        if len(figures) >= 5 and any(parse_number(v) is not None for v in figures):
            return _review_table(figures[:15], source)
    return None, []


def _review_table(figures: list[str], source: str) -> tuple[Table, list[Finding]]:
    findings = []
    if len(figures) < 15:
        findings.append(Finding("T4_INCOMPLETE", "warning", "review_litigation",
                                f"only {len(figures)} of 15 figures found", found=len(figures), expected=15))
        figures = figures + [""] * (15 - len(figures))
    cells = {
        block: {col: Cell(parse_number(figures[b * 5 + c]), figures[b * 5 + c]) for c, col in enumerate(REVIEW_COLUMNS)}
        for b, block in enumerate(REVIEW_BLOCKS)
    }
    return Table("review_litigation", cells, source=source), findings


def extract_tables(document: Document) -> tuple[dict[str, Table | None], list[Finding]]:
    """All three tables of a document (None where absent) and the findings met while reading them."""
    rows = rows_of(document.norm)
    source = {"md": "markdown", "txt": "text"}.get(document.source_format, document.source_format)
    findings: list[Finding] = []
    tables: dict[str, Table | None] = {}
    for key, (table, found) in (
        ("active_disclosure", active_disclosure_table(rows, document.norm, source)),
        ("applications", applications_table(rows, source)),
        ("review_litigation", review_litigation_table(rows, source)),
    ):
        tables[key] = table
        findings.extend(found)
    return tables, findings
