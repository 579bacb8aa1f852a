"""The event a report describes: its date, organiser, chair and attendees."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..s4_recognise import Mention, Mentions
from ..s4_recognise.spans import CueInfo, PersonInfo

__all__ = ["Event", "find_event", "add_participants"]


@dataclass
class Event:
    """A conference or meeting and who took which part in it."""

    label: str
    sentence: int
    date: str | None = None
    organisers: list[str] = field(default_factory=list)
    concerns: list[str] = field(default_factory=list)
    chairs: list[str] = field(default_factory=list)
    attendees: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


def find_event(mentions: Mentions, owner: dict[int, str], year: str | None) -> Event | None:
    """The first meeting the report names, with what its sentences say of it.

    The organiser is the organisation before "tổ chức" in the sentence that
    names the event (every one after "do", else the first); the chair, a
    person in a sentence saying "chủ trì"; attendees, persons in sentences
    saying "dự", "phát biểu", "tham luận"... (the cues of stage 4). The date is
    the day written in the event's sentence ("sáng 3/4"), in the year written
    there or the report's.

    Examples
    --------
    >>> from pipeline.runner import run_stages
    >>> linked = run_stages("Sáng 3/4, UBND tỉnh Thanh Hóa tổ chức hội nghị xúc tiến đầu tư. "
    ...                     "Ông Nguyễn Văn An cho biết dự án sẽ khởi công. Bà Lê Thị Hoa dự hội nghị.", until="link")
    >>> linked.event.label, linked.event.organisers, linked.event.attendees
    ('Hội nghị xúc tiến đầu tư', ['org:ủy ban nhân dân tỉnh thanh hóa'], ['person:lê thị hoa'])
    """
    if not mentions.events:
        return None
    first = mentions.events[0]
    n, info = first.sentence, first.info
    event = Event(info.label, n)
    if info.day is not None and info.month is not None and 1 <= info.day <= 31 and 1 <= info.month <= 12:
        y = str(info.year) if info.year else year
        event.date = f"{y}-{info.month:02d}-{info.day:02d}" if y else f"--{info.month:02d}-{info.day:02d}"
    for org in _organisers(mentions, n, owner):
        if owner[id(org)] not in event.organisers:
            event.organisers.append(owner[id(org)])
            event.mentions.append(org)
    for cited in mentions.documents:  # the programmes and laws the event is about
        if cited.sentence == n and id(cited) in owner and owner[id(cited)] not in event.concerns:
            event.concerns.append(owner[id(cited)])
    add_participants(event, mentions.persons, mentions.event_cues, owner)
    return event


def add_participants(event: Event, persons: list[Mention[PersonInfo]], cues: list[Mention[CueInfo]],
                     owner: dict[int, str]) -> None:
    """Add to ``event`` the persons who chair it (in a sentence with a "chair" cue)
    or take part (a sentence with a "chair" or "attend" cue)."""
    chairing = {c.sentence for c in cues if c.info.role == "chair"}
    attending = chairing | {c.sentence for c in cues if c.info.role == "attend"}
    for person in persons:
        if id(person) not in owner:
            continue
        key = owner[id(person)]
        if person.sentence in chairing and key not in event.chairs:
            event.chairs.append(key)
        if person.sentence in attending and key not in event.attendees:
            event.attendees.append(key)


def _organisers(mentions: Mentions, sentence: int, owner: dict[int, str]) -> list[Mention]:
    """Organisations before "tổ chức" in the event's sentence: every one after "do"
    ("... do UBND TP phối hợp LĐLĐ TP tổ chức"), else the sentence's subject."""
    cues = [c for c in mentions.event_cues if c.sentence == sentence]
    organise = next((c for c in cues if c.info.role == "organise"), None)
    if organise is None:
        return []
    by = [c for c in cues if c.info.role == "by" and c.token_start < organise.token_start]
    after = by[-1].token_end if by else -1
    candidates = [o for o in mentions.organisations if o.sentence == sentence and id(o) in owner
                  and o.token_end <= organise.token_start and o.token_start >= after]
    return candidates if by else candidates[:1]
