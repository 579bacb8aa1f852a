"""Identities across reports: the key an entity's IRI is made from."""
from __future__ import annotations

import re
from collections import Counter
from functools import cache

from .. import lexicons
from .entity import Entity
from .locality import Locality
from .posts import Post
from .units import unit_identity

__all__ = ["assign_identities"]


def assign_identities(entities: dict[str, Entity], posts: list[Post], doc_id: str, locality: Locality) -> None:
    """Set ``entity.identity``: the same thing in two reports gets the same one.

    * persons: the name and the province of the bodies they hold posts in
      (two officials who share a name in two provinces stay apart); with no
      post, the report's province marked "~" (a bare mention and an official of one
      province are two IRIs, joined only by the store's rules); with a national post, the name alone;
    * organisations that belong to a place the report leaves unsaid ("Sở Nội
      vụ" in a report naming no province) stay within their report;
    * documents a province's body issues ("07-CTr/TU") carry that province.

    Examples
    --------
    >>> from pipeline.runner import run_stages
    >>> linked = run_stages("Chủ tịch UBND tỉnh Phú Thọ Bùi Minh Châu phát biểu.", until="link")
    >>> linked.entities["person:bùi minh châu"].identity
    'person:bùi minh châu@Phú Thọ'
    """
    province = locality.province
    held: dict[str, Counter[str]] = {}
    for post in posts:
        org = entities[post.org]
        held.setdefault(post.person, Counter())[org.province or "national"] += 1
    for key, ent in entities.items():
        identity = key
        if ent.kind == "place" and ent.code and ent.level != "country":
            identity = unit_identity(ent.code)  # the same code is the same node in every report
        elif ent.kind == "person" and not ent.byline:
            where = held.get(key)
            if not where:  # no post: its report's province, never an official's identity ("~")
                identity = f"{key}@~{province or ''}"
            elif (place := where.most_common(1)[0][0]) != "national":
                identity = f"{key}@{place}"
        elif ent.kind == "organisation" and not ent.located:
            identity = f"{key}@{doc_id}"
        elif ent.kind == "organisation" and province and _local_code(ent.name):
            identity = f"{key}@{province}"  # "Ban Chỉ đạo Chương trình số 07-CTr/TU": one per province
        elif ent.kind == "document" and province and _local_code(ent.identifier or ""):
            identity = f"{key}@{province}"
        ent.identity = identity


def _local_code(text: str) -> bool:
    """A document number a province's body issued ends with that body's code, after "/" or "-".

    >>> _local_code("Chương trình số 07-CTr/TU"), _local_code("Kế hoạch 12/KH-UBND"), _local_code("Đại học STU")
    (True, True, False)
    """
    return bool(_local_issuers().search(text))


@cache
def _local_issuers() -> re.Pattern[str]:
    codes = "|".join(re.escape(c) for c in lexicons.lines("local_issuers.txt"))
    return re.compile(rf"\d[^\s]*[/-](?:{codes})$")
