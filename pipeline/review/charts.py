"""The overview's charts: server-side SVG with matplotlib (Agg), no JavaScript and no CDN.

Each chart is one query function whose rows both draw the chart and make its "download CSV", so the
CSV holds exactly the chart's data. The charts read the facts through the views (migration 0013), so an
analyst's corrections show: a rejected collaboration, figure or function is not drawn, a corrected kind,
amount or status is drawn as corrected (the forces a fact belongs to stay as extracted).
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")

from matplotlib import rc_context
from matplotlib.figure import Figure
from sqlalchemy import Connection, Integer, cast, column, func, select, table

from pipeline.contract import MONEY_KINDS
from pipeline.gazetteer import load_gazetteer
from pipeline.storage.schema import (
    articles,
    collaboration_entities,
    collaboration_forces,
    collaborations,
    forces,
    function_mentions,
    money_figure_forces,
    money_figures,
)

# The corrected fact views (migration 0013): an extracted row an analyst rejected is not in them.
collaborations_view = table("collaborations_view", column("collaboration_id"))
money_view = table("money_view", column("money_figure_id"), column("kind"), column("amount"), column("period"))
functions_view = table("functions_view", column("function_mention_id"), column("function"), column("status"))
MONEY_GROUPINGS = ("force", "collaboration")
KIND_COLOURS = dict(zip(MONEY_KINDS, ("#2a9d8f", "#457b9d", "#e76f51", "#e9c46a", "#8d99ae", "#b5838d"), strict=True))
Rows = tuple[list[str], list[tuple]]


# ---- (a) the collaboration network ------------------------------------------------------------------------------


def network_rows(conn: Connection) -> Rows:
    """Each pair of forces named together in a collaboration, with the number of articles that do so."""
    a, b = collaboration_forces.alias("a"), collaboration_forces.alias("b")
    fa, fb = forces.alias("fa"), forces.alias("fb")
    query = (
        select(fa.c.name.label("force_a"), fb.c.name.label("force_b"),
               func.count(collaborations.c.article_id.distinct()).label("articles"))
        .select_from(collaborations)
        .join(collaborations_view, collaborations_view.c.collaboration_id == collaborations.c.id)
        .join(a, a.c.collaboration_id == collaborations.c.id)
        .join(b, (b.c.collaboration_id == collaborations.c.id) & (a.c.force_id != b.c.force_id))
        .join(fa, fa.c.id == a.c.force_id).join(fb, fb.c.id == b.c.force_id)
        .where(fa.c.name < fb.c.name)
        .group_by(fa.c.name, fb.c.name)
        .order_by(func.count(collaborations.c.article_id.distinct()).desc(), fa.c.name, fb.c.name)
    )
    return ["force_a", "force_b", "articles"], [tuple(r) for r in conn.execute(query)]


def _short(name: str) -> str:
    for suffix in (" Constabulary", " Police Service", " Police"):
        if name.endswith(suffix) and name != "Police Scotland":
            return name.removesuffix(suffix)
    return name


def draw_network(rows: list[tuple]) -> Figure:
    """Forces at their (approximate) headquarters, an edge per collaborating pair, width by articles."""
    gazetteer = load_gazetteer()
    fig = Figure(figsize=(7, 9))
    ax = fig.add_subplot()
    ax.set_title("Forces working together (edge width: articles naming the pair)")
    present = [f for f in gazetteer.forces if f.hq and f.kind in ("territorial", "crown_dependency")]
    ax.scatter([f.hq[1] for f in present], [f.hq[0] for f in present], s=12, color="#cccccc", zorder=1)
    widest = max((r[2] for r in rows), default=1)
    named: set[str] = set()
    for force_a, force_b, count in rows:
        one, two = gazetteer.by_name.get(force_a), gazetteer.by_name.get(force_b)
        if not (one and two and one.hq and two.hq):
            continue
        ax.plot([one.hq[1], two.hq[1]], [one.hq[0], two.hq[0]], color="#e76f51", alpha=.75, zorder=2,
                linewidth=1 + 7 * count / widest, solid_capstyle="round")
        named |= {force_a, force_b}
    for name in sorted(named):
        force = gazetteer.by_name[name]
        ax.scatter([force.hq[1]], [force.hq[0]], s=40, color="#264653", zorder=3)
        ax.annotate(_short(name), (force.hq[1], force.hq[0]), xytext=(4, 3), textcoords="offset points", fontsize=8,
                    zorder=4)
    if not rows:
        ax.text(.5, .5, "no collaborations between two named forces yet", transform=ax.transAxes, ha="center")
    ax.set_xlim(-8.5, 2.2)
    ax.set_ylim(49.0, 59.0)
    ax.set_aspect(1.6)  # about 1 / cos(52°): degrees of longitude are shorter than degrees of latitude here
    ax.set_xlabel("longitude (headquarters, approximate)")
    ax.set_ylabel("latitude")
    return fig


# ---- (b) money claimed, by kind over time ----------------------------------------------------------------------


def _money_figures(by: str):
    """Distinct figures (group, year, kind, amount, period): a figure repeated in one article, or reported by
    several articles of the same year, counts once for its force or collaboration."""
    year = cast(func.extract("year", articles.c.published_at), Integer).label("year")
    query = select(year, money_view.c.kind, money_view.c.amount, money_view.c.period).distinct()
    query = (query.select_from(money_figures)
             .join(money_view, money_view.c.money_figure_id == money_figures.c.id)
             .join(articles, articles.c.id == money_figures.c.article_id))
    if by == "force":
        query = (query.add_columns(forces.c.name.label("grp"))
                 .join(money_figure_forces, money_figure_forces.c.money_figure_id == money_figures.c.id)
                 .join(forces, forces.c.id == money_figure_forces.c.force_id))
    else:
        query = (query.add_columns(collaboration_entities.c.entity_key.label("grp"))
                 .join(collaborations, collaborations.c.id == money_figures.c.collaboration_id)
                 .join(collaboration_entities, collaboration_entities.c.id == collaborations.c.entity_id))
    return query.where(articles.c.published_at.is_not(None)).subquery()


def money_groups(conn: Connection, by: str) -> list[str]:
    """The forces (or collaboration entity keys) that claim any dated money, most money first."""
    figures = _money_figures(by)
    query = select(figures.c.grp).group_by(figures.c.grp).order_by(func.sum(figures.c.amount).desc(), figures.c.grp)
    return list(conn.execute(query).scalars())


def money_rows(conn: Connection, by: str = "force", name: str | None = None) -> Rows:
    """Money claimed per year and kind for one force or collaboration (default: the one with the most money)."""
    if by not in MONEY_GROUPINGS:
        raise ValueError(f"by: one of {', '.join(MONEY_GROUPINGS)}")
    if not name:
        name = next(iter(money_groups(conn, by)), "")
    figures = _money_figures(by)
    query = (
        select(figures.c.grp, figures.c.year, figures.c.kind, func.sum(figures.c.amount).label("amount"),
               func.count().label("figures"))
        .where(figures.c.grp == name)
        .group_by(figures.c.grp, figures.c.year, figures.c.kind)
        .order_by(figures.c.year, figures.c.kind)
    )
    rows = [(grp, year, kind, float(amount), count) for grp, year, kind, amount, count in conn.execute(query)]
    return [by, "year", "kind", "amount", "figures"], rows


def draw_money(rows: list[tuple], by: str = "force", name: str | None = None) -> Figure:
    """Stacked bars: money claimed each year, by kind, in £ millions."""
    fig = Figure(figsize=(8, 4.5))
    ax = fig.add_subplot()
    who = rows[0][0] if rows else (name or f"any {by}")
    ax.set_title(f"Money claimed by kind over time: {who}")
    years = sorted({r[1] for r in rows})
    bottom = dict.fromkeys(years, 0.0)
    for kind in MONEY_KINDS:
        values = {r[1]: r[3] / 1e6 for r in rows if r[2] == kind}
        if not values:
            continue
        heights = [values.get(y, 0.0) for y in years]
        ax.bar([str(y) for y in years], heights, bottom=[bottom[y] for y in years], label=kind,
               color=KIND_COLOURS[kind])
        for y, h in zip(years, heights, strict=True):
            bottom[y] += h
    if rows:
        ax.legend(fontsize=8)
    else:
        ax.text(.5, .5, "no dated money figures", transform=ax.transAxes, ha="center")
    ax.set_ylabel("£ millions")
    fig.tight_layout()
    return fig


# ---- (c) functions shared, by region ---------------------------------------------------------------------------


def function_rows(conn: Connection) -> Rows:
    """Per region and function: the articles where a collaboration of a force of the region shares it.

    Regions come from the gazetteer (models/forces.json, ``region``)."""
    regions = {f.name: f.region or "unknown" for f in load_gazetteer().forces}
    query = (
        select(forces.c.name, functions_view.c.function, function_mentions.c.article_id).distinct()
        .select_from(function_mentions)
        .join(functions_view, functions_view.c.function_mention_id == function_mentions.c.id)
        .join(collaboration_forces, collaboration_forces.c.collaboration_id == function_mentions.c.collaboration_id)
        .join(forces, forces.c.id == collaboration_forces.c.force_id)
        .where(functions_view.c.status == "shared")
    )
    seen: dict[tuple[str, str], set[int]] = defaultdict(set)
    for force, label, article_id in conn.execute(query):
        seen[(regions.get(force, "unknown"), label)].add(article_id)
    rows = sorted(((region, label, len(ids)) for (region, label), ids in seen.items()), key=lambda r: (r[0], r[1]))
    return ["region", "function", "articles"], rows


def draw_functions(rows: list[tuple]) -> Figure:
    """A grid of regions by functions; each cell the number of articles."""
    regions = sorted({r[0] for r in rows})
    labels = sorted({r[1] for r in rows})
    fig = Figure(figsize=(max(6, .45 * len(labels) + 3), max(3, .45 * len(regions) + 2)))
    ax = fig.add_subplot()
    ax.set_title("Functions shared, by region (articles)")
    if not rows:
        ax.text(.5, .5, "no shared functions yet", transform=ax.transAxes, ha="center")
        ax.set_axis_off()
        return fig
    grid = [[0] * len(labels) for _ in regions]
    for region, label, count in rows:
        grid[regions.index(region)][labels.index(label)] = count
    top = max(r[2] for r in rows)
    ax.imshow(grid, cmap="Greens", aspect="auto", vmin=0, vmax=top * 1.4)
    ax.set_xticks(range(len(labels)), labels, rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(len(regions)), regions, fontsize=8)
    for i, line in enumerate(grid):
        for j, count in enumerate(line):
            if count:
                ax.text(j, i, str(count), ha="center", va="center", fontsize=8,
                        color="white" if count > top * .6 else "black")
    fig.tight_layout()
    return fig


# ---- rendering -------------------------------------------------------------------------------------------------


def svg(fig: Figure) -> str:
    """The figure as SVG text (text kept as text; stable ids)."""
    buffer = io.StringIO()
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "forcewatch"}):
        fig.savefig(buffer, format="svg", bbox_inches="tight")
    return buffer.getvalue()


def as_csv(columns: list[str], rows: list[tuple]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue()


@dataclass(frozen=True)
class Chart:
    """One overview chart: its query and its drawing; the SVG and the CSV both come from the query's rows."""

    title: str
    query: Callable[..., Rows]
    draw: Callable[..., Figure]

    def svg(self, conn: Connection, **params: str) -> str:
        _, rows = self.query(conn, **params)
        return svg(self.draw(rows, **params))

    def csv(self, conn: Connection, **params: str) -> str:
        return as_csv(*self.query(conn, **params))


CHARTS = {
    "network": Chart("Collaboration network", network_rows, draw_network),
    "money": Chart("Money claimed by kind over time", money_rows, draw_money),
    "functions": Chart("Functions shared by region", function_rows, draw_functions),
}
