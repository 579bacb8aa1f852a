"""An organisation name as the grammar parses it, and the typed result it becomes."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .spans import OrgInfo

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from ..lexicons import OrgHead

__all__ = ["OrgName", "org_info"]


@dataclass
class OrgName:
    """A parsed organisation mention, in token offsets (the grammar's working state)."""

    start: int
    end: int
    head_start: int
    head_end: int
    cls: str
    head: OrgHead | None = None
    canonical: str | None = None     # set for known bodies
    known: bool = False
    parent: OrgName | None = None    # named inside: "Ban Tổ chức *Thành ủy*"
    owner: OrgName | None = None     # named after "của"/"thuộc": not part of the name
    place: Span | None = None        # place span completing the name
    implicit_level: str | None = None
    anaphoric: bool = False
    aliases: list[str] = field(default_factory=list)
    body_start: int | None = None    # first word of the proper name, after head and legal form
    lower_board: bool = False        # "ban tổ chức": a board named in lower case only
    shared: tuple[int, int] | None = None  # the locality a listed body lends it ("*HĐND*, UBND tỉnh")
    locality: int | None = None      # where a unit body's place or unit word begins


def org_info(doc: Doc, name: OrgName) -> OrgInfo:
    """What was read of an organisation mention, as the span's ``_.org``.

    Examples
    --------
    >>> from pipeline import nlp
    >>> doc = nlp()("Ban Tổ chức Thành ủy Hà Nội họp.")
    >>> info = doc.spans["organisations"][0]._.org
    >>> info.own, info.parent.own, info.parent.place.name
    ('Ban Tổ chức', 'Thành ủy Hà Nội', 'Hà Nội')
    """
    own_end = name.parent.start if name.parent is not None else name.end
    last = doc[name.end - 1]
    head = name.head
    own = doc[name.start:own_end].text
    shared = doc[name.shared[0]:name.shared[1]].text if name.shared is not None else None
    return OrgInfo(
        cls=name.cls,
        surface=doc[name.start:name.end].text,
        own=f"{own} {shared}" if shared else own,
        start=doc[name.start].idx,
        end=last.idx + len(last.text),
        head=head.head if head is not None else None,
        head_level=head.level if head is not None else None,
        head_body=head.body if head is not None else None,
        known=name.canonical if name.known else None,
        place=name.place._.place if name.place is not None else None,
        place_text=shared if shared and name.place is not None else name.place.text if name.place is not None else None,
        implicit_level=name.implicit_level,
        anaphoric=name.anaphoric,
        aliases=tuple(name.aliases),
        body=doc[name.body_start:own_end].text if name.body_start is not None and own_end > name.body_start else None,
        parent=org_info(doc, name.parent) if name.parent is not None else None,
        owner=org_info(doc, name.owner) if name.owner is not None else None,
    )
