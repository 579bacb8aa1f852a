"""Posts: who holds which role in which organisation, read from the titles of stage 4."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..s4_recognise import Mention, Mentions
from ..s4_recognise.spans import OrgInfo, RoleInfo

__all__ = ["Post", "find_posts"]


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
    org_key: str | None           # the entity of the body it is held in
    mentions: list[Mention]
    named: bool                   # the body is written and names somebody


def find_posts(mentions: Mentions, owner: dict[int, str], implied: dict[str, str]) -> list[Post]:
    """Give each title (``TitleInfo``) to the person it belongs to.

    Orders: "ROLE ORG NAME" (the person right after), "NAME, ROLE ORG" and
    "NAME - ROLE ORG" (the person joined before: when a body is named or the
    title is closed by punctuation, so not "ông X, Tổng Bí thư gửi lời"), and
    a title before a colon shared by every person listed after it ("các Ủy
    viên Ban Thường vụ Thành ủy: A - X; B"). Only persons and bodies that
    linked to an entity count; a role with no body written takes the body it
    implies (``implied``: the implied name's entity key, "Thủ tướng" ->
    "Chính phủ").

    Examples
    --------
    >>> from pipeline.runner import run_stages
    >>> linked = run_stages("Ông Trần Văn An, Giám đốc Sở Nội vụ tỉnh Nam Định, phát biểu.", until="link")
    >>> [(p.person, p.role, p.org) for p in linked.posts]
    [('person:trần văn an', 'Giám đốc', 'org:sở nội vụ tỉnh nam định')]
    """
    roles = {m.token_start: m for m in mentions.roles}
    orgs = {m.token_start: m for m in mentions.organisations}
    persons = {m.token_start: m for m in mentions.persons if id(m) in owner}
    posts: list[Post] = []
    for title in mentions.titles:
        info = title.info
        chain = [_phrase(roles[r], orgs.get(o), owner, implied) for r, o in info.phrases]
        after = [persons[p] for p in info.after if p in persons]
        before = [persons[p] for p in info.before if p in persons]
        listed = [persons[p] for p in info.listed if p in persons]
        if info.colon and (info.plural or len(listed) >= 2):
            targets, confidence, position = listed, 0.8, "shared"
        elif after:
            targets, confidence, position = after[:1], 0.9, "before the name"
        elif before and (any(p.named for p in chain) or info.closed):
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


def _phrase(role: Mention[RoleInfo], org: Mention[OrgInfo] | None, owner: dict[int, str],
            implied: dict[str, str]) -> _Phrase:
    if org is not None and id(org) in owner:
        return _Phrase(role, owner[id(org)], [role, org], True)
    if org is not None:  # an organisation word that refers to nothing named
        return _Phrase(role, None, [role], False)
    return _Phrase(role, implied.get(role.info.implied_org or ""), [role], False)


def _unique(posts: list[Post]) -> list[Post]:
    seen: dict[tuple[str, str, str], Post] = {}
    for post in posts:
        key = (post.person, post.role.lower(), post.org)
        if key in seen:
            seen[key].mentions += post.mentions
            seen[key].confidence = max(seen[key].confidence, post.confidence)
        else:
            seen[key] = post
    return list(seen.values())
