"""The typed attribute of each kind of span (``span._.place`` …), registered on import, serialisable."""
from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = [
    "PlaceInfo", "PersonInfo", "RoleInfo", "OrgInfo", "ZoneInfo", "FigureInfo", "CitedInfo",
    "TitleInfo", "EventInfo", "CueInfo", "SpanInfo", "SPAN_KINDS", "register_extensions",
]


@dataclass(frozen=True)
class PlaceInfo:
    """An administrative unit, country or region.

    ``name`` is canonical ("Hà Nội", "Quận 7"), ``level`` one of province,
    district, town, ward, country, region, place; ``unit`` the canonical unit
    word written before the name ("thành phố") and ``unit_text`` that word as
    written ("TP"); ``province`` the province the administrative data puts it
    in (when only one); ``key`` a stable key ("district:Ba Đình:Hà Nội").
    """

    name: str
    level: str
    cls: str
    key: str
    unit: str | None = None
    unit_text: str | None = None
    province: str | None = None


@dataclass(frozen=True)
class PersonInfo:
    """A personal name: ``cue`` is the form of address or title before it ("ông",
    "byline"), ``partial`` a one-syllable reference ("ông Chung") linking completes."""

    name: str
    cue: str | None = None
    partial: bool = False
    byline: bool = False


@dataclass(frozen=True)
class RoleInfo:
    """A position: canonical ``label`` ("Phó Chủ tịch Thường trực"), its lexicon ``base``
    and ``kind``; ``org_head`` the token where the organisation begins inside the
    role ("Trưởng *ban*"); ``implied_org`` the body the role implies ("Chính phủ")."""

    label: str
    base: str
    kind: str
    former: bool = False
    org_head: int | None = None
    implied_org: str | None = None


@dataclass(frozen=True)
class OrgInfo:
    """An organisation as written: what linking needs to name it.

    ``own`` is its own words ("Ban Tổ chức"), ``surface`` the whole mention;
    ``parent`` a body named inside the name ("Ban Tổ chức *Thành ủy*"),
    ``owner`` one named after "của" (not part of the name); ``known`` the
    canonical name of a listed national body; ``place`` the place that ends the
    name; ``implicit_level`` a bare unit word's level ("UBND *tỉnh*");
    ``anaphoric`` a head noun alone ("Trung tâm") that refers back;
    ``refers_to`` the character span of the mention an alias abbreviates.
    ``start``/``end`` are character offsets in the Doc.
    """

    cls: str
    surface: str
    own: str
    start: int
    end: int
    head: str | None = None
    head_level: str | None = None
    head_body: str | None = None
    known: str | None = None
    place: PlaceInfo | None = None
    place_text: str | None = None
    implicit_level: str | None = None
    anaphoric: bool = False
    aliases: tuple[str, ...] = ()
    body: str | None = None
    parent: OrgInfo | None = None
    owner: OrgInfo | None = None
    refers_to: tuple[int, int] | None = None


@dataclass(frozen=True)
class ZoneInfo:
    """A named zone: ``name`` with its canonical type word, the SKOS ``concept``."""

    name: str
    concept: str
    type_label: str
    place: str | None = None


@dataclass(frozen=True)
class FigureInfo:
    """A number with its unit: ``value`` or ``min``/``max``; ``count_of`` the counted
    noun when ``unit`` is "count"; ``total`` the whole of "4/7"; ``indicator`` the
    noun phrase before it naming what it measures ("tổng vốn đăng ký")."""

    unit: str
    value: float | None = None
    min: float | None = None
    max: float | None = None
    count_of: str | None = None
    total: float | None = None
    qualifier: str | None = None
    indicator: str | None = None


@dataclass(frozen=True)
class CitedInfo:
    """A programme or legal document cited by number or name."""

    name: str
    kind: str
    identifier: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class TitleInfo:
    """Titles read together ("Phó Bí thư Thành ủy, Chủ tịch UBND TP") and the persons
    they may belong to; every number is a token offset in the Doc.

    ``phrases`` are (role start, organisation start or -1), in order; ``local``
    the starts of bodies a bare unit word follows, which the organisation
    grammar left out ("Thanh tra *tỉnh*": a local body, never a national
    one); ``end``
    is where the titles end. ``after`` are persons right after them ("ROLE
    ORG NAME", "ROLE ORG ông NAME"), ``before`` persons joined before them
    ("NAME, ROLE ORG", "NAME - ROLE ORG"), ``listed`` every person after them
    in the sentence, ``shared`` bare names joined to the one after them by
    "và" or a comma ("nguyên Ủy viên Bộ Chính trị A và B"). ``colon``: a colon follows ("các Ủy viên …: A, B");
    ``plural``: "các"/"những" comes before; ``abroad``: one of them is a
    foreign country's office ("Chủ tịch *Trung Quốc*"); ``closed``: punctuation (or the
    end of the text) follows, so they may stand after a name; ``unnamed``:
    capitalised words nothing recognised follow, most likely the name of the
    holder the person grammar missed, so they stand after nobody named before.
    """

    phrases: tuple[tuple[int, int], ...]
    end: int
    local: tuple[int, ...] = ()
    after: tuple[int, ...] = ()
    before: tuple[int, ...] = ()
    listed: tuple[int, ...] = ()
    shared: tuple[int, ...] = ()
    colon: bool = False
    plural: bool = False
    abroad: bool = False
    closed: bool = False
    unnamed: bool = False


@dataclass(frozen=True)
class EventInfo:
    """A meeting the report names ("hội nghị", "buổi làm việc"): its ``label`` and the
    day written in its sentence ("sáng 3/4"); ``year`` when written there."""

    label: str
    day: int | None = None
    month: int | None = None
    year: int | None = None


@dataclass(frozen=True)
class CueInfo:
    """A word that says what part a sentence's persons or bodies take in an event:
    ``role`` is "chair" ("chủ trì"), "attend" ("dự", "phát biểu"), "organise"
    ("tổ chức") or "by" ("do")."""

    role: str


SpanInfo = (PlaceInfo | PersonInfo | RoleInfo | OrgInfo | ZoneInfo | FigureInfo | CitedInfo | TitleInfo | EventInfo
            | CueInfo)

# Span group -> (span label, the extension holding its info, the info's type).
SPAN_KINDS: dict[str, tuple[str, str, type]] = {
    "places": ("place", "place", PlaceInfo),
    "persons": ("person", "person", PersonInfo),
    "roles": ("role", "role", RoleInfo),
    "zones": ("zone", "zone", ZoneInfo),
    "organisations": ("organisation", "org", OrgInfo),
    "figures": ("figure", "figure", FigureInfo),
    "documents": ("document", "cited", CitedInfo),
    "titles": ("title", "title", TitleInfo),
    "events": ("event", "event", EventInfo),
    "event_cues": ("cue", "cue", CueInfo),
}
_TYPES: dict[str, type] = {t.__name__: t for _, _, t in SPAN_KINDS.values()}
_TAG = "__vnkg__"


def register_extensions() -> None:
    """Register ``span._.place``, ``span._.org`` … (idempotent).

    Runs on import, so a component added to any pipeline finds them.

    >>> from spacy.tokens import Span
    >>> Span.has_extension("org"), Span.has_extension("figure")
    (True, True)
    """
    from spacy.tokens import Span

    for _, name, _ in SPAN_KINDS.values():
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


def encode(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    """msgpack encoder (srsly's registry): span infos as tagged maps, so Docs go
    through ``DocBin``.

    >>> import srsly
    >>> srsly.msgpack_loads(srsly.msgpack_dumps(PersonInfo("Tô Lâm", cue="ông")))
    PersonInfo(name='Tô Lâm', cue='ông', partial=False, byline=False)
    """
    if type(obj).__name__ in _TYPES and dataclasses.is_dataclass(obj):
        fields = {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}
        return {_TAG: type(obj).__name__, **fields}
    return obj if chain is None else chain(obj)


def decode(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    """msgpack decoder: the tagged maps :func:`encode` writes back to span infos."""
    if isinstance(obj, dict) and _TAG in obj:
        cls = _TYPES[obj[_TAG]]
        values = {k: _tuples(v) for k, v in obj.items() if k != _TAG}
        return cls(**values)
    return obj if chain is None else chain(obj)


def _tuples(value: Any) -> Any:
    """msgpack reads tuples back as lists; every sequence in a span info is a tuple."""
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def _register_codec() -> None:
    import srsly

    if "vnkg" not in srsly.msgpack_encoders.get_all():
        srsly.msgpack_encoders.register("vnkg", func=encode)
        srsly.msgpack_decoders.register("vnkg", func=decode)


register_extensions()
_register_codec()
