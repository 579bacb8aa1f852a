"""The web app's pages (Flask and Jinja2 templates), read-only over an ``Archive``."""
from __future__ import annotations

import json
from typing import Any

from flask import Flask, Response, abort, render_template, request, url_for

from ..store import StoreError, named_queries, run_query
from .archive import Archive
from .report import report_page

__all__ = ["create_app", "KIND_COLOURS", "MAX_ROWS"]

# The colour of each kind, on the graph, the charts and the highlighted text alike.
KIND_COLOURS = {"Person": "#d1495b", "Organisation": "#2e86ab", "Place": "#66a182", "Zone": "#edae49",
                "Document": "#6c757d", "Post": "#b56576", "Figure": "#8d99ae", "Event": "#7b2cbf",
                "Indicator": "#adb5bd"}
# A SPARQL result page shows at most this many rows (the downloads have them all).
MAX_ROWS = 500


def create_app(archive: Archive) -> Flask:
    """The Flask app over ``archive``: search, entity, report, reports, SPARQL and the charts.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from pipeline.store import Location, open_store, ingest
    >>> folder = pathlib.Path(tempfile.mkdtemp()) / "store"
    >>> with open_store(Location(path=folder), write=True) as store:
    ...     _ = ingest(store, ["corpus/hanoi-khcn-2025.txt"])
    >>> client = create_app(Archive.open(open_store(Location(path=folder)))).test_client()
    >>> page = client.get("/search?q=nguyen van phong").get_data(as_text=True)
    >>> "Nguyễn Văn Phong" in page
    True
    """
    app = Flask(__name__)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]

    @app.context_processor
    def common() -> dict[str, Any]:
        return {"colours": KIND_COLOURS, "location": str(archive.location), "kinds": archive.kinds}

    @app.get("/")
    def index() -> str:
        by_kind = dict(archive.kinds.most_common())
        provinces = [(e.label, n) for e, n in archive.provinces[:25]]
        recent = archive.catalog
        return render_template("index.html", by_kind=by_kind, provinces=provinces, recent=recent[:15],
                               total_reports=len(recent))

    @app.get("/search")
    def search() -> str:
        text = request.args.get("q", "").strip()
        kind = request.args.get("kind") or None
        hits = archive.names.search(text, kind, limit=200) if text else []
        facets = archive.names.facets(text) if text else {}
        return render_template("search.html", q=text, kind=kind, hits=hits, facets=facets)

    @app.get("/entity")
    def entity() -> str:
        page = archive.entity(request.args.get("iri", ""))
        if page is None:
            abort(404)
        return render_template("entity.html", page=page, series=page.series(), graph=page.graph)

    @app.get("/report/<content_hash>")
    def report(content_hash: str) -> str:
        page = report_page(archive.store, archive.names, content_hash)
        if page is None:
            abort(404)
        return render_template("report.html", page=page)

    @app.get("/reports")
    def all_reports() -> str:
        return render_template("reports.html", reports=archive.catalog)

    @app.get("/sparql")
    def sparql() -> str:
        text, params, name = _query_asked()
        columns: list[str] = []
        rows: list[list[str]] = []
        error = ""
        if text.strip():
            try:
                result = run_query(archive.store, text, "table", params)
                if result.fmt == "table":
                    columns, rows = result.columns, result.rows
                else:
                    columns, rows = ["turtle"], [[result.data.decode("utf-8")]]
            except StoreError as exc:
                error = str(exc)
        asked: dict[str, Any] = dict(request.args.items())
        links = {fmt: url_for("download", fmt=fmt, **asked) for fmt in ("csv", "json")}
        return render_template("sparql.html", query=text, name=name, params=params, ready=named_queries(),
                               columns=columns, rows=rows[:MAX_ROWS], total=len(rows), error=error, links=links)

    @app.get("/sparql.<fmt>")
    def download(fmt: str) -> Response:
        if fmt not in ("csv", "json"):
            abort(404)
        text, params, _ = _query_asked()
        try:
            result = run_query(archive.store, text, fmt, params)
        except StoreError as exc:
            return Response(str(exc) + "\n", status=400, mimetype="text/plain")
        data = ("\ufeff".encode() + result.data) if result.fmt == "csv" else result.data  # a BOM: Excel reads UTF-8
        mime = {"csv": "text/csv", "json": "application/sparql-results+json", "turtle": "text/turtle"}[result.fmt]
        suffix = {"csv": "csv", "json": "json", "turtle": "ttl"}[result.fmt]
        return Response(data, mimetype=mime,
                        headers={"Content-Disposition": f"attachment; filename=vnkg-result.{suffix}"})

    @app.template_filter("json_script")
    def json_script(value: object) -> str:
        """JSON safe inside a <script type="application/json"> element."""
        return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")

    return app


def _query_asked() -> tuple[str, dict[str, str], str]:
    """The query a request asks (its text, or a ready question by name) and its parameters."""
    name = request.args.get("name", "")
    params = {k[6:]: v for k, v in request.args.items() if k.startswith("param.") and v}
    if name in named_queries() and not request.args.get("query"):
        ready = named_queries()[name]
        if set(ready.params) - set(params):
            return "", params, name
        return ready.text, params, name
    return request.args.get("query", ""), params, name
