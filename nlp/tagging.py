"""Tag: every narrative clause of parsed reports, classified, as records with the report metadata and the output
fields of TAXONOMY.md."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .clauses import split_clauses
from .model import Report
from .pipeline import parse

_WORKER_MODEL = None
_WORKER_SECTIONS: tuple[str, ...] | None = None


def clause_records(report: Report, model, sections: tuple[str, ...] | None = None) -> list[dict]:
    """One record per narrative clause of a report (of the named sections only, if given): where it is, its text,
    and its tags."""
    clauses = split_clauses(report, sections)
    tags = model.predict([{"text": c.text, "section": c.section, "heading_role": c.heading_role} for c in clauses])
    meta = report.metadata
    return [{
        "report_id": report.report_id, "path": report.path, "agency": meta.agency, "year": meta.year,
        "level": meta.level, "section": c.section, "start": c.start, "end": c.end, "text": c.text,
        **t.to_json(),
    } for c, t in zip(clauses, tags)]


def tag_file(path: Path, model, sections: tuple[str, ...] | None = None) -> tuple[list[dict], dict | None]:
    """Clause records of one file, and the file's error record (None when it was read)."""
    report = parse(path)
    if report.error is not None:
        return [], {"path": report.path, "report_id": report.report_id, "error": report.error.to_json()}
    try:
        return clause_records(report, model, sections), None
    except Exception as exc:  # the batch boundary, as in parse: recorded for this file, the batch goes on
        error = {"type": "internal_error", "stage": "tag", "message": f"{type(exc).__name__}: {exc}"}
        return [], {"path": report.path, "report_id": report.report_id, "error": error}


def _init_worker(model_name: str | None, models_dir: str | None, sections: tuple[str, ...] | None) -> None:
    global _WORKER_MODEL, _WORKER_SECTIONS
    from .train import load_model

    _WORKER_MODEL = load_model(model_name, Path(models_dir) if models_dir else None)
    _WORKER_SECTIONS = sections
    if "embedding" in (_WORKER_MODEL.name, *(m.name for m in getattr(_WORKER_MODEL, "members", None) or ())):
        import torch

        torch.set_num_threads(1)  # one thread per worker process; only models with the encoder load torch


def _tag_in_worker(path: Path):
    return tag_file(path, _WORKER_MODEL, _WORKER_SECTIONS)


def tag_many(paths: Iterable[Path], model=None, model_name: str | None = None, workers: int = 1,
             models_dir: Path | None = None,
             sections: tuple[str, ...] | None = None) -> Iterator[tuple[list[dict], dict | None]]:
    """Clause records per file, in input order (of ``sections`` only, if given); with ``workers`` > 1 each process
    loads the model once."""
    paths = list(paths)
    if workers <= 1:
        if model is None:
            from .train import load_model

            model = load_model(model_name, models_dir)
        for path in paths:
            yield tag_file(path, model, sections)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                             initargs=(model_name, str(models_dir) if models_dir else None, sections)) as pool:
        yield from pool.map(_tag_in_worker, paths, chunksize=2)
