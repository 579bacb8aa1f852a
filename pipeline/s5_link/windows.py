"""One linked result from a long report read in windows."""
from __future__ import annotations

from ..s4_recognise import Mentions
from .entity import Entity, nearest_mentioned
from .events import Event, add_participants
from .figures import Figure
from .identity import assign_identities
from .linked import Linked
from .posts import Post
from .units import resolve_units, stated_countries, stated_zone_places

__all__ = ["merge"]


def merge(parts: list[Linked]) -> Linked:
    """Merge the linked windows of one report into the result of reading it whole.

    Entities of the same key become one; a short organisation name that begins
    a longer one named in another window joins it, as it would in one window
    ("Ban Chỉ đạo Chương trình" after "Ban Chỉ đạo Chương trình 07-CTr/TU");
    posts and figures add up; the first event counts and gains the chairs and
    attendees every later window names. Identities are assigned again over all
    posts.

    Examples
    --------
    >>> import pipeline.runner as runner
    >>> text = ("Ban Chỉ đạo Chương trình 07-CTr/TU của Thành ủy Hà Nội tổ chức hội nghị.\\n"
    ...         "Phó Chủ tịch UBND TP Hà Nội Vũ Thu Hà dự hội nghị.\\n"
    ...         "Ban Chỉ đạo Chương trình đã họp.")
    >>> parts = [runner.run_stages(text[s:e], until="link") for s, e in runner.windows(text, 60)]
    >>> linked = merge(parts)
    >>> sorted(k for k in linked.entities if "chỉ đạo" in k), linked.event.attendees
    (['org:ban chỉ đạo chương trình 07 ctr tu'], ['person:vũ thu hà'])
    """
    first = parts[0]
    entities: dict[str, Entity] = {}
    posts: list[Post] = []
    figures: list[Figure] = []
    sentences: list[tuple[int, int]] = []
    mentions = Mentions()
    event: Event | None = None
    for part in parts:
        owner = {id(m): key for key, ent in part.entities.items() for m in ent.mentions}
        if event is not None:
            add_participants(event, part.mentions.persons, part.mentions.event_cues, owner)
        elif part.event is not None:
            event = part.event
            event.sentence += len(sentences)
        for key, ent in part.entities.items():
            _absorb(entities, key, ent)
        posts += part.posts
        figures += part.figures
        sentences += part.sentences
        mentions.extend(part.mentions)
    renamed = _short_org_names(entities)
    for short, long in renamed.items():
        _absorb(entities, long, entities.pop(short))
    posts = _renamed_posts(posts, renamed)
    for figure in figures:
        if figure.about is not None:
            figure.about = renamed.get(figure.about, figure.about)
    for ent in entities.values():
        ent.parents = {renamed.get(k, k) for k in ent.parents} - {ent.key}
    if event is not None:
        for role in ("organisers", "concerns", "chairs", "attendees"):
            setattr(event, role, list(dict.fromkeys(renamed.get(k, k) for k in getattr(event, role))))
    resolve_units(entities, first.locality, first.document.date, first.document.text, sentences)
    stated_countries(entities, first.document.text)
    stated_zone_places(entities, first.document.text)
    assign_identities(entities, posts, first.document.id, first.locality)
    return Linked(first.document, entities, posts, figures, event, sentences, mentions, first.locality)


def _absorb(entities: dict[str, Entity], key: str, ent: Entity) -> None:
    kept = entities.get(key)
    if kept is None:
        entities[key] = ent
        return
    kept.mentions += ent.mentions
    kept.labels |= ent.labels | {ent.name}
    kept.classes |= ent.classes
    kept.parents |= ent.parents
    kept.byline = kept.byline or ent.byline
    for name in ("level", "province", "concept", "place", "identifier", "date", "doc_kind"):
        if getattr(kept, name) is None:
            setattr(kept, name, getattr(ent, name))


def _short_org_names(entities: dict[str, Entity]) -> dict[str, str]:
    """Organisation keys that begin a longer one, each to the longer one mentioned
    nearest before it (or first after it), as linking does within a window;
    known bodies keep their own name."""
    orgs = {k: e for k, e in entities.items() if e.kind == "organisation"}
    renamed = {}
    for short, ent in sorted(orgs.items(), key=lambda item: -len(item[0])):
        if any(getattr(m.info, "known", None) for m in ent.mentions):
            continue  # "Chính phủ" is not the start of "Chính phủ Hà Lan"
        longer = [k for k in orgs if k.startswith(short + " ") and k not in renamed]
        if longer:
            first_short = min((m.start for m in ent.mentions), default=0)
            starts = {k: [m.start for m in orgs[k].mentions] for k in longer}
            renamed[short] = nearest_mentioned(first_short, starts) or longer[0]
    return renamed


def _renamed_posts(posts: list[Post], renamed: dict[str, str]) -> list[Post]:
    kept: dict[tuple, Post] = {}
    for post in posts:
        post.org = renamed.get(post.org, post.org)
        key = (post.person, post.role.lower(), post.org)
        if key in kept:
            kept[key].mentions += post.mentions
        else:
            kept[key] = post
    return list(kept.values())
