"""When two persons of one name are one: compatible posts, dates and the report's evidence, without a store."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache

from .person_traits import common_name, crowded_name, private, told_apart

__all__ = ["PostEvidence", "PersonEvidence", "ReportContext", "choose_node", "conflicting", "career_step",
           "concurrent_body", "SAME_TIME_DAYS"]

SAME_TIME_DAYS = 365  # two posts stated less than a year apart are held at the same time


@dataclass(frozen=True)
class ReportContext:
    """The report a person comes from: the provinces (codes) of its locality and of the districts
    and wards it names, and every body it names."""

    provinces: frozenset[str] = frozenset()
    bodies: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class PostEvidence:
    """One post: its body (IRI), the provinces of the body (empty for a national body), the date
    of the report that states it (ISO, None when the report has none or the post is former),
    whether the body is one a provincial leader also sits in (the Party's Central Committee, the
    Politburo, the National Assembly), and whether the report calls it former ("nguyên")."""

    body: str
    provinces: frozenset[str] = frozenset()
    when: str | None = None
    concurrent: bool = False
    former: bool = False


@dataclass(frozen=True)
class PersonEvidence:
    """What one node (or one report's person) says about who it is.

    ``places``: the provinces (codes, as named in their era) or other places (IRIs) of the
    bodies it holds posts in; ``national``: it holds a post in a body of no
    place (the Government, a ministry, the Party's Central Committee);
    ``bodies``: the bodies it holds posts in (IRIs); ``posts``: each post with its date;
    ``seen``: for a node of the store with no post, what its reports name (bodies, provinces of
    the districts and wards), the evidence a later official of the name is joined on;
    ``traits``: for a person with no post, what its mentions say of it (``person_traits``: an
    occupation, an age), which keeps it from an official and from a namesake of other traits.
    """

    iri: str
    key: str
    places: frozenset[str] = frozenset()
    national: bool = False
    bodies: frozenset[str] = frozenset()
    posts: frozenset[PostEvidence] = frozenset()
    seen: ReportContext | None = None
    traits: frozenset[str] = frozenset()

    @property
    def official(self) -> bool:
        return bool(self.places) or self.national


def choose_node(person: PersonEvidence, nodes: list[PersonEvidence], report: ReportContext) -> str | None:
    """The node of the store a report's person is, or None to keep its own.

    A node whose posts conflict with the person's (``conflicting``) is never chosen. Of the others:

    * an official joins the one node that shares a body or a province with it (a deputy who
      later heads the same body, an official of one province at two dates);
    * else a local official joins the one national official of the name when no namesake
      holds posts in any province, and a national official the one national official, else the
      one local official, of the name; a provincial and a national post (other than the Central
      Committee, the Politburo, the National Assembly) join only when the posts make a career
      step (``career_step``: one former, or dated a year or more apart);
    * else an official joins the one node with no post whose reports name one of its bodies
      or a district or ward of its province (its name came first, bare);
    * a person with no post joins an official of the name on evidence: the official's province
      is the report's or holds a district or ward the report names, or the official holds a post
      in a body the report names; and only when exactly one official has it;
    * else, for a name few people hold (not ``common_name``), a person with no post joins the one
      official of the name (not of a ``crowded_name``, "Nguyễn Đức Long"), or, with none, the one
      node with no post whose traits do not tell it apart (Bill Clinton named bare in reports of
      two provinces is one person), and an official joins the one node with no post (of a crowded
      name, only on the evidence above);
    * a person with no post whose report's IRI is held by a node its traits tell apart (or, with
      traits of a private person, by an official) takes an IRI of its own (its traits added);
    * a person or node with traits of a private person (``person_traits.private``: "luật sư",
      "em", an age) never joins an official nor is joined by one.

    Examples
    --------
    >>> hcm = PersonEvidence("p1", "đinh la thăng", frozenset({"79"}), posts=frozenset({PostEvidence("tu",
    ...     frozenset({"79"}))}))
    >>> politburo = PostEvidence("bct", concurrent=True)
    >>> national = PersonEvidence("p2", "đinh la thăng", national=True, posts=frozenset({politburo}))
    >>> choose_node(national, [hcm], ReportContext())
    'p1'
    >>> choose_node(PersonEvidence("p3", "đinh la thăng", frozenset({"01"})), [hcm], ReportContext()) is None
    True
    >>> ministry = PersonEvidence("p4", "đinh la thăng", national=True, posts=frozenset({PostEvidence("bo")}))
    >>> choose_node(ministry, [hcm], ReportContext()) is None  # undated: no career step shown
    True
    """
    own = next((n for n in nodes if n.iri == person.iri), None)
    if own is None:
        return _chosen(person, nodes, report)
    if not person.official and (told_apart(person.traits, own.traits) or private(person.traits) and own.official):
        return _apart_iri(person)  # its report's IRI is held by a namesake its traits tell apart
    return None  # the node is in the store already: it stays where the earlier reports put it


def career_step(a: PersonEvidence, b: PersonEvidence) -> bool:
    """True when a provincial post of one and a national post of the other can be one person's:
    the national body is one a provincial leader also sits in, or one of the posts is former, or
    both are dated a year or more apart. Without dates a deputy minister and a provincial chairman
    of one name stay two (a career step is not assumed).

    >>> hg = PersonEvidence("a", "k", frozenset({"02"}), posts=frozenset({PostEvidence("ubnd", frozenset({"02"}))}))
    >>> bca = PersonEvidence("b", "k", national=True, posts=frozenset({PostEvidence("bca")}))
    >>> career_step(hg, bca), career_step(hg, PersonEvidence("c", "k", national=True,
    ...     posts=frozenset({PostEvidence("bca", former=True)})))
    (False, True)
    """
    for p in a.posts:
        for q in b.posts:
            if bool(p.provinces) == bool(q.provinces):
                continue
            national, local = (q, p) if p.provinces else (p, q)
            if national.concurrent or national.former or local.former:
                return True
            if national.when and local.when and abs(
                    (date.fromisoformat(national.when) - date.fromisoformat(local.when)).days) >= SAME_TIME_DAYS:
                return True
    return False


def conflicting(a: PersonEvidence, b: PersonEvidence) -> bool:
    """True when ``a`` and ``b`` cannot be one person: posts in two provinces (as named then), or,
    stated at the same time, a post in a province and one in a national body a provincial
    official does not also sit in (a minister is not a provincial vice-chairman that year).

    Examples
    --------
    >>> local = PersonEvidence("a", "k", frozenset({"25"}), posts=frozenset({PostEvidence("ubnd", frozenset({"25"}),
    ...     "2020-03-12")}))
    >>> minister = PostEvidence("bo", when="2020-09-01")
    >>> conflicting(local, PersonEvidence("b", "k", national=True, posts=frozenset({minister})))
    True
    >>> later = PostEvidence("bo", when="2023-01-05")
    >>> conflicting(local, PersonEvidence("c", "k", national=True, posts=frozenset({later})))
    False
    """
    if _apart(a.places, b.places):
        return True
    return any(_posts_conflict(p, q) for p in a.posts for q in b.posts)


@cache
def concurrent_body(key: str) -> bool:
    """True for a national body a provincial leader also sits in (``concurrent_bodies.txt``), by name key.

    >>> concurrent_body("ban chấp hành trung ương đảng"), concurrent_body("bộ tài chính")
    (True, False)
    """
    from ..lexicons.files import lines

    return any(key == name or key.startswith(name + " ") for name in _concurrent_names(tuple(lines(
        "concurrent_bodies.txt"))))


def _posts_conflict(p: PostEvidence, q: PostEvidence) -> bool:
    if p.provinces and q.provinces:
        return _apart(p.provinces, q.provinces)
    if not p.when or not q.when or not (p.provinces or q.provinces):
        return False  # undated, or two national posts: nothing tells them apart
    national = q if p.provinces else p
    return not national.concurrent and abs((date.fromisoformat(p.when) - date.fromisoformat(q.when)).days) \
        < SAME_TIME_DAYS


def _apart(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two sets of provinces that cannot be one person's: codes that do not meet (a province of
    before 1 July 2025 meets the one it became), or two sets of uncoded places (IRIs) that do not
    meet; a code and an uncoded place (a province a report could not resolve) are not told apart."""
    codes_a, codes_b = {x for x in a if ":" not in x}, {x for x in b if ":" not in x}
    if codes_a and codes_b:
        return not _widened(frozenset(codes_a)) & _widened(frozenset(codes_b))
    if codes_a or codes_b:
        return False
    return bool(a and b and not a & b)


@cache
def _widened(codes: frozenset[str]) -> frozenset[str]:
    from ..lexicons.admin_units import admin_unit

    return codes | {s for c in codes for u in admin_unit(c) if u.level == "province" for s in u.successors}


def _chosen(person: PersonEvidence, nodes: list[PersonEvidence], report: ReportContext) -> str | None:
    others = [n for n in nodes if not conflicting(person, n)]
    if not person.official:
        return _bare_chosen(person, nodes, report)
    shared = [n for n in others if n.bodies & person.bodies or n.places & person.places]
    if shared:
        return shared[0].iri if len(shared) == 1 else None
    national = [n for n in others if n.national and not n.places]
    if person.places:
        if len(national) == 1 and not any(n.places for n in nodes):
            return national[0].iri if career_step(person, national[0]) else None
    elif len(national) == 1:
        return national[0].iri
    else:
        local = [n for n in nodes if n.places]
        if not national and len(local) == 1 and local[0] in others:
            return local[0].iri if career_step(person, local[0]) else None
    if any(n.official for n in nodes):
        return None  # a namesake holds posts: a bare node is not told from his
    bare = [n for n in nodes if not private(n.traits)]
    if crowded_name(person.key):  # a name many hold: the bare node's reports must name his body or place
        bare = [n for n in bare if n.seen is not None and (n.seen.bodies & person.bodies or n.seen.provinces
                                                           & person.places)]
    return bare[0].iri if len(bare) == 1 else None


def _bare_chosen(person: PersonEvidence, nodes: list[PersonEvidence], report: ReportContext) -> str | None:
    """The node a person with no post joins: see ``choose_node``."""
    officials = [n for n in nodes if n.official]
    bare = [n for n in nodes if not n.official and not told_apart(person.traits, n.traits)]
    if private(person.traits):
        return bare[0].iri if len(bare) == 1 and not common_name(person.key) else None
    supported = [n for n in officials if n.places & report.provinces or n.bodies & report.bodies]
    if supported or common_name(person.key):
        return supported[0].iri if len(supported) == 1 else None
    if officials:
        return officials[0].iri if len(officials) == 1 and not crowded_name(person.key) else None
    return bare[0].iri if len(bare) == 1 else None


def _apart_iri(person: PersonEvidence) -> str:
    """An IRI of its own for a person whose report's IRI a namesake holds: the IRI and its traits
    ("…-lawyer", "…-age45"), so that mentions of the same traits meet again."""
    return "-".join([person.iri, *sorted(t.split(":", 1)[-1] if t.startswith("group:") else t.replace(":", "")
                                         for t in person.traits)])


@cache
def _concurrent_names(names: tuple[str, ...]) -> tuple[str, ...]:
    from ..keys import name_key

    return tuple(name_key(n) for n in names)
