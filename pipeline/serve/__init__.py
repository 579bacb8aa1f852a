"""``vnkg serve``: a local, read-only web app over a store (Flask pages served by waitress)."""
from __future__ import annotations

from collections.abc import Callable

from flask import Flask

from .app import KIND_COLOURS, create_app
from .archive import Archive, EntityPage
from .report import ReportPage, report_page

__all__ = ["Archive", "EntityPage", "ReportPage", "create_app", "report_page", "run", "KIND_COLOURS"]


def run(app: Flask, host: str = "127.0.0.1", port: int = 8019, threads: int = 4,
        announce: Callable[[str], None] | None = None) -> None:
    """Serve ``app`` with waitress until interrupted; ``announce`` is told the address once it listens
    (port 0 picks a free one)."""
    from waitress.server import create_server

    server = create_server(app, host=host, port=port, threads=threads, ident="vnkg")
    bound_port = server.socket.getsockname()[1]
    from urllib.parse import urlunsplit

    shown = f"[{host}]" if ":" in host else host
    if announce is not None:
        announce(urlunsplit(("http", f"{shown}:{bound_port}", "/", "", "")))
    try:
        server.run()
    finally:
        server.close()
