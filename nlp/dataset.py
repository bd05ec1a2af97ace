"""The labeled clause corpus (``data/labeled/*.jsonl``) as a ``datasets.DatasetDict``, split by report."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .clauses import heading_role
from .model import ROLES, SECTION_KEYS, TOPICS

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
LEVELS = ("central", "province", "city", "county", "township", "street")
SPLITS = {"train": 0.70, "validation": 0.15, "test": 0.15}


def load_records(folder: str | Path | None = None) -> list[dict]:
    """All labeled clauses, checked against TAXONOMY.md's label sets; ``heading_role`` derived from the heading."""
    folder = Path(folder) if folder else DATA_DIR / "labeled"
    records = []
    for path in sorted(folder.glob("part_*.jsonl")):
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            where = f"{path.name}:{n}"
            if rec["role"] not in ROLES:
                raise ValueError(f"{where}: unknown role {rec['role']!r}")
            bad = [t for t in rec["topics"] if t not in TOPICS]
            if bad:
                raise ValueError(f"{where}: unknown topics {bad}")
            if rec["section"] not in SECTION_KEYS:
                raise ValueError(f"{where}: unknown section {rec['section']!r}")
            rec["heading_role"] = heading_role(rec["heading"]) if rec.get("heading") else None
            records.append(rec)
    return records


def split_of(report: str) -> str:
    """The split of a report, fixed by a hash of its id: every clause of a report lands in the same split."""
    bucket = int(hashlib.sha256(report.encode("utf-8")).hexdigest()[:8], 16) / 0xFFFFFFFF
    if bucket < SPLITS["train"]:
        return "train"
    if bucket < SPLITS["train"] + SPLITS["validation"]:
        return "validation"
    return "test"


def features():
    from datasets import ClassLabel, Features, Sequence, Value

    return Features({
        "id": Value("string"),
        "report": Value("string"),
        "agency": Value("string"),
        "level": ClassLabel(names=list(LEVELS)),
        "year": Value("int32"),
        "format_generation": Value("string"),
        "section": ClassLabel(names=list(SECTION_KEYS)),
        "heading": Value("string"),
        "heading_role": Value("string"),
        "text": Value("string"),
        "role": ClassLabel(names=list(ROLES)),
        "topics": Sequence(ClassLabel(names=list(TOPICS))),
        "specific": Value("bool"),
    })


def load_dataset_dict(folder: str | Path | None = None):
    """The labeled corpus as a DatasetDict (train / validation / test) with typed features, split by report."""
    from datasets import Dataset, DatasetDict

    feats = features()
    rows = {name: [] for name in SPLITS}
    for rec in load_records(folder):
        rows[split_of(rec["report"])].append({name: rec.get(name) for name in feats})
    return DatasetDict({name: Dataset.from_list(items, features=feats) for name, items in rows.items()})


def as_examples(dataset) -> tuple[list[dict], list[dict]]:
    """Model inputs {text, section, heading_role} and targets {role, topics, specific} of a Dataset split."""
    section_names = dataset.features["section"].names
    role_names = dataset.features["role"].names
    topic_names = dataset.features["topics"].feature.names
    inputs, targets = [], []
    for r in dataset:
        inputs.append({"text": r["text"], "section": section_names[r["section"]], "heading_role": r["heading_role"]})
        targets.append({"role": role_names[r["role"]], "topics": [topic_names[t] for t in r["topics"]],
                        "specific": bool(r["specific"])})
    return inputs, targets
