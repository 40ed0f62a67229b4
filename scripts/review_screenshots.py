"""The README's screenshots of the review window, taken in Debian's chromium through Playwright.

    .venv/bin/python scripts/review_screenshots.py [--db sqlite:///outputs/forcewatch.db] [--article ID]

Serves the database on a free loopback port, opens the article with the most facts (or --article),
and writes docs/review-article.png and docs/review-network.png. Nothing is changed in the database.
"""

from __future__ import annotations

import argparse
import socket
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright
from sqlalchemy import func, select

from pipeline.review.app import create_app
from pipeline.storage.database import open_database
from pipeline.storage.schema import articles, force_mentions, money_figures, official_mentions

DOCS = Path(__file__).resolve().parents[1] / "docs"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def busiest_article(db: str) -> int:
    """The dated article (a news story, not a notes file) with the most forces, figures and officials."""
    engine, _ = open_database(db, create=False)
    with engine.connect() as conn:
        dated = set(conn.execute(select(articles.c.id).where(articles.c.published_at.is_not(None))).scalars())
        counts: dict[int, int] = {}
        for table in (force_mentions, money_figures, official_mentions):
            for aid, n in conn.execute(select(table.c.article_id, func.count()).group_by(table.c.article_id)):
                if aid in dated:
                    counts[aid] = counts.get(aid, 0) + n
    return max(counts, key=lambda aid: (counts[aid], -aid))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="sqlite:///outputs/forcewatch.db")
    parser.add_argument("--article", type=int, default=None)
    args = parser.parse_args()
    article = args.article or busiest_article(args.db)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(args.db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 950})
            page.goto(f"http://127.0.0.1:{port}/articles/{article}")
            page.screenshot(path=str(DOCS / "review-article.png"))
            page.goto(f"http://127.0.0.1:{port}/overview")
            page.wait_for_function("document.querySelector('img[data-chart=network]').naturalWidth > 0")
            page.locator("img[data-chart=network]").screenshot(path=str(DOCS / "review-network.png"))
            browser.close()
    finally:
        server.should_exit = True
        thread.join(10)
    print(f"wrote {DOCS / 'review-article.png'} (article {article}) and {DOCS / 'review-network.png'}")


if __name__ == "__main__":
    main()
