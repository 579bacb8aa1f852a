"""Posts: who holds which role in which organisation, read from the titles of stage 4."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from .. import lexicons
from ..s4_recognise import Mention, Mentions
from ..s4_recognise.spans import OrgInfo, RoleInfo
from .entity import Entity

__all__ = ["Post", "Bodies", "find_posts"]


@dataclass
class Post:
    """A person holding a role in an organisation, as one sentence states it."""

    person: str
    role: str
    org: str
    former: bool
    confidence: float
    mentions: list[Mention] = field(default_factory=list)
    indirect: bool = False   # read from a stack of titles or a shared list, not from the title beside the name
    guessed: bool = False    # the body is what the role alone implies, neither written nor named by a country


@dataclass
class _Phrase:
    role: Mention[RoleInfo]
    org_key: str | None           # the entity of the body it is held in
    mentions: list[Mention]
    named: bool                   # the body is written and names somebody
    org: Mention[OrgInfo] | None = None
    written: bool = False         # a body is written after the role (recognised or not)
    guessed: bool = False         # the body the role alone implies ("Thủ tướng" -> "Chính phủ")


class Bodies(Protocol):
    """What posts ask of the bodies roles imply (``committees.ImpliedBodies``)."""

    def known(self, canonical: str) -> str | None: ...

    def committee(self, org: OrgInfo) -> str | None: ...


def find_posts(mentions: Mentions, owner: dict[int, str], bodies: Bodies, entities: dict[str, Entity]) -> list[Post]:
    """Give each title (``TitleInfo``) to the person it belongs to.

    Orders: "ROLE ORG NAME" (the person right after), "NAME, ROLE ORG" and
    "NAME - ROLE ORG" (the person joined before: when a body is named or the
    title is closed by punctuation, so not "ông X, Tổng Bí thư gửi lời"), and
    a title before a colon shared by every person listed after it ("các Ủy
    viên Ban Thường vụ Thành ủy: A - X; B"). Only persons and bodies that
    linked to an entity count. A role with no body written takes the body it
    implies ("Thủ tướng" -> "Chính phủ"); stacked before another title it
    shares that title's body ("Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ"),
    or, a party office, the party committee of its locality ("Bí thư kiêm
    Chủ tịch UBND quận Y" -> "Quận ủy Y"). A stack between two persons ("Đại
    tướng A, Bộ trưởng Bộ Quốc phòng, Thủ tướng B") gives its last title to
    the person after it and the others to the person before, unless a title
    stands right before that person too. A leader's office read only from a
    stack is dropped when another person of the report holds it directly.

    Examples
    --------
    >>> from pipeline.runner import run_stages
    >>> linked = run_stages("Ông Trần Văn An, Giám đốc Sở Nội vụ tỉnh Nam Định, phát biểu.", until="link")
    >>> [(p.person, p.role, p.org) for p in linked.posts]
    [('person:trần văn an', 'Giám đốc', 'org:sở nội vụ tỉnh nam định')]
    >>> linked = run_stages("Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ Lê Văn Thành phát biểu.", until="link")
    >>> [(p.role, p.org) for p in linked.posts]
    [('Bộ trưởng', 'org:văn phòng chính phủ'), ('Chủ nhiệm', 'org:văn phòng chính phủ')]
    """
    roles = {m.token_start: m for m in mentions.roles}
    orgs = {m.token_start: m for m in mentions.organisations}
    persons = {m.token_start: m for m in mentions.persons if id(m) in owner}
    party = lexicons.words("party_role")
    titled = {p for t in mentions.titles for p in t.info.after}  # persons with a title right before them
    posts: list[Post] = []
    for title in mentions.titles:
        info = title.info
        chain = [_phrase(roles[r], orgs.get(o), owner, bodies, o in info.local, entities) for r, o in info.phrases]
        _share_bodies(chain, bodies, party)
        for phrase in chain:  # "Tổng Bí thư, Chủ tịch Trung Quốc A": a foreign leader's office is no body of ours
            if info.abroad and phrase.guessed:
                phrase.org_key = None
        after = [persons[p] for p in info.after if p in persons]
        before = [persons[p] for p in info.before if p in persons]
        listed = [persons[p] for p in info.listed if p in persons]
        if after and before and len(chain) > 1 and before[-1].token_start not in titled:
            # "Đại tướng A, Bộ trưởng Bộ Quốc phòng, Thủ tướng B": the last title is B's, the others A's
            posts += _give(owner, before[-1:], chain[:-1], 0.85, "after the name")
            chain = chain[-1:]
        if info.colon and (info.plural or len(listed) >= 2):
            targets, confidence, position = listed, 0.8, "shared"
        elif after:
            targets, confidence, position = after, 0.9, "before the name"
            if info.plural or all(p.role.info.former or p.role.info.kind == "member" for p in chain):
                # "nguyên Ủy viên Bộ Chính trị A và B": titles many hold go to every name joined
                targets += [persons[p] for p in info.shared if p in persons]
        elif before and (any(p.named for p in chain) or info.closed) and not info.unnamed:
            targets, confidence, position = before[-1:], 0.85, "after the name"
        else:
            continue
        posts += _give(owner, targets, chain, confidence, position)
    return _stated(_one_holder(_unique(posts), mentions.roles))


def _give(owner: dict[int, str], targets: list[Mention], chain: list[_Phrase], confidence: float,
          position: str) -> list[Post]:
    """The posts of a title's phrases for each person it belongs to."""
    posts = []
    for person in targets:
        for n, phrase in enumerate(chain):
            if phrase.org_key is None:
                continue
            staff = phrase.role.info.kind == "staff" and phrase.role.info.base[:1].islower()
            if staff and position != "after the name":
                continue  # "công nhân" is a post only right after the name; "Người phát ngôn Bộ X A" is one
            # a title stacked away from the name is read less surely than the one beside it
            indirect = position == "shared" or position == "before the name" and n < len(chain) - 1
            posts.append(Post(owner[id(person)], phrase.role.info.label, phrase.org_key,
                              phrase.role.info.former, confidence - 0.05 * indirect,
                              [person, *phrase.mentions], indirect, phrase.guessed))
    return posts


def _phrase(role: Mention[RoleInfo], org: Mention[OrgInfo] | None, owner: dict[int, str], bodies: Bodies,
            local: bool, entities: dict[str, Entity]) -> _Phrase:
    # "Thanh tra tỉnh": a body a bare unit word follows is local; one named with no place is another body
    if org is not None and id(org) in owner and (not local or entities[owner[id(org)]].province):
        return _Phrase(role, owner[id(org)], [role, org], True, org, True)
    if org is not None:  # a body written that names nothing recognised
        return _Phrase(role, None, [role], False, None, True)
    implied = bodies.known(role.info.implied_org) if role.info.implied_org else None
    entry = lexicons.roles().get(role.info.base.lower())
    guessed = entry is not None and role.info.implied_org in (entry.implied_org, entry.foreign_org)
    return _Phrase(role, implied, [role], False, guessed=guessed)


def _share_bodies(chain: list[_Phrase], bodies: Bodies, party: frozenset[str]) -> None:
    """A role stacked with no body before a title that names one shares it; a party
    office takes the party committee of that body's locality instead."""
    for n in range(len(chain) - 2, -1, -1):
        phrase, following = chain[n], chain[n + 1]
        if phrase.org_key is not None or phrase.written or following.org is None or following.org_key is None:
            continue  # only a body written out is shared, not one a role implies
        if phrase.role.info.base.lower() in party:
            if following.org is not None:
                phrase.org_key = bodies.committee(following.org.info)
        else:
            phrase.org_key, phrase.org = following.org_key, following.org
        if phrase.org_key is not None and following.org is not None:
            phrase.mentions = [phrase.role, following.org]


def _unique(posts: list[Post]) -> list[Post]:
    seen: dict[tuple[str, str, str], Post] = {}
    for post in posts:
        key = (post.person, post.role.lower(), post.org)
        if key in seen:
            seen[key].mentions += post.mentions
            seen[key].confidence = max(seen[key].confidence, post.confidence)
            seen[key].indirect = seen[key].indirect and post.indirect
            seen[key].guessed = seen[key].guessed and post.guessed
        else:
            seen[key] = post
    return list(seen.values())


def _one_holder(posts: list[Post], roles: list[Mention[RoleInfo]]) -> list[Post]:
    """A leader's office (no deputy, not former) read only from a stack of titles, when
    another person of the report holds it directly: "…, Bộ trưởng Bộ Quốc phòng, Thủ
    tướng Nguyễn Xuân Phúc" read as one stack would make the Prime Minister a minister."""
    leaders = {r.info.label.lower() for r in roles if r.info.kind == "leader" and r.info.label == r.info.base}
    direct: dict[tuple[str, str], set[str]] = {}
    for post in posts:
        if post.role.lower() in leaders and not post.former and not post.indirect:
            direct.setdefault((post.role.lower(), post.org), set()).add(post.person)
    return [p for p in posts if not p.indirect or not direct.get((p.role.lower(), p.org), set()) - {p.person}]


def _stated(posts: list[Post]) -> list[Post]:
    """A body only guessed from the role ("Thủ tướng Shinzo Abe" -> "Chính phủ") gives way
    to the body the report states for the same person and role ("Thủ tướng Nhật Bản
    Shinzo Abe" -> "Chính phủ Nhật Bản")."""
    stated = {(p.person, p.role.lower()) for p in posts if not p.guessed}
    return [p for p in posts if not p.guessed or (p.person, p.role.lower()) not in stated]
