"""Identities across reports: the key an entity's IRI is made from."""
from __future__ import annotations

from collections import Counter

from .entities import Entity
from .posts import Post

__all__ = ["assign_identities"]

# Document numbers issued by a province's bodies repeat in every province ("07-CTr/TU").
_LOCAL_ISSUERS = ("TU", "UBND", "HĐND", "HU", "QU", "TX", "SNV", "BCĐ")


def assign_identities(entities: dict[str, Entity], posts: list[Post], doc_id: str, locality: dict) -> None:
    """Set ``entity.attrs["identity"]``: the same thing in two reports gets the same one.

    * persons: the name and the province of the bodies they hold posts in
      (two officials who share a name in two provinces stay apart); with no
      post, the report's province; with a national post, the name alone;
    * organisations that belong to a place the report leaves unsaid ("Sở Nội
      vụ" in a report naming no province) stay within their report;
    * documents a province issues ("07-CTr/TU") carry that province.

    Examples
    --------
    >>> from pipeline.runner import run_stages
    >>> linked = run_stages("Chủ tịch UBND tỉnh Phú Thọ Bùi Minh Châu phát biểu.", until="link")
    >>> linked.entities["person:bùi minh châu"].attrs["identity"]
    'person:bùi minh châu@Phú Thọ'
    """
    province = locality.get("province")
    held: dict[str, Counter] = {}
    for post in posts:
        org = entities[post.org]
        held.setdefault(post.person, Counter())[org.attrs.get("province") or "national"] += 1
    for key, ent in entities.items():
        identity = key
        if ent.kind == "person" and not ent.attrs.get("byline"):
            where = held.get(key)
            place = where.most_common(1)[0][0] if where else province
            if place and place != "national":
                identity = f"{key}@{place}"
        elif ent.kind == "organisation" and not ent.attrs.get("located", True):
            identity = f"{key}@{doc_id}"
        elif ent.kind == "organisation" and province and _local_code(ent.name):
            identity = f"{key}@{province}"  # "Ban Chỉ đạo Chương trình số 07-CTr/TU": one per province
        elif ent.kind == "document" and province and _local_code(str(ent.attrs.get("identifier", ""))):
            identity = f"{key}@{province}"
        ent.attrs["identity"] = identity


def _local_code(text: str) -> bool:
    """A document number a province's body issued ends with that body's code."""
    return any(text.endswith(code) for code in _LOCAL_ISSUERS)
