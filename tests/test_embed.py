"""The m3e-small encoder behind the Embedder interface: real model, pooling, normalisation, cache, registry."""
from __future__ import annotations

import numpy as np
import pytest

from nlp.embed import Embedder, M3EEmbedder, available_embedders, get_embedder, register_embedder


@pytest.fixture(scope="module")
def m3e(tmp_path_factory):
    return get_embedder("m3e-small", cache_path=tmp_path_factory.mktemp("cache") / "vectors.sqlite")


def test_vectors_are_512_d_unit_length(m3e):
    vectors = m3e.encode(["部分栏目更新不及时。", "本单位仅有1名兼职人员负责政务公开。"])
    assert vectors.shape == (2, 512) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_similar_clauses_are_closer_than_unrelated_ones(m3e):
    a, b, c = m3e.encode(["网站栏目信息更新不及时。", "部分栏目内容更新滞后。", "本年度未收取信息处理费。"])
    assert a @ b > a @ c


def test_batching_does_not_change_vectors(m3e):
    texts = [f"第{i}条关于政务公开的句子，长度各不相同" + "。" * (i % 5) for i in range(10)]
    together = m3e.forward(texts)
    alone = np.vstack([m3e.forward([t]) for t in texts])
    assert np.allclose(together, alone, atol=1e-4)


def test_cache_avoids_re_encoding(m3e, monkeypatch):
    text = "缓存测试：重复的句子不会再次编码。"
    first = m3e.encode([text])
    calls = []
    monkeypatch.setattr(m3e, "_encode", lambda texts: calls.append(texts) or np.zeros((len(texts), 512)))
    assert np.array_equal(m3e.encode([text, text]), np.vstack([first, first]))
    assert calls == []


def test_disk_cache_survives_a_new_embedder(m3e, tmp_path):
    path = tmp_path / "v.sqlite"
    first = M3EEmbedder(cache_path=path)
    vec = first.encode(["磁盘缓存的句子。"])
    second = M3EEmbedder(cache_path=path)
    second._encode = lambda texts: pytest.fail("re-encoded a cached text")
    assert np.array_equal(second.encode(["磁盘缓存的句子。"]), vec)


def test_registry_swaps_encoders_by_name():
    class Constant(Embedder):
        name, dim = "constant", 3

        def _encode(self, texts):
            return np.tile(np.array([1.0, 0.0, 0.0]), (len(texts), 1))

    register_embedder("constant", Constant)
    assert "constant" in available_embedders()
    assert get_embedder("constant").encode(["x"]).shape == (1, 3)
    with pytest.raises(ValueError):
        get_embedder("no-such-encoder")
