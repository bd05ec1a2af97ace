"""Metadata: agency, year, administrative level and format generation of a report, each with how it was found."""
from __future__ import annotations

import re
from pathlib import Path

from .model import Document, Metadata, Table

_TITLE_AGENCY_FIRST = re.compile(
    r"(?P<agency>[\u4e00-\u9fff（）()·]{2,40}?)(关于)?(?P<year>(19|20)\d{2})年度?(政府)?(信息公开|政务公开)(工作)?(年度)?(报告|年报)")
_TITLE_YEAR_FIRST = re.compile(
    r"(?P<year>(19|20)\d{2})年度?(?P<agency>[\u4e00-\u9fff（）()·]{2,40}?)(政府)?(信息公开|政务公开)(工作)?(年度)?(报告|年报)")
# the issuing agency signs the report at its end, above the date: 某某县人民政府办公室 / 2024年1月20日
_SIGNATURE = re.compile(r"(?m)^[#\s]*(?P<agency>[\u4e00-\u9fff（）()]{2,30}(人民政府|政府办公室|办公厅|办公室|委员会|局|厅|委|"
                        r"办事处|管理委员会|中心|署))\s*\n+\s*[(（]?\s*(19|20)\d{2}\s*年\s*\d{1,2}\s*月")
_MUNICIPALITIES = ("北京市", "上海市", "天津市", "重庆市")
_CENTRAL = re.compile(r"^(国务院|国家|中国|中华人民共和国|海关总署|[\u4e00-\u9fff]{1,8}部$|[\u4e00-\u9fff]{1,8}总局$)")
# words inside agency names that contain a place-unit character without being a place unit
_FALSE_UNITS = re.compile(r"市场|城市|都市|区域|社区|地区|街道办事处|农村|乡村|城乡|城镇|新区管委会|市政|县域|镇村")


def _clean_agency(raw: str) -> str:
    agency = re.sub(r"^(正文|附件\d*|首页|当前位置)", "", raw)
    return agency.strip("（）() ·")


def find_agency_year(document: Document) -> tuple[str | None, int | None, str]:
    """Agency and year from the title lines, else from the file name; the third item says where."""
    head = re.sub(r"[\s#*>]", "", document.norm[:400])
    for where, text in (("title", head), ("file name", re.sub(r"\s", "", Path(document.path).stem))):
        matches = [m for m in (p.search(text) for p in (_TITLE_AGENCY_FIRST, _TITLE_YEAR_FIRST)) if m]
        for match in sorted(matches, key=lambda m: m.start()):  # the title comes first
            agency = _clean_agency(match.group("agency"))
            if len(agency) >= 2:
                return agency, int(match.group("year")), where
    year_match = re.search(r"((19|20)\d{2})年", head)
    year = int(year_match.group(1)) if year_match else None
    signed = _SIGNATURE.search(document.norm[-300:])
    if signed:
        return signed.group("agency"), year, "signature at the end"
    return None, year, ("title" if year_match else "")


def level_of(agency: str | None) -> str | None:
    """Administrative level from the agency name: central, province, city, county, township or street."""
    if not agency:
        return None
    name = _FALSE_UNITS.sub(lambda m: "□" * len(m.group()), agency)
    if "街道" in agency:
        return "street"
    if re.search(r"[乡镇](人民政府|政府|党委|$)|[乡镇]$", name):
        return "township"
    if re.search(r"(县|区|旗)(?!域)", name) or "县级市" in agency:
        return "county"
    if agency.startswith(_MUNICIPALITIES) and not re.search(r"(县|区)", name):
        return "province"
    if re.search(r"市|州|盟", name):
        return "city"
    if re.search(r"省|自治区", name):
        return "province"
    if _CENTRAL.search(agency) or re.search(r"(部|委员会|总局|署|局)$", agency):
        return "central"
    return None


def format_generation(document: Document, year: int | None, tables: dict[str, Table | None]) -> tuple[str | None, str]:
    """2021, 2019 or pre2019, and the evidence."""
    applications = tables.get("applications")
    active = tables.get("active_disclosure")
    if applications is not None and applications.value("other_overdue_correction", "total") is not None:
        return "2021", "table 3 has the 2021 其他处理 sub-rows"
    if active is not None and active.variant == "2021" and "本年制发件数" in document.norm:
        return "2021", "table 2 header 本年制发件数"
    if "国办公开办函〔2021〕30号" in document.norm or "国办公开办函(2021)30号" in document.norm:
        return "2021", "cites 国办公开办函〔2021〕30号"
    if active is not None and active.variant == "2019":
        return "2019", "table 2 header 本年新制作数量 / 上一年项目数量"
    if applications is not None and applications.variant == "2019_single_other":
        return "2019", "table 3 has a single 其他处理 row"
    if year is not None:
        if year >= 2021:
            return "2021", f"report year {year}"
        if year >= 2019:
            return "2019", f"report year {year}"
        return "pre2019", f"report year {year}"
    if applications is None and active is None:
        return "pre2019", "no official tables"
    return None, ""


def extract_metadata(document: Document, tables: dict[str, Table | None]) -> Metadata:
    agency, year, where = find_agency_year(document)
    level = level_of(agency)
    generation, why = format_generation(document, year, tables)
    evidence = {}
    if agency:
        evidence["agency"] = where
    if year:
        evidence["year"] = where or "first lines"
    if level:
        evidence["level"] = "place units in the agency name"
    if generation:
        evidence["format_generation"] = why
    evidence["encoding"] = "decoded strictly" if document.encoding in ("utf-8", "gb18030") else (
        "charset-normalizer guess" if document.encoding else "binary format")
    return Metadata(agency=agency, year=year, level=level, format_generation=generation,
                    encoding=document.encoding, pages=document.pages, evidence=evidence)
