"""The event a report describes: its date, organiser, chair and attendees."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..s4_recognise import Mention, Mentions
from ..s4_recognise.spans import PersonInfo

__all__ = ["Event", "find_event", "add_participants"]

_EVENT_NOUNS = ("hội nghị", "hội thảo", "diễn đàn", "cuộc họp", "phiên họp", "buổi đối thoại", "kỳ họp",
                "lễ ký kết", "lễ công bố", "buổi làm việc", "tọa đàm")
_DAY_PART = r"(?:sáng|chiều|tối|trưa|ngày|hôm)\s*(?:nay\s*)?(?:,\s*|\()?"
_DATE = re.compile(_DAY_PART + r"(\d{1,2})[/.\-](\d{1,2})(?:[/.\-](\d{4}))?", re.IGNORECASE)
_CHAIR = ("chủ trì", "đồng chủ trì")
_ATTEND = ("dự", "tham dự", "chủ trì", "phát biểu", "tham luận", "đối thoại", "báo cáo")
_ORGANISE = "tổ chức"


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


def find_event(text: str, spans: list[tuple[int, int]], mentions: Mentions, owner: dict[int, str],
               year: str | None) -> Event | None:
    """The first meeting the report names, with what its sentences say of it.

    The organiser is an organisation before "tổ chức" in the sentence that
    names the event (or after "do"); the chair, a person in a sentence
    saying "chủ trì"; attendees, persons in sentences saying "dự",
    "phát biểu", "tham luận"... The date is the day written with the event
    ("sáng 3/4"), with the report's year when it states one. ``spans`` are
    the sentences' offsets in ``text``; mentions number sentences by them.
    """
    sentences = [_Sentence(text[s:e], s) for s, e in spans]
    found = None
    for n, sent in enumerate(sentences):
        low = sent.text.lower()
        for noun in _EVENT_NOUNS:
            pos = low.find(noun)
            if pos >= 0 and (found is None or n < found[0]):
                found = (n, sent, pos, noun)
                break
        if found:
            break
    if found is None:
        return None
    n, sent, pos, noun = found
    event = Event(_label(sent.text, pos, noun), n)
    m = _DATE.search(sent.text)
    if m:
        day, month, y = int(m.group(1)), int(m.group(2)), m.group(3) or year
        if 1 <= day <= 31 and 1 <= month <= 12:
            event.date = f"{y}-{month:02d}-{day:02d}" if y else f"--{month:02d}-{day:02d}"
    low = sent.text.lower()
    text_before = sent.text[:low.find(_ORGANISE)] if _ORGANISE in low else ""
    by = text_before.lower().rfind(" do ")  # "... do UBND TP phối hợp LĐLĐ TP tổ chức"
    begin = sent.start
    candidates = [o for o in mentions.organisations if o.sentence == n and id(o) in owner and text_before
                  and o.end - begin <= len(text_before) and o.start - begin > by]
    for org in candidates if by >= 0 else candidates[:1]:  # else the sentence's subject organises it
        if owner[id(org)] not in event.organisers:
            event.organisers.append(owner[id(org)])
            event.mentions.append(org)
    for cited in mentions.documents:  # the programmes and laws the event is about
        if cited.sentence == n and id(cited) in owner and owner[id(cited)] not in event.concerns:
            event.concerns.append(owner[id(cited)])
    add_participants(event, [s.text for s in sentences], mentions.persons, owner)
    return event


def add_participants(event: Event, sentences: list[str], persons: list[Mention[PersonInfo]],
                     owner: dict[int, str]) -> None:
    """Add to ``event`` the persons of ``sentences`` who chair it (a sentence saying
    "chủ trì") or take part (one saying "dự", "phát biểu", "tham luận"...)."""
    for person in persons:
        if id(person) not in owner:
            continue
        text = sentences[person.sentence].lower()
        key = owner[id(person)]
        if any(word in text for word in _CHAIR) and key not in event.chairs:
            event.chairs.append(key)
        if any(re.search(rf"\b{word}\b", text) for word in _ATTEND) and key not in event.attendees:
            event.attendees.append(key)


@dataclass(frozen=True)
class _Sentence:
    text: str
    start: int


def _label(text: str, pos: int, noun: str) -> str:
    """The event's name: the event noun and the words that name it, up to punctuation."""
    rest = text[pos:]
    m = re.match(r"[^,.;:()“”\"]+", rest)
    words = (m.group(0) if m else noun).split()
    cut = next((i for i, w in enumerate(words[2:], 2) if w in ("vào", "tại", "do", "với", "đã", "sáng", "chiều", "ngày")), len(words))
    label = " ".join(words[:min(cut, 12)])
    return label[:1].upper() + label[1:]
