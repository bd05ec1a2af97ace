"""The ``govreport`` command: a thin layer over the library (argument parsing, progress, output)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table as RichTable

from .model import SECTION_KEYS
from .output import FORMATS, RecordWriter, clause_columns, format_for, report_columns

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Parse, tag and score Chinese government information disclosure annual reports.")
err = Console(stderr=True)


@app.callback()
def _main() -> None:
    """govreport: parse, tag and score 政府信息公开工作年度报告 at batch scale."""


def _progress() -> Progress:
    return Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err, transient=False, disable=not err.is_terminal)


def _check_format(fmt: Optional[str], allowed=FORMATS) -> None:
    if fmt is not None and fmt not in allowed:
        raise typer.BadParameter(f"format must be one of {', '.join(allowed)}", param_hint="--format")


@app.command()
def parse(
    paths: Annotated[list[Path], typer.Argument(help="Report files or folders (searched recursively).")],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Output file; standard output if omitted.")] = None,
    fmt: Annotated[Optional[str], typer.Option("--format", help="jsonl | json | csv | parquet (default: from -o, else jsonl).")] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Processes to parse with.")] = 1,
) -> None:
    """Parse reports into metadata, sections, canonical tables and findings: one record per input file."""
    from .pipeline import expand_paths, parse_many

    _check_format(fmt)
    fmt = format_for(str(output) if output else None, fmt)
    if fmt == "parquet" and output is None:
        raise typer.BadParameter("Parquet output needs -o FILE", param_hint="--format")
    files = expand_paths(paths)
    rules: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    with RecordWriter(str(output) if output else None, fmt, columns=report_columns()) as writer, _progress() as bar:
        task = bar.add_task("parse", total=len(files))
        for record in parse_many(files, workers=workers):
            writer.write(record)
            if record["error"]:
                errors[record["error"]["type"]] += 1
            for finding in record["findings"]:
                if finding["severity"] != "info":
                    rules[finding["rule"]] += 1
            bar.advance(task)
    _summary(len(files), errors, rules, output)


def _summary(total: int, errors: Counter, rules: Counter, output: Optional[Path]) -> None:
    table = RichTable(title="govreport parse", show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("files", str(total))
    table.add_row("parsed", str(total - sum(errors.values())))
    table.add_row("failed", str(sum(errors.values())))
    for kind, n in sorted(errors.items()):
        table.add_row(f"  error: {kind}", str(n))
    for rule, n in sorted(rules.items()):
        table.add_row(f"  finding: {rule}", str(n))
    err.print(table)
    if output:
        err.print(f"results: {output}")


@app.command()
def tag(
    paths: Annotated[list[Path], typer.Argument(help="Report files or folders (searched recursively).")],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Output file; standard output if omitted.")] = None,
    fmt: Annotated[Optional[str], typer.Option("--format", help="jsonl | csv | parquet (default: from -o, else jsonl).")] = None,
    model: Annotated[Optional[str], typer.Option("--model", help="lexicon | tfidf | embedding | ensemble (default: the chosen one).")] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Processes to tag with.")] = 1,
    sections: Annotated[Optional[str], typer.Option("--sections", help="Comma-separated section keys to tag (e.g. problems_improvements); all if omitted.")] = None,
) -> None:
    """Tag every narrative clause of the reports: role, topics, specific — one record per clause."""
    from .pipeline import expand_paths
    from .tagging import tag_many

    _check_format(fmt, ("jsonl", "csv", "parquet"))
    fmt = format_for(str(output) if output else None, fmt)
    if fmt == "json":
        fmt = "jsonl"
    if fmt == "parquet" and output is None:
        raise typer.BadParameter("Parquet output needs -o FILE", param_hint="--format")
    _check_model(model)
    chosen = tuple(k.strip() for k in sections.split(",")) if sections else None
    if chosen and not set(chosen) <= set(SECTION_KEYS):
        raise typer.BadParameter(f"section keys are {', '.join(SECTION_KEYS)}", param_hint="--sections")
    files = expand_paths(paths)
    errors: Counter[str] = Counter()
    clauses = 0
    with RecordWriter(str(output) if output else None, fmt, columns=clause_columns()) as writer, _progress() as bar:
        task = bar.add_task("tag", total=len(files))
        for records, error in tag_many(files, model_name=model, workers=workers, sections=chosen):
            for record in records:
                writer.write(record)
            clauses += len(records)
            if error is not None:
                writer.write(error)
                errors[error["error"]["type"]] += 1
            bar.advance(task)
    err.print(f"files {len(files)}, clauses {clauses}, failed {sum(errors.values())}"
              + (f" ({', '.join(f'{k}: {v}' for k, v in sorted(errors.items()))})" if errors else ""))
    if output:
        err.print(f"results: {output}")


@app.command()
def classify(
    source: Annotated[str, typer.Argument(help="A UTF-8 file with one clause per line, or - for standard input.")] = "-",
    model: Annotated[Optional[str], typer.Option("--model", help="lexicon | tfidf | embedding | ensemble.")] = None,
    batch: Annotated[int, typer.Option("--batch", min=1, help="Clauses per batch.")] = 512,
) -> None:
    """Classify clauses you already have: one per input line, one JSON record per line out, in the same order."""
    import json
    import sys

    from .train import load_model

    _check_model(model)
    tagger = load_model(model)
    if source == "-":
        stream = sys.stdin
    else:
        path = Path(source)
        if not path.is_file():
            raise typer.BadParameter(f"no such file: {source}", param_hint="SOURCE")
        stream = path.open(encoding="utf-8", errors="replace")
    pending: list[str] = []

    def flush() -> None:
        for text, tags in zip(pending, tagger.predict(pending)):
            sys.stdout.write(json.dumps({"text": text, **tags.to_json()}, ensure_ascii=False) + "\n")
        pending.clear()

    for line in stream:
        pending.append(line.rstrip("\r\n"))
        if len(pending) >= batch:
            flush()
    flush()


@app.command()
def train(
    data: Annotated[Optional[Path], typer.Option("--data", help="Folder of labeled parts (default data/labeled).")] = None,
    out: Annotated[Optional[Path], typer.Option("--out", help="Where models go (default models/).")] = None,
    kinds: Annotated[Optional[str], typer.Option("--kinds", help="Comma-separated model kinds to train.")] = None,
) -> None:
    """Rebuild models/ from data/ (fixed seeds), choose the model that wins on validation, write the model card."""
    from .train import KINDS, MODELS_DIR, train_all, write_model_card

    chosen = tuple(k.strip() for k in kinds.split(",")) if kinds else KINDS
    unknown = [k for k in chosen if k not in KINDS]
    if unknown:
        raise typer.BadParameter(f"unknown kinds {unknown}; known: {', '.join(KINDS)}", param_hint="--kinds")
    out = out or MODELS_DIR
    manifest = train_all(data, out, kinds=chosen, embedding_cache=Path(out) / "cache" / "embeddings.sqlite",
                         log=err.print)
    err.print(f"default model: {manifest['default']}")
    write_model_card(out, log=err.print)
    err.print(f"models and model card: {out}")


@app.command()
def evaluate(
    split: Annotated[str, typer.Option("--split", help="Labeled split to score: test or validation.")] = "test",
    corpus: Annotated[Optional[Path], typer.Option("--corpus", help="Folder of the real reports (default ../shared/corpus).")] = None,
    models_dir: Annotated[Optional[Path], typer.Option("--models", help="Models folder (default models/).")] = None,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Also write the metrics as JSON here.")] = None,
) -> None:
    """Per-label precision / recall / F1, macro-F1, role confusion — every model side by side, on the test split and
    on the real reports' clauses."""
    import json

    from .train import evaluate_all

    if split not in ("test", "validation", "train"):
        raise typer.BadParameter("split must be test, validation or train", param_hint="--split")
    results, text = evaluate_all(split=split, corpus_dir=corpus, models_dir=models_dir)
    typer.echo(text)
    if output:
        output.write_text(json.dumps(results, ensure_ascii=False, indent=1), "utf-8")


def _check_model(model: Optional[str]) -> None:
    from .train import KINDS

    if model is not None and model not in KINDS:
        raise typer.BadParameter(f"model must be one of {', '.join(KINDS)}", param_hint="--model")


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    app()
