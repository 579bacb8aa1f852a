"""The vnkg command's spaCy: imported without spaCy's own command line, which loads only when asked for."""
from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any

__all__ = ["defer_spacy_cli", "DEFERRED"]

# ``import spacy`` runs ``from .cli.info import info``: spaCy's whole command line (typer, weasel, rich,
# httpx, jinja2, pygments... some 350 modules, 0.3 s of CPU) for one function vnkg never calls.
DEFERRED = ("spacy.cli", "spacy.cli.info")


def defer_spacy_cli() -> None:
    """Have spaCy's own import skip ``spacy.cli``: while ``spacy/__init__.py`` runs, ``spacy.cli`` and
    ``spacy.cli.info`` are stand-ins that import the real modules on first use of any attribute
    (``spacy.info()``, ``from spacy.cli import download``), so nothing spaCy offers is lost; that
    first use puts the stand-ins aside for good. Nothing changes when spaCy is imported already,
    nor for code that does not call this (the Python API).

    Examples
    --------
    >>> defer_spacy_cli()
    >>> import spacy
    >>> spacy.info(silent=True)["spacy_version"] == spacy.__version__  # the real spacy.info, imported now
    True
    """
    if "spacy" not in sys.modules and not any(isinstance(f, _DeferWhileSpacyStarts) for f in sys.meta_path):
        sys.meta_path.insert(0, _DeferWhileSpacyStarts())


class _DeferWhileSpacyStarts(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Finds the stand-ins, and only while spaCy's package is being initialised."""

    def find_spec(self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
                  ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in DEFERRED or not _spacy_starting():
            return None
        return importlib.util.spec_from_loader(fullname, self, is_package=fullname == "spacy.cli")

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        return _StandIn(spec.name)

    def exec_module(self, module: ModuleType) -> None:
        if module.__name__ == "spacy.cli.info":
            module.info = _info  # type: ignore[attr-defined]  # spacy/__init__ takes this name


class _StandIn(ModuleType):
    """A module standing for one of ``DEFERRED``: its attributes are the real module's."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(_real(self.__name__), name)


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: the real one, imported now."""
    return _real("spacy.cli.info").info(*args, **kwargs)


def _real(name: str) -> ModuleType:
    """The real module ``name`` (of ``DEFERRED``), imported after putting the stand-ins aside."""
    for deferred in DEFERRED:
        if isinstance(sys.modules.get(deferred), _StandIn):
            del sys.modules[deferred]
    module = importlib.import_module(name)
    if name != "spacy.cli":
        importlib.import_module("spacy.cli")  # spacy.cli as spaCy's attribute again: the real package
    return module


def _spacy_starting() -> bool:
    spacy = sys.modules.get("spacy")
    spec = getattr(spacy, "__spec__", None)
    return bool(getattr(spec, "_initializing", False))
