"""What a sentence refers to without naming it: "cả nước", "tỉnh", "trên địa bàn", "khu công nghiệp này"."""
from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass

from .. import lexicons
from ..s4_recognise import Mention, Mentions
from ..s4_recognise.spans import CueInfo, PlaceInfo
from .entity import Entity
from .locality import Locality

__all__ = ["Reference", "references", "REFER", "SCOPE"]

# Cue labels (patterns/event_cues.jsonl) of words that refer to a place, zone or body,
# and of phrases that set the whole of a place as the scope of what precedes them
# ("… 11.189 chi bộ *trong toàn tỉnh*").
REFER, SCOPE = "refer_", "scope_"

# How many sentences back "… này" finds what it refers to ("nước này" with no country
# named near refers to one the report does not name).
RECENT = 3

# The levels of the places "xã này", "huyện này", "nước này", "địa phương này" refer to.
_LEVELS = {"ward": frozenset({"ward"}), "district": frozenset({"district", "town"}), "nation": frozenset({"country"}),
           "place": frozenset({"ward", "district", "town", "province"})}

# The bodies "công ty này", "ngân hàng này" refer to (ontology classes of org_heads.tsv).
_BODIES = frozenset({"schema:Corporation", "schema:BankOrCreditUnion"})


@dataclass(frozen=True)
class Reference:
    """A word referring to a place, with the place it refers to (``key``, None
    when it is "trên địa bàn": the place of the sentence, found when linking);
    ``scope``: a phrase that scopes what comes before it ("trong toàn tỉnh")."""

    cue: Mention[CueInfo]
    key: str | None
    scope: bool = False


def references(mentions: Mentions, owner: dict[int, str], entities: dict[str, Entity],
               locality: Locality) -> list[Reference]:
    """Every word that refers to a place of the report, resolved.

    "cả nước", "toàn quốc" are the home country (when the report names it);
    "tỉnh", "toàn tỉnh" the province named last before them, else the
    report's; "thành phố", "TP" the city named last, else the report's;
    "xã này", "huyện này", "nước này", "địa phương này" the place of that
    level named last; "khu công nghiệp này" the zone named last, "công ty
    này" the company.
    A word inside a name or a figure ("UBND *tỉnh*", "63 *tỉnh*") or just
    before a name ("trên địa bàn *tỉnh Quảng Ninh*") refers to nothing.

    Examples
    --------
    >>> from pipeline.runner import run_stages
    >>> linked = run_stages("Tỉnh Bắc Ninh có 16 khu công nghiệp. Năm 2024, tỉnh thu hút 50 dự án.", until="link")
    >>> [(r.cue.text, r.key) for r in references(linked.mentions, {}, linked.entities, linked.locality)]
    [('tỉnh', 'province:Bắc Ninh')]
    """
    taken = _taken(mentions)
    cues = [c for c in mentions.event_cues if c.info.role.startswith((REFER, SCOPE))
            and not any(a < c.token_end and c.token_start < b for a, b in taken.get(c.sentence, ()))]
    named_after = {(m.sentence, m.token_start) for m in mentions.places} | {
        (c.sentence, c.token_start) for c in cues}
    out = []
    last = _Last()
    for cue in cues:
        if (cue.sentence, cue.token_end) in named_after:
            continue  # "trên địa bàn tỉnh Quảng Ninh", "trên địa bàn tỉnh"
        scope = cue.info.role.startswith(SCOPE)
        kind = cue.info.role[len(SCOPE if scope else REFER):]
        if kind == "locality":
            out.append(Reference(cue, None, scope))
            continue
        key = _resolve(kind, cue, mentions, owner, entities, locality, last)
        if key is not None:
            out.append(Reference(cue, key, scope))
    return out


def _taken(mentions: Mentions) -> dict[int, list[tuple[int, int]]]:
    """(start, end) of every name and figure, by sentence (a cue is compared with its sentence's alone)."""
    kinds = ("places", "persons", "roles", "zones", "organisations", "figures", "documents", "events")
    taken: dict[int, list[tuple[int, int]]] = {}
    for kind in kinds:
        for m in getattr(mentions, kind):
            taken.setdefault(m.sentence, []).append((m.token_start, m.token_end))
    return taken


def _city(place: PlaceInfo) -> bool:
    """A province-level city ("Hà Nội", "TP Hồ Chí Minh")."""
    city_unit = lexicons.word("city_unit")
    return place.level == "province" and any(
        e.level == "province" and e.unit == city_unit for e in lexicons.gazetteer().get(place.name, ()))


def _resolve(kind: str, cue: Mention, mentions: Mentions, owner: dict[int, str], entities: dict[str, Entity],
             locality: Locality, last: _Last) -> str | None:
    if kind in ("zone", "body"):  # "khu công nghiệp này", "công ty này": the last one named
        named = mentions.zones if kind == "zone" else [o for o in mentions.organisations if o.info.cls in _BODIES]
        m = last.before(kind, lambda: [m for m in named if id(m) in owner], cue)
        return owner[id(m)] if m is not None and cue.sentence - m.sentence <= RECENT else None
    places = mentions.places
    if kind in _LEVELS:  # "xã này", "nước này", "địa phương này": the last one named
        p = last.before(kind, lambda: [p for p in places if p.info.level in _LEVELS[kind] and p.info.key in entities],
                        cue)
        return p.info.key if p is not None and cue.sentence - p.sentence <= RECENT else None
    if kind == "country":
        key = f"country:{lexicons.word('home_country')}"
        return key if key in entities else None
    if kind == "province":  # a province, not a province-level city ("Hà Nội")
        p = last.before(kind, lambda: [p for p in places if p.info.level == "province" and not _city(p.info)
                                       and p.info.key in entities], cue)
        default = locality.province if locality.province_unit != lexicons.word("city_unit") else None
    else:
        p = last.before(kind, lambda: [p for p in places if (p.info.unit == lexicons.word("city_unit")
                                                             or _city(p.info)) and p.info.key in entities], cue)
        default = locality.at("city")
    if p is not None:
        return p.info.key
    if default is None:
        return None
    home = f"province:{default}"
    return home if home in entities else None


class _Last:
    """The last mention of a kind before a cue: each kind's mentions listed once, then found by
    bisection, so a report's cues cost time in proportion to its mentions, not their product."""

    def __init__(self) -> None:
        self._kinds: dict[str, tuple[list[Mention], list[tuple[int, int]]]] = {}

    def before(self, kind: str, listed: Callable[[], list[Mention]], cue: Mention) -> Mention | None:
        if kind not in self._kinds:
            found = sorted(listed(), key=_at)
            self._kinds[kind] = (found, [_at(m) for m in found])
        found, keys = self._kinds[kind]
        i = bisect.bisect_left(keys, _at(cue))
        return found[i - 1] if i else None


def _at(m: Mention) -> tuple[int, int]:
    return m.sentence, m.token_start
