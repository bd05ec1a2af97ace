#!/usr/bin/env python
"""Benchmark clause tagging: clauses/s and peak memory per model kind (1 and 2 workers), beside the floors measured
in the same run on the same clauses — jieba tokenization alone (domain dictionary), and for the embedding models the
bare encoder forward pass (tokenizer + m3e-small + pooling, batch 64, no cache).

Targets (issue 3): tfidf ≥ 5,000 clauses/s and within 3× of the jieba floor; embedding within 1.3× of the bare
encoder; memory < 2 GiB.

    python scripts/bench_tag.py [--clauses 3000] [--kinds lexicon,tfidf,embedding,ensemble]
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_MODEL = None


def _init(kind: str) -> None:
    global _MODEL
    import torch

    torch.set_num_threads(1)
    from nlp.train import load_model

    _MODEL = load_model(kind)
    _MODEL.predict(["预热。"])


def _predict(batch: list[str]) -> int:
    return len(_MODEL.predict(batch))


def _rss_mib() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def bench_kind(kind: str, texts: list[str], workers: int) -> float:
    """clauses/s of one model kind; with 2 workers the clauses are split over two processes (1 torch thread each)."""
    batches = [texts[i:i + 256] for i in range(0, len(texts), 256)]
    if workers == 1:
        from nlp.train import load_model

        model = load_model(kind)
        model.predict(["预热。"])
        start = time.perf_counter()
        for batch in batches:
            model.predict(batch)
        return len(texts) / (time.perf_counter() - start)
    with mp.get_context("spawn").Pool(workers, initializer=_init, initargs=(kind,)) as pool:
        pool.map(_predict, [["预热。"]] * workers)
        start = time.perf_counter()
        done = sum(pool.map(_predict, batches, chunksize=1))
        return done / (time.perf_counter() - start)


def main() -> None:
    os.environ["GOVREPORT_CACHE"] = "off"  # every clause is really encoded, in this process and in the workers
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clauses", type=int, default=3000)
    ap.add_argument("--kinds", default="lexicon,tfidf,embedding,ensemble")
    args = ap.parse_args()
    from nlp.dataset import load_records
    from nlp.tokens import tokenizer

    # distinct texts, so no model can answer from a cache
    texts = list(dict.fromkeys(r["text"] for r in load_records()))[: args.clauses]
    n = len(texts)
    tk = tokenizer()
    tk.lcut("预热")
    start = time.perf_counter()
    for t in texts:
        tk.lcut(t, HMM=False)
    jieba_rate = n / (time.perf_counter() - start)
    print(f"{n} distinct clauses (mean {sum(map(len, texts)) / n:.0f} characters)")
    print(f"floor: jieba tokenization alone            {jieba_rate:9.0f} clauses/s")
    encoder_rate = None
    kinds = [k.strip() for k in args.kinds.split(",")]
    if any(k in ("embedding", "ensemble") for k in kinds):
        from nlp.embed import M3EEmbedder

        encoder = M3EEmbedder()
        encoder.forward(texts[:64])
        start = time.perf_counter()
        for i in range(0, n, 64):
            encoder.forward(texts[i:i + 64])
        encoder_rate = n / (time.perf_counter() - start)
        print(f"floor: bare m3e-small forward pass (b=64)  {encoder_rate:9.0f} clauses/s")
        del encoder
    print(f"{'model':10} {'1 worker/s':>11} {'2 workers/s':>12}  vs floor")
    for kind in kinds:
        one = bench_kind(kind, texts, 1)
        two = bench_kind(kind, texts, 2)
        if kind in ("embedding", "ensemble") and encoder_rate:
            ratio = f"encoder floor ÷ model = {encoder_rate / one:.2f}×"
        else:
            ratio = f"jieba floor ÷ model = {jieba_rate / one:.2f}×"
        print(f"{kind:10} {one:11.0f} {two:12.0f}  {ratio}")
    own, children = _rss_mib()
    print(f"peak RSS: this process {own:.0f} MiB, largest worker {children:.0f} MiB")


if __name__ == "__main__":
    main()
