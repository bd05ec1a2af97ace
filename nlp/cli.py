"""The ``govreport`` command: a thin layer over the library (argument parsing, progress, output)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table as RichTable

from .output import FORMATS, RecordWriter, format_for, report_columns

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


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    app()
