#!/usr/bin/env python
"""Inter-annotator agreement on the doubly labeled sample: Cohen's kappa per axis and per topic, and the list of
disagreements to resolve into the guidelines.

    python scripts/agreement.py [--disagreements FILE]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sklearn.metrics import cohen_kappa_score  # noqa: E402

from nlp.dataset import load_records  # noqa: E402
from nlp.model import ROLES, TOPICS  # noqa: E402

AGREEMENT = ROOT / "data" / "labeled" / "agreement"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--disagreements", type=Path, help="write the disagreeing clauses (JSON Lines) here")
    args = ap.parse_args()
    # the first pass as it was when the sample was labeled twice (later harmonisation edits the corpus, not this)
    first = {r["id"]: r for r in map(json.loads, (AGREEMENT / "first_pass.jsonl").read_text("utf-8").splitlines())}
    texts = {r["id"]: r for r in load_records()}
    second = {r["id"]: r for r in map(json.loads, (AGREEMENT / "second_pass.jsonl").read_text("utf-8").splitlines())}
    ids = [i for i in (AGREEMENT / "sample_ids.txt").read_text().split() if i in second]
    a = [first[i] for i in ids]
    b = [second[i] for i in ids]
    print(f"clauses labeled twice: {len(ids)}")
    role_k = cohen_kappa_score([x["role"] for x in a], [x["role"] for x in b], labels=list(ROLES))
    role_agree = sum(x["role"] == y["role"] for x, y in zip(a, b)) / len(ids)
    spec_k = cohen_kappa_score([bool(x["specific"]) for x in a], [bool(y["specific"]) for y in b])
    spec_agree = sum(bool(x["specific"]) == bool(y["specific"]) for x, y in zip(a, b)) / len(ids)
    print(f"{'axis':18} {'kappa':>6} {'agree':>6} {'n(A)':>5} {'n(B)':>5}")
    print(f"{'role':18} {role_k:6.3f} {role_agree:6.3f}")
    print(f"{'specific':18} {spec_k:6.3f} {spec_agree:6.3f} {sum(bool(x['specific']) for x in a):5d}"
          f" {sum(bool(y['specific']) for y in b):5d}")
    kappas = []
    for topic in TOPICS:
        ya = [topic in x["topics"] for x in a]
        yb = [topic in y["topics"] for y in b]
        k = cohen_kappa_score(ya, yb)
        kappas.append(k)
        agree = sum(p == q for p, q in zip(ya, yb)) / len(ids)
        print(f"topic:{topic:12} {k:6.3f} {agree:6.3f} {sum(ya):5d} {sum(yb):5d}")
    print(f"{'topics (mean)':18} {sum(kappas) / len(kappas):6.3f}")
    confusion = Counter((x["role"], y["role"]) for x, y in zip(a, b) if x["role"] != y["role"])
    print("role disagreements (A -> B):", ", ".join(f"{p}->{q} {n}" for (p, q), n in confusion.most_common()))
    if args.disagreements:
        with args.disagreements.open("w", encoding="utf-8") as out:
            for i, x, y in zip(ids, a, b):
                if x["role"] != y["role"] or set(x["topics"]) != set(y["topics"]) or bool(x["specific"]) != bool(y["specific"]):
                    out.write(json.dumps({"id": i, "section": texts[i]["section"], "heading": texts[i].get("heading"),
                                          "text": texts[i]["text"],
                                          "A": {"role": x["role"], "topics": x["topics"], "specific": x["specific"]},
                                          "B": {"role": y["role"], "topics": y["topics"], "specific": y["specific"]}},
                                         ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
