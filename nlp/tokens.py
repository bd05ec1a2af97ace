"""Tokens: jieba with the 政务公开 user dictionary and stopword list of ``nlp/resources`` (versioned data)."""
from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache
from importlib import resources

import jieba

jieba.setLogLevel(logging.WARNING)
_LOCK = threading.Lock()
_PUNCT = re.compile(r"^[\W_]+$")


def _resource(name: str) -> str:
    return str(resources.files("nlp").joinpath(f"resources/{name}"))


@lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    """A private jieba tokenizer with the domain dictionary loaded (the global one is left untouched)."""
    with _LOCK:
        tk = jieba.Tokenizer()
        tk.initialize()
        tk.load_userdict(_resource("userdict.txt"))
    return tk


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The stopword list (``nlp/resources/stopwords.txt``)."""
    with open(_resource("stopwords.txt"), encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle if line.strip())


def tokenize(text: str, drop_stopwords: bool = True) -> list[str]:
    """Words of ``text``: jieba (precise mode, HMM off for determinism) with the domain dictionary; white space and
    punctuation dropped, stopwords too unless ``drop_stopwords`` is False."""
    stop = stopwords() if drop_stopwords else frozenset()
    return [w for w in tokenizer().lcut(text, HMM=False)
            if w not in stop and not _PUNCT.match(w) and w.strip()]

