"""Events a report names ("hội nghị", "buổi làm việc") and the words saying who takes what part."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import lexicons
from .lookup import require_words
from .patterns import PatternMatcher
from .spans import CueInfo, EventInfo

__all__ = ["EventRecogniser", "EventCueRecogniser"]

_MAX_LABEL_WORDS = 12
_LABEL_END = re.compile(r"[^,.;:()“”\"]+")
_DAY_MONTH = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})(?:[/.\-](\d{4}))?$")


@Language.factory("vnkg_events", requires=["token.tag", "token.is_sent_start"], assigns=["doc.spans", "span._.event"])
def make_events(nlp: Language, name: str) -> EventRecogniser:
    return EventRecogniser(nlp)


@Language.factory("vnkg_event_cues", requires=["token.tag"], assigns=["doc.spans", "span._.cue"])
def make_event_cues(nlp: Language, name: str) -> EventCueRecogniser:
    return EventCueRecogniser(nlp)


class EventRecogniser:
    """Find meetings; write ``doc.spans["events"]`` (patterns: ``patterns/events.jsonl``).

    Each event noun is a span whose ``_.event`` (:class:`EventInfo`) holds the
    event's name (the noun and the words after it, up to punctuation or a word
    such as "tại", "vào") and the first day written in its sentence.

    Examples
    --------
    >>> from pipeline import nlp
    >>> doc = nlp()("Sáng 3/4, UBND tỉnh tổ chức Hội nghị xúc tiến đầu tư vào Thanh Hóa.")
    >>> doc.spans["events"][0]._.event
    EventInfo(label='Hội nghị xúc tiến đầu tư', day=3, month=4, year=None)
    """

    def __init__(self, nlp: Language):
        self.matcher = PatternMatcher(nlp, "events")
        self.label_stops = lexicons.words("event_label_stop")

    def __call__(self, doc: Doc) -> Doc:
        require_words(doc, "vnkg_events")
        matches = self.matcher(doc)
        dates: dict[int, tuple[int, int, int | None]] = {}
        for label, start, end in matches:
            if label == "DATE":
                found = _DAY_MONTH.match(doc[end - 1].text)
                if found:
                    dates.setdefault(doc[start].sent.start, _day_month_year(found))
        spans = []
        for label, start, end in matches:
            if label != "EVENT":
                continue
            sentence = doc[start].sent
            day, month, year = dates.get(sentence.start, (None, None, None))
            span = Span(doc, start, end, label="event")
            span._.event = EventInfo(self._label(doc, sentence, start, end), day, month, year)
            spans.append(span)
        doc.spans["events"] = spans
        return doc

    def _label(self, doc: Doc, sentence: Span, start: int, end: int) -> str:
        """The event's name: its noun and the words that name it, up to punctuation."""
        rest = sentence.text[doc[start].idx - sentence.start_char:]
        found = _LABEL_END.match(rest)
        words = (found.group(0) if found else doc[start:end].text).split()
        cut = next((i for i, w in enumerate(words[2:], 2) if w in self.label_stops), len(words))
        label = " ".join(words[:min(cut, _MAX_LABEL_WORDS)])
        return label[:1].upper() + label[1:]


class EventCueRecogniser:
    """Find the words that say what part a sentence's persons and bodies take in
    an event ("chủ trì", "dự", "tổ chức", "do"), as whole words; write
    ``doc.spans["event_cues"]`` (patterns: ``patterns/event_cues.jsonl``)."""

    def __init__(self, nlp: Language):
        self.matcher = PatternMatcher(nlp, "event_cues", whole_words=True)

    def __call__(self, doc: Doc) -> Doc:
        require_words(doc, "vnkg_event_cues")
        spans = []
        for span in filter_spans([Span(doc, start, end, label=label) for label, start, end in self.matcher(doc)]):
            cue = Span(doc, span.start, span.end, label="cue")  # "đồng chủ trì", not also "chủ trì"
            cue._.cue = CueInfo(span.label_)
            spans.append(cue)
        doc.spans["event_cues"] = spans
        return doc


def _day_month_year(found: re.Match[str]) -> tuple[int, int, int | None]:
    day, month, year = found.groups()
    return int(day), int(month), int(year) if year else None
