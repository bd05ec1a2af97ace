"""Clause taggers: deterministic training on a small slice, saved models round-trip, output fields, dataset split."""
from __future__ import annotations

import numpy as np
import pytest

from nlp.classify import EmbeddingTagger, EnsembleTagger, LexiconTagger, TfidfTagger
from nlp.dataset import as_examples, load_dataset_dict, load_records, split_of
from nlp.model import ROLES, TOPICS


@pytest.fixture(scope="module")
def data():
    return load_dataset_dict()


@pytest.fixture(scope="module")
def small(data):
    x, y = as_examples(data["train"].select(range(400)))
    xv, yv = as_examples(data["validation"].select(range(120)))
    return x, y, xv, yv


def test_dataset_is_typed_and_split_by_report(data):
    assert data["train"].features["role"].names == list(ROLES)
    assert data["train"].features["topics"].feature.names == list(TOPICS)
    reports = {name: set(data[name]["report"]) for name in data}
    assert not (reports["train"] & reports["validation"]) and not (reports["train"] & reports["test"])
    assert not (reports["validation"] & reports["test"])
    assert all(split_of(r) == "test" for r in reports["test"])
    assert sum(len(data[n]) for n in data) == len(load_records()) >= 2500


def test_labeled_corpus_covers_every_topic_and_role():
    records = load_records()
    topics = {t: sum(t in r["topics"] for r in records) for t in TOPICS}
    assert all(n >= 80 for n in topics.values()), topics
    assert min(topics["staffing"], topics["system_building"], topics["timeliness"]) >= 150
    assert {r["role"] for r in records} == set(ROLES)
    assert {r["level"] for r in records} == {"central", "province", "city", "county", "township", "street"}
    years = {r["year"] for r in records}
    assert min(years) <= 2008 and max(years) >= 2025


def test_training_is_deterministic(small):
    x, y, _, _ = small
    first = TfidfTagger().fit(x, y).predict_proba(x[:50])
    second = TfidfTagger().fit(x, y).predict_proba(x[:50])
    for a, b in zip(first, second):
        assert np.array_equal(a, b)


def test_saved_model_round_trips(small, tmp_path):
    x, y, xv, yv = small
    model = TfidfTagger().fit(x, y).tune_thresholds(xv, yv)
    model.save(tmp_path / "m.joblib")
    loaded = TfidfTagger.load(tmp_path / "m.joblib")
    assert [t.to_json() for t in loaded.predict(xv)] == [t.to_json() for t in model.predict(xv)]


def test_output_fields_follow_the_taxonomy(small):
    x, y, xv, yv = small
    tags = TfidfTagger().fit(x, y).tune_thresholds(xv, yv).predict(["下一步将配齐配强专职人员。"])[0].to_json()
    assert set(tags) == {"role", "role_proba", "topics", "topic_proba", "specific", "specific_proba"}
    assert tags["role"] in ROLES and set(tags["role_proba"]) == set(ROLES)
    assert set(tags["topic_proba"]) == set(TOPICS) and set(tags["topics"]) <= set(TOPICS)
    assert abs(sum(tags["role_proba"].values()) - 1) < 1e-3


def test_trained_model_learns_more_than_chance(small, data):
    x, y, xv, yv = small
    model = TfidfTagger().fit(x, y)
    xt, yt = as_examples(data["test"].select(range(150)))
    accuracy = np.mean([p.role == t["role"] for p, t in zip(model.predict(xt), yt)])
    assert accuracy > 0.7


def test_lexicon_baseline_uses_cues_and_heading():
    model = LexiconTagger().fit()
    tags = model.predict([{"text": "信息更新不及时，人员身兼多职。", "section": "problems_improvements",
                           "heading_role": "problem"}])[0]
    assert tags.role == "problem" and {"timeliness", "staffing"} <= set(tags.topics)


def test_embedding_and_ensemble_models_with_the_real_encoder(small, tmp_path):
    x, y, xv, yv = small
    embedding = EmbeddingTagger(cache_path=str(tmp_path / "v.sqlite")).fit(x[:200], y[:200])
    tfidf = TfidfTagger().fit(x[:200], y[:200])
    ensemble = EnsembleTagger(members=[tfidf, embedding]).fit(x[:200], y[:200]).tune_thresholds(xv, yv)
    role_p, topic_p, spec_p = ensemble.predict_proba(xv[:5])
    assert role_p.shape == (5, 4) and topic_p.shape == (5, 12) and spec_p.shape == (5,)
    embedding.save(tmp_path / "e.joblib")
    assert "_encoder" not in EmbeddingTagger.load(tmp_path / "e.joblib").__dict__
