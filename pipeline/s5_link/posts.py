"""Posts: who holds which role in which organisation, by the grammar of titles."""
from __future__ import annotations

from dataclasses import dataclass, field

from typing import TYPE_CHECKING

from .. import lexicons
from ..s4_recognise import Mention, Mentions
from ..s4_recognise.spans import OrgInfo, PersonInfo, PlaceInfo, RoleInfo

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Post", "find_posts"]

_CHAIN_SEPARATORS = {",", "kiêm"}
_AFTER_PERSON = {",", "-", "–", "—", "("}
_SHARE = {":"}
_PLURAL = {"các", "những"}
_CLOSERS = {",", ";", ")", "-", "–", ".", ":"}


@dataclass
class Post:
    """A person holding a role in an organisation, as one sentence states it."""

    person: str
    role: str
    org: str
    former: bool
    confidence: float
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class _Phrase:
    role: Mention[RoleInfo]
    org_key: str | None
    start: int   # token offsets of "ROLE ORG"
    end: int
    mentions: list[Mention]


def find_posts(doc: Doc, mentions: Mentions, owner: dict[int, str], implied: dict[str, str]) -> list[Post]:
    """Read posts sentence by sentence.

    Orders handled: "ROLE ORG NAME", "NAME, ROLE ORG", "NAME - ROLE ORG",
    chains joined by commas ("Ủy viên T.Ư Đảng, Phó Bí thư Thành ủy, Chủ
    tịch UBND TP NAME"), and a title before a colon shared by every person
    listed after it ("các Ủy viên Ban Thường vụ Thành ủy: A - X; B").
    ``implied`` maps a role's implied organisation name to its entity key.
    """
    posts: list[Post] = []
    by_sentence: dict[int, Mentions] = {}
    for kind in ("roles", "organisations", "persons", "places"):
        for m in getattr(mentions, kind):
            getattr(by_sentence.setdefault(m.sentence, Mentions()), kind).append(m)
    for items in by_sentence.values():
        persons = [p for p in items.persons if id(p) in owner]
        phrases = _phrases(doc, items.roles, items.organisations, items.places, owner, implied)
        for chain in _chains(doc, phrases):
            start, end = chain[0].start, chain[-1].end
            after = [p for p in persons if p.token_start == end or p.token_start == end + 1 and _address(doc[end])]
            before = [p for p in persons if p.token_end < start and _joined(doc, p.token_end, start)]
            listed = [p for p in persons if p.token_start > end]
            plural = start > 0 and doc[start - 1].lower_ in _PLURAL
            if end < len(doc) and doc[end].text in _SHARE and (plural or len(listed) >= 2):
                targets, confidence, position = listed, 0.8, "shared"
            elif after:
                targets, confidence, position = after[:1], 0.9, "before the name"
            elif before and (any(p.org_key and p.mentions[-1].kind == "organisations" for p in chain) or _closed(doc, end)):
                targets, confidence, position = before[-1:], 0.85, "after the name"
            else:
                continue
            for person in targets:
                for phrase in chain:
                    if phrase.org_key is None:
                        continue
                    if phrase.role.info.kind == "staff" and position != "after the name":
                        continue  # "công nhân" is a post only right after the name
                    posts.append(Post(owner[id(person)], phrase.role.info.label, phrase.org_key,
                                      phrase.role.info.former, confidence, [person, *phrase.mentions]))
    return _unique(posts)


def _phrases(doc: Doc, roles: list[Mention[RoleInfo]], orgs: list[Mention[OrgInfo]], places: list[Mention[PlaceInfo]],
             owner: dict[int, str], implied: dict[str, str]) -> list[_Phrase]:
    by_start = {o.token_start: o for o in orgs}
    place_at = {p.token_start: p for p in places}
    out = []
    for role in roles:
        after = role.token_end
        if after + 2 < len(doc) and doc[after].text == "(" and doc[after + 2].text == ")":
            after += 3  # "công nhân (CN) Cty Nippon Paint"
        org = by_start.get(role.token_end) or by_start.get(after)
        head = role.info.org_head
        if head is not None and head in by_start:
            org = by_start[head]
        if org is not None and id(org) in owner:
            out.append(_Phrase(role, owner[id(org)], role.token_start, max(org.token_end, role.token_end), [role, org]))
            continue
        end = role.token_end
        if org is not None:  # an organisation word that refers to nothing named
            end = org.token_end
        elif end in place_at and place_at[end].info.level == "country":
            end = place_at[end].token_end  # "Thủ tướng Anh": a foreign office
        implied_key = implied.get(role.info.implied_org or "")
        out.append(_Phrase(role, implied_key if org is None else None, role.token_start, end, [role]))
    return out


def _chains(doc, phrases):
    chain = []
    for phrase in sorted(phrases, key=lambda p: p.start):
        if chain and phrase.start == chain[-1].end + 1 and doc[chain[-1].end].lower_ in _CHAIN_SEPARATORS:
            chain.append(phrase)
            continue
        if chain:
            yield chain
        chain = [phrase]
    if chain:
        yield chain


def _closed(doc, end) -> bool:
    """A title with no organisation written is an apposition only when it is closed:
    "ông X, Thủ tướng, cho biết", not "ông X, Tổng Bí thư gửi lời"."""
    return end >= len(doc) or doc[end].text in _CLOSERS


def _joined(doc, person_end, start) -> bool:
    """A person and a title after it, joined by a comma, dash or bracket."""
    return start == person_end + 1 and doc[person_end].text in _AFTER_PERSON


def _address(tok) -> bool:
    return tok.lower_ in lexicons.honorifics()


def _unique(posts: list[Post]) -> list[Post]:
    seen: dict[tuple, Post] = {}
    for post in posts:
        key = (post.person, post.role.lower(), post.org)
        if key in seen:
            seen[key].mentions += post.mentions
            seen[key].confidence = max(seen[key].confidence, post.confidence)
        else:
            seen[key] = post
    return list(seen.values())
