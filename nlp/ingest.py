"""Ingest: read a file of any supported form into a :class:`~nlp.model.Document`.

PDF (pdfplumber: text layer, ruled tables rendered in reading order), HTML (page chrome stripped, tables expanded
into grids), DOCX (paragraphs and tables in document order), Markdown and text. Tables of structured sources are
written into the document text as Markdown rows, so one table reader serves every format.
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from .model import Document, GovReportError
from .text import fold, is_value_text

SUPPORTED = {".pdf": "pdf", ".html": "html", ".htm": "html", ".shtml": "html", ".docx": "docx", ".md": "md",
             ".markdown": "md", ".txt": "txt"}


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes: strict UTF-8 (BOM allowed), then GB18030, then charset-normalizer's best guess."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text, ("utf-8" if encoding == "utf-8-sig" else encoding)
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise GovReportError("undecodable", "ingest", "no text encoding fits these bytes")
    return str(best), best.encoding


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    bad = sum(1 for c in text[:4000] if (ord(c) < 32 and c not in "\r\n\t\f") or c == "\ufffd")
    return bad / min(len(text), 4000) > 0.05


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy Word .doc / WPS .wps / Excel .xls container


def sniff(data: bytes) -> str | None:
    """Guess the form of a file whose extension says nothing."""
    if data.startswith(_OLE):
        return "ole"
    head = data[:2048].lstrip()
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if "word/document.xml" in archive.namelist():
                    return "docx"
        except zipfile.BadZipFile:
            return None
        return None
    lowered = head.lower()
    if b"<html" in lowered or b"<!doctype html" in lowered or b"<table" in lowered or b"<body" in lowered:
        return "html"
    return "txt"


def markdown_row(cells) -> str:
    """One table row as a Markdown line; cell text on one line, pipes escaped."""
    clean = [re.sub(r"\s*\n\s*", "", (c or "")).replace("|", "｜").strip() for c in cells]
    return "| " + " | ".join(clean) + " |"


def read_document(path: str | Path, data: bytes | None = None) -> Document:
    """Read one file into a Document, or raise a typed :class:`GovReportError`."""
    path = Path(path)
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise GovReportError("unreadable", "ingest", f"cannot read file: {exc}") from exc
    if not data.strip():
        raise GovReportError("empty", "ingest", "the file is empty")
    form = SUPPORTED.get(path.suffix.lower()) or sniff(data)
    if form == "ole" or data.startswith(_OLE):
        raise GovReportError("unsupported_format", "ingest",
                             "a legacy Word/WPS (.doc, .wps) or Excel file: convert it to .docx or PDF first")
    if form == "pdf":
        return _read_pdf(path, data)
    if form == "docx":
        return _read_docx(path, data)
    text, encoding = decode(data)
    if _looks_binary(text):
        raise GovReportError("unsupported_format", "ingest", "the file is binary, not a report in a known form")
    if form == "html":
        text = html_to_text(text)
    return _document(path, text, form or "txt", encoding)


def _document(path: Path, text: str, form: str, encoding: str | None, pages: int | None = None,
              page_starts: tuple[int, ...] = ()) -> Document:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise GovReportError("empty", "ingest", "no text in the file")
    return Document(path=str(path), text=text, norm=fold(text), source_format=form, encoding=encoding,
                    pages=pages, page_starts=page_starts)


# ---------------------------------------------------------------- PDF
_TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}


def _is_real_table(rows) -> bool:
    width = max((len(r) for r in rows), default=0)
    filled_rows = sum(1 for r in rows if sum(1 for c in r if c not in (None, "")) >= 2)
    return width >= 2 and filled_rows >= 2


def _read_pdf(path: Path, data: bytes) -> Document:
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    parts: list[str] = []
    page_starts: list[int] = []
    offset = 0
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            n_pages = len(pdf.pages)
            for page in pdf.pages:
                page_starts.append(offset)
                chunk = _pdf_page_text(page)
                parts.append(chunk)
                offset += len(chunk) + 1
                page.flush_cache()
    except (PDFSyntaxError, KeyError, ValueError, TypeError, AttributeError, OSError) as exc:
        raise GovReportError("corrupt_pdf", "ingest", f"pdfplumber could not read the PDF: {type(exc).__name__}: {exc}") from exc
    except Exception as exc:  # pdfminer raises many private exception types on damaged files
        if type(exc).__module__.startswith(("pdfminer", "pdfplumber")):
            raise GovReportError("corrupt_pdf", "ingest", f"pdfplumber could not read the PDF: {type(exc).__name__}: {exc}") from exc
        raise
    text = "\n".join(parts)
    if text.count("(cid:") * 6 > len(re.sub(r"\s", "", text)) / 2:
        raise GovReportError("garbled_text_layer", "ingest",
                             "the PDF's fonts map to no Unicode text ((cid:N) glyphs); OCR the pages instead")
    if len(re.sub(r"\s", "", text)) < 20:
        raise GovReportError("no_text_layer", "ingest",
                             f"the PDF has {n_pages} page(s) but no text layer (scanned image?); OCR it first")
    return _document(path, text, "pdf", None, pages=n_pages, page_starts=tuple(page_starts))


def _pdf_page_text(page) -> str:
    """Page text in reading order, with each ruled table replaced by its Markdown rows."""
    tables = [t for t in page.find_tables(_TABLE_SETTINGS) if _is_real_table(t.extract())]
    if not tables:
        return page.extract_text() or ""
    boxes = [t.bbox for t in tables]

    def outside(obj) -> bool:
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

    lines = [(line["top"], line["text"]) for line in page.filter(outside).extract_text_lines()]
    for table in tables:
        rendered = []
        for row in table.extract():
            filled = [c for c in row if c not in (None, "")]
            # a row with one filled cell is a line of text caught inside the ruling (a title, a paragraph)
            rendered.append(filled[0] if len(filled) == 1 and row[0] == filled[0] else markdown_row(row))
        lines.append((table.bbox[1], "\n" + "\n".join(rendered) + "\n"))
    lines.sort(key=lambda item: item[0])
    return "\n".join(text for _, text in lines)


# ---------------------------------------------------------------- DOCX
def _read_docx(path: Path, data: bytes) -> Document:
    try:
        import docx
        from docx.table import Table as DocxTable
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise GovReportError("corrupt_docx", "ingest", f"not a readable Word file: {exc}") from exc
    except Exception as exc:
        if type(exc).__module__.startswith(("docx", "lxml")):
            raise GovReportError("corrupt_docx", "ingest", f"not a readable Word file: {exc}") from exc
        raise
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            table = DocxTable(child, document)
            lines.append("")
            above: list = []
            for row in table.rows:
                cells = row.cells
                texts = []
                for i, cell in enumerate(cells):
                    repeated = (i and cells[i - 1]._tc is cell._tc) or (i < len(above) and above[i] is cell._tc)
                    text = cell.text
                    # merged cells come back once per grid cell: labels keep the repeat, figures count once
                    texts.append("" if repeated and is_value_text(text) else text)
                above = [cell._tc for cell in cells]
                lines.append(markdown_row(texts))
            lines.append("")
    return _document(path, "\n".join(lines), "docx", None)


# ---------------------------------------------------------------- HTML
_CHROME = re.compile(r"nav|menu|footer|header|share|breadcrumb|crumb|sidebar|toolbar|copyright|banner|search|"
                     r"location|position|bottom|top-?bar|login|foot|related|xgxx|fenxiang|bdshare", re.I)
_BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "td", "th", "section", "article", "table",
          "blockquote", "pre", "ul", "ol", "dd", "dt", "center"}


def _is_layout_table(table) -> bool:
    """A table that lays out the page (old government sites) rather than holding figures: it nests tables or
    paragraphs, or a cell holds a long text. Its content is read as flowing text."""
    if table.find("table") is not None or (table.find(["p", "div"]) is not None and _cjk_count(table) > 300):
        return True
    return any(len(cell.get_text(strip=True)) > 150 for cell in table.find_all(["td", "th"]))


def _cjk_count(node) -> int:
    return len(re.findall(r"[\u4e00-\u9fff]", node.get_text()))


def html_to_text(html: str) -> str:
    """The report body of an HTML page as text; tables expanded (rowspan/colspan) into Markdown rows."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    title = soup.title.get_text(strip=True) if soup.title else ""
    for tag in soup(["script", "style", "noscript", "iframe", "nav", "header", "footer", "aside", "form",
                     "button", "select", "input", "object", "svg"]):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.attrs is None or tag.name in ("html", "body", "table", "tr", "td", "th", "tbody"):
            continue
        marker = " ".join(tag.get("class") or []) + " " + (tag.get("id") or "")
        if marker.strip() and _CHROME.search(marker) and _cjk_count(tag) < 400:
            tag.decompose()
    body = soup.body or soup
    total = _cjk_count(body)
    node = body
    # descend to the smallest element that still holds most of the page's Chinese text: the article body
    while True:
        children = [c for c in node.find_all(True, recursive=False) if c.name != "table" or _is_layout_table(c)]
        best = max(children, key=_cjk_count, default=None)
        if best is None or total == 0 or _cjk_count(best) < 0.7 * total:
            break
        node = best
    text = _render(node).strip()
    if title and "年度报告" in title and "年度报告" not in text[:200]:
        text = title + "\n\n" + text
    return re.sub(r"\n{3,}", "\n\n", text)


def _render(node) -> str:
    parts: list[str] = []

    def walk(element):
        for child in element.children:
            name = getattr(child, "name", None)
            if name is None:
                parts.append(re.sub(r"[ \t\r\n]+", " ", str(child)))
            elif name == "table" and not _is_layout_table(child):
                parts.append("\n\n" + "\n".join(markdown_row(r) for r in expand_html_table(child)) + "\n\n")
            elif name == "br":
                parts.append("\n")
            else:
                block = name in _BLOCK
                if block:
                    parts.append("\n")
                walk(child)
                if block:
                    parts.append("\n")

    walk(node)
    lines = [line.strip() for line in "".join(parts).split("\n")]
    return "\n".join(lines)


def expand_html_table(table) -> list[list[str]]:
    """The grid of an HTML table with rowspan and colspan expanded: a spanned label is repeated in every cell it
    covers, a spanned figure stands once (in its first cell)."""
    grid: dict[tuple[int, int], str] = {}
    rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr.find_all(["td", "th"], recursive=False):
            while (r, c) in grid:
                c += 1
            text = re.sub(r"\s+", "", cell.get_text(" ")) if cell.find("table") is None else ""
            rowspan = _span(cell.get("rowspan"))
            colspan = _span(cell.get("colspan"))
            figure = is_value_text(text) and text != ""
            for dr in range(rowspan):
                for dc in range(colspan):
                    # a spanned label repeats (rows keep their parent labels); a spanned figure counts once
                    grid[(r + dr, c + dc)] = "" if figure and (dr or dc) else text
            c += colspan
    if not grid:
        return []
    height = max(r for r, _ in grid) + 1
    width = max(c for _, c in grid) + 1
    return [[grid.get((r, c), "") for c in range(width)] for r in range(height)]


def _span(value) -> int:
    try:
        return max(1, min(int(str(value).strip()), 100))
    except (TypeError, ValueError):
        return 1
