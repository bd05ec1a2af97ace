"""govreport: parse, tag and score Chinese government information disclosure annual reports."""
from .model import Cell, Clause, Document, Finding, Metadata, ProcessingError, Report, Section, Table
from .pipeline import parse, parse_many, parse_text


def tokenize(text: str, drop_stopwords: bool = True) -> list[str]:
    """Words of a text: jieba with the 政务公开 domain dictionary and stopword list (see :mod:`nlp.tokens`)."""
    from .tokens import tokenize as _tokenize

    return _tokenize(text, drop_stopwords)


__all__ = ["Cell", "Clause", "Document", "Finding", "Metadata", "ProcessingError", "Report", "Section", "Table",
           "parse", "parse_many", "parse_text", "tokenize"]
__version__ = "0.1.0"
