"""SPARQL text: a query read before a store runs it (form, SERVICE, parameters bound with VALUES), a write's update."""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from ..text import normalise
from ..vocab import PREFIXES
from .base import LabelChange, StoreError
from .labels import label_graph, label_triples

__all__ = ["query_form", "read_only_check", "offline_check", "bind_parameters", "NodeParam", "sparql_string",
           "write_update", "with_prefixes", "syntax_message"]

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


@dataclass(frozen=True)
class NodeParam:
    """A parameter's value that is a node (an IRI), bound as ``<iri>`` rather than as a string."""

    iri: str

    def sparql(self) -> str:
        if not _IRI.fullmatch(self.iri):
            raise StoreError(f"not an IRI: {self.iri!r}")
        return f"<{self.iri}>"


_IRI = re.compile(r"[A-Za-z][\w+.\-]*:[^<>\"{}|^`\\\x00-\x20]*")


def bind_parameters(query: str, params: Mapping[str, str | NodeParam]) -> str:
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
            value = params[text[1:]]
            term = value.sparql() if isinstance(value, NodeParam) else sparql_string(normalise(value))
            clause = f"VALUES ?{text[1:]} {{ {term} }}"
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


def with_prefixes(query: str) -> str:
    """The query with a PREFIX line for each of vnkg's prefixes (``vocab.PREFIXES``) it uses
    without declaring; a prefix the query declares keeps its own IRI.

    Examples
    --------
    >>> print(with_prefixes("SELECT ?z WHERE { ?z a vnkg:Zone ; skos:prefLabel ?n }"))
    PREFIX vnkg: <https://w3id.org/vnkg/ontology#>
    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    SELECT ?z WHERE { ?z a vnkg:Zone ; skos:prefLabel ?n }
    >>> with_prefixes("PREFIX res: <urn:mine#> SELECT * { ?s a res:Thing }")
    'PREFIX res: <urn:mine#> SELECT * { ?s a res:Thing }'
    """
    declared, used, previous = set(), [], ""
    for kind, text, _ in _tokens(query):
        if kind == "name":
            prefix = text.split(":", 1)[0]
            if previous == "PREFIX":
                declared.add(prefix)
            elif prefix in PREFIXES and prefix not in used:
                used.append(prefix)
        if kind not in ("space", "comment"):
            previous = text.upper() if kind == "word" else ""
    missing = [p for p in used if p not in declared]
    return "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in missing) + query


def syntax_message(message: str, query: str) -> str:
    """One line for a SPARQL parser's error: where, and the words there (not the grammar's
    list of what it expected).

    >>> syntax_message("error at 1:33: expected one of Prefix not found, ['%'], ['-' | '0'\\n]",
    ...                "SELECT ?x WHERE { ?x a vnk:Zone }")
    "SPARQL syntax error at line 1, column 33: unknown prefix 'vnk:'"
    >>> syntax_message("error at 1:1: expected CONSTRUCT", "SELEC ?x WHERE { ?x ?p ?o }")
    "SPARQL syntax error at line 1, column 1: near 'SELEC ?x WHERE { ?x' (expected CONSTRUCT)"
    """
    found = re.match(r"error at (\d+):(\d+): (?:expected )?(.*)", message, re.DOTALL)
    if not found:
        return "SPARQL syntax error: " + message.splitlines()[0][:160]
    line, column, expected = int(found[1]), int(found[2]), found[3]
    where = f"SPARQL syntax error at line {line}, column {column}"
    lines = query.splitlines() or [""]
    text = lines[min(line, len(lines)) - 1]
    if "Prefix not found" in expected:
        names = re.findall(r"(?<![\w<])[^\W\d][\w\-.]*:|(?<![\w<]):", text[:column])
        return f"{where}: unknown prefix {names[-1] if names else '?'!r}"
    near = " ".join(text[max(column - 1, 0):].split()[:5]) or "the end of the query"
    said = f" (expected {expected})" if len(expected) < 60 and "\n" not in expected else ""
    return f"{where}: near {near!r}{said}"


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
