"""Entities: mentions of one person, organisation, zone or place gathered into one."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import lexicons
from ..s4_recognise import Mention
from ..s4_recognise.org_names import expand_abbreviations
from ..text import name_key

__all__ = ["Entity", "gather", "nearest_mentioned", "org_key"]

_NUMBER_WORD = re.compile(r"\bsố (?=\d)")


@dataclass
class Entity:
    """One real-world thing in one report, with every mention of it.

    ``key`` is stable across runs and reports: it is built from the
    normalised canonical name (and level for places), never from offsets.
    """

    kind: str
    key: str
    name: str
    labels: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    attrs: dict = field(default_factory=dict)

    def add(self, mention: Mention, labels=()) -> None:
        self.mentions.append(mention)
        self.labels.update(label for label in labels if label)

    @property
    def confidence(self) -> float:
        """How sure the grammar that read it best is; a second mention adds to it."""
        best = max((_mention_confidence(self.kind, m.attrs) for m in self.mentions), default=0.5)
        return round(min(0.99, best + 0.03 * (len(self.mentions) - 1)), 2)


def _mention_confidence(kind: str, attrs: dict) -> float:
    """Confidence of one mention by the grammar that found it."""
    if kind == "person":
        return 0.75 if attrs.get("byline") else 0.95 if attrs.get("cue") else 0.9
    if kind == "organisation":
        return 0.95 if attrs.get("known") else 0.85 if attrs.get("head") else 0.7
    if kind == "place":
        return 0.95 if attrs.get("province") or attrs.get("level") in ("province", "country") else 0.85
    return 0.9


def org_key(name: str) -> str:
    """Matching key of an organisation name ("Chương trình số 07" = "Chương trình 07").

    Examples
    --------
    >>> org_key("Ban chỉ đạo Chương trình 07-CTr/TU") == org_key("Ban Chỉ đạo Chương trình số 07-CTr/TU")
    True
    """
    return name_key(_NUMBER_WORD.sub("", name))


def gather(mentions: dict[str, list[Mention]]) -> tuple[dict[str, Entity], dict[int, str]]:
    """Entities by key, and for each mention (by ``id``) the key of its entity.

    Persons: one per full name; "ông Chung" joins the nearest earlier full
    name ending in "Chung" (or any later one). Organisations: one per key; a
    name that is the start of a longer one in the report ("Ban Chỉ đạo" of
    "Ban Chỉ đạo Chương trình số 07-CTr/TU") joins it; a bare head noun
    ("Trung tâm") joins the nearest earlier organisation with that head.
    """
    entities: dict[str, Entity] = {}
    owner: dict[int, str] = {}
    _places(mentions["places"], entities, owner)
    _zones(mentions["zones"], entities, owner)
    _organisations(mentions["organisations"], entities, owner)
    _persons(mentions["persons"], entities, owner)
    _documents(mentions.get("documents", []), entities, owner)
    return entities, owner


def _documents(documents, entities, owner):
    for m in documents:
        a = m.attrs
        key = "document:" + (a["identifier"] or name_key(a["name"]))
        ent = entities.setdefault(key, Entity("document", key, a["name"], classes={"schema:Legislation"}))
        ent.attrs.update({k: a[k] for k in ("identifier", "date", "kind") if a.get(k)})
        ent.add(m, (m.text, a["name"]))
        owner[id(m)] = key


def _places(places, entities, owner):
    for m in places:
        a = m.attrs
        ent = entities.setdefault(m.key, Entity("place", m.key, a["name"], classes={"schema:Place"}))
        ent.classes.add(a["cls"])
        ent.attrs.setdefault("level", a["level"])
        ent.attrs.setdefault("province", a.get("province"))
        ent.add(m, (m.text, a["name"]))
        owner[id(m)] = m.key


def _zones(zones, entities, owner):
    for m in zones:
        a = m.attrs
        key = f"zone:{a['concept']}:{name_key(a['name'])}"
        ent = entities.setdefault(key, Entity("zone", key, a["name"], classes={"vnkg:Zone"}))
        ent.attrs.setdefault("concept", a["concept"])
        if a.get("place"):
            ent.attrs.setdefault("place", a["place"])
        ent.add(m, (m.text, a["name"], expand_abbreviations(m.text)))
        owner[id(m)] = key


def _organisations(orgs, entities, owner):
    named = [m for m in orgs if not m.attrs["anaphoric"]]
    keys = {id(m): "org:" + org_key(m.attrs["name"]) for m in named}
    nested = [(m, rel, m.attrs[rel]) for m in named for rel in ("parent", "owner") if m.attrs.get(rel)]
    # A name that begins a longer one joins the nearest longer one.
    all_keys = sorted(set(keys.values()) | {"org:" + org_key(a["name"]) for _, _, a in nested if not a["anaphoric"]}, key=len, reverse=True)
    bases: dict[str, set[str]] = {}
    for m in named:
        bases.setdefault(keys[id(m)], set()).add("org:" + org_key(m.attrs.get("base") or m.attrs["name"]))
    known = {keys[id(m)] for m in named if m.attrs.get("known")}
    merged: dict[str, str] = {}
    for k in all_keys:
        if k in known:
            continue  # "Chính phủ" is not the start of "Chính phủ Hà Lan"
        starts = {k, *bases.get(k, ())}
        longer = [o for o in all_keys if len(o) > len(k) and o not in merged
                  and any((o + " ").startswith(s + " ") for s in starts)]
        if longer:
            merged[k] = _nearest(k, longer, named, keys)
    _same_company(named, keys, merged)

    def entity_for(attrs, mention):
        key = "org:" + org_key(attrs["name"])
        key = merged.get(key, key)
        ent = entities.get(key)
        if ent is None:
            ent = entities[key] = Entity("organisation", key, attrs["name"], classes={"org:Organization"})
            ent.attrs.update(province=attrs.get("province"), located=attrs.get("located", True))
        elif attrs.get("located", True):
            ent.attrs.update(located=True, province=ent.attrs.get("province") or attrs.get("province"))
        if len(org_key(attrs["name"])) > len(org_key(ent.name)) and not attrs.get("known"):
            ent.name = attrs["name"]
        ent.classes.add(attrs["cls"])
        ent.add(mention, attrs["labels"])
        owner[id(mention)] = key
        return ent

    for m in named:
        entity_for(m.attrs, m)
    for m, rel, attrs in nested:  # "Ban Tổ chức *Thành ủy*": the parent is named too
        child = entities[owner[id(m)]]
        if attrs["anaphoric"]:  # "phòng Nhân sự *công ty*": the company named before
            key = _antecedent(Mention("organisations", "", *attrs["span"], 0, 0, m.sentence, attrs), named, owner)
            if key and key != child.key:
                child.attrs.setdefault("parents", set()).add(key)
                child.name = f"{m.attrs['own']} {entities[key].name}"
                child.labels.add(child.name)
            continue
        key = merged.get("org:" + org_key(attrs["name"]), "org:" + org_key(attrs["name"]))
        if rel == "parent" or key not in entities:
            start, end = attrs["span"]
            inner = Mention("organisations", text_of(attrs), start, end, m.token_start, m.token_end, m.sentence, attrs)
            key = entity_for(attrs, inner).key
        if key != child.key:
            child.attrs.setdefault("parents", set()).add(key)
    for m in orgs:
        if m.attrs["anaphoric"]:
            key = _antecedent(m, named, owner)
            if key:
                entities[key].mentions.append(m)
                owner[id(m)] = key


def _same_company(named, keys, merged) -> None:
    """"Công ty Quốc Hưng" is "Công ty TNHH Thương mại Quốc Hưng": the same head, and
    the short name's own words end the long one's."""
    bodies = {}
    for m in named:
        a = m.attrs
        if a.get("body") and a["cls"] in ("schema:Corporation", "schema:BankOrCreditUnion") and a.get("head"):
            bodies[keys[id(m)]] = (name_key(a["head"]), name_key(a["body"]).split())
    for short, (head, body) in bodies.items():
        if short in merged:
            continue
        for long, (head2, body2) in bodies.items():
            if long != short and head == head2 and len(body2) >= len(body) and body2[-len(body):] == body:
                merged[short] = merged.get(long, long)
                break


def text_of(attrs) -> str:
    return attrs["labels"][0] if attrs["labels"] else attrs["name"]


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


def _nearest(short, longer, named, keys):
    """Of the longer names a short one begins, the one mentioned nearest before it."""
    first_short = min((m.start for m in named if keys[id(m)] == short), default=0)
    starts: dict[str, list[int]] = {}
    for m in named:
        if keys[id(m)] in longer:
            starts.setdefault(keys[id(m)], []).append(m.start)
    return nearest_mentioned(first_short, starts) or longer[0]


def _antecedent(m, named, owner):
    head = (m.attrs.get("head") or m.text).lower()
    before = [n for n in named if n.start < m.start and n.attrs["name"].lower().startswith(head) and id(n) in owner]
    return owner[id(before[-1])] if before else None


def _persons(persons, entities, owner):
    full = [m for m in persons if not m.attrs["partial"]]
    surnames = lexicons.surnames()
    keys = {name_key(m.attrs["name"]) for m in full}
    # "luật sư Tuấn Anh" after "Trần Tuấn Anh": given names alone refer back too.
    short = [m for m in full if m.attrs["name"].split()[0] not in surnames and not m.attrs.get("byline")
             and any(k.endswith(" " + name_key(m.attrs["name"])) for k in keys)]
    full = [m for m in full if m not in short]
    persons = [m for m in persons if m.attrs["partial"]] + short
    for m in full:
        key = "person:" + name_key(m.attrs["name"])
        ent = entities.setdefault(key, Entity("person", key, m.attrs["name"], classes={"schema:Person"}))
        ent.add(m, (m.attrs["name"], m.text))
        if m.attrs.get("byline"):
            ent.attrs["byline"] = True
        owner[id(m)] = key
    for m in persons:
        given = name_key(m.attrs["name"])
        matches = [f for f in full if name_key(f.attrs["name"]).endswith(" " + given)]
        if not matches:
            continue
        earlier = [f for f in matches if f.start < m.start]
        antecedent = earlier[-1] if earlier else matches[0]
        key = owner[id(antecedent)]
        entities[key].add(m, (m.attrs["name"],))
        owner[id(m)] = key


def known_org_entity(canonical: str) -> Entity | None:
    """An entity for a known body a role implies ("Thủ tướng" -> "Chính phủ"), or
    that body of a foreign country ("Thủ tướng Nhật Bản" -> "Chính phủ Nhật Bản")."""
    for k in lexicons.known_orgs():
        if k.canonical == canonical:
            key = "org:" + org_key(canonical)
            return Entity("organisation", key, canonical, {canonical, *k.aliases}, {"org:Organization", k.cls})
        if canonical.startswith(k.canonical + " ") and canonical[len(k.canonical) + 1:] in lexicons.countries():
            return Entity("organisation", "org:" + org_key(canonical), canonical, {canonical},
                          {"org:Organization", k.cls}, attrs={"located": True})
    return None
