"""Companies named by a brand alone: "Vietcombank", "hãng Doosan", "các doanh nghiệp Facebook, Google"."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .. import lexicons
from ..text import is_upper_word
from .lookup import PhraseTable, is_cap, is_stopword, lower, word_ends_at
from .tokens import table

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["BrandReader", "is_foreign"]

_MAX_WORDS = 4
# One Vietnamese syllable in plain letters (no tone or vowel marks): onset, vowel nucleus, coda.
_SYLLABLE = re.compile(r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$")
_CORPORATE = "schema:Corporation"
_BANK = "schema:BankOrCreditUnion"
_NEWS = "schema:NewsMediaOrganization"


class BrandReader:
    """Find companies named by a brand, without a head noun.

    * one capitalised word in Latin letters ending like a trading name
      (brand_endings.txt): "Vietcombank", "Vingroup", "Petrolimex";
    * a capitalised name after a common noun for companies (``company_noun``
      in word_classes.tsv): "hãng Doosan", "hãng tin Reuters", "chính hãng
      Mitsubishi"; after "doanh nghiệp" only a foreign name ("doanh nghiệp
      Facebook", never "doanh nghiệp Nhà nước" or a country);
    * the other foreign names or acronyms listed with one of those ("doanh
      nghiệp Facebook, Google, Coca Cola", "của EVN, Sembcorp").

    Examples
    --------
    >>> from pipeline import nlp
    >>> doc = nlp()("Vietcombank và hãng Doosan ký kết.")
    >>> [(doc[s:e].text, cls) for s, e, cls in BrandReader(nlp()).read(doc, set())]
    [('Vietcombank', 'schema:BankOrCreditUnion'), ('Doosan', 'schema:Corporation')]
    """

    def __init__(self, nlp: Language):
        self.nouns = PhraseTable(nlp, [(w, w) for w in lexicons.words("company_noun")])
        self.foreign_only = lexicons.words("foreign_company_noun")
        self.news = lexicons.words("news_company_noun")
        self.endings = tuple(lexicons.lines("brand_endings.txt"))
        self.bank = lexicons.lines("brand_endings.txt")[0]
        self.stopwords = lexicons.stopwords()
        self.coordinator = lexicons.words("coordinator")

    def read(self, doc: Doc, taken: set[int]) -> list[tuple[int, int, str]]:
        """(start, end, class) of each brand name in ``doc`` outside the ``taken`` tokens."""
        found: list[tuple[int, int, str]] = []
        used = set(taken)

        def add(start: int, end: int, cls: str) -> None:
            if end > start and not used & set(range(start, end)):
                found.append((start, end, cls))
                used.update(range(start, end))
                self._listed(doc, start, end, used, found)

        nouns = self.nouns.at(doc)
        t = table(doc)
        for i, text in enumerate(t.texts):
            if i in used:
                continue
            if self._trading_name(text):
                add(i, i + 1, _BANK if t.lower[i].endswith(self.bank) else _CORPORATE)
            elif i in nouns and t.word_start[i] and word_ends_at(doc, nouns[i][0][0]):
                end, noun = nouns[i][0]
                name_end = self._name(doc, end, used, foreign=noun in self.foreign_only)
                add(end, name_end, _NEWS if noun in self.news else _CORPORATE)
        return sorted(found)

    def _trading_name(self, word: str) -> bool:
        low = word.lower()
        return word[:1].isupper() and word.isascii() and word.isalpha() and not word.isupper() \
            and any(low.endswith(e) and len(low) >= len(e) + 3 for e in self.endings)

    def _name(self, doc: Doc, start: int, used: set[int], foreign: bool) -> int:
        """End of the brand name from ``start`` (``start`` when none): capitalised words, one of them
        foreign, an acronym or the name of two words or more; with ``foreign`` one must be foreign."""
        end = start
        while end < len(doc) and end - start < _MAX_WORDS and end not in used and is_cap(doc[end]) \
                and doc[end].text.replace("'", "").isalnum() and not is_stopword(doc, end, self.stopwords):
            end += 1
        words = [t.text for t in doc[start:end]]
        if not words or foreign and not any(is_foreign(w) and not is_upper_word(w) for w in words):
            return start
        if not (any(is_foreign(w) for w in words) or len(words) >= 2):
            return start  # "hãng. Đây": a sentence the full stop missed
        return end

    def _listed(self, doc: Doc, start: int, end: int, used: set[int], found: list[tuple[int, int, str]]) -> None:
        """The foreign names and acronyms listed right before and after a brand."""
        i = end
        while i + 1 < len(doc) and (doc[i].text == "," or lower(doc[i]) in self.coordinator):
            stop = self._name(doc, i + 1, used, foreign=False)
            if stop == i + 1 or not all(is_foreign(t.text) for t in doc[i + 1:stop]):
                break
            found.append((i + 1, stop, _CORPORATE))
            used.update(range(i + 1, stop))
            i = stop
        i = start
        while i >= 2 and doc[i - 1].text == "," and is_foreign(doc[i - 2].text) and i - 2 not in used \
                and is_cap(doc[i - 2]) and (i < 3 or not is_cap(doc[i - 3])):
            found.append((i - 2, i - 1, _CORPORATE))  # "của EVN, Sembcorp"
            used.add(i - 2)
            i -= 2


def is_foreign(word: str) -> bool:
    """A word in plain Latin letters that is no Vietnamese syllable ("Google", "Doosan"), or an acronym.

    >>> is_foreign("Google"), is_foreign("EVN"), is_foreign("Minh"), is_foreign("Việt")
    (True, True, False, False)
    """
    if not (word.isascii() and word.isalpha()):
        return False
    return is_upper_word(word) and len(word) >= 2 or not _SYLLABLE.match(word.lower())
