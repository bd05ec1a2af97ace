"""Classify clauses: role, topics and specific, by interchangeable scikit-learn-compatible estimators.

Models (by name): ``lexicon`` (cue-word rules), ``tfidf`` (TF-IDF over jieba words and character n-grams + linear
heads), ``embedding`` (frozen m3e-small vectors + linear heads) and ``ensemble`` (mean of the two). Every model takes
clause inputs — a string, or a dict with ``text`` and optionally ``section`` and ``heading_role`` — and returns
:class:`~nlp.model.ClauseTags`. Targets for ``fit`` are dicts ``{"role", "topics", "specific"}`` per clause.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Sequence

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from .model import ROLES, TOPICS, ClauseTags

SEED = 13
THRESHOLD_GRID = np.round(np.arange(0.05, 0.96, 0.025), 3)


def as_input(item: Any) -> dict:
    """A clause input as a dict with ``text``, ``section`` and ``heading_role``."""
    if isinstance(item, str):
        return {"text": item, "section": None, "heading_role": None}
    return {"text": item["text"], "section": item.get("section"), "heading_role": item.get("heading_role")}


_DIGIT = re.compile(r"\d|[０-９]")
_DATE = re.compile(r"\d{4}\s*年|\d{1,2}\s*月|季度|每(年|月|周|半年)")


def context_features(item: dict) -> dict[str, float]:
    """Features outside the words: where the clause stands, the role its heading sets, surface cues of specificity."""
    text = item["text"]
    feats = {f"section={item['section']}": 1.0, f"heading={item['heading_role']}": 1.0}
    feats["has_digit"] = float(bool(_DIGIT.search(text)))
    feats["has_title"] = float("《" in text)
    feats["has_quote"] = float("“" in text or "\"" in text)
    feats["has_date"] = float(bool(_DATE.search(text)))
    feats["len_short"] = float(len(text) < 15)
    feats["len_long"] = float(len(text) > 60)
    topic_cues, role_cues = _cue_patterns()
    for topic, pattern in topic_cues:
        if pattern.search(text):
            feats[f"cue_topic={topic}"] = 1.0
    for role, pattern in role_cues:
        hits = len(set(pattern.findall(text)))
        if hits:
            feats[f"cue_role={role}"] = min(hits, 3) / 3
    return feats


@lru_cache(maxsize=1)
def _cue_patterns() -> tuple[list, list]:
    """One compiled alternation per topic and per role, from the lexicon."""
    lex = lexicon()

    def alternation(words):
        return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))

    return ([(t, alternation(c)) for t, c in lex["topics"].items()],
            [(r, alternation(c)) for r, c in lex["roles"].items()])


def word_ngrams(text: str) -> list[str]:
    """jieba words (domain dictionary, stopwords out) and word bigrams, for the TF-IDF word vectorizer."""
    from .tokens import tokenize

    words = tokenize(text)
    return words + [a + "_" + b for a, b in zip(words, words[1:])]


def context_dropout(items: list[dict], targets: list[dict], rate: float) -> tuple[list[dict], list[dict]]:
    """Training data plus copies without their context, so a model also learns from the words alone: real reports
    often have no heading lines, and `classify` gets bare sentences. A share ``rate`` of the clauses under a heading
    is copied without it, and a share ``rate`` of all clauses without heading and section (chosen by text hash)."""
    if rate <= 0:
        return items, targets
    import zlib

    extra_items, extra_targets = [], []
    for item, target in zip(items, targets):
        draw = zlib.crc32(item["text"].encode("utf-8")) % 1000
        if item["heading_role"] is not None and draw < rate * 1000:
            extra_items.append(dict(item, heading_role=None))
            extra_targets.append(target)
        if draw >= 1000 - rate * 1000:
            extra_items.append(dict(item, heading_role=None, section=None))
            extra_targets.append(target)
    return items + extra_items, targets + extra_targets


class _Heads:
    """Role (multinomial), topics (one-vs-rest, calibrated) and specific (binary) heads over one feature matrix."""

    def __init__(self, C_role: float, C_topic: float, C_specific: float):
        self.C_role, self.C_topic, self.C_specific = C_role, C_topic, C_specific

    def fit(self, X, targets: list[dict]) -> "_Heads":
        role = np.array([t["role"] for t in targets])
        # balanced: the share of each role differs between corpora and sections; the words should decide
        self.role_model = LogisticRegression(C=self.C_role, max_iter=3000, class_weight="balanced",
                                             random_state=SEED).fit(X, role)
        self.topic_models = []
        for topic in TOPICS:
            y = np.array([topic in t["topics"] for t in targets], dtype=int)
            if y.sum() < 6:
                self.topic_models.append(float(y.mean()))  # too few examples: a constant prior
                continue
            base = LogisticRegression(C=self.C_topic, max_iter=3000, class_weight="balanced", solver="liblinear",
                                      random_state=SEED)
            # ensemble=False: calibrate on cross-validated scores, then keep one model (a third of the predict cost)
            self.topic_models.append(CalibratedClassifierCV(base, method="sigmoid", cv=3, ensemble=False).fit(X, y))
        spec = np.array([bool(t["specific"]) for t in targets], dtype=int)
        self.specific_model = LogisticRegression(C=self.C_specific, max_iter=3000, solver="liblinear",
                                                 random_state=SEED).fit(X, spec)
        return self

    def predict_proba(self, X) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        role_p = np.zeros((X.shape[0], len(ROLES)))
        proba = self.role_model.predict_proba(X)
        for j, label in enumerate(self.role_model.classes_):
            role_p[:, ROLES.index(label)] = proba[:, j]
        topic_p = np.column_stack([
            np.full(X.shape[0], m) if isinstance(m, float) else m.predict_proba(X)[:, 1] for m in self.topic_models
        ])
        spec_p = self.specific_model.predict_proba(X)[:, 1]
        return role_p, topic_p, spec_p


class ClauseTagger(BaseEstimator):
    """Base of every model: ``fit`` / ``predict`` / ``predict_proba`` / ``tune_thresholds`` / ``save`` / ``load``."""

    name = "base"

    def _probabilities(self, items: list[dict]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        raise NotImplementedError

    def predict_proba(self, X: Sequence) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Probabilities: role (n × 4, ROLES order), topics (n × 12, TOPICS order), specific (n)."""
        items = [as_input(x) for x in X]
        if not items:
            return np.zeros((0, len(ROLES))), np.zeros((0, len(TOPICS))), np.zeros(0)
        return self._probabilities(items)

    def thresholds(self) -> tuple[np.ndarray, float]:
        topic = getattr(self, "topic_thresholds_", None)
        return (np.full(len(TOPICS), 0.5) if topic is None else np.asarray(topic)), getattr(self, "specific_threshold_", 0.5)

    def tune_thresholds(self, X: Sequence, y: list[dict]) -> "ClauseTagger":
        """Per-topic thresholds and the specific threshold that maximise F1 on held-out data."""
        _, topic_p, spec_p = self.predict_proba(X)
        self.topic_thresholds_ = [
            _best_threshold(topic_p[:, j], np.array([t in target["topics"] for target in y]))
            for j, t in enumerate(TOPICS)
        ]
        self.specific_threshold_ = _best_threshold(spec_p, np.array([bool(target["specific"]) for target in y]))
        return self

    def predict(self, X: Sequence) -> list[ClauseTags]:
        """Tags of each clause (TAXONOMY.md output fields)."""
        role_p, topic_p, spec_p = self.predict_proba(X)
        topic_t, spec_t = self.thresholds()
        above = (topic_p >= np.asarray(topic_t)).tolist()
        roles = np.argmax(role_p, axis=1).tolist()
        out = []
        for role, role_row, topic_row, hits, spec in zip(roles, role_p.tolist(), topic_p.tolist(), above,
                                                         spec_p.tolist()):
            out.append(ClauseTags(
                role=ROLES[role],
                role_proba=dict(zip(ROLES, role_row)),
                topics=tuple(t for t, hit in zip(TOPICS, hits) if hit),
                topic_proba=dict(zip(TOPICS, topic_row)),
                specific=spec >= spec_t,
                specific_proba=spec,
            ))
        return out

    def save(self, path: str | Path) -> None:
        import joblib

        joblib.dump(self, path, compress=3)

    @staticmethod
    def load(path: str | Path) -> "ClauseTagger":
        import joblib

        return joblib.load(path)


def _best_threshold(scores: np.ndarray, truth: np.ndarray) -> float:
    if truth.sum() == 0:
        return 0.5
    best, best_f1 = 0.5, -1.0
    for t in THRESHOLD_GRID:
        pred = scores >= t
        tp = float((pred & truth).sum())
        f1 = 2 * tp / (pred.sum() + truth.sum()) if pred.sum() + truth.sum() else 0.0
        if f1 > best_f1 + 1e-9:
            best, best_f1 = float(t), f1
    return best


# ---------------------------------------------------------------- 1. lexicon baseline
@lru_cache(maxsize=1)
def lexicon() -> dict:
    """Cue words of the rule baseline (``nlp/resources/lexicon.json``)."""
    return json.loads(resources.files("nlp").joinpath("resources/lexicon.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def _specific_patterns() -> list[re.Pattern]:
    return [re.compile(p) for p in lexicon()["specific"]]


class LexiconTagger(ClauseTagger):
    """Rules: topic cue words, role cue words (heading default breaks ties), specific by surface patterns.
    ``fit`` learns nothing; it exists so the baseline sits in the same evaluation as the trained models."""

    name = "lexicon"

    def fit(self, X=None, y=None) -> "LexiconTagger":
        return self

    def _probabilities(self, items):
        lex = lexicon()
        topic_cues = dict(_cue_patterns()[0])
        specific = _specific_patterns()
        role_p = np.zeros((len(items), len(ROLES)))
        topic_p = np.zeros((len(items), len(TOPICS)))
        spec_p = np.zeros(len(items))
        for i, item in enumerate(items):
            text = item["text"]
            scores = np.array([sum(text.count(w) for w in lex["roles"][r]) for r in ROLES], dtype=float)
            if item["heading_role"] in ROLES:
                scores[ROLES.index(item["heading_role"])] += 1.5
            elif item["section"] == "overview":
                scores[ROLES.index("achievement")] += 1.0
            if scores.sum() == 0:
                scores[ROLES.index("other")] = 1.0
            role_p[i] = scores / scores.sum()
            for j, topic in enumerate(TOPICS):
                topic_p[i, j] = 1.0 if topic_cues[topic].search(text) else 0.0
            spec_p[i] = 1.0 if any(p.search(text) for p in specific) else 0.0
        return role_p, topic_p, spec_p


class _FeatureTagger(ClauseTagger):
    """A feature matrix (``_matrix``, fitted on the training clauses) under the linear heads."""

    def _matrix(self, items: list[dict], fit: bool = False):
        raise NotImplementedError

    def fit(self, X: Sequence, y: list[dict]) -> "_FeatureTagger":
        items, y = context_dropout([as_input(x) for x in X], list(y), self.context_dropout)
        self.heads_ = _Heads(self.C_role, self.C_topic, self.C_specific).fit(self._matrix(items, fit=True), y)
        return self

    def _probabilities(self, items):
        return self.heads_.predict_proba(self._matrix(items))


# ---------------------------------------------------------------- 2. TF-IDF + linear heads
class TfidfTagger(_FeatureTagger):
    """TF-IDF over jieba words (+ bigrams) and character 1–3-grams, with context features; linear heads."""

    name = "tfidf"

    def __init__(self, C_role: float = 8.0, C_topic: float = 4.0, C_specific: float = 4.0, min_df: int = 1,
                 context_dropout: float = 0.5):
        self.C_role = C_role
        self.C_topic = C_topic
        self.C_specific = C_specific
        self.min_df = min_df
        self.context_dropout = context_dropout

    def _matrix(self, items: list[dict], fit: bool = False):
        texts = [it["text"] for it in items]
        ctx = [context_features(it) for it in items]
        if fit:
            self.words_ = TfidfVectorizer(analyzer=word_ngrams, min_df=self.min_df, sublinear_tf=True)
            self.chars_ = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), min_df=max(2, self.min_df),
                                          sublinear_tf=True)
            self.context_ = DictVectorizer()
            return sparse.hstack([self.words_.fit_transform(texts), self.chars_.fit_transform(texts),
                                  self.context_.fit_transform(ctx)]).tocsr()
        return sparse.hstack([self.words_.transform(texts), self.chars_.transform(texts),
                              self.context_.transform(ctx)]).tocsr()


# ---------------------------------------------------------------- 3. frozen encoder + linear heads
class EmbeddingTagger(_FeatureTagger):
    """Frozen sentence vectors (m3e-small by default) and context features; linear heads."""

    name = "embedding"

    def __init__(self, embedder: str = "m3e-small", C_role: float = 4.0, C_topic: float = 2.0,
                 C_specific: float = 2.0, cache_path: str | None = None, context_dropout: float = 0.5):
        self.context_dropout = context_dropout
        self.embedder = embedder
        self.C_role = C_role
        self.C_topic = C_topic
        self.C_specific = C_specific
        self.cache_path = cache_path

    def encoder(self):
        """The encoder, loaded on first use; vectors persist in ``cache_path`` or the default cache, so a re-run does
        not encode the same clause again."""
        if getattr(self, "_encoder", None) is None:
            from .embed import default_cache_path, get_embedder

            self._encoder = get_embedder(self.embedder, cache_path=self.cache_path or default_cache_path(self.embedder))
        return self._encoder

    def __getstate__(self):
        state = dict(self.__dict__)
        state.pop("_encoder", None)  # the encoder is loaded from its package, never pickled
        return state

    def _matrix(self, items: list[dict], fit: bool = False):
        vectors = self.encoder().encode([it["text"] for it in items])
        ctx = [context_features(it) for it in items]
        if fit:
            self.context_ = DictVectorizer(sparse=False)
            context = self.context_.fit_transform(ctx)
        else:
            context = self.context_.transform(ctx)
        return np.hstack([vectors, context])


# ---------------------------------------------------------------- 4. ensemble
class EnsembleTagger(ClauseTagger):
    """Weighted mean of the probabilities of fitted member models; its own thresholds."""

    name = "ensemble"

    def __init__(self, members: list | None = None, weights: list[float] | None = None):
        self.members = members
        self.weights = weights

    def fit(self, X: Sequence, y: list[dict]) -> "EnsembleTagger":
        for member in self.members:
            if not hasattr(member, "heads_"):
                member.fit(X, y)
        return self

    def _probabilities(self, items):
        weights = self.weights or [1.0] * len(self.members)
        parts = [m._probabilities(items) for m in self.members]
        total = sum(weights)
        return tuple(sum(w * p[k] for w, p in zip(weights, parts)) / total for k in range(3))

