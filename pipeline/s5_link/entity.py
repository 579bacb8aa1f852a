"""An entity: one person, organisation, zone, place or document of a report, with its mentions."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .. import lexicons
from ..keys import name_key
from ..s4_recognise import Mention
from ..s4_recognise.spans import OrgInfo, PersonInfo, PlaceInfo

__all__ = ["Entity", "org_key", "nearest_mentioned", "known_org_entity"]

@dataclass
class Entity:
    """One real-world thing in one report, with every mention of it.

    ``key`` is stable across runs and reports: it is built from the
    normalised canonical name (and level for places), never from offsets;
    ``identity`` is the key its IRI is made from (``identity.assign_identities``).
    The other fields hold what the kind states: a place's ``level`` and
    ``province``, an organisation's ``parents`` and whether its place is known
    (``located``), a zone's SKOS ``concept`` and ``place``, a document's
    ``identifier``, ``date`` and ``doc_kind``; a place's administrative ``code``
    (or a country's ISO code), how sure that is and the era of the unit
    (``units.resolve_units``).
    """

    kind: str
    key: str
    name: str
    labels: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    identity: str = ""
    level: str | None = None
    province: str | None = None
    located: bool = True
    parents: set[str] = field(default_factory=set)
    concept: str | None = None
    place: str | None = None
    byline: bool = False
    identifier: str | None = None
    date: str | None = None
    doc_kind: str | None = None
    code: str | None = None
    code_confidence: float = 0.0
    code_era: str | None = None

    def add(self, mention: Mention, labels: tuple[str, ...] | list[str] = ()) -> None:
        self.mentions.append(mention)
        self.labels.update(label for label in labels if label)

    @property
    def confidence(self) -> float:
        """How sure the grammar that read it best is; a second mention adds to it."""
        best = max((_mention_confidence(m.info) for m in self.mentions), default=0.5)
        sure = min(0.99, best + 0.03 * (len(self.mentions) - 1))
        if self.kind == "place" and self.level in ("province", "district", "town", "ward"):
            sure = min(sure, self.code_confidence if self.code else 0.6)  # a unit the data could not pin down
        return round(sure, 2)


def _mention_confidence(info: object) -> float:
    """Confidence of one mention by the grammar that found it."""
    if isinstance(info, PersonInfo):
        return 0.75 if info.byline else 0.95 if info.cue else 0.9
    if isinstance(info, OrgInfo):
        return 0.95 if info.known else 0.85 if info.head else 0.7
    if isinstance(info, PlaceInfo):
        return 0.95 if info.province or info.level in ("province", "country") else 0.85
    return 0.9


def org_key(name: str) -> str:
    """Matching key of an organisation name ("Chương trình số 07" = "Chương trình 07").

    Examples
    --------
    >>> org_key("Ban chỉ đạo Chương trình 07-CTr/TU") == org_key("Ban Chỉ đạo Chương trình số 07-CTr/TU")
    True
    """
    return name_key(_number_word().sub("", name))


@cache
def _number_word() -> re.Pattern[str]:
    """ "số" before a number: "Chương trình số 07" is "Chương trình 07"."""
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, lexicons.words('number_word')))}) (?=\d)")


def nearest_mentioned(at: int, starts: dict[str, list[int]]) -> str | None:
    """Of keys and where each is mentioned, the one mentioned nearest before ``at``,
    else the first mentioned after it (None when none is mentioned).

    >>> nearest_mentioned(50, {"org:a": [10, 90], "org:b": [40]}), nearest_mentioned(5, {"org:a": [10], "org:b": [40]})
    ('org:b', 'org:a')
    """
    best, best_distance = None, None
    for key, positions in starts.items():
        for start in positions:
            distance = at - start if start <= at else 10**9 + start
            if best_distance is None or distance < best_distance:
                best, best_distance = key, distance
    return best


def known_org_entity(canonical: str) -> Entity | None:
    """An entity for a body a role implies: a known national body ("Thủ tướng" ->
    "Chính phủ"), or a body of a foreign country ("Thủ tướng Nhật Bản" -> "Chính phủ
    Nhật Bản", "Tổng thống Mỹ" -> "Nhà nước Mỹ", also labelled with the country's
    other names: "Nhà nước Hoa Kỳ"). None for a name that is neither.

    Examples
    --------
    >>> known_org_entity("Chính phủ").name
    'Chính phủ'
    >>> ent = known_org_entity("Nhà nước Mỹ")
    >>> ent.key, sorted(ent.labels)
    ('org:nhà nước mĩ', ['Nhà nước Hoa Kỳ', 'Nhà nước Hợp chủng quốc Hoa Kỳ', 'Nhà nước Mỹ'])
    >>> known_org_entity("Bộ Ngoại giao").name, known_org_entity("Nhà nước") is None
    ('Bộ Ngoại giao', True)
    """
    for k in lexicons.known_orgs():
        if k.canonical == canonical:
            key = "org:" + org_key(canonical)
            return Entity("organisation", key, canonical, {canonical, *k.aliases}, {"org:Organization", k.cls})
    if _named_by_field(canonical):  # "Bộ Ngoại giao", of "Bộ trưởng Ngoại giao"
        return Entity("organisation", "org:" + org_key(canonical), canonical, {canonical},
                      {"org:Organization", "schema:GovernmentOrganization"})
    countries = lexicons.countries()
    body, _, country = canonical.rpartition(" ")
    while body and country not in countries:  # "Nhà nước Hàn Quốc": the country may be several words
        body, _, word = body.rpartition(" ")
        country = f"{word} {country}"
    if not body or country not in countries:
        return None
    known = next((k for k in lexicons.known_orgs() if k.canonical == body), None)
    names = {countries[country]} | {alias for alias, c in countries.items() if c == countries[country]}
    return Entity("organisation", "org:" + org_key(canonical), canonical, {f"{body} {n}" for n in names},
                  {"org:Organization", known.cls if known else "schema:GovernmentOrganization"})


def _named_by_field(name: str) -> bool:
    """A ministry a minister's title names: a role's ``field_org`` and a field ("Bộ Ngoại giao")."""
    heads = {e.field_org for e in lexicons.roles().values() if e.field_org}
    return any(name.startswith(h + " ") and name[len(h) + 1:] in lexicons.ministry_fields() for h in heads)
