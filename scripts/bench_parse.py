#!/usr/bin/env python
"""Benchmark `govreport parse`: files/s and peak memory for Markdown/text, HTML and PDF, 1 and 2 workers, each
beside the floor measured in the same run on the same files:
  - text forms: reading the bytes and the jieba-free normalisation (decode + fold) alone;
  - PDF: pdfplumber's own text and table extraction of the same pages.
Memory flatness: peak RSS of the CLI parsing N and 10×N Markdown files to a file.

Targets (issue 2): ≥ 50 Markdown reports/s per core; PDF within 2× of the pdfplumber floor; 2 workers ≥ 1.7× one;
memory flat in the number of files.

    python scripts/bench_parse.py [--md 400] [--html 200] [--pdf 24] [--memory-files 1000]
"""
from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp.ingest import decode  # noqa: E402
from nlp.pipeline import parse_many  # noqa: E402
from nlp.text import fold  # noqa: E402

SAMPLES = ROOT / "data" / "samples"
CORPUS = ROOT.parent / "shared" / "corpus"


def sources(kind: str) -> list[Path]:
    suffixes = {"markdown": (".md", ".txt"), "html": (".html",), "pdf": (".pdf",)}[kind]
    found = [p for folder in (SAMPLES, CORPUS) if folder.exists() for p in sorted(folder.iterdir())
             if p.suffix in suffixes and p.name != "README.md"]
    return found


def replicate(files: list[Path], n: int, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        src = files[i % len(files)]
        dst = folder / f"{i:06d}-{src.name}"
        shutil.copyfile(src, dst)
        out.append(dst)
    return out


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def text_floor(files: list[Path]) -> None:
    for f in files:
        text, _ = decode(f.read_bytes())
        fold(text)


def pdf_floor(files: list[Path]) -> int:
    import pdfplumber

    pages = 0
    for f in files:
        with pdfplumber.open(f) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.extract_tables()
                pages += 1
    return pages


def run_parse(files: list[Path], workers: int) -> None:
    for _ in parse_many(files, workers=workers):
        pass


def peak_rss_of_cli(folder: Path, out: Path) -> float:
    """Peak RSS (MiB) of one `govreport parse` process writing JSON Lines to a file."""
    probe = (
        "import resource, subprocess, sys;"
        f"subprocess.run([sys.executable, '-m', 'nlp.cli', 'parse', {str(folder)!r}, '-o', {str(out)!r}], check=True,"
        " stderr=subprocess.DEVNULL);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    return int(result.stdout.strip()) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--md", type=int, default=400)
    ap.add_argument("--html", type=int, default=200)
    ap.add_argument("--pdf", type=int, default=24)
    ap.add_argument("--memory-files", type=int, default=1000, help="N; memory is measured at N and 10×N files")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        print(f"{'input':10} {'files':>6} {'floor/s':>9} {'1 worker/s':>11} {'2 workers/s':>12} {'floor÷1w':>9} {'2w÷1w':>6}")
        for kind, n in (("markdown", args.md), ("html", args.html), ("pdf", args.pdf)):
            src = sources(kind)
            if not src:
                print(f"{kind:10} (no input files)")
                continue
            files = replicate(src, n, tmp / kind)
            run_parse(files[:4], 1)  # warm caches and imports
            if kind == "pdf":
                floor_t = timed(lambda: pdf_floor(files))
            else:
                floor_t = timed(lambda: text_floor(files))
            one = timed(lambda: run_parse(files, 1))
            two = timed(lambda: run_parse(files, 2))
            extra = ""
            if kind == "pdf":
                pages = pdf_floor(files[:len(src)]) * n // len(src)
                extra = f"  ({pages / floor_t:.1f} pages/s floor, {pages / one:.1f} pages/s parse)"
            print(f"{kind:10} {n:6d} {n / floor_t:9.1f} {n / one:11.1f} {n / two:12.1f} {one / floor_t:9.2f}"
                  f" {one / two:6.2f}{extra}")
        md = sources("markdown")
        small = args.memory_files
        replicate(md, small, tmp / "mem_small")
        replicate(md, small * 10, tmp / "mem_large")
        rss_small = peak_rss_of_cli(tmp / "mem_small", tmp / "small.jsonl")
        rss_large = peak_rss_of_cli(tmp / "mem_large", tmp / "large.jsonl")
        print(f"peak RSS of `govreport parse` to a file: {small} files {rss_small:.0f} MiB; "
              f"{small * 10} files {rss_large:.0f} MiB (ratio {rss_large / rss_small:.2f})")
        print(f"this process peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
