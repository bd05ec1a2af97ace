"""Shared fixtures: paths of the real corpus beside the project, and of the bundled samples."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SAMPLES = ROOT / "data" / "samples"
FIXTURES = ROOT / "tests" / "fixtures"
EXPECTED = ROOT / "tests" / "expected"


def corpus_file(name: str) -> Path:
    """A file of ../shared/corpus, or skip the test with the reason when the folder is not there."""
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"real corpus not available: {path} (tests read ../shared/corpus beside the project)")
    return path
