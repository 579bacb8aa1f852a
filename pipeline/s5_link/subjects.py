"""What a sentence may measure: its zones, organisations and places as candidate subjects of its figures."""
from __future__ import annotations

from dataclasses import dataclass

from ..s4_recognise import Mention, Mentions
from .entity import Entity
from .referents import Reference

__all__ = ["Candidate", "Sentence", "read_sentences", "AUTHORITIES"]

# Bodies that report, approve, govern or publish: what they state is about the
# place they govern, never about themselves (ontology classes of org_heads.tsv
# and known_organisations.tsv).
AUTHORITIES = frozenset({
    "schema:GovernmentOrganization", "vnkg:PartyOrganization", "vnkg:MassOrganization", "vnkg:Committee",
    "vnkg:Department", "schema:NewsMediaOrganization",
})

# Cue labels (patterns/event_cues.jsonl) before the agent of a passive ("được
# *UBND tỉnh* chấp thuận", "do *Bộ* cấp"), before a place a thing is in
# ("tại", "ở"), before an owner ("của"), before a source ("theo", "theo báo
# cáo của") and around an aside ("(" … ")").
_AGENT_CUES = frozenset({"passive", "by"})
_LOCATIVE, _DEMONYM, _OWNER = "locative", "demonym", "owner"
_SOURCE, _SOURCE_LINKS = "source", frozenset({"owner", "attend"})
_OPEN, _CLOSE = "aside_open", "aside_close"
_SPEECH, _FRONTED = "speech", "fronted"
_TERRITORY = "refer_locality"

# Places too broad to be what a figure measures: regions are what ranks and shares
# are counted in ("đứng thứ 3 vùng Đồng bằng sông Hồng", "các nước châu Á").
_BROAD = frozenset({"region"})


@dataclass(frozen=True)
class Candidate:
    """An entity a figure of the sentence may be about, where it is written.

    ``strong``: a zone, place or body that is measured itself (a company, a
    bank, a school); a weak candidate is the place an authority governs
    ("UBND thị xã Kỳ Anh" -> Kỳ Anh) or a body named in a title, taken only
    when no strong one is. ``clause_start``/``clause_end`` count the clause
    marks before it (see ``Mention``); ``located``: right after "tại"/"ở";
    ``aside``: the start of the parenthesis it is in (-1 when none);
    ``referring``: a word that refers back ("tỉnh", "cả nước"), a subject
    only before the figure ("chiếm 20% *cả nước*" is a share of the whole);
    ``owned``: where "của" begins right before it (-1 when none);
    ``speaker``: the place an authority in a speaker's title governs ("ông
    A, Giám đốc *Sở NN&PTNT tỉnh Bình Định*, cho biết …"), the last resort,
    from ``said``: where the verb of speech after the title ends;
    ``territory``: the place "trên địa bàn" is followed by, which scopes the whole
    sentence ("…, đáp ứng 44% nhu cầu của người dân *trên địa bàn TP.HCM*").
    """

    key: str
    token_start: int
    token_end: int
    clause_start: int
    clause_end: int
    strong: bool
    located: bool = False
    aside: int = -1
    referring: bool = False
    owned: int = -1
    speaker: bool = False
    said: int = -1
    territory: bool = False


@dataclass
class Sentence:
    """A sentence's candidates in text order, its asides (token start, end) and,
    when it opens with "Với …," the clause mark count of that fronted phrase."""

    candidates: list[Candidate]
    asides: list[tuple[int, int]]
    fronted: int = -1

    def aside_of(self, start: int) -> tuple[int, int] | None:
        """The innermost parenthesis holding the token at ``start``."""
        inside = [a for a in self.asides if a[0] < start < a[1]]
        return max(inside) if inside else None


def read_sentences(mentions: Mentions, owner: dict[int, str], entities: dict[str, Entity], refs: list[Reference],
                   titles: frozenset[int] = frozenset(), starts: frozenset[int] = frozenset(),
                   default: str | None = None) -> dict[int, Sentence]:
    """The candidate subjects and asides of each sentence.

    A mention inside an organisation's name is no candidate of its own ("Sở
    Kế hoạch và Đầu tư *Quảng Ninh*"); an authority stands for the place it
    governs (the last place in its name, else its province), weakly; a body
    in a title ("Giám đốc *Công ty A*") is weak too; the agent of a passive
    ("được *UBND tỉnh* chấp thuận") is none, nor a country that says where
    people are from ("người *Pháp*").
    """
    cues: dict[str, set[tuple[int, int]]] = {}
    for c in mentions.event_cues:
        cues.setdefault(c.info.role, set()).add((c.sentence, c.token_end if c.info.role != _CLOSE else c.token_start))
    agents = set().union(*(cues.get(r, set()) for r in _AGENT_CUES))
    sources = _sources(mentions)
    located = cues.get(_LOCATIVE, set())
    owned = {(c.sentence, c.token_end): c.token_start for c in mentions.event_cues if c.info.role == _OWNER}
    # "Tại Hà Tĩnh, …": a place set before the sentence is its topic, not where something happens
    topical = {(c.sentence, c.token_end) for c in mentions.event_cues if c.info.role == _LOCATIVE and c.start in starts}
    orgs = [m for m in mentions.organisations if id(m) in owner]
    spans: dict[int, list[tuple[int, int]]] = {}  # by sentence: each mention compared within its own
    for m in orgs:
        spans.setdefault(m.sentence, []).append((m.token_start, m.token_end))
    found: list[tuple[Mention, str, bool]] = []
    speakers: list[tuple[Mention, str]] = []
    referring: set[tuple[int, int]] = {(r.cue.sentence, r.cue.token_start) for r in refs if not r.scope}
    demonyms = cues.get(_DEMONYM, set())
    territory = cues.get(_TERRITORY, set())
    for kind in ("zones", "places"):
        for m in getattr(mentions, kind):
            if id(m) in owner and not _nested(m, spans) and (m.sentence, m.token_start) not in demonyms \
                    and not (kind == "places" and m.info.level in _BROAD):
                found.append((m, owner[id(m)], True))
    for m in orgs:
        if _nested(m, spans) or (m.sentence, m.token_start) in agents:
            continue
        key = owner[id(m)]
        if m.info.cls not in AUTHORITIES:
            found.append((m, key, id(m) not in titles))
            continue
        place = _governed_place(m, mentions, owner, entities.get(key), entities)
        if place is not None and id(m) in titles:  # "GĐ *Sở GTVT TPHCM*": the speaker's body is not measured
            speakers.append((m, place))
        elif place is not None:
            found.append((m, place, False))
    for ref in refs:  # "trên địa bàn": the place named before it in the sentence, else the report's
        referent = ref.key or _area(ref.cue, found, entities, default)
        if referent is not None:
            found.append((ref.cue, referent, True))
    out: dict[int, Sentence] = {}
    named = {m.sentence for m, _, _ in found} | {m.sentence for m, _ in speakers}
    for n in named | {s for s, _ in cues.get(_OPEN, set())}:
        out[n] = Sentence([], _asides(n, cues))
    for m, key, strong in found:
        sentence = out[m.sentence]
        aside = sentence.aside_of(m.token_start)
        at = (m.sentence, m.token_start)
        where = at in located and at not in topical
        sentence.candidates.append(Candidate(key, m.token_start, m.token_end, m.clause_start, m.clause_end,
                                             strong and not where and at not in sources,
                                             where, aside[0] if aside else -1, at in referring, owned.get(at, -1),
                                             territory=at in territory))
    for c in mentions.event_cues:  # "Với dân số gần 100 triệu người, Việt Nam …"
        if c.info.role == _FRONTED:  # the pattern matches only at a sentence's start
            out.setdefault(c.sentence, Sentence([], _asides(c.sentence, cues))).fronted = c.clause_start
    speech: dict[int, list[int]] = {}  # by sentence, so each title looks at its own sentence's verbs
    for n, end in sorted(cues.get(_SPEECH, set())):
        speech.setdefault(n, []).append(end)
    for m, key in speakers:
        said = next((end for end in speech.get(m.sentence, ()) if end > m.token_end), None)
        if said is not None:  # a speaker's body: what it says is about the place it governs
            aside = out[m.sentence].aside_of(m.token_start)
            out[m.sentence].candidates.append(Candidate(key, m.token_start, m.token_end, m.clause_start,
                                                        m.clause_end, False, aside=aside[0] if aside else -1,
                                                        speaker=True, said=said))
    for sentence in out.values():
        sentence.candidates.sort(key=lambda c: (c.token_start, -c.token_end))
    return out


def _area(cue: Mention, found: list[tuple[Mention, str, bool]], entities: dict[str, Entity],
          default: str | None) -> str | None:
    before = [key for m, key, _ in found if m.sentence == cue.sentence and m.token_end <= cue.token_start
              and key in entities and entities[key].kind == "place"]
    return before[-1] if before else default


def _sources(mentions: Mentions) -> set[tuple[int, int]]:
    """Where a body that reports begins: right after "theo", "thông tin từ", or after
    "theo báo cáo của" (the cues of a source, then of a report or an owner)."""
    by_start = {(c.sentence, c.token_start): c for c in mentions.event_cues}
    out = set()
    for c in mentions.event_cues:
        if c.info.role != _SOURCE:
            continue
        at = (c.sentence, c.token_end)
        while at in by_start and by_start[at].info.role in _SOURCE_LINKS:
            at = (c.sentence, by_start[at].token_end)
        out.add(at)
    return out


def _asides(n: int, cues: dict[str, set[tuple[int, int]]]) -> list[tuple[int, int]]:
    """Parentheses of sentence ``n``: each "(" with the first ")" after it (or the sentence's end)."""
    opens = sorted(t for s, t in cues.get(_OPEN, set()) if s == n)
    closes = sorted(t for s, t in cues.get(_CLOSE, set()) if s == n)
    out = []
    for i, start in enumerate(opens):
        limit = opens[i + 1] if i + 1 < len(opens) else 10**9
        end = next((c for c in closes if start < c < limit), limit)
        out.append((start - 1, end))
    return out


def _nested(m: Mention, spans: dict[int, list[tuple[int, int]]]) -> bool:
    """Inside (and shorter than) an organisation's name (``spans``: the names' token spans by sentence)."""
    return any(a <= m.token_start and m.token_end <= b and (a, b) != (m.token_start, m.token_end)
               for a, b in spans.get(m.sentence, ()))


def _governed_place(m: Mention, mentions: Mentions, owner: dict[int, str], ent: Entity | None,
                    entities: dict[str, Entity]) -> str | None:
    """The place an authority's name ends with, else the province it belongs to."""
    inside = [p for p in mentions.places if p.sentence == m.sentence and m.token_start <= p.token_start
              and p.token_end <= m.token_end and id(p) in owner]
    if inside:
        return owner[id(inside[-1])]
    if ent is not None and ent.province and f"province:{ent.province}" in entities:
        return f"province:{ent.province}"
    return None
