"""SPARQL text: a query read before a store runs it (form, SERVICE, parameters bound with VALUES), a write's update."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..text import normalise
from .base import LabelChange, StoreError
from .labels import label_graph, label_triples

__all__ = ["query_form", "read_only_check", "offline_check", "bind_parameters", "sparql_string", "write_update"]

_QUERY_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
_UPDATE_FORMS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")
# Tokens of the SPARQL 1.1 grammar (section 19.8) that matter here; anything else is one
# character at a time. Strings, IRIs and comments are whole tokens, so nothing in them is
# taken for a keyword, a variable or a brace.
_TOKENS = re.compile(r"""
    (?P<comment>\#[^\n\r]*)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
              |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$]\w+)
  | (?P<name>(?:[^\W\d][\w.\-]*)?:[\w.\-:%\\]*)
  | (?P<word>[^\W\d][\w\-]*)
  | (?P<open>\{) | (?P<close>\})
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)


def query_form(query: str) -> str:
    """The keyword that decides what a SPARQL request is: the first one after
    comments and the prologue (``BASE <iri>``, ``PREFIX pname: <iri>``), upper-cased;
    "" when there is none, BASE or PREFIX when the prologue is malformed.

    Examples
    --------
    >>> query_form("# who\\nPREFIX add: <urn:x#> BASE <urn:b> select ?copy WHERE { ?copy add:p ?o }")
    'SELECT'
    >>> query_form("PREFIX : <urn:x#> DELETE WHERE { ?s :p ?o }")
    'DELETE'
    """
    pending, state = "", ""  # a BASE or PREFIX being read, and what it needs next: "name", then "iri"
    for kind, text, _ in _tokens(query):
        if kind in ("space", "comment"):
            continue
        if state == "name":
            if kind != "name" or not text.endswith(":"):
                return pending
            state = "iri"
        elif state == "iri":
            if kind != "iri":
                return pending
            state = ""
        elif kind == "word" and text.upper() in ("BASE", "PREFIX"):
            pending, state = text.upper(), ("name" if text.upper() == "PREFIX" else "iri")
        else:
            return text.upper() if kind == "word" else ""
    return pending if state else ""


def read_only_check(query: str) -> None:
    """Refuse anything but a query: ``vnkg query`` never changes a store.

    The SPARQL grammar decides, not keywords anywhere in the text: after the
    prologue a query starts with SELECT, CONSTRUCT, DESCRIBE or ASK; an update
    starts with INSERT, DELETE, LOAD, CLEAR, DROP, CREATE, ADD, MOVE, COPY or WITH.

    Examples
    --------
    >>> read_only_check("PREFIX add: <http://www.w3.org/ns/org#> SELECT ?copy WHERE { ?copy add:holds ?p }")
    >>> read_only_check("DELETE WHERE { ?s ?p ?o }")
    Traceback (most recent call last):
    pipeline.store.base.StoreError: queries are read-only: SPARQL updates (DELETE) are refused
    >>> read_only_check("SELEC * WHERE { ?s ?p ?o }")
    Traceback (most recent call last):
    pipeline.store.base.StoreError: not a SPARQL query: it starts with 'SELEC', not SELECT, CONSTRUCT, DESCRIBE or ASK
    """
    form = query_form(query)
    if form in _QUERY_FORMS or form in ("BASE", "PREFIX"):  # a broken prologue: the parser says where
        return
    if form in _UPDATE_FORMS:
        raise StoreError(f"queries are read-only: SPARQL updates ({form}) are refused")
    found = f"with {form!r}" if form else "with no keyword"
    raise StoreError(f"not a SPARQL query: it starts {found}, not SELECT, CONSTRUCT, DESCRIBE or ASK")


def offline_check(query: str) -> None:
    """Refuse a query that calls a remote SPARQL service: the local store never reaches the network.

    >>> offline_check('SELECT * { ?s <urn:service> "SERVICE" . ?s ex:service ?o }  # SERVICE')
    >>> offline_check("SELECT * { service <http://example.org/sparql> { ?s ?p ?o } }")
    Traceback (most recent call last):
    pipeline.store.base.StoreError: SERVICE calls are refused: the local store never reaches the network
    """
    if any(kind == "word" and text.upper() == "SERVICE" for kind, text, _ in _tokens(query)):
        raise StoreError("SERVICE calls are refused: the local store never reaches the network")


def bind_parameters(query: str, params: dict[str, str]) -> str:
    """The query with each parameter bound to its value, a string literal normalised as report
    text is: a ``VALUES ?name { "value" }`` opens each group that uses ``$name`` (or
    ``?name``), or ends the query where the use is outside any group. The query's own text
    is kept; a value is never read as SPARQL, nor substituted into another value.

    Examples
    --------
    >>> bind_parameters('SELECT ?x { { SELECT ?x { ?x ?p ?l FILTER(CONTAINS(?l, $name)) } } }', {"name": "Hoà"})
    'SELECT ?x { { SELECT ?x { VALUES ?name { "Hòa" } ?x ?p ?l FILTER(CONTAINS(?l, $name)) } } }'
    >>> bind_parameters('SELECT ?n { ?p <urn:n> ?n FILTER(?n IN ($a, $b)) }', {"a": "$b", "b": 'x" } #'})
    'SELECT ?n { VALUES ?a { "$b" } VALUES ?b { "x\\\\" } #" } ?p <urn:n> ?n FILTER(?n IN ($a, $b)) }'
    """
    if not params:
        return query
    inserts: dict[int, list[str]] = {}  # position after a "{" (or the end) -> the VALUES clauses it gets
    groups: list[tuple[int, str]] = []  # open braces: (position after it, the keyword before it)
    previous = ""
    for kind, text, end in _tokens(query):
        if kind == "open":
            groups.append((end, previous))
        elif kind == "close" and groups:
            groups.pop()
        elif kind == "var" and text[1:] in params:
            inside = groups[-1] if groups and groups[-1][1] != "CONSTRUCT" else None  # not in a template
            where = inside[0] if inside else len(query)
            clause = f"VALUES ?{text[1:]} {{ {sparql_string(normalise(params[text[1:]]))} }}"
            if clause not in inserts.setdefault(where, []):
                inserts[where].append(clause)
        if kind not in ("space", "comment"):
            previous = text.upper() if kind == "word" else ""
    pieces, last = [], 0
    for where in sorted(inserts):
        joined = " ".join(inserts[where])
        pieces += [query[last:where], f" {joined}" if where < len(query) else f"\n{joined}"]
        last = where
    return "".join(pieces) + query[last:]


def write_update(drop: list[str], graph: str | None, ntriples: str, labels: dict[str, LabelChange]) -> str:
    """The one SPARQL Update that does what ``GraphStore.write`` says: drop report graphs, write
    one, change preferred labels. One request, so one transaction on any store; "" when there is
    nothing to do.

    A changed label is deleted as the one triple it is, and a new one needs no delete: dropping
    label graphs cost a quarter of each report's write (measured over 300 news reports).

    >>> print(write_update(["urn:g:old"], "urn:g:new", "<urn:a> <urn:b> <urn:c> .", {}))
    DROP SILENT GRAPH <urn:g:old> ;
    INSERT DATA {
    GRAPH <urn:g:new> {
    <urn:a> <urn:b> <urn:c> .
    }
    }
    """
    gone = [label_graph(e) for e, change in labels.items() if change.new is None]
    steps = [f"DROP SILENT GRAPH <{g}>" for g in [*drop, *gone]]
    old = [f"GRAPH <{label_graph(e)}> {{ {label_triples(e, change.old)} }}"
           for e, change in labels.items() if change.old is not None and change.new is not None]
    if old:
        steps.append("DELETE DATA {\n" + "\n".join(old) + "\n}")
    inserts = [f"GRAPH <{label_graph(e)}> {{ {label_triples(e, change.new)} }}"
               for e, change in labels.items() if change.new is not None]
    with_graph = bool(graph and ntriples.strip())
    if not with_graph and not inserts:
        return " ;\n".join(steps)
    # The report's triples are the bulk of the text: joined once, not copied step by step.
    pieces = [" ;\n".join(steps) + " ;\n" if steps else "", "INSERT DATA {\n"]
    if with_graph:
        pieces += [f"GRAPH <{graph}> {{\n", ntriples, "\n}\n" if inserts else "\n}"]
    pieces += ["\n".join(inserts), "\n}"]
    return "".join(pieces)


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def sparql_string(value: str) -> str:
    """A SPARQL string literal holding ``value`` (without importing rdflib: queries start fast).

    >>> print(sparql_string('Nguyễn "Văn" Phong\\n'))
    "Nguyễn \\"Văn\\" Phong\\n"
    """
    return '"' + value.translate(_ESCAPES) + '"'


def _tokens(query: str) -> Iterator[tuple[str, str, int]]:
    """(kind, text, end) of each token; white space is a "space" token."""
    for match in _TOKENS.finditer(query):
        kind = match.lastgroup or "other"
        text = match.group()
        if kind == "other" and text.isspace():
            kind = "space"
        yield kind, text, match.end()
