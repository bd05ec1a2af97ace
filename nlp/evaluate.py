"""Evaluate clause taggers: per-label precision / recall / F1, macro-F1 over the 12 topics, role accuracy and
confusion matrix, specific F1 — on the test split and on the real reports' clauses (stand-off labels)."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np

from .model import ROLES, TOPICS


def _prf(truth: np.ndarray, pred: np.ndarray) -> dict:
    tp = float((truth & pred).sum())
    p = tp / pred.sum() if pred.sum() else 0.0
    r = tp / truth.sum() if truth.sum() else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "support": int(truth.sum())}


def score(predictions, targets: list[dict]) -> dict:
    """Metrics of predicted :class:`ClauseTags` against target dicts {role, topics, specific}."""
    role_true = [t["role"] for t in targets]
    role_pred = [p.role for p in predictions]
    confusion = [[sum(1 for a, b in zip(role_true, role_pred) if a == r and b == c) for c in ROLES] for r in ROLES]
    out = {
        "n": len(targets),
        "role_accuracy": float(np.mean([a == b for a, b in zip(role_true, role_pred)])) if targets else 0.0,
        "role_confusion": {"labels": list(ROLES), "rows_true_cols_pred": confusion},
        "role": {r: _prf(np.array([a == r for a in role_true]), np.array([b == r for b in role_pred])) for r in ROLES},
        "topics": {},
    }
    for topic in TOPICS:
        out["topics"][topic] = _prf(np.array([topic in t["topics"] for t in targets]),
                                    np.array([topic in p.topics for p in predictions]))
    present = [t for t in TOPICS if out["topics"][t]["support"] > 0]
    out["topic_macro_f1"] = float(np.mean([out["topics"][t]["f1"] for t in TOPICS]))
    out["topic_micro_f1"] = _prf(np.array([[t in x["topics"] for t in TOPICS] for x in targets]).reshape(-1),
                                 np.array([[t in p.topics for t in TOPICS] for p in predictions]).reshape(-1))["f1"]
    out["topic_macro_f1_present"] = float(np.mean([out["topics"][t]["f1"] for t in present])) if present else 0.0
    out["specific"] = _prf(np.array([bool(t["specific"]) for t in targets]), np.array([p.specific for p in predictions]))
    return out


def corpus_examples(corpus_dir: str | Path, labels_path: str | Path) -> tuple[list[dict], list[dict]]:
    """Inputs and targets of the real reports' clauses: the reports are parsed and segmented again, and each clause
    is matched to its stand-off label by file, section, offsets and text hash."""
    from .clauses import split_clauses
    from .pipeline import parse

    corpus_dir = Path(corpus_dir)
    labels = [json.loads(line) for line in Path(labels_path).read_text("utf-8").splitlines() if line.strip()]
    by_file: dict[str, dict] = {}
    for lab in labels:
        by_file.setdefault(lab["file"], {})[(lab["section"], lab["start"], lab["end"])] = lab
    inputs, targets = [], []
    for name, wanted in sorted(by_file.items()):
        report = parse(corpus_dir / name)
        for clause in split_clauses(report):
            lab = wanted.get((clause.section, clause.start, clause.end))
            if lab is None or hashlib.sha1(clause.text.encode("utf-8")).hexdigest()[:12] != lab["sha1"]:
                continue
            inputs.append({"text": clause.text, "section": clause.section, "heading_role": clause.heading_role})
            targets.append({"role": lab["role"], "topics": lab["topics"], "specific": lab["specific"]})
    return inputs, targets


def format_table(results: dict[str, dict], title: str) -> str:
    """Side-by-side text table of metrics for several models."""
    names = list(results)
    width = max(12, *(len(n) + 2 for n in names))
    lines = [title, f"{'metric':28}" + "".join(f"{n:>{width}}" for n in names)]

    def row(label, getter):
        lines.append(f"{label:28}" + "".join(f"{getter(results[n]):>{width}.3f}" for n in names))

    row("n clauses", lambda r: r["n"])
    row("role accuracy", lambda r: r["role_accuracy"])
    row("topic macro-F1 (12)", lambda r: r["topic_macro_f1"])
    row("topic micro-F1", lambda r: r["topic_micro_f1"])
    row("specific F1", lambda r: r["specific"]["f1"])
    for role in ROLES:
        row(f"role {role} F1", lambda r, role=role: r["role"][role]["f1"])
    for topic in TOPICS:
        for m in ("precision", "recall", "f1"):
            row(f"{topic} {m[0].upper()}", lambda r, topic=topic, m=m: r["topics"][topic][m])
        lines.append(f"{'  support':28}" + "".join(f"{results[n]['topics'][topic]['support']:>{width}d}" for n in names))
    for n in names:
        lines.append(f"role confusion of {n} (rows true, cols predicted: {' '.join(ROLES)})")
        for role, counts in zip(ROLES, results[n]["role_confusion"]["rows_true_cols_pred"]):
            lines.append(f"  {role:12}" + "".join(f"{c:7d}" for c in counts))
    return "\n".join(lines)
