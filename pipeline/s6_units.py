"""Stage 6, places: administrative units with their codes, parents and 2025 successors; bodies' units."""
from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from .keys import name_key
from .lexicons.admin_units import REFORM_DATE, AdminUnit, admin_unit, admin_units_named
from .report_triples import ReportTriples
from .s5_link import Entity
from .s5_link.units import unit_identity
from .terms import lit as Literal
from .terms import namespaces
from .terms import res as RES

__all__ = ["unit_iri", "place_triples", "jurisdiction_triples"]

_NS = namespaces()
RDF, XSD, SDO, DCTERMS = (_NS[p] for p in ("rdf", "xsd", "schema", "dcterms"))
_LAST_DAY = Literal("2025-06-30", datatype=XSD.date)  # the old units' last day


def unit_iri(code: str) -> ox.NamedNode:
    """The node of an administrative unit: one per code, in every report.

    >>> unit_iri("08").value
    'https://w3id.org/vnkg/resource/place/vn-08'
    """
    return RES("place", unit_identity(code))


def place_triples(g: ReportTriples, V: Any, ent: Entity, node: ox.NamedNode) -> None:
    """A resolved place's code; for a Vietnamese unit, the units above it (in the era the report
    names it) and, when it ceased on 1 July 2025, what replaced it, each with its code and name.

    Examples
    --------
    >>> from pipeline.runner import run_stages
    >>> g = run_stages("Năm 2017, tỉnh Hà Giang đón 1 triệu lượt khách.", until="graph")
    >>> q = '''SELECT ?code ?next WHERE { ?p vnkg:adminCode ?code ; dcterms:isReplacedBy/vnkg:adminCode ?next }'''
    >>> [(str(r.code), str(r.next)) for r in g.query(q)]
    [('02', '08')]
    """
    if not ent.code:
        return
    if ent.level == "country":
        g.add((node, V.isoCode, Literal(ent.code)))
        return
    _unit(g, V, ent.code, ent.code_era or "new", set())


def jurisdiction_triples(g: ReportTriples, V: Any, ent: Entity, node: ox.NamedNode, iris: dict[str, ox.NamedNode],
                         date: str | None) -> None:
    """A body of a locality to its unit: the place its name ends with, else the province it belongs
    to (named in the report or inferred from it), resolved by name; a foreign body to its country."""
    if ent.place and ent.place in iris:
        g.add((node, V.jurisdiction, iris[ent.place]))
        return
    if not ent.province:
        return
    named = iris.get(f"province:{ent.province}")
    if named is not None:
        g.add((node, V.jurisdiction, named))
        return
    era = "old" if date and date < REFORM_DATE else "new"
    codes = {u.code for u in admin_units_named(name_key(ent.province)) if u.level == "province"}
    if len(codes) == 1:
        code = codes.pop()
        g.add((node, V.jurisdiction, unit_iri(code)))
        _unit(g, V, code, era, set())


def _unit(g: ReportTriples, V: Any, code: str, era: str, done: set[str]) -> None:
    """The unit of ``code`` as it was in ``era``: code, name, the unit above, successors."""
    if code in done:
        return
    done.add(code)
    units = admin_unit(code)
    if not units:
        return
    unit: AdminUnit = next((u for u in units if u.era == era), units[-1])
    node = unit_iri(code)
    g.add((node, RDF.type, V.AdministrativeUnit))
    g.add((node, V.adminCode, Literal(code)))
    g.add((node, SDO.name, Literal(unit.official_name, lang="vi")))
    if unit.parent:
        g.add((node, SDO.containedInPlace, unit_iri(unit.parent)))
        _unit(g, V, unit.parent, unit.era, done)
    if unit.ceased:
        g.add((node, SDO.validThrough, _LAST_DAY))
        for successor in unit.successors:
            g.add((node, DCTERMS.isReplacedBy, unit_iri(successor)))
            _unit(g, V, successor, "new", done)
