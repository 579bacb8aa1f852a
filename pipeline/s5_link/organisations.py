"""Organisation entities: mentions named in the report's locality, aliases and short names resolved."""
from __future__ import annotations

from dataclasses import replace

from ..keys import name_key
from ..s4_recognise import Mention
from ..s4_recognise.spans import OrgInfo
from .entity import Entity, nearest_mentioned, org_key
from .locality import Locality
from .org_names import OrgNaming, name_org

__all__ = ["gather_organisations"]

_CORPORATE = ("schema:Corporation", "schema:BankOrCreditUnion")
_MIN_MISSPELT = 8  # shorter brands differ by a letter and are others ("TPBank", "VPBank")


def gather_organisations(orgs: list[Mention[OrgInfo]], entities: dict[str, Entity], owner: dict[int, str],
                         locality: Locality, offset: int = 0) -> None:
    """Add the organisation entities of a report to ``entities`` and each mention's key to ``owner``.

    Every mention is named in the report's locality (``org_names.name_org``);
    one entity per name key. An alias ("Vinalines") is the body it abbreviates;
    a name that is the start of a longer one in the report ("Ban Chỉ đạo" of
    "Ban Chỉ đạo Chương trình số 07-CTr/TU") joins the one mentioned nearest
    before it; "Công ty Quốc Hưng" joins "Công ty TNHH Thương mại Quốc Hưng";
    a bare head noun ("Trung tâm") joins the nearest earlier body with that
    head. A body named inside a name or after "của" is a parent.
    """
    _Gathering(orgs, entities, owner, locality, offset).run()


class _Gathering:
    def __init__(self, orgs: list[Mention[OrgInfo]], entities: dict[str, Entity], owner: dict[int, str],
                 locality: Locality, offset: int):
        self.orgs, self.entities, self.owner, self.offset = orgs, entities, owner, offset
        self.naming = _named(orgs, locality)
        self.merged: dict[str, str] = {}

    def run(self) -> None:
        named = [m for m in self.orgs if not m.info.anaphoric]
        keys = {id(m): "org:" + org_key(self.naming[id(m)].name) for m in named}
        nested = [(m, rel, n) for m in named for rel, n in (("parent", self.naming[id(m)].parent),
                                                             ("owner", self.naming[id(m)].owner)) if n is not None]
        # A name that begins a longer one joins the nearest longer one.
        all_keys = sorted(set(keys.values()) | {"org:" + org_key(n.name) for _, _, n in nested if not n.info.anaphoric},
                          key=len, reverse=True)
        bases: dict[str, set[str]] = {}
        for m in named:
            naming = self.naming[id(m)]
            bases.setdefault(keys[id(m)], set()).add("org:" + org_key(naming.base or naming.name))
        known = {keys[id(m)] for m in named if self.naming[id(m)].info.known}
        provinces: dict[str, set[str]] = {}
        for m in named:
            if self.naming[id(m)].province:
                provinces.setdefault(keys[id(m)], set()).add(str(self.naming[id(m)].province))
        for k in all_keys:
            if k in known:
                continue  # "Chính phủ" is not the start of "Chính phủ Hà Lan"
            starts = {k, *bases.get(k, ())}
            longer = [o for o in all_keys if len(o) > len(k) and o not in self.merged
                      and any((o + " ").startswith(s + " ") for s in starts)
                      and not _elsewhere(provinces.get(k), provinces.get(o))]
            if longer:
                self.merged[k] = _nearest(k, longer, named, keys)
        self._same_company(named, keys)
        self._alias_bodies(named, keys)
        self._misspelt(named, keys)
        for m in named:
            self._entity_for(self.naming[id(m)], m)
        for m, rel, n in nested:  # "Ban Tổ chức *Thành ủy*": the parent is named too
            self._nested(m, rel, n, named)
        for m in self.orgs:
            if m.info.anaphoric:
                key = self._antecedent(m.info.head or m.text, m.start, named, m.info.cls)
                if key:
                    self.entities[key].mentions.append(m)
                    self.owner[id(m)] = key

    def _key(self, name: str) -> str:
        key = "org:" + org_key(name)
        return self.merged.get(key, key)

    def _entity_for(self, naming: OrgNaming, mention: Mention[OrgInfo]) -> Entity:
        key = self._key(naming.name)
        ent = self.entities.get(key)
        if ent is None:
            ent = self.entities[key] = Entity("organisation", key, naming.name, classes={"org:Organization"},
                                              province=naming.province, located=naming.located)
        elif naming.located:
            ent.located, ent.province = True, ent.province or naming.province
        ent.place = ent.place or _place_key(naming)
        if len(org_key(naming.name)) > len(org_key(ent.name)) and not naming.info.known:
            ent.name = naming.name
        ent.classes.add(naming.info.cls)
        ent.add(mention, naming.labels)
        self.owner[id(mention)] = key
        return ent

    def _nested(self, m: Mention[OrgInfo], rel: str, n: OrgNaming, named: list[Mention[OrgInfo]]) -> None:
        child = self.entities[self.owner[id(m)]]
        start, end = n.info.start + self.offset, n.info.end + self.offset
        if n.info.anaphoric:  # "phòng Nhân sự *công ty*": the company named before
            key = self._antecedent(n.info.head or n.info.surface, start, named)
            if key and key != child.key:
                child.parents.add(key)
                child.name = f"{self.naming[id(m)].own} {self.entities[key].name}"
                child.labels.add(child.name)
            return
        key = self._key(n.name)
        if rel == "parent" or key not in self.entities:
            text = n.labels[0] if n.labels else n.name
            inner = Mention("organisations", text, start, end, m.token_start, m.token_end, m.sentence, n.info)
            key = self._entity_for(n, inner).key
        if key != child.key:
            child.parents.add(key)

    def _antecedent(self, head: str, at: int, named: list[Mention[OrgInfo]], cls: str | None = None) -> str | None:
        """The body named last before ``at`` whose name begins with ``head``, or, for
        a company or bank (``cls``), one named by its brand alone ("Vietcombank …
        *NH* đặt mục tiêu")."""
        head = head.lower()
        before = [n for n in named if n.start < at and id(n) in self.owner
                  and (self.naming[id(n)].name.lower().startswith(head)
                       or cls in _CORPORATE and n.info.cls == cls and n.info.head is None)]
        return self.owner[id(before[-1])] if before else None

    def _same_company(self, named: list[Mention[OrgInfo]], keys: dict[int, str]) -> None:
        """"Công ty Quốc Hưng" is "Công ty TNHH Thương mại Quốc Hưng": the same head, and
        the short name's own words end the long one's."""
        bodies = {}
        for m in named:
            info = self.naming[id(m)].info
            if info.body and info.cls in _CORPORATE and info.head:
                bodies[keys[id(m)]] = (name_key(info.head), name_key(info.body).split())
        for short, (head, body) in bodies.items():
            if short in self.merged:
                continue
            for long, (head2, body2) in bodies.items():
                if long != short and head == head2 and len(body2) >= len(body) and body2[-len(body):] == body:
                    self.merged[short] = self.merged.get(long, long)
                    break


    def _alias_bodies(self, named: list[Mention[OrgInfo]], keys: dict[int, str]) -> None:
        """"Ban Hepza" is "Ban Quản lý ... (Hepza)": the same head before an alias the report defined."""
        defined = {}
        for m in named:
            info = self.naming[id(m)].info
            for alias in info.aliases:
                if info.head:
                    defined[(name_key(info.head), name_key(alias))] = keys[id(m)]
        for m in named:
            info = self.naming[id(m)].info
            target = defined.get((name_key(info.head), name_key(info.body))) if info.head and info.body else None
            if target and target != keys[id(m)] and keys[id(m)] not in self.merged:
                self.merged[keys[id(m)]] = self.merged.get(target, target)

    def _misspelt(self, named: list[Mention[OrgInfo]], keys: dict[int, str]) -> None:
        """"Vietocmbank" is "Vietcombank": one long brand word written two letters apart is the
        brand written most often."""
        counts: dict[str, int] = {}
        for m in named:
            info = self.naming[id(m)].info
            if info.head is None and _brand_word(info.own):
                counts[keys[id(m)]] = counts.get(keys[id(m)], 0) + 1
        for key in sorted(counts, key=lambda k: counts[k]):
            closest = [o for o in counts if o != key and counts[o] > counts[key] and _apart(o, key) <= 2]
            if closest and key not in self.merged:
                best = max(closest, key=lambda o: counts[o])
                self.merged[key] = self.merged.get(best, best)


def _elsewhere(a: set[str] | None, b: set[str] | None) -> bool:
    """Two bodies of two provinces: "Tỉnh ủy" completed as "Tỉnh ủy Bình Định" does not begin
    "Tỉnh ủy Bình Thuận"."""
    return bool(a and b and not a & b)


def _brand_word(text: str) -> bool:
    return len(text) >= _MIN_MISSPELT and text.isascii() and text.isalpha()


def _apart(a: str, b: str) -> int:
    """Edit distance with transpositions ("co"/"oc" is one edit).

    >>> _apart("vietcombank", "vietocmbank"), _apart("vietcombank", "viecombank"), _apart("abc", "xyz")
    (1, 1, 3)
    """
    rows = [list(range(len(b) + 1))]
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def _named(orgs: list[Mention[OrgInfo]], locality: Locality) -> dict[int, OrgNaming]:
    """Each mention (by ``id``) named in the locality; an alias takes the name of
    the mention it abbreviates, and a branch's owner is that mention's body."""
    naming: dict[int, OrgNaming] = {}
    by_span: dict[tuple[int, int], OrgNaming] = {}
    for m in orgs:
        if m.info.refers_to is None:
            naming[id(m)] = name_org(m.info, locality)
            by_span.setdefault((m.info.start, m.info.end), naming[id(m)])
    for m in orgs:
        if m.info.refers_to is not None:
            naming[id(m)] = by_span.get(m.info.refers_to) or name_org(replace(m.info, refers_to=None), locality)
        owner = m.info.owner
        if owner is not None and owner.refers_to is not None and owner.refers_to in by_span:
            naming[id(m)] = replace(naming[id(m)], owner=by_span[owner.refers_to])
    return naming


def _nearest(short: str, longer: list[str], named: list[Mention[OrgInfo]], keys: dict[int, str]) -> str:
    """Of the longer names a short one begins, the one mentioned nearest before it."""
    first_short = min((m.start for m in named if keys[id(m)] == short), default=0)
    starts: dict[str, list[int]] = {}
    for m in named:
        if keys[id(m)] in longer:
            starts.setdefault(keys[id(m)], []).append(m.start)
    return nearest_mentioned(first_short, starts) or longer[0]


def _place_key(naming: OrgNaming | None) -> str | None:
    """The key of the place a body's name ends with, its own or its parent body's ("Sở Y tế tỉnh Nghệ An")."""
    while naming is not None:
        if naming.info.place is not None:
            return naming.info.place.key
        naming = naming.parent
    return None
