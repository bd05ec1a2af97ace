"""Clauses: split narrative section text into clauses as TAXONOMY.md defines them, with offsets into the section.

Sentences end at 。！？ and at ； between two full statements; an enumeration (一是, （一）, 1. / 1、, ①, 第一，)
starts a new clause; a heading line (存在问题：, 下一步工作：, （二）改进情况) is not a clause but sets the default role
of the clauses under it. Table rows, page numbers and PDF line wraps are left out of clause text.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from .model import Clause, Report, Section

_ENUM = re.compile(
    r"(?:(?<=^)|(?<=[。；;：:，,！？!?\s）)]))"
    r"(?:[一二三四五六七八九十]{1,3}是|[（(][一二三四五六七八九十]{1,3}[)）]|(?<!\d)(?:[1-9]|1\d)(?:[.．](?!\d)|、)|"
    r"[①②③④⑤⑥⑦⑧⑨⑩]|(?:第[一二三四五六七八九十]|其次|再次|最后)(?=[，,、：:]))"
)
_CIRCLED = re.compile(r"[①②③④⑤⑥⑦⑧⑨⑩]")
_END = "。！？!?"
_CLOSERS = "”’」』）)】"
_PAGE_NUMBER = re.compile(r"^[-—–\s]*(第?\s*\d{1,3}\s*页?)[-—–\s]*$|^\d{1,3}$|^[-—–]\s*\d{1,3}\s*[-—–]$")
_HEADING_MARK = re.compile(r"^(#{1,6}\s*)?([（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[.、．])?\s*")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def _heading_rules() -> tuple[list[tuple[str, re.Pattern]], int]:
    data = json.loads(resources.files("nlp").joinpath("resources/clause_headings.json").read_text("utf-8"))
    return [(role, re.compile(pattern)) for role, pattern in data["roles"]], data["max_heading_chars"]


def heading_role(text: str) -> str | None:
    """The default role a heading sets (problem / measure / achievement), or None."""
    rules, _ = _heading_rules()
    core = _HEADING_MARK.sub("", text).strip("：: 。")
    for role, pattern in rules:
        if pattern.search(core):
            return role
    return None


def _is_heading_line(line: str) -> bool:
    """A line that names what follows rather than saying something: Markdown heading, or short and ending in ：
    or a numbered title without sentence punctuation."""
    _, limit = _heading_rules()
    stripped = line.strip()
    if stripped.startswith("#"):
        return True
    core = _HEADING_MARK.sub("", stripped)
    if len(core) > limit or not _CJK.search(core):
        return False
    if stripped.endswith(("：", ":")):
        return True
    numbered = core != stripped
    return numbered and not re.search(r"[，,；;。：:]", core.rstrip("。"))


def _inline_heading(line: str) -> int:
    """Length of a heading prefix such as 存在问题： at the start of a paragraph line (0 when none)."""
    _, limit = _heading_rules()
    match = re.match(r"^\s*(#{1,6}\s*)?([^：:。，,；]{2,%d})[：:]" % limit, line)
    if match and heading_role(match.group(2)) is not None:
        return match.end()
    return 0


_TABLE_TEXT = re.compile(r"勾稽关系|只计这一情形|区分处理的|信息内容|本年处理决定数量|本年制发件数|申请人情况|第二十条第|结果维持|尚未审结")


_TABLE_SECTIONS = ("active_disclosure", "applications", "review_litigation")


def _is_table_text(piece: str, section: str) -> bool:
    """Text of a table flattened into lines (labels and figures run together), not narrative."""
    if section in _TABLE_SECTIONS and (_TABLE_TEXT.search(piece) or not re.search(r"[，。；！？,;!?]", piece)):
        return True
    return len(piece.strip()) > 15 and not re.search(r"[，。；！？、,;!?]", piece)


_TITLE = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．])\s*"
                    r"[^，,；;：:。]{2,16}(?:情况|工作|建设)[。.]?\s*$")


def _is_title(piece: str) -> bool:
    """A numbered sub-section title such as （三）政府信息管理情况。 standing as its own sentence."""
    return bool(_TITLE.match(piece))


def split_section(section: Section) -> list[Clause]:
    """The clauses of one section, each with offsets into ``section.text`` and the role its heading sets."""
    text = section.text
    clauses: list[Clause] = []
    role: str | None = None
    stream: list[tuple[int, str]] = []  # (offset in section text, character) of the running block

    def flush():
        if stream:
            clauses.extend(_split_block(stream, section.key, role, len(clauses)))
            stream.clear()

    offset = 0
    for line in text.split("\n"):
        start = offset
        offset += len(line) + 1
        stripped = line.strip()
        if stripped.startswith("|"):
            flush()
            continue
        if not stripped or _PAGE_NUMBER.match(stripped):
            continue  # blank lines and page numbers also fall inside sentences cut by a page break
        if _is_heading_line(stripped):
            flush()
            role = heading_role(stripped)
            continue
        skip = _inline_heading(line)
        if skip:
            flush()
            role = heading_role(line[:skip]) or role
        lead = len(line) - len(line.lstrip())
        # no cut at the line end: a sentence may go on in the next line; boundaries are found in the stream
        for i in range(max(skip, lead), len(line.rstrip())):
            stream.append((start + i, line[i]))
    flush()
    return clauses


def _split_block(stream: list[tuple[int, str]], key: str, role: str | None, first_index: int) -> list[Clause]:
    chars = "".join(c for _, c in stream)
    cuts = {0, len(chars)}
    i = 0
    while i < len(chars):
        c = chars[i]
        if c in _END:
            j = i + 1
            while j < len(chars) and chars[j] in _CLOSERS + _END:
                j += 1
            cuts.add(j)
            i = j
            continue
        if c in "；;":
            left = chars[max(cut for cut in cuts if cut <= i):i]
            right = re.split(r"[；;。！？]", chars[i + 1:], maxsplit=1)[0]
            if len(_CJK.findall(left)) >= 6 and len(_CJK.findall(right)) >= 6:
                cuts.add(i + 1)
        i += 1
    for match in _ENUM.finditer(chars):
        cuts.add(match.start())
    for match in _CIRCLED.finditer(chars):
        cuts.add(match.start())
    bounds = sorted(cuts)
    out = []
    for a, b in zip(bounds, bounds[1:]):
        piece = chars[a:b]
        skip = _inline_heading(piece)
        if skip:  # a heading run into the paragraph (…。下一步工作：一是…): not a clause, sets the role after it
            role = heading_role(piece[:skip]) or role
            a += skip
            piece = chars[a:b]
        if _is_title(piece):  # （一）主动公开情况。 — a sub-section title, not a statement
            role = heading_role(piece)
            continue
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece.rstrip())
        if not _CJK.search(piece) or trail <= lead or _is_table_text(piece, key):
            continue
        start = stream[a + lead][0]
        end = stream[a + trail - 1][0] + 1
        clean = re.sub(r"\s+(?=[\u4e00-\u9fff，。；：、“”（）])|(?<=[\u4e00-\u9fff，。；：、“”（）])\s+", "",
                       piece[lead:trail])
        out.append(Clause(text=clean, section=key, start=start, end=end, heading_role=role,
                          index=first_index + len(out)))
    return out


def split_clauses(report: Report, sections: tuple[str, ...] | None = None) -> list[Clause]:
    """Every narrative clause of a report, section by section (all sections unless ``sections`` names some)."""
    out: list[Clause] = []
    for section in report.sections:
        if sections is None or section.key in sections:
            out.extend(split_section(section))
    return out
