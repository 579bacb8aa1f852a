"""Figure subjects: what each number measures."""
from __future__ import annotations

from dataclasses import dataclass

from .. import lexicons
from ..s4_recognise import Mention, Mentions
from ..s4_recognise.spans import FigureInfo
from .entity import Entity
from .locality import Locality
from .referents import references
from .subjects import Candidate, Sentence, read_sentences

__all__ = ["Figure", "link_figures"]

# How many sentences on a figure's subject carries to figures whose sentence names none.
GAP = 1


@dataclass
class Figure:
    """A recognised figure with the entity it is about and the indicator it measures."""

    mention: Mention[FigureInfo]
    about: str | None
    indicator: str | None
    confidence: float


def link_figures(mentions: Mentions, owner: dict[int, str], entities: dict[str, Entity], locality: Locality,
                 titles: frozenset[int] = frozenset(), starts: frozenset[int] = frozenset()) -> list[Figure]:
    """Give each figure the entity it measures, or None when it measures nothing named.

    The candidates are the sentence's zones, places and bodies, and what it
    refers to ("tỉnh", "khu công nghiệp này"): see ``subjects.read_sentences``.
    In the figure's sentence the subject is the one named right after it
    ("150 doanh nghiệp *tỉnh Aichi*"), else the first of its own clause
    ("…; thành phố Cẩm Phả có *8 dự án*"), else the place after it in its
    clause where the counted things are ("2 dự án … *tại xã Tây Hồ*"), else
    the first of the nearest clause before it that names one; the place an
    authority governs or a source only when none of these is there; then a
    zone, place or body after it in its clause. A parenthesis sees what is in
    it, then what it follows. A rank is no rank of what follows it ("đứng thứ
    20 cả nước"). A fronted "Với …," phrase is about the main clause's subject
    ("Với dân số gần 100 triệu người, *Việt Nam* …"); a place after "trên địa
    bàn" scopes the whole sentence.

    A figure whose sentence names none goes on about the subject of the
    figure before it, in the same or the previous sentence (a run of
    statistics about one subject), unless a person is named before it (what
    he does) or that subject is a country; such a subject has confidence 0.4
    (right 42 times in 43 on the development reports, but about 4 in 10 on
    general news, where the sentence after a figure often turns elsewhere).
    Still none: what a speaker whose title names an authority says ("ông A,
    Giám đốc *Sở NN&PTNT tỉnh Bình Định*, cho biết …") is about the place it
    governs, and zones counted with no place named are the report's
    province's (each 0.4).

    Examples
    --------
    >>> from pipeline.runner import run_stages
    >>> linked = run_stages("Huyện Yên Phong có 30 dự án; huyện Quế Võ có 12 dự án. Doanh thu đạt 300 tỷ đồng. "
    ...                     "Huyện Quế Võ có 5 khu công nghiệp. Diện tích đạt 900 ha. Ông Lê Văn Hòa đi bộ 5 km.",
    ...                     until="link")
    >>> [(f.mention.text, f.about) for f in linked.figures]  # doctest: +NORMALIZE_WHITESPACE
    [('30 dự án', 'district:Yên Phong:Bắc Ninh'), ('12 dự án', 'district:Quế Võ:Bắc Ninh'), ('300 tỷ đồng', None),
     ('5 khu công nghiệp', 'district:Quế Võ:Bắc Ninh'), ('900 ha', 'district:Quế Võ:Bắc Ninh'), ('5 km', None)]
    """
    home = f"province:{locality.province}"
    sentences = read_sentences(mentions, owner, entities, references(mentions, owner, entities, locality), titles,
                               starts, home if home in entities else None)
    persons: dict[int, list[int]] = {}
    for p in mentions.persons:
        persons.setdefault(p.sentence, []).append(p.token_start)
    out: list[Figure] = []
    for fig in mentions.figures:
        sentence = sentences.get(fig.sentence, Sentence([], []))
        about, confidence = _in_sentence(fig, sentence)
        last = out[-1] if out else None
        carried = last.about if last is not None else None
        if about is None and last is not None and carried is not None and not carried.startswith("country:") \
                and fig.sentence - last.mention.sentence <= GAP and _one_subject(out, last) \
                and not any(t < fig.token_start for t in persons.get(fig.sentence, [])):
            # a run of statistics goes on about the same subject ("Doanh thu du lịch đạt 3.870 tỷ đồng"); not
            # what a person named before it does ("Tuấn dùng dao đâm 2 nhát"), nor a country (where news
            # sets prices and markets, which a run of figures seldom goes on about: right 4 in 30 on news)
            about, confidence = carried, 0.4
        if about is None:  # "ông A, Giám đốc *Sở NN&PTNT tỉnh Bình Định*, cho biết có 17 chiếc tàu": its place
            about, confidence = _speaker(fig, sentence), 0.4
        if about is None and home in entities and _counted_kinds(fig.info.count_of) == ("zone:",):
            about, confidence = home, 0.4  # "Đến nay đã có 3 khu công nghiệp mới": zones of the report's province
        out.append(Figure(fig, about, fig.info.indicator, confidence))
    return out


def _one_subject(linked: list[Figure], last: Figure) -> bool:
    """The figures of the last figure's sentence are about one subject (a list of
    places with a figure each is no run of statistics about the last one)."""
    return len({f.about for f in linked if f.mention.sentence == last.mention.sentence and f.about}) == 1


def _in_sentence(fig: Mention[FigureInfo], sentence: Sentence) -> tuple[str | None, float]:
    """The subject in the figure's sentence (None when it names none), and how sure."""
    aside = sentence.aside_of(fig.token_start)
    scope = aside[0] if aside else -1
    named = [c for c in sentence.candidates if not c.speaker]
    cands = [c for c in named if c.aside == scope]
    if aside is not None:  # "Khu A (…, có *171 doanh nghiệp*)": what is in it, else what it follows
        found = _in_scope(fig, [c for c in cands if c.strong and c.token_end <= fig.token_start])
        host = [c for c in named if c.aside < 0 and c.strong and c.token_end <= aside[0]]
        if found[0] is None and host:
            return host[-1].key, 0.5
    found = _in_scope(fig, cands)
    if found[0] is None and fig.clause_start == fig.clause_end == sentence.fronted:
        main = [c for c in named if c.strong and c.clause_start == sentence.fronted + 1]
        if main:  # "Với dân số gần 100 triệu người, *Việt Nam* là …": what the main clause's subject has
            return main[0].key, 0.6
    territory = [c for c in named if c.territory and c.aside == scope]
    if found[0] is None and territory and fig.info.unit != "rank":  # "…, *trên địa bàn TP.HCM*": the sentence's scope
        return territory[0].key, 0.5
    return found


def _in_scope(fig: Mention[FigureInfo], cands: list[Candidate]) -> tuple[str | None, float]:
    """The subject among the candidates of the figure's sentence (or parenthesis), and how sure."""
    rank = fig.info.unit == "rank"  # "đứng thứ 20 *cả nước*": what a rank counts in is no subject
    strong = [c for c in cands if c.strong]
    weak = [c for c in cands if not c.strong]
    counted = _counted_kinds(fig.info.count_of)  # "4 địa phương *Hà Tĩnh*, …": what is counted, not its subject
    owners = [c for c in cands if not rank and (c.owned == fig.token_end or (
        c.token_start == fig.token_end and c.strong and not c.referring and not c.key.startswith(counted)))]
    if owners:  # "150 doanh nghiệp *tỉnh Aichi*", "4 huyện *của tỉnh*"
        return owners[0].key, 0.7
    after = [c for c in cands if c.token_start >= fig.token_end and c.clause_start == fig.clause_end and not rank
             and not c.referring and not c.key.startswith(counted)]
    before = [c for c in strong if c.token_end <= fig.token_start]
    if before and before[-1].clause_end == fig.clause_start:  # "…; thành phố Cẩm Phả có *8 dự án*"
        return _nearest_clause(before).key, 0.7
    located = [c for c in after if c.located and fig.info.unit == "count"]  # "2 dự án … *tại xã Tây Hồ*"
    if located:
        return located[0].key, 0.6
    if before:
        return _nearest_clause(before).key, 0.6
    weak_before = [c for c in weak if c.token_end <= fig.token_start]
    if weak_before:  # "Theo *Sở Kế hoạch và Đầu tư tỉnh Bắc Giang*, năm 2024 tỉnh thu hút 45 dự án"
        first = _nearest_clause(weak_before)
        places = [c for c in weak_before if c.clause_end == first.clause_end and c.located]
        if first.located and len(places) > 1:  # "… ở TP HCM mà chủ yếu là … ở *Bình Dương*, đặc biệt là từ 2 KCN"
            return places[-1].key, 0.5
        return first.key, 0.6
    strong_after = [c for c in after if c.strong]
    if strong_after:
        return strong_after[0].key, 0.5
    return None, 0.0


def _speaker(fig: Mention[FigureInfo], sentence: Sentence) -> str | None:
    """The place governed by the body in the title of the last speaker who says the figure."""
    before = [c for c in sentence.candidates if c.speaker and c.said <= fig.token_start]
    return before[-1].key if before else None


def _nearest_clause(before: list[Candidate]) -> Candidate:
    """The first candidate of the last clause before the figure that has one."""
    nearest = max(c.clause_end for c in before)
    return next(c for c in before if c.clause_end == nearest)


def _counted_kinds(noun: str | None) -> tuple[str, ...]:
    """The kinds of entity (key prefixes) a counted noun counts: places for "tỉnh",
    "địa phương", "nước"; zones for "khu công nghiệp"; bodies for "công ty", "Bộ"."""
    if not noun:
        return ()
    noun = noun.lower()
    first = noun.split()[0]
    if noun in lexicons.words("country_noun"):
        return ("country:",)
    if noun in lexicons.words("locality_noun") or noun in lexicons.place_units() or first in lexicons.place_units():
        return _PLACE_KEYS
    if noun in {z.lower() for z in lexicons.zone_types()}:
        return ("zone:",)
    if noun in lexicons.org_heads():
        return ("org:",)
    return ()


# Key prefixes of places below a country (entity keys: "province:Hà Nội", "ward:…").
_PLACE_KEYS = ("province:", "district:", "town:", "ward:", "place:")
