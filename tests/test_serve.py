"""vnkg serve: the web app's pages through Flask's client, and the real server driven in Debian's chromium."""
import json
import os
import re
import shutil
import subprocess
import sys
import time

import pytest

from pipeline.serve import Archive, create_app
from pipeline.store import Location, open_store

from conftest import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PHONG = "https://w3id.org/vnkg/resource/person/person-nguyen-van-phong-ha-noi-85df38"


@pytest.fixture(scope="module")
def client(corpus_store):
    archive = Archive.open(open_store(Location(path=corpus_store)))
    yield create_app(archive).test_client()
    archive.store.close()


def test_search_finds_an_official_with_or_without_diacritics_and_counts_kinds(client):
    for typed in ("Nguyễn Văn Phong", "nguyen van phong", "NGUYEN VAN PHONG"):
        page = client.get("/search", query_string={"q": typed}).get_data(as_text=True)
        assert f'href="/entity?iri={PHONG}"' in page.replace("%3A", ":").replace("%2F", "/"), typed
    page = client.get("/search", query_string={"q": "ha noi"}).get_data(as_text=True)
    facets = dict(re.findall(r'class="facet kind-(\w+)[^"]*">\w+ <b>(\d+)</b>', page))
    assert int(facets["Organisation"]) >= 5 and int(facets["Place"]) >= 1
    only = client.get("/search", query_string={"q": "ha noi", "kind": "Place"}).get_data(as_text=True)
    assert "Hà Nội" in only and "Thành ủy Hà Nội" not in only


def test_an_entity_page_has_posts_with_their_sentences_links_and_a_small_neighbourhood(client):
    response = client.get("/entity", query_string={"iri": PHONG})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "<h1" in page and "Nguyễn Văn Phong" in page
    assert "Phó Bí thư Thường trực" in page and "Thành ủy Hà Nội" in page
    assert "Phó Bí thư Thường trực Thành ủy Nguyễn Văn Phong" in page  # the sentence that states the post
    assert "Phát triển khoa học, công nghệ và đổi mới sáng tạo" in page  # the report that states it
    graph = json.loads(_first(r'id="neighbourhood-data">(.*?)</script>', page))
    assert 5 <= len(graph["nodes"]) <= 40 and {n["data"]["id"] for n in graph["nodes"]} >= {PHONG}
    assert client.get("/entity", query_string={"iri": "urn:nobody"}).status_code == 404


def test_a_zone_page_charts_its_figures_and_a_report_page_highlights_mentions_by_kind(client):
    page = client.get("/search", query_string={"q": "khu cong nghe cao hoa lac"}).get_data(as_text=True)
    iri = _first(r'href="/entity\?iri=([^"]+)"', page)
    zone = client.get(f"/entity?iri={iri}").get_data(as_text=True)
    assert "111 dự án" in zone and "Figures about it" in zone
    report = _first(r'href="/report/(\w+)"', zone)
    text = client.get(f"/report/{report}").get_data(as_text=True)
    marks = re.findall(r'<mark class="kind-(\w+)" title="[^"]*">(?:<a [^>]*>)?([^<]+)', text)
    kinds = {k for k, _ in marks}
    assert {"Person", "Organisation", "Zone", "Figure"} <= kinds
    assert ("Person", "Nguyễn Văn Phong") in marks and ("Figure", "111 dự án") in marks
    assert client.get("/report/0000000000000000").status_code == 404


def test_the_sparql_page_runs_ready_questions_and_downloads_csv_and_json(client):
    page = client.get("/sparql", query_string={"name": "officials"}).get_data(as_text=True)
    assert "Nguyễn Văn Phong" in page and re.search(r'id="result-count">(\d+) rows', page)
    asked = {"query": "SELECT ?name WHERE { ?z a vnkg:Zone ; skos:prefLabel ?name } ORDER BY ?name"}  # no PREFIX
    csv = client.get("/sparql.csv", query_string=asked)
    assert csv.data.startswith("\ufeffname\r\n".encode()) and "Khu công nghệ cao Hòa Lạc" in csv.get_data(as_text=True)
    results = json.loads(client.get("/sparql.json", query_string=asked).data)
    assert "Khu công nghệ cao Hòa Lạc" in {b["name"]["value"] for b in results["results"]["bindings"]}
    refused = client.get("/sparql", query_string={"query": "DELETE WHERE { ?s ?p ?o }"}).get_data(as_text=True)
    assert "queries are read-only" in refused
    broken = client.get("/sparql", query_string={"query": "SELECT ?x WHERE { ?x a vnk:Zone }"}).get_data(as_text=True)
    assert "unknown prefix &#39;vnk:&#39;" in broken


@pytest.fixture()
def server(corpus_store):
    """`vnkg serve` started as a user would, on a free loopback port."""
    process = subprocess.Popen([sys.executable, "-m", "pipeline", "serve", "--store", str(corpus_store),
                                "--port", "0"], stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        line = ""
        deadline = time.monotonic() + 120
        while "serving" not in line and time.monotonic() < deadline and process.poll() is None:
            line = process.stderr.readline() if process.stderr else ""
        url = re.search(r"at (http://127\.0\.0\.1:\d+/)", line)
        assert url, line
        yield url.group(1)
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")
def test_an_analyst_searches_opens_follows_and_asks_in_chromium(server, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    errors: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        outside: list[str] = []
        page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(server) else None)
        page.goto(server)
        page.fill("#q", "nguyen van phong")
        page.press("#q", "Enter")
        page.click("a.hit >> text=Nguyễn Văn Phong")
        page.wait_for_selector("#neighbourhood[data-rendered-nodes]")
        assert "Nguyễn Văn Phong" in page.inner_text("h1")
        assert int(page.get_attribute("#neighbourhood", "data-rendered-nodes") or 0) >= 5
        shot = ROOT / "docs" / "serve-entity.png" if os.environ.get("VNKG_SCREENSHOT") else tmp_path / "entity.png"
        page.screenshot(path=str(shot))
        assert shot.stat().st_size > 20_000
        page.click("table.list a >> text=Thành ủy Hà Nội")
        assert "Thành ủy Hà Nội" in page.inner_text("h1")
        assert "Nguyễn Văn Phong" in page.inner_text("table.list")  # a holder of a post there
        page.click("nav a >> text=SPARQL")
        page.click("a.ready-question >> text=officials")
        assert int(page.inner_text("#result-count").split()[0]) > 10
        assert "Nguyễn Văn Phong" in page.inner_text("table.results")
        browser.close()
    assert errors == [] and outside == []


def _first(pattern: str, text: str) -> str:
    found = re.search(pattern, text, re.S)
    assert found, pattern
    return found.group(1)
