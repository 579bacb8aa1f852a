"""Stage 5: link mentions into entities, posts, figure subjects and the event.

Linking works on the whole report: its locality, the canonical name of each
organisation in it, aliases and short names resolved to the bodies they
stand for, then posts, figure subjects, the event and identities.
"""
from __future__ import annotations

from .. import lexicons
from ..s4_recognise import Mentions, Recognised
from .committees import ImpliedBodies
from .entities import gather
from .entity import Entity
from .events import Event, find_event
from .figures import Figure, link_figures
from .identity import assign_identities
from .linked import Linked
from .locality import Locality, document_locality
from .posts import Post, find_posts
from .units import resolve_units, stated_countries, stated_zone_places
from .windows import merge

__all__ = ["Linked", "link", "merge", "Entity", "Post", "Figure", "Event", "Locality"]


def link(recognised: Recognised) -> Linked:
    """Gather entities, then read posts, figure subjects and the event.

    Examples
    --------
    >>> from pipeline.runner import run_stages
    >>> linked = run_stages("Bộ trưởng Bộ Tài chính Hồ Đức Phớc phát biểu.", until="link")
    >>> [(p.person, p.role, p.org) for p in linked.posts]
    [('person:hồ đức phớc', 'Bộ trưởng', 'org:bộ tài chính')]
    """
    mentions = recognised.mentions
    locality = document_locality(m.info for m in mentions.places)
    entities, owner = gather(mentions, locality, recognised.offset)
    bodies = ImpliedBodies(entities, locality, _abroad(mentions))
    posts = find_posts(mentions, owner, bodies, entities)
    bodies.drop_unused({p.org for p in posts})
    role_ends = {r.token_end for r in mentions.roles} | {r.info.org_head for r in mentions.roles}
    titles = frozenset(id(o) for o in mentions.organisations if o.token_start in role_ends)
    starts = frozenset(start for start, _ in recognised.sentences)
    figures = link_figures(mentions, owner, entities, locality, titles, starts)
    year = recognised.document.date[:4] if recognised.document.date else None
    event = find_event(mentions, owner, year)
    resolve_units(entities, locality, recognised.document.date, recognised.document.text, recognised.sentences)
    stated_countries(entities, recognised.document.text)
    stated_zone_places(entities, recognised.document.text)
    assign_identities(entities, posts, recognised.document.id, locality)
    return Linked(recognised.document, entities, posts, figures, event, recognised.sentences, mentions, locality)


def _abroad(mentions: Mentions) -> str | None:
    """The one foreign country a report names (None when it names none or several)."""
    home = lexicons.words("home_country")
    named = {p.info.name for p in mentions.places if p.info.level == "country" and p.info.name not in home}
    return next(iter(named)) if len(named) == 1 else None
