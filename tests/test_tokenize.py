"""Tokenization: jieba with the domain dictionary, deterministic; the dictionary fixes real mis-segmentations."""
from __future__ import annotations

import json
from pathlib import Path

import jieba
import pytest

from nlp.tokens import stopwords, tokenize, tokenizer

CASES = json.loads((Path(__file__).parent / "data" / "dict_cases.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def plain():
    tk = jieba.Tokenizer()
    tk.initialize()
    return tk


@pytest.mark.parametrize("case", CASES[:40], ids=lambda c: c["term"])
def test_dictionary_keeps_domain_terms_that_plain_jieba_splits(plain, case):
    assert case["term"] not in plain.lcut(case["text"], HMM=False)
    assert case["term"] in tokenizer().lcut(case["text"], HMM=False)


def test_dictionary_is_several_hundred_terms():
    assert len(CASES) >= 10
    from nlp.tokens import _resource

    with open(_resource("userdict.txt"), encoding="utf-8") as handle:
        assert sum(1 for line in handle if line.strip()) >= 300


def test_tokenize_is_deterministic_and_drops_stopwords_and_punctuation():
    text = "下一步，我局将进一步加强政务新媒体管理，落实三审三校制度。"
    words = tokenize(text)
    assert words == tokenize(text)
    assert "政务新媒体" in words and "三审三校" in words and "下一步" in words
    assert "，" not in words and "的" not in words


def test_role_cues_are_not_stopwords():
    for cue in ("将", "下一步", "今后", "存在", "不足", "有待"):
        assert cue not in stopwords()
