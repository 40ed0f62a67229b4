"""The same story told twice: near-duplicate articles (two outlets, or a press release and the report
made from it) are linked, so that summaries can count a story once (view ``article_stories``).

Each article gets a MinHash (datasketch) of its lower-cased word 5-grams; an article whose estimated
Jaccard similarity with another reaches ``THRESHOLD`` is stored as a pair in ``near_duplicates``.
An article is compared with those published within ``WINDOW_DAYS`` of it (an undated one with the
``UNDATED_LOOKBACK`` articles stored last), so storing one article costs the same however large
the database grows. The story of an article is the lowest id among itself and its pairs: it does not
depend on the order in which articles were ingested.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

import numpy as np
from sqlalchemy import Connection, delete, insert, or_, select

from pipeline.storage.schema import article_signatures, articles, near_duplicates

if TYPE_CHECKING:
    from datasketch import MinHash

NUM_PERM = 64  # MinHash permutations: a similarity estimate within about 0.06
SHINGLE = 5  # words per shingle
THRESHOLD = 0.5  # estimated Jaccard similarity from which two articles tell the same story
WINDOW_DAYS = 7
UNDATED_LOOKBACK = 500
SEED = 1  # fixed: signatures stored by one run are compared with those of the next
SCHEME = "affine32"  # datasketch 2 hashing scheme, named so that stored values read back the same
WORD = re.compile(r"\w+")


def signature(text: str) -> MinHash:
    """The MinHash of a text's word 5-grams (of its words, when shorter). datasketch is imported here, not
    with the module: its package imports scipy (a quarter of a second), which a run that stores nothing
    should not pay."""
    from datasketch import MinHash

    words = WORD.findall(text.lower())
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return minhash


def to_bytes(minhash: MinHash) -> bytes:
    return minhash.hashvalues.astype("<u8").tobytes()


def from_bytes(data: bytes) -> MinHash:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashvalues=np.frombuffer(data, dtype="<u8"))


def link_story(conn: Connection, article_id: int, text: str, published: date | None) -> list[tuple[int, float]]:
    """Store the article's signature and its pairs with the articles that tell the same story; returns them."""
    conn.execute(delete(article_signatures).where(article_signatures.c.article_id == article_id))
    conn.execute(delete(near_duplicates).where(or_(near_duplicates.c.article_id == article_id,
                                                   near_duplicates.c.other_id == article_id)))
    own = signature(text)
    conn.execute(insert(article_signatures).values(article_id=article_id, signature=to_bytes(own)))
    query = (select(article_signatures.c.article_id, article_signatures.c.signature)
             .join(articles, articles.c.id == article_signatures.c.article_id)
             .where(article_signatures.c.article_id != article_id))
    if published is not None:
        window = timedelta(days=WINDOW_DAYS)
        query = query.where(articles.c.published_at.between(published - window, published + window))
    else:
        query = query.order_by(articles.c.id.desc()).limit(UNDATED_LOOKBACK)
    pairs = []
    for other_id, data in conn.execute(query):
        similarity = own.jaccard(from_bytes(data))
        if similarity >= THRESHOLD:
            pairs.append((other_id, float(similarity)))
    if pairs:
        conn.execute(insert(near_duplicates), [
            {"article_id": max(article_id, other), "other_id": min(article_id, other), "similarity": sim}
            for other, sim in pairs
        ])
    return pairs
