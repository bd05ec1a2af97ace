"""govreport: parse, tag and score Chinese government information disclosure annual reports."""
from .model import Cell, Clause, Document, Finding, Metadata, ProcessingError, Report, Section, Table
from .pipeline import parse, parse_many, parse_text

__all__ = ["Cell", "Clause", "Document", "Finding", "Metadata", "ProcessingError", "Report", "Section", "Table",
           "parse", "parse_many", "parse_text"]
__version__ = "0.1.0"
