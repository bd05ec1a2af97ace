"""Segment: find the six sections of a report, whatever their numbering or wording, with offsets in the text."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .model import SECTION_KEYS, Document, Section
from .text import bigrams, compact

_NUMBERED = re.compile(r"^[#\s]*(第?[一二三四五六七八九十]{1,3}\s*[、.．,，]|第[一二三四五六七八九十]{1,3}(部分|章)|"
                       r"[一二三四五六七八九十]{1,3}\s)\s*(?P<title>.+)$")


@lru_cache(maxsize=1)
def section_resources() -> dict:
    """Title variants and content cues (``nlp/resources/sections.json``)."""
    return json.loads(resources.files("nlp").joinpath("resources/sections.json").read_text("utf-8"))


def title_score(title: str) -> tuple[str | None, float]:
    """The section a heading title names and how sure (0–1): share of a variant's bigrams present, discounted
    when the title carries much more text than the variant."""
    title = compact(title).rstrip("。.：:")
    if re.search(section_resources()["not_headings"], title):
        return None, 0.0
    grams = bigrams(title)
    best: tuple[str | None, float] = (None, 0.0)
    for key, variants in section_resources()["titles"].items():
        for variant in variants:
            wanted = bigrams(variant)
            if not wanted:
                continue
            recall = len(wanted & grams) / len(wanted)
            score = recall * min(1.0, (len(variant) + 6) / max(len(title), 1))
            if variant == variants[0] and recall == 1.0:
                score += 0.05  # the official title of the format beats a look-alike heading
            if score > best[1]:
                best = (key, score)
    return best if best[1] >= 0.6 else (None, 0.0)


@dataclass(frozen=True)
class _Heading:
    key: str
    score: float
    title: str
    line_start: int
    body_start: int


def _candidates(text: str) -> list[_Heading]:
    out = []
    offset = 0
    for line in text.split("\n"):
        line_start = offset
        offset += len(line) + 1
        stripped = line.strip()
        if not stripped or stripped.startswith("|"):
            continue
        match = _NUMBERED.match(stripped)
        title = match.group("title") if match else stripped.lstrip("#").strip()
        pure = len(stripped) <= 50 and not re.search(r"[，,；;。]", title.rstrip("。.："))
        key, score = title_score(title) if pure else (None, 0.0)  # a title followed by its text: see below
        if key is None:
            inline = _inline_heading(line, line_start)
            if inline is not None:
                out.append(inline)
            continue
        if not match:
            score *= 0.8  # a bare title line, no numbering: still a heading, a little less certain
        out.append(_Heading(key, score, stripped.lstrip("#").strip(), line_start, offset))
    return out


def _inline_heading(line: str, line_start: int) -> _Heading | None:
    """A numbered heading run together with its first paragraph (一、总体情况2024年，我区…): the shortest start of
    the line after the number that reads as a section title with high confidence."""
    match = _NUMBERED.match(line)
    if not match:
        return None
    rest = line[match.start("title"):]
    best: tuple[float, int, str | None] = (0.0, 0, None)
    for k in range(4, min(len(rest), 28) + 1):
        key, score = title_score(rest[:k])
        if key is not None and score > best[0] + 1e-9:
            best = (score, k, key)
    score, k, key = best
    if key is None or score < 0.85 or k == len(rest):
        return None
    end = match.start("title") + k
    return _Heading(key, score * 0.9, line[:end].strip().lstrip("#").strip(), line_start, line_start + end)


def _best_sequence(candidates: list[_Heading]) -> list[_Heading]:
    """The highest-scoring choice of headings in document order whose keys follow the official order."""
    order = {k: i for i, k in enumerate(SECTION_KEYS)}
    best: list[tuple[float, list[_Heading]]] = []
    for i, cand in enumerate(candidates):
        options = [(score + cand.score, chain + [cand]) for score, chain in best[:i]
                   if order[chain[-1].key] < order[cand.key]]
        best.append(max(options, key=lambda o: o[0], default=(cand.score, [cand])))
    return max(best, key=lambda o: o[0], default=(0.0, []))[1]


def _recover(text: str, key: str, lo: int, hi: int) -> int | None:
    """Where a section whose heading was lost starts, judged by its content, within text[lo:hi]."""
    pattern = section_resources()["content_starts"][key]
    if not pattern:
        return None
    regex = re.compile(pattern)
    offset = lo
    for line in text[lo:hi].split("\n"):
        if regex.search(line.strip()):
            return offset
        offset += len(line) + 1
    return None


def segment(document: Document) -> list[Section]:
    """The sections of a document, in document order; a section keeps its title as written (None when its heading
    was lost and it was found by content), its text, and [start, end) offsets in the document text."""
    text = document.norm
    chosen = _best_sequence(_candidates(text))
    starts: dict[str, tuple[int, int, str | None, str]] = {
        h.key: (h.line_start, h.body_start, document.text[h.line_start:h.body_start].strip().lstrip("#").strip(), "heading")
        for h in chosen
    }
    # headings lost in conversion: look for the section's content between its neighbours
    for i, key in enumerate(SECTION_KEYS):
        if key in starts or key == "overview":
            continue
        lo = max((starts[k][1] for k in SECTION_KEYS[:i] if k in starts), default=0)
        hi = min((starts[k][0] for k in SECTION_KEYS[i + 1:] if k in starts), default=len(text))
        if lo >= hi:
            continue
        at = _recover(text, key, lo, hi)
        if at is not None:
            starts[key] = (at, at, None, "content")
    if "overview" not in starts and starts:
        first = min(s[0] for s in starts.values())
        body = _first_paragraph_after_title(text, first)
        if body is not None:
            starts["overview"] = (body, body, None, "content")
    ordered = sorted(starts.items(), key=lambda item: item[1][0])
    sections = []
    for n, (key, (line_start, body_start, title, how)) in enumerate(ordered):
        end = ordered[n + 1][1][0] if n + 1 < len(ordered) else len(text)
        body_start = min(body_start, end)
        sections.append(Section(key=key, title=title or None, text=document.text[body_start:end].strip("\n"),
                                start=body_start, end=end, found_by=how))
    return sections


def _first_paragraph_after_title(text: str, limit: int) -> int | None:
    """Start of the first narrative paragraph before ``limit`` that is not the title block."""
    offset = 0
    for line in text[:limit].split("\n"):
        stripped = line.strip()
        if len(stripped) >= 30 and "年度报告" not in stripped[:40]:
            return offset
        offset += len(line) + 1
    return None
