"""Entities of a report: its mentions gathered by kind into one entity per thing."""
from __future__ import annotations

from .. import lexicons
from ..keys import name_key
from ..s4_recognise import Mention, Mentions
from ..s4_recognise.spans import CitedInfo, PersonInfo, PlaceInfo, ZoneInfo
from .entity import Entity
from .locality import Locality
from .org_names import expand_abbreviations
from .organisations import gather_organisations

__all__ = ["gather"]


def gather(mentions: Mentions, locality: Locality, offset: int = 0) -> tuple[dict[str, Entity], dict[int, str]]:
    """Entities by key, and for each mention (by ``id``) the key of its entity.

    Persons: one per full name; "ông Chung" joins the nearest earlier full
    name ending in "Chung" (or any later one). Organisations: see
    ``organisations.gather_organisations``. ``offset`` is where the Doc's
    text starts in the report.
    """
    entities: dict[str, Entity] = {}
    owner: dict[int, str] = {}
    _places(mentions.places, entities, owner)
    _zones(mentions.zones, entities, owner)
    gather_organisations(mentions.organisations, entities, owner, locality, offset)
    _persons(mentions.persons, entities, owner)
    _documents(mentions.documents, entities, owner)
    return entities, owner


def _documents(documents: list[Mention[CitedInfo]], entities: dict[str, Entity], owner: dict[int, str]) -> None:
    for m in documents:
        a = m.info
        key = "document:" + (a.identifier or name_key(a.name))
        ent = entities.setdefault(key, Entity("document", key, a.name, classes={"schema:Legislation"}))
        ent.identifier = a.identifier or ent.identifier
        ent.date = a.date or ent.date
        ent.doc_kind = a.kind or ent.doc_kind
        ent.add(m, (m.text, a.name))
        owner[id(m)] = key


def _places(places: list[Mention[PlaceInfo]], entities: dict[str, Entity], owner: dict[int, str]) -> None:
    for m in places:
        a = m.info
        ent = entities.get(a.key)
        if ent is None:
            ent = entities[a.key] = Entity("place", a.key, a.name, classes={"schema:Place"}, level=a.level,
                                           province=a.province)
        ent.classes.add(a.cls)
        ent.add(m, (m.text, a.name))
        owner[id(m)] = a.key


def _zones(zones: list[Mention[ZoneInfo]], entities: dict[str, Entity], owner: dict[int, str]) -> None:
    for m in zones:
        a = m.info
        key = f"zone:{a.concept}:{name_key(a.name)}"
        ent = entities.setdefault(key, Entity("zone", key, a.name, classes={"vnkg:Zone"}, concept=a.concept))
        ent.place = ent.place or a.place
        ent.add(m, (m.text, a.name, expand_abbreviations(m.text)))
        owner[id(m)] = key


def _persons(persons: list[Mention[PersonInfo]], entities: dict[str, Entity], owner: dict[int, str]) -> None:
    full = [m for m in persons if not m.info.partial]
    surnames = lexicons.surnames()
    keys = {name_key(m.info.name) for m in full}
    # "luật sư Tuấn Anh" after "Trần Tuấn Anh": given names alone refer back too.
    short = [m for m in full if m.info.name.split()[0] not in surnames and not m.info.byline
             and any(k.endswith(" " + name_key(m.info.name)) for k in keys)]
    full = [m for m in full if m not in short]
    partial = [m for m in persons if m.info.partial] + short
    reordered: dict[tuple[str, ...], str] = {}  # a foreign name's words, in any order -> its first key
    for m in full:
        key = "person:" + name_key(m.info.name)
        words = tuple(sorted(name_key(m.info.name).split()))
        if m.info.name.split()[0] not in surnames and len(words) >= 2:
            key = reordered.setdefault(words, key)  # "Kitaoka Shinichi" and "Shinichi Kitaoka": one person
        ent = entities.setdefault(key, Entity("person", key, m.info.name, classes={"schema:Person"}))
        ent.add(m, (m.info.name, m.text))
        ent.byline = ent.byline or m.info.byline
        owner[id(m)] = key
    for m in partial:
        given = name_key(m.info.name)
        matches = [f for f in full if name_key(f.info.name).endswith(" " + given)]
        if not matches:
            continue
        earlier = [f for f in matches if f.start < m.start]
        antecedent = earlier[-1] if earlier else matches[0]
        key = owner[id(antecedent)]
        entities[key].add(m, (m.info.name,))
        owner[id(m)] = key
