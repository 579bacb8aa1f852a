"""What linking states about one report: entities, posts, figures and the event."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..s1_read import Document
from ..s4_recognise import Mentions
from .entity import Entity
from .events import Event
from .figures import Figure
from .locality import Locality
from .posts import Post

__all__ = ["Linked"]


@dataclass
class Linked:
    """Stage-5 output: everything the graph states about one report."""

    document: Document
    entities: dict[str, Entity]
    posts: list[Post]
    figures: list[Figure]
    event: Event | None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    mentions: Mentions = field(default_factory=Mentions)
    locality: Locality = field(default_factory=Locality)
