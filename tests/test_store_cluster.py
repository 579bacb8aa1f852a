"""Ingest on a real Dask cluster: a scheduler and two one-thread workers started on loopback by the tests."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.store import ClusterOptions, Location, StoreError, ingest, ingest_on_cluster, open_store

from conftest import CORPUS, ROOT, SHARED, store_quads

pytest.importorskip("distributed", reason="Dask is not installed (pip install 'vnkg[cluster]')")

NEWS = SHARED / "corpus" / "news"

# Short reports of our own, so the cluster is tested without ../shared.
REPORTS = {
    "quang-ninh-2025.txt": (
        "UBND tỉnh Quảng Ninh tổ chức hội nghị xúc tiến đầu tư năm 2025\n\n"
        "Ngày 12/3/2025, UBND tỉnh Quảng Ninh tổ chức hội nghị xúc tiến đầu tư vào Khu công nghiệp Sông Khoai. "
        "Ông Cao Tường Huy, Chủ tịch UBND tỉnh Quảng Ninh, chủ trì hội nghị. Khu công nghiệp có diện tích "
        "714 ha, đã thu hút 12 dự án với tổng vốn đăng ký 1,2 tỷ USD.\n"),
    "can-tho-2024.txt": (
        "Thành ủy Cần Thơ sơ kết công tác chuyển đổi số\n\n"
        "Ngày 5/7/2024, Thành ủy Cần Thơ tổ chức hội nghị sơ kết công tác chuyển đổi số 6 tháng đầu năm. "
        "Bà Lê Thị Mai, Phó Chủ tịch UBND thành phố Cần Thơ, cho biết thành phố đã đưa 1.250 thủ tục hành "
        "chính lên môi trường điện tử. Sở Thông tin và Truyền thông thành phố Cần Thơ được giao hoàn thành "
        "kho dữ liệu dùng chung trong năm 2024.\n"),
    "nghe-an-2025.txt": (
        "Nghệ An khởi công nhà máy tại Khu kinh tế Đông Nam\n\n"
        "Sáng 20/4/2025, tại Khu kinh tế Đông Nam Nghệ An, Ban Quản lý Khu kinh tế Đông Nam tổ chức lễ khởi công "
        "nhà máy linh kiện điện tử có vốn đầu tư 150 triệu USD. Ông Nguyễn Đức Trung, Chủ tịch UBND tỉnh Nghệ "
        "An, dự và phát biểu tại buổi lễ. Nhà máy dự kiến tạo việc làm cho 3.000 lao động.\n"),
}


@pytest.fixture(scope="module")
def cluster():
    """A ``dask scheduler`` and two ``dask worker`` processes (one thread each) on free loopback ports."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    procs = [_start("dask_scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard")]
    for _ in range(2):
        procs.append(_start("dask_worker", address, "--nthreads", "1", "--host", "127.0.0.1", "--no-dashboard",
                            "--memory-limit", "0"))
    try:
        _wait_for_workers(address, 2, procs)
        yield address, procs
    finally:
        for proc in reversed(procs):
            _kill(proc)


@pytest.mark.slow
def test_reports_of_our_own_through_the_cluster_are_the_one_process_store(cluster, tmp_path):
    address, _ = cluster
    files = _write_reports(tmp_path) + sorted(CORPUS.glob("*.txt"))
    broken = tmp_path / "bang-tinh.xlsx"
    broken.write_bytes(b"PK\x03\x04 not a report")
    via_cluster, alone = tmp_path / "cluster", tmp_path / "alone"
    with open_store(Location(path=via_cluster), write=True) as store:
        report = ingest_on_cluster(store, [*files, broken], ClusterOptions(address, batch=2))
    assert sorted(report.added) == sorted(str(f.resolve()) for f in files)
    assert [path for path, _ in report.failed] == [str(broken)]
    with open_store(Location(path=alone), write=True) as store:
        ingest(store, files, jobs=1)
    assert store_quads(via_cluster) == store_quads(alone)
    with open_store(Location(path=via_cluster), write=True) as store:  # again: nothing to do
        again = ingest_on_cluster(store, files, ClusterOptions(address, batch=4))
    assert sorted(again.unchanged) == sorted(map(str, files)) and not again.added
    assert store_quads(via_cluster) == store_quads(alone)


@pytest.mark.slow
def test_the_cli_ingests_through_the_cluster(cluster, tmp_path):
    address, _ = cluster
    files = _write_reports(tmp_path)
    missing = tmp_path / "khong-co.txt"
    store = tmp_path / "store"
    result = CliRunner().invoke(cli, ["ingest", *map(str, files), str(missing), "--store", str(store),
                                      "--cluster", address, "--batch", "2"])
    assert result.exit_code == 1, result.stderr
    assert f"vnkg: {missing}:" in result.stderr and "3 added, 0 replaced, 0 unchanged, 1 failed" in result.stderr
    result = CliRunner().invoke(cli, ["query", "--named", "officials", "--format", "csv", "--store", str(store)])
    assert "Cao Tường Huy" in result.output and "Nguyễn Đức Trung" in result.output
    result = CliRunner().invoke(cli, ["ingest", str(files[0]), "--store", str(store), "--cluster", address,
                                      "--jobs", "2"])
    assert result.exit_code == 2 and "not both" in result.stderr


@pytest.mark.slow
def test_shards_for_the_bulk_path_extracted_on_the_cluster(cluster, tmp_path):
    from pipeline.store.bulk import write_shards

    address, _ = cluster
    files = _write_reports(tmp_path)
    result = CliRunner().invoke(cli, ["extract", str(tmp_path), "--format", "nquads", "--output-dir",
                                      str(tmp_path / "on-cluster"), "--for-store", "--cluster", address])
    assert result.exit_code == 0, result.stderr
    write_shards(files, tmp_path / "here")
    on_cluster, here = _shard_lines(tmp_path / "on-cluster"), _shard_lines(tmp_path / "here")
    assert on_cluster == here and len(here) == 5


@pytest.mark.slow
def test_a_report_that_times_out_twice_is_named_and_the_others_are_stored(cluster, tmp_path):
    address, _ = cluster
    files = _write_reports(tmp_path)
    long_report = tmp_path / "bao-cao-dai.txt"  # seconds to extract, against a timeout of one
    long_report.write_text("Báo cáo tổng hợp\n\n" + "\n\n".join(REPORTS.values()) * 120, encoding="utf-8")
    with open_store(Location(path=tmp_path / "store"), write=True) as store:
        report = ingest_on_cluster(store, [long_report], ClusterOptions(address, timeout=1))
        assert report.failed == [(str(long_report), "timed out after 1 s (tried twice)")] and not report.added
        report = ingest_on_cluster(store, files, ClusterOptions(address, batch=3))
    assert len(report.added) == 3 and not report.failed


def test_an_unreachable_scheduler_is_a_store_error(tmp_path):
    with open_store(Location(path=tmp_path / "store"), write=True) as store, pytest.raises(StoreError) as caught:
        ingest_on_cluster(store, [CORPUS / "hanoi-khcn-2025.txt"],
                          ClusterOptions(f"tcp://127.0.0.1:{_free_port()}", connect_timeout=2))
    assert "cannot reach the Dask scheduler" in str(caught.value)


@pytest.mark.slow
@pytest.mark.skipif(not NEWS.is_dir(), reason="../shared/corpus/news is not present")
def test_two_hundred_news_reports_with_a_worker_killed_midway(cluster, tmp_path):
    """Last in this module: it kills one of the module's workers."""
    address, procs = cluster
    files = sorted(NEWS.glob("*.txt"))[:200]
    assert len(files) == 200
    killed_at: list[int] = []
    written: list[str] = []

    def tick(path: str) -> None:
        written.append(path)
        if len(written) == 40:  # one worker dies with the batches it holds
            _kill(procs[2])
            killed_at.append(len(written))

    via_cluster, alone = tmp_path / "cluster", tmp_path / "alone"
    with open_store(Location(path=via_cluster), write=True) as store:
        report = ingest_on_cluster(store, files, ClusterOptions(address, batch=5), progress=tick)
    assert killed_at == [40] and procs[2].poll() is not None
    assert report.failed == [] and len(report.added) == 200 and len(written) == 200
    with open_store(Location(path=alone), write=True) as store:
        assert len(ingest(store, files, jobs=1).added) == 200
    assert store_quads(via_cluster) == store_quads(alone)


def _write_reports(folder: Path) -> list[Path]:
    files = []
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
        files.append(folder / name)
    return files


def _shard_lines(folder: Path) -> dict[str, set[str]]:
    return {p.name: set(p.read_text(encoding="utf-8").splitlines()) for p in folder.iterdir()}



def _start(program: str, *args: str) -> subprocess.Popen:
    """``dask scheduler`` or ``dask worker`` in a session of its own, importing this checkout's vnkg."""
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    return subprocess.Popen([sys.executable, "-m", f"distributed.cli.{program}", *args], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_workers(address: str, n: int, procs: list[subprocess.Popen]) -> None:
    from distributed import Client

    deadline = time.monotonic() + 60
    while True:
        try:
            with Client(address, timeout=5, set_as_default=False) as client:
                client.wait_for_workers(n, timeout=max(1.0, deadline - time.monotonic()))
                return
        except (OSError, TimeoutError):
            if time.monotonic() > deadline or any(p.poll() is not None for p in procs):
                pytest.fail("the Dask scheduler or its workers did not start")
            time.sleep(0.5)


def _kill(proc: subprocess.Popen) -> None:
    """The process and what it started (a worker's nanny and its worker) at once."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
