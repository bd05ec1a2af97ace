"""Character-level helpers shared by every stage: length-preserving normalisation and reading numbers."""
from __future__ import annotations

import re

# Full-width ASCII (！ … ～) to ASCII and the ideographic space to a space: one character for one, so offsets into
# the normalised text are offsets into the original.
_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FOLD[0x3000] = 0x20
_FOLD[0x00A0] = 0x20
_FOLD.update({ord(c): ord(" ") for c in "\u2002\u2003\u2009\u200b\ufeff"})


def fold(text: str) -> str:
    """Fold full-width digits, letters, punctuation and odd spaces to ASCII, keeping the length unchanged."""
    return text.translate(_FOLD)


MISSING_MARKS = frozenset({"", "-", "--", "—", "——", "–", "/", "\\", "无", "空", "／", "－", "_", "…", "..."})
_NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
_UNIT = re.compile(r"(件|个|条|次|人|项|万元|元|家|户)$")


def parse_number(raw: str | None, allow_decimal: bool = False) -> int | float | None:
    """Read a table cell as a number; ``None`` for blank, a missing mark (无, —, /) or anything unreadable.

    A trailing unit (件, 万元, …) is tolerated; letters (l2, O) make a cell unreadable, never a guess.
    """
    if raw is None:
        return None
    text = fold(raw).strip().replace(" ", "")
    text = _UNIT.sub("", text)
    if text in MISSING_MARKS or not _NUMBER.match(text):
        return None
    text = text.replace(",", "")
    if "." in text:
        number = float(text)
        if not allow_decimal and number.is_integer():
            return int(number)
        return number if allow_decimal else None
    return int(text)


def is_value_text(raw: str | None) -> bool:
    """True when a cell or token stands where a figure stands: a number, a missing mark, or short junk without
    Chinese text (``l2``, ``O``, ``5件``)."""
    if raw is None:
        return True
    text = fold(raw).strip().replace(" ", "")
    if text in MISSING_MARKS:
        return True
    if _NUMBER.match(_UNIT.sub("", text)):
        return True
    return len(text) <= 6 and not re.search(r"[\u4e00-\u9fff]", text) and bool(re.search(r"[0-9A-Za-z]", text))


def compact(text: str) -> str:
    """Text without any white space, for label matching across wrapped lines."""
    return re.sub(r"\s+", "", text)


_NOT_LETTERS = re.compile(r"[\W\d_]")


def bigrams(text: str) -> set[str]:
    """Character bigrams of the letters of ``text`` (punctuation, digits, space dropped); a lone character is its
    own set. Label and title matching compare these, so typos and wrapping cost a little, not everything."""
    letters = _NOT_LETTERS.sub("", text)
    return {letters[i:i + 2] for i in range(len(letters) - 1)} or ({letters} if letters else set())
