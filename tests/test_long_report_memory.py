"""A long report read in windows keeps of each window only what merging reads, and writes the same graph."""
import io

import pipeline
import pipeline.runner as runner
from pipeline.formats import write_rdf
from pipeline.s5_link import Linked

# Written for this test: an event in the first lines, its chair and attendees named windows later.
TEXT = """Sáng 12/3, Ủy ban nhân dân tỉnh Quảng Trị tổ chức hội nghị tổng kết công tác cải cách hành chính năm 2025.
Hội nghị có sự tham gia của đại diện các sở, ban, ngành và Ủy ban nhân dân các huyện, thị xã, thành phố.
Năm 2025, toàn tỉnh đã giải quyết đúng hạn 98,5% hồ sơ thủ tục hành chính, tăng 2,1% so với năm trước.
Sở Nội vụ tỉnh Quảng Trị cho biết đã tinh giản 312 biên chế trong khối cơ quan hành chính.
Phó Chủ tịch UBND tỉnh Quảng Trị Hoàng Nam chủ trì hội nghị.
Dự hội nghị có Giám đốc Sở Nội vụ tỉnh Quảng Trị Lê Văn Bảo.
Giám đốc Sở Tài chính tỉnh Quảng Trị Nguyễn Thị Hạnh báo cáo tổng thu ngân sách đạt 4.250 tỷ đồng.
Phát biểu kết luận, Phó Chủ tịch UBND tỉnh Hoàng Nam đề nghị các sở, ngành tiếp tục rà soát thủ tục.
"""


def _extracted(monkeypatch, slim: bool) -> tuple[list[str], Linked]:
    """The report's N-Triples, sorted, and its linked result, read in windows of 160 characters."""
    monkeypatch.setattr(runner, "WINDOW_CHARS", 160)
    if not slim:  # every window keeping all its mentions, as before
        monkeypatch.setattr(runner, "_for_merging", lambda mentions: mentions)
    trace = runner.Trace()
    triples = runner.run_stages(TEXT, until="triples", trace=trace)
    assert trace.read is not None and trace.link is not None
    out = io.BytesIO()
    write_rdf([pipeline.Extraction(trace.read, trace.link, triples)], "nt", out)
    return sorted(out.getvalue().decode().splitlines()), trace.link


def test_windows_keep_only_what_merging_reads_and_the_graph_is_the_same(monkeypatch):
    assert len(runner.windows(TEXT, 160)) >= 5
    slim, kept_some = _extracted(monkeypatch, slim=True)
    whole, kept_all = _extracted(monkeypatch, slim=False)  # (its patch stays to the test's end: second)
    assert slim == whole
    chaired = [line for line in slim if "chairedBy" in line]
    assert len(chaired) == 1 and "hoang-nam" in chaired[0]  # named four windows after the event
    assert kept_all.mentions.organisations and not kept_some.mentions.organisations
    assert len(kept_some.mentions.persons) == len(kept_all.mentions.persons) > 0
    assert {c.info.role for c in kept_some.mentions.event_cues} <= {"chair", "attend"}
    assert len(kept_some.mentions.event_cues) < len(kept_all.mentions.event_cues)


def test_mention_nodes_triples_are_made_as_written_and_are_the_graph_held_whole(monkeypatch):
    """The mention nodes' triples are not held with the others but made as the graph is written: the
    same triples, in the same order, as the graph held whole (a report read in windows of 160 characters)."""
    from pipeline.report_triples import ReportTriples
    from pipeline.terms import namespaces

    monkeypatch.setattr(runner, "WINDOW_CHARS", 160)
    triples = runner.run_stages(TEXT, until="triples")
    held = ReportTriples(dict.fromkeys(triples))  # every triple in one dict, as before
    assert triples.mentions is not None and held.mentions is None
    V = namespaces()["vnkg"]
    nodes = {s for s, p, o in triples if p == V.mention} | {o for s, p, o in triples if p == V.mention}
    mention_nodes = {o for s, p, o in triples if p == V.mention}
    assert len(triples) - len(triples.triples) == 6 * len(mention_nodes) > 30  # made, not held
    assert not any(s in mention_nodes for s, _, _ in triples.triples)
    assert len(held) == len(triples) == len(set(triples))
    for fmt in ("turtle", "nt"):
        assert triples.write(fmt) == held.write(fmt)
    assert held.ntriples().splitlines() == triples.ntriples().splitlines()
    # each mention's sentence is the line it is in (the report's lines are its sentences)
    surface = {s: o.value for s, p, o in triples if p == V.surface}
    sentence = {s: o.value for s, p, o in triples if p == V.sentence}
    assert surface.keys() == sentence.keys() == mention_nodes <= nodes
    assert all(surface[m] in sentence[m] and sentence[m] in TEXT.splitlines() for m in mention_nodes)
    chair = next(m for m in mention_nodes if surface[m] == "Hoàng Nam" and "chủ trì" in sentence[m])
    assert sentence[chair].startswith("Phó Chủ tịch UBND tỉnh Quảng Trị Hoàng Nam")
