"""Reading the lexicon files: comment headers skipped, tab-separated cells."""
from __future__ import annotations

from importlib import resources

__all__ = ["lines", "table", "need"]


def lines(name: str) -> list[str]:
    """Non-comment, non-empty lines of a lexicon file.

    >>> lines("surnames.txt")[:3]
    ['Nguyễn', 'Trần', 'Lê']
    """
    text = resources.files("pipeline.lexicons").joinpath(name).read_text(encoding="utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def table(name: str) -> list[tuple[str | None, ...]]:
    """Rows of a tab-separated lexicon; "-" and missing cells become None."""
    rows = []
    for ln in lines(name):
        cells = [c.strip() for c in ln.split("\t")]
        rows.append(tuple(None if c in ("", "-") else c for c in cells))
    return rows


def need(cell: str | None) -> str:
    """A cell a lexicon row must fill.

    Raises
    ------
    ValueError
        When the cell is empty ("-" or missing).
    """
    if cell is None:
        raise ValueError("a lexicon row leaves a required cell empty")
    return cell
