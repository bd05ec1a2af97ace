"""Build the binary members of the sample corpus and the damaged-input fixtures, byte for byte reproducibly.

Writes data/samples/baihe-street-2021.docx, data/samples/songxi-market-2024.pdf, tests/fixtures/scanned.pdf and
tests/fixtures/junk.bin. The table figures of the two reports are read from data/samples/expected.json, so the file
and its expected values cannot drift apart; the narratives below quote the same figures. The text-format samples
are plain files, edited by hand.

Needs python-docx and reportlab (with its dependency Pillow). Run from anywhere: ``python scripts/make_samples.py``.
"""
from __future__ import annotations

import datetime
import io
import json
import random
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from PIL import Image, ImageDraw
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
FIXTURES = ROOT / "tests" / "fixtures"
FIXED_TIME = (2024, 1, 1, 0, 0, 0)  # zip member timestamps, so the docx bytes are stable

APPLICANT_COLUMNS = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other", "total"]
T4_BLOCKS = ["review", "litigation_direct", "litigation_after_review"]
T4_COLUMNS = ["maintained", "corrected", "other", "pending", "total"]
T4_LABELS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
# row key, then the label of each of the three label columns; None: merged with the group label above
T3_ROWS = [
    ("new_received", "一、本年新收政府信息公开申请数量", "", ""),
    ("carried_over", "二、上年结转政府信息公开申请数量", "", ""),
    ("granted", "三、本年度办理结果", "（一）予以公开", ""),
    ("partially_granted", None, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ""),
    ("withheld_state_secret", None, "（三）不予公开", "1. 属于国家秘密"),
    ("withheld_law_prohibited", None, None, "2. 其他法律行政法规禁止公开"),
    ("withheld_three_safety", None, None, "3. 危及“三安全一稳定”"),
    ("withheld_third_party", None, None, "4. 保护第三方合法权益"),
    ("withheld_internal_affairs", None, None, "5. 属于三类内部事务信息"),
    ("withheld_process_info", None, None, "6. 属于四类过程性信息"),
    ("withheld_enforcement_files", None, None, "7. 属于行政执法案卷"),
    ("withheld_query_matters", None, None, "8. 属于行政查询事项"),
    ("unable_not_held", None, "（四）无法提供", "1. 本机关不掌握相关政府信息"),
    ("unable_needs_creation", None, None, "2. 没有现成信息需要另行制作"),
    ("unable_unclear", None, None, "3. 补正后申请内容仍不明确"),
    ("not_processed_complaint", None, "（五）不予处理", "1. 信访举报投诉类申请"),
    ("not_processed_repeat", None, None, "2. 重复申请"),
    ("not_processed_publication", None, None, "3. 要求提供公开出版物"),
    ("not_processed_massive", None, None, "4. 无正当理由大量反复申请"),
    ("not_processed_confirm", None, None, "5. 要求行政机关确认或重新出具已获取信息"),
    ("other_overdue_correction", None, "（六）其他处理", "1. 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other_overdue_fee", None, None, "2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other_other", None, None, "3. 其他"),
    ("total_processed", None, "（七）总计", ""),
    ("carried_forward", "四、结转下年度继续办理", "", ""),
]


def number(value) -> str:
    """A table value as printed: integers plain, amounts without trailing zeros."""
    return f"{value:g}" if isinstance(value, float) else str(value)


def table_grids(tables: dict) -> tuple[list[list[str]], list, list[list[str]], list, list[list[str]], list]:
    """The three tables in the official 2021 layout as (cells, merges) pairs.

    Cells are row-major strings (merged-away cells are ""); a merge is (row0, col0, row1, col1), inclusive.
    """
    d = tables["active_disclosure"]
    t2 = [["第二十条第（一）项", "", "", ""],
          ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
          ["规章"] + [number(d["regulations"][k]) for k in ("issued", "repealed", "in_force")],
          ["行政规范性文件"] + [number(d["normative_documents"][k]) for k in ("issued", "repealed", "in_force")]]
    m2 = [(0, 0, 0, 3)]
    for head, label, key, unit in (("第二十条第（五）项", "行政许可", "licensing", "本年处理决定数量"),
                                   ("第二十条第（六）项", "行政处罚", "punishment", "本年处理决定数量"),
                                   (None, "行政强制", "coercion", None),
                                   ("第二十条第（八）项", "行政事业性收费", "fees_wan_yuan", "本年收费金额（单位：万元）")):
        if head:
            m2 += [(len(t2), 0, len(t2), 3), (len(t2) + 1, 1, len(t2) + 1, 3)]
            t2 += [[head, "", "", ""], ["信息内容", unit, "", ""]]
        m2.append((len(t2), 1, len(t2), 3))
        t2.append([label, number(d[key]), "", ""])

    a = tables["applications"]
    t3 = [[T3_NOTE, "", "", "申请人情况", "", "", "", "", "", ""],
          ["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
          ["", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]]
    m3 = [(0, 0, 2, 2), (0, 3, 0, 9), (1, 3, 2, 3), (1, 4, 1, 8), (1, 9, 2, 9)]
    group_rows: dict[int, list[int]] = {}  # label column -> start rows of its open groups
    for key, l1, l2, l3 in T3_ROWS:
        r = len(t3)
        t3.append([l1 or "", l2 or "", l3 or ""] + [number(a[key][c]) for c in APPLICANT_COLUMNS])
        if l1 and not l2:
            m3.append((r, 0, r, 2))
        if l2 and not l3:
            m3.append((r, 1, r, 2))
        for col, label in ((0, l1), (1, l2)):
            if label is not None:
                group_rows.setdefault(col, []).append(r)
    for col, starts in group_rows.items():  # a group label spans down to the next label in its column
        for start, end in zip(starts, starts[1:] + [len(t3)]):
            if end - 1 > start:
                m3.append((start, col, end - 1, col))

    r4 = tables["review_litigation"]
    t4 = [["行政复议", "", "", "", "", "行政诉讼"] + [""] * 9,
          T4_LABELS + ["未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""],
          [""] * 5 + T4_LABELS * 2,
          [number(r4[b][c]) for b in T4_BLOCKS for c in T4_COLUMNS]]
    m4 = [(0, 0, 0, 4), (0, 5, 0, 14), (1, 5, 1, 9), (1, 10, 1, 14)] + [(1, c, 2, c) for c in range(5)]
    return t2, m2, t3, m3, t4, m4


# ---------------------------------------------------------------- Word: 澜杉区柏禾街道办事处 2021

BAIHE_TITLE = "澜杉区柏禾街道办事处2021年政府信息公开工作年度报告"
BAIHE_BEFORE_TABLES = [
    ("p", "本报告依据《中华人民共和国政府信息公开条例》编制，统计时间为2021年1月1日至12月31日。"
          "报告全文在澜杉区人民政府门户网站“街道信息公开”栏目发布，如对报告内容有疑问，"
          "可到柏禾街道党政综合办公室咨询。"),
    ("h", "一、总体情况"),
    ("p", "2021年，柏禾街道结合党史学习教育“我为群众办实事”实践活动，把政务公开同社区治理、"
          "为民服务结合起来，重点做好民生保障、城市管理和疫情防控三方面的信息公开。"),
    ("p", "（一）主动公开。全年在区政府门户网站街道栏目发布信息186条，通过“柏禾e家”微信公众号推送信息"
          "420条，在8个社区公开栏张贴低保、临时救助、高龄津贴等公示材料96期。街道综合行政执法队作出的"
          "行政处罚决定12件，均在作出决定后7个工作日内公开。"),
    ("p", "（二）依申请公开。全年收到政府信息公开申请8件，其中居民个人7件、企业1件，"
          "主要涉及老旧小区改造方案和房屋征收补偿标准。已答复7件，1件于12月下旬收到，结转至2022年办理。"
          "全年未发生因政府信息公开引起的行政复议和行政诉讼。"),
    ("p", "（三）平台和队伍建设。街道党政综合办公室明确1名工作人员负责政务公开，各社区确定1名信息员；"
          "全年组织业务学习2次，对8个社区公开栏进行统一更换。"),
    ("h", "二、主动公开政府信息情况"),
]
BAIHE_AFTER_TABLES = [
    ("h", "五、存在的主要问题及改进情况"),
    ("p", "存在的问题：一是街道政务公开工作由综合办公室人员兼任，日常事务较多，网站栏目更新有时不够及时；"
          "二是部分社区公开栏内容偏重通知类信息，居民关心的办事流程、补贴标准等内容不够完整。"),
    ("p", "改进措施：一是每月第一周集中检查一次街道网站栏目和社区公开栏，逾期未更新的当周补齐；"
          "二是2022年编制街道便民服务事项清单，在各社区公开栏和公众号长期公布。"),
    ("h", "六、其他需要报告的事项"),
    ("p", "本年度街道未收取信息处理费，无其他需要报告的事项。"),
]


def _word_table(doc, cells, merges, font_size=9):
    table = doc.add_table(rows=len(cells), cols=len(cells[0]))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r0, c0, r1, c1 in merges:
        table.cell(r0, c0).merge(table.cell(r1, c1))
    covered = {(r, c) for r0, c0, r1, c1 in merges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)
               if (r, c) != (r0, c0)}
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            if (r, c) in covered:
                continue
            cell = table.cell(r, c)
            cell.text = text
            for paragraph in cell.paragraphs:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                for run in paragraph.runs:
                    run.font.size = Pt(font_size)
    return table


def _zip_with_fixed_times(data: bytes) -> bytes:
    """Rewrite a zip with constant member timestamps (python-docx stamps the current time)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(zipfile.ZipInfo(info.filename, date_time=FIXED_TIME), src.read(info.filename),
                         compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def write_docx(tables: dict, path: Path) -> None:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "宋体"
    normal.font.size = Pt(12)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")

    def add(blocks):
        for kind, text in blocks:
            if kind == "h":
                doc.add_heading(text, level=1)
            else:
                doc.add_paragraph(text).paragraph_format.first_line_indent = Pt(24)

    doc.add_heading(BAIHE_TITLE, level=0).alignment = WD_ALIGN_PARAGRAPH.CENTER
    add(BAIHE_BEFORE_TABLES)
    t2, m2, t3, m3, t4, m4 = table_grids(tables)
    _word_table(doc, t2, m2)
    doc.add_heading("三、收到和处理政府信息公开申请情况", level=1)
    _word_table(doc, t3, m3, font_size=8)
    doc.add_heading("四、政府信息公开行政复议、行政诉讼情况", level=1)
    _word_table(doc, t4, m4, font_size=8)
    add(BAIHE_AFTER_TABLES)

    core = doc.core_properties
    core.title = BAIHE_TITLE
    core.author = core.last_modified_by = "柏禾街道党政综合办公室"
    core.created = core.modified = datetime.datetime(2022, 1, 18, 9, 0, 0)
    core.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    path.write_bytes(_zip_with_fixed_times(buffer.getvalue()))


# ---------------------------------------------------------------- PDF: 嵩溪市市场监督管理局 2024

FONT = "STSong-Light"
SONGXI_TITLE = ["嵩溪市市场监督管理局", "2024年政府信息公开工作年度报告"]
SONGXI_BEFORE_TABLES = [
    ("p", "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第四十九条、第五十条的规定，"
          "嵩溪市市场监督管理局编制了本年度报告。报告所列数据的统计期间为2024年1月1日至2024年12月31日。"
          "本报告可在嵩溪市人民政府门户网站本局信息公开专栏查阅，如有疑问请与局办公室联系。"),
    ("h", "一、总体情况"),
    ("p", "2024年，市市场监管局以服务经营主体、守护群众消费安全为重点，推进监管执法、准入准营和质量安全"
          "信息公开，全年通过门户网站、“嵩溪市场监管”微信公众号主动公开信息2975条。"),
    ("p", "（一）主动公开。全年公开行政许可决定21456件，涉及食品经营、药品零售、特种设备使用登记等事项；"
          "公开行政处罚决定1873件、行政强制措施214件，行政处罚决定书在作出之日起20个工作日内公开。"
          "本年制发行政规范性文件3件，未废止文件，年末现行有效14件。按季度发布食品安全监督抽检信息，"
          "全年公布抽检结果12期、不合格产品核查处置情况12期。"),
    ("p", "（二）依申请公开。全年新收政府信息公开申请135件，上年结转6件。已办结131件，其中予以公开49件、"
          "部分公开10件；因申请内容涉及第三方商业秘密或个人隐私等原因不予公开的13件；本机关不掌握相关信息等"
          "无法提供的31件；不予处理的21件；其他处理7件。另有10件按规定延期，结转至2025年办理。"
          "申请人主要关注投诉举报处理结果、企业登记档案和产品抽检信息。"),
    ("p", "（三）政府信息管理。修订《嵩溪市市场监督管理局政府信息公开工作规程》，明确承办科室、法制科和"
          "办公室三道审核环节；对涉及企业的行政处罚信息，按照信用修复规定及时撤下已到期的公示内容，"
          "全年撤下到期信息317条。"),
    ("p", "（四）平台建设。整合原工商、质监、食药监三个历史栏目，统一归入“市场监管信息公开”专栏；"
          "在12个基层市场监管所设置依申请公开受理点。"),
    ("p", "（五）监督保障。局政务公开工作领导小组全年召开会议2次，组织全系统培训3期、参训152人次，"
          "将政务公开纳入各科室、基层所年度绩效考核。"),
    ("break", ""),  # the tables start on a fresh page, so table 3 always runs over the end of the next one
    ("h", "二、主动公开政府信息情况"),
]
SONGXI_AFTER_TABLES = [
    ("h", "五、存在的主要问题及改进情况"),
    ("p", "一是依申请公开数量连续三年增长，其中以获取投诉举报处理结果为目的的申请占比较高，答复口径"
          "需要进一步统一；二是行政复议中有2件被纠错，反映出个别答复说理不充分、检索不够全面；"
          "三是基层市场监管所政务公开力量薄弱，多由执法人员兼顾，业务培训覆盖不足。"),
    ("p", "2025年，我局将：一是制定投诉举报类申请答复指引，明确可公开范围和告知方式；二是对被纠错案件"
          "逐件复盘，形成案例汇编在全系统学习；三是每个基层所明确一名政务公开联络员，每半年集中培训一次。"),
    ("h", "六、其他需要报告的事项"),
    ("p", "本年度我局未收取政府信息公开信息处理费。全年办理人大代表建议9件、政协提案13件，"
          "答复内容均已公开。"),
]


class SplittableTable(Flowable):
    """A ruled table that may break across pages inside its row spans (reportlab itself refuses to).

    The header is not repeated on the continuation, and a span cut by the page break continues as an empty
    merged cell, as in the exported PDFs the parser has to read. ``min_rows``: the smallest first part worth
    leaving at the foot of a page (the header rows and a few data rows).
    """

    def __init__(self, cells, merges, col_widths, style, min_rows=6):
        super().__init__()
        self.cells, self.merges, self.col_widths, self.style, self.min_rows = cells, merges, col_widths, style, min_rows
        self.was_split = False
        self._table = self._build(cells, merges)

    def _build(self, cells, merges):
        table = Table(cells, colWidths=self.col_widths)
        table.setStyle(TableStyle(self.style + [("SPAN", (c0, r0), (c1, r1)) for r0, c0, r1, c1 in merges]))
        return table

    def wrap(self, avail_width, avail_height):
        return self._table.wrap(avail_width, avail_height)

    def draw(self):
        self._table.drawOn(self.canv, 0, 0)

    def split(self, avail_width, avail_height):
        for k in range(len(self.cells) - 1, self.min_rows - 1, -1):
            head = [(r0, c0, min(r1, k - 1), c1) for r0, c0, r1, c1 in self.merges if r0 < k]
            first = self._build(self.cells[:k], head)
            if first.wrap(avail_width, avail_height)[1] <= avail_height:
                tail = [(max(r0, k) - k, c0, r1 - k, c1) for r0, c0, r1, c1 in self.merges if r1 >= k]
                rest = SplittableTable(self.cells[k:], tail, self.col_widths, self.style, min_rows=1)
                self.was_split = True
                return [first, rest]
        return []


def write_pdf(tables: dict, path: Path) -> None:
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    body = ParagraphStyle("body", fontName=FONT, fontSize=12, leading=21, firstLineIndent=24, wordWrap="CJK")
    heading = ParagraphStyle("heading", parent=body, fontSize=13, firstLineIndent=0, spaceBefore=6)
    title = ParagraphStyle("title", fontName=FONT, fontSize=18, leading=28, alignment=TA_CENTER)
    cell = ParagraphStyle("cell", fontName=FONT, fontSize=8, leading=10, alignment=TA_CENTER, wordWrap="CJK")

    def flow(blocks):
        return [PageBreak() if kind == "break" else Paragraph(text, heading if kind == "h" else body)
                for kind, text in blocks]

    def as_cells(grid):
        # labels become paragraphs so they wrap inside their cell; figures stay plain strings
        return [[text if not isinstance(text, str) or text.replace(".", "").isdigit() else Paragraph(text, cell)
                 for text in row] for row in grid]

    ruled = [("FONT", (0, 0), (-1, -1), FONT, 8), ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
             ("ALIGN", (0, 0), (-1, -1), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2)]
    t2, m2, t3, m3, t4, m4 = table_grids(tables)
    # 三、本年度办理结果 sits in a one-character column, so it reads top to bottom as in the printed form
    granted = next(i for i, row in enumerate(t3) if row[0] == "三、本年度办理结果")
    t3[granted][0] = Paragraph(t3[granted][0], ParagraphStyle("vertical", parent=cell, fontSize=9, leading=11))
    table2 = Table(as_cells(t2), colWidths=[130, 105, 105, 105])
    table2.setStyle(TableStyle(ruled + [("SPAN", (c0, r0), (c1, r1)) for r0, c0, r1, c1 in m2]))
    table3 = SplittableTable(as_cells(t3), m3, [16, 62, 124] + [36] * 7, ruled)
    table4 = Table(as_cells(t4), colWidths=[30] * 15)
    table4.setStyle(TableStyle(ruled + [("SPAN", (c0, r0), (c1, r1)) for r0, c0, r1, c1 in m4]))

    story = [Paragraph(line, title) for line in SONGXI_TITLE] + [Spacer(1, 10)]
    story += flow(SONGXI_BEFORE_TABLES) + [Spacer(1, 4), table2, Spacer(1, 8)]
    unit = ParagraphStyle("unit", parent=cell, fontSize=9, alignment=TA_RIGHT)
    for title_text, table in (("三、收到和处理政府信息公开申请情况", table3), ("四、政府信息公开行政复议、行政诉讼情况", table4)):
        story += flow([("h", title_text)]) + [Paragraph("单位：件", unit), Spacer(1, 2), table, Spacer(1, 8)]
    story += flow(SONGXI_AFTER_TABLES)

    def page_number(canv, doc):
        canv.setFont(FONT, 10)
        canv.drawCentredString(A4[0] / 2, 1.5 * cm, f"- {doc.page} -")

    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1, leftMargin=2.6 * cm, rightMargin=2.6 * cm,
                            topMargin=2.5 * cm, bottomMargin=2.5 * cm, title="".join(SONGXI_TITLE),
                            author="嵩溪市市场监督管理局", creator="", producer="")
    doc.build(story, onFirstPage=page_number, onLaterPages=page_number)
    if not table3.was_split:
        raise RuntimeError("table 3 of the PDF sample no longer breaks across a page; adjust the text before it")


# ---------------------------------------------------------------- damaged inputs

def write_scanned_pdf(path: Path, seed: int = 7) -> None:
    """One A4 page holding only a raster image of a report page: no text layer at all."""
    rng = random.Random(seed)
    width, height = 1240, 1754  # A4 at 150 dpi
    image = Image.new("L", (width, height), 250)
    draw = ImageDraw.Draw(image)
    draw.rectangle((420, 150, 820, 185), fill=60)            # title
    y = 260
    for _ in range(14):                                     # paragraph lines
        indent = 150 if rng.random() < 0.2 else 110
        draw.rectangle((indent, y, rng.randint(900, 1130), y + 18), fill=rng.randint(70, 110))
        y += 42
    top, rows, cols = y + 40, 12, 6                         # a ruled table
    for r in range(rows + 1):
        draw.line((110, top + r * 48, 1130, top + r * 48), fill=30, width=2)
    for c in range(cols + 1):
        x = 110 + c * 170
        draw.line((x, top, x, top + rows * 48), fill=30, width=2)
    for r in range(rows):
        for c in range(cols):
            draw.rectangle((120 + c * 170, top + r * 48 + 16, 120 + c * 170 + rng.randint(30, 140),
                            top + r * 48 + 32), fill=100)
    draw.ellipse((840, 1500, 1060, 1720), outline=90, width=6)   # the seal
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
    pdf.showPage()
    pdf.save()


def write_junk(path: Path, size: int = 2048, seed: int = 20240611) -> None:
    path.write_bytes(random.Random(seed).randbytes(size))


def main() -> None:
    expected = json.loads((ROOT / "tests" / "expected" / "samples.json").read_text(encoding="utf-8"))
    FIXTURES.mkdir(parents=True, exist_ok=True)
    write_docx(expected["baihe-street-2021.docx"]["tables"], SAMPLES / "baihe-street-2021.docx")
    write_pdf(expected["songxi-market-2024.pdf"]["tables"], SAMPLES / "songxi-market-2024.pdf")
    write_scanned_pdf(FIXTURES / "scanned.pdf")
    write_junk(FIXTURES / "junk.bin")
    for name in ("baihe-street-2021.docx", "songxi-market-2024.pdf"):
        print("wrote", (SAMPLES / name).relative_to(ROOT))
    for name in ("scanned.pdf", "junk.bin"):
        print("wrote", (FIXTURES / name).relative_to(ROOT))


if __name__ == "__main__":
    main()
