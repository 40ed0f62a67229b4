"""The review window in a real browser: Playwright driving Debian's /usr/bin/chromium (no browser download).

One server (uvicorn in a thread) over one small database per module; the tests run in file order, as
an analyst would: read, reject, correct, add by selecting text, re-ingest, export gold and score it.
(The README's screenshots come from scripts/review_screenshots.py, over the whole corpus.)
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from pipeline.cli import main
from pipeline.evaluation.evaluate import evaluate
from pipeline.ingest.runner import ingest
from pipeline.storage.database import open_database
from pipeline.storage.schema import articles

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (/usr/bin/chromium): "
                       "apt-get install chromium (.ci/run does)"),
]
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (the test extra)")
uvicorn = pytest.importorskip("uvicorn", reason="uvicorn is not installed (the review extra)")

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def server(review_db: str) -> Iterator[str]:
    from pipeline.review.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(review_db), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < deadline, "the review server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


def _article(review_db: str, name: str) -> tuple[int, str]:
    engine, _ = open_database(review_db)
    with engine.connect() as conn:
        for aid, path, text in conn.execute(select(articles.c.id, articles.c.source_path, articles.c.text)):
            if Path(path).name == name:
                return aid, text
    raise AssertionError(name)


ARTICLE = "101_evolve_specialist_ops.txt"


def test_highlights_sit_at_their_offsets(page, server, review_db):
    aid, text = _article(review_db, ARTICLE)
    page.goto(f"{server}/articles/{aid}")
    marks = page.eval_on_selector_all("#text mark.fact", """marks => marks.map(m => ({
        fact: m.dataset.fact, start: +m.dataset.start, end: +m.dataset.end, text: m.textContent}))""")
    assert marks
    joined: dict[tuple, str] = {}
    for m in marks:
        key = (m["fact"], m["start"], m["end"])
        joined[key] = joined.get(key, "") + m["text"]
    assert all(text[start:end] == words for (_f, start, end), words in joined.items())
    assert page.inner_text("#text").replace("\n", "") == text.replace("\n", "")
    assert page.locator("li.fact-item").count() >= len({k[0] for k in joined})


def test_reject_a_fact(page, server, review_db):
    aid, _ = _article(review_db, ARTICLE)
    page.goto(f"{server}/articles/{aid}")
    item = page.locator("section[data-kind=money] li.fact-item").first
    fact = item.get_attribute("id")
    item.locator("button.reject").click()
    page.wait_for_url(f"**/articles/{aid}#{fact}")
    assert page.locator(f"li#{fact}").get_attribute("data-state") == "rejected"
    assert page.locator(f'#text mark[data-fact="{fact}"].s-rejected').count() >= 1


def test_correct_a_role(page, server, review_db):
    aid, _ = _article(review_db, ARTICLE)
    page.goto(f"{server}/articles/{aid}")
    item = page.locator("section[data-kind=official] li.fact-item").first
    fact = item.get_attribute("id")
    item.locator("summary").click()
    item.locator("form.correct select[name=role]").select_option("assistant_chief_constable")
    item.locator("form.correct button[type=submit]").click()
    page.wait_for_url(f"**/articles/{aid}#{fact}")
    corrected = page.locator(f"li#{fact}")
    assert corrected.get_attribute("data-state") == "corrected"
    assert "assistant_chief_constable" in corrected.locator("dl").inner_text()


SELECT_A_FIGURE = """() => {
  // The first figure in the text that no money highlight covers, selected as a reader would select it.
  for (const piece of document.querySelectorAll('#text span[data-o]')) {
    if (piece.closest('mark.k-money')) continue;
    const node = piece.firstChild, found = node && /£?\\d[\\d,.]*(m|bn)?/.exec(node.data);
    if (!found) continue;
    const range = document.createRange();
    range.setStart(node, found.index);
    range.setEnd(node, found.index + found[0].length);
    const sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    piece.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
    return found[0];
  }
  return null;
}"""


def test_add_a_missed_money_figure_by_selecting_text(page, server, review_db):
    aid, text = _article(review_db, ARTICLE)
    page.goto(f"{server}/articles/{aid}")
    words = page.evaluate(SELECT_A_FIGURE)
    assert words, "no unhighlighted figure in the article"
    start, end = int(page.input_value("#add-start")), int(page.input_value("#add-end"))
    assert text[start:end] == words == page.input_value("#add-text")
    page.select_option("#add-kind", "money")
    assert page.locator('fieldset.add-fields[data-kind="money"]').is_visible()
    assert not page.locator('fieldset.add-fields[data-kind="official"]').is_visible()
    page.fill('input[name="money.amount"]', "250000")
    page.select_option('select[name="money.kind"]', "savings")
    page.click("#add-submit")
    page.wait_for_url(f"**/articles/{aid}#money-{start}-{end}")
    assert page.locator(f"li#money-{start}-{end}").get_attribute("data-state") == "added"
    assert page.locator(f'#text mark[data-fact="money-{start}-{end}"]').count() >= 1


def test_corrections_survive_reingest(page, server, review_db, corpus_dir):
    aid, _ = _article(review_db, ARTICLE)
    page.goto(f"{server}/articles/{aid}")
    before = page.eval_on_selector_all("li.fact-item", "items => items.map(i => [i.id, i.dataset.state])")
    engine, _ = open_database(review_db)
    with engine.begin() as conn:
        conn.execute(articles.update().values(pipeline_version="stale"))
    ingest([corpus_dir], review_db)  # every fact row rewritten, with new ids
    page.reload()
    after = page.eval_on_selector_all("li.fact-item", "items => items.map(i => [i.id, i.dataset.state])")
    assert after == before
    assert {state for _, state in after} >= {"rejected", "corrected", "added"}


def test_export_gold_and_score_it(server, review_db, tmp_path):
    out = tmp_path / "gold"
    result = CliRunner().invoke(main, ["export", "--format", "gold", "--out", str(out), "--db", review_db])
    assert result.exit_code == 0, result.output
    files = list(out.glob("*.json"))
    assert [f.stem for f in files] == [Path(ARTICLE).stem]
    scores = evaluate(out).as_dict()
    assert scores


def test_the_script_article_runs_nothing(page, server, review_db):
    aid, _ = _article(review_db, "900_script_article.txt")
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{server}/articles/{aid}")
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert dialogs == []
    assert "<script>window.pwned = 1; alert(1)</script>" in page.inner_text("#text")
    assert page.locator("#text img, #text script").count() == 0


def test_overview_charts_render(page, server):
    page.goto(f"{server}/overview")
    for chart in ("network", "money", "functions"):
        image = page.locator(f'img[data-chart="{chart}"]')
        image.scroll_into_view_if_needed()
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
        shot = image.screenshot()
        assert len(shot) > 5_000, chart  # a drawn chart, not an empty box
