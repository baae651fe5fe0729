"""Site-wide listings (claims index, timeline, graph) split into pages of a few dozen articles.

A listing of every claim grows with the corpus: at 1,000 articles the claims index was 2.4 MB
of Markdown, the timeline 2.2 MB and the graph 8.3 MB. Readers downloaded all of it, and
under `mkdocs serve` one verdict edit made MkDocs convert all three again (10.5 s of a 13 s
rebuild, benchmarks/RESULTS.md). Split by article, each page stays small, and an edit
changes only the pages that list the edited claim's article.

The first page keeps the listing's path (`claims/index.md`, `timeline.md`); the others go
in a folder named after it (`claims/index/2.md`, `timeline/2.md`). `index` is the one slug
an id may not be, so no claim's page can be in the way.

The listings of one verdict or one tag (`claims/verdicts/inaccurate.md`, `claims/tags/economy.md`)
cover the whole corpus, newest article first (`by_date`), so that "every inaccurate claim"
is a page, not a filter of the page on screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import urls

if TYPE_CHECKING:
    from ..annotations.corpus import Corpus
    from ..annotations.model import Claim
    from ..annotations.scale import Scale

ARTICLES_PER_PAGE = 25  # ~225 claims a page at the benchmark's 9 claims an article


@dataclass(frozen=True)
class ListingPage:
    """One page of a listing: where it is, which articles it lists, and its neighbours."""

    path: str  # Markdown source path
    number: int  # from 1
    paths: tuple[str, ...]  # every page of the listing, in order
    doc_ids: tuple[str, ...]  # the articles it lists, in the listing's order
    first: int  # the place of its first article in the whole listing, from 1
    total: int  # articles in the whole listing

    @property
    def count(self) -> int:
        return len(self.paths)


def by_title(corpus: Corpus) -> list[str]:
    """Every article in title order, as the claims index and the graph list them."""
    return sorted(corpus.documents, key=lambda d: (corpus.titles[d].casefold(), d))


def by_date(corpus: Corpus) -> list[str]:
    """Every article, newest first: latest `published` date first, articles of one date in
    title order. An article without a date is not known to be new: those come after every
    dated one, in title order."""
    titled = by_title(corpus)
    dated = [d for d in titled if corpus.documents[d].entry.published]
    dated.sort(key=lambda d: corpus.documents[d].entry.published, reverse=True)  # stable: title order kept within a date
    return dated + [d for d in titled if not corpus.documents[d].entry.published]


def claims_index_listing(corpus: Corpus, per_page: int) -> list[ListingPage]:
    """The claims index: the articles that have claims, in title order."""
    return split(urls.index_page("claims"), [d for d in by_title(corpus) if corpus.claims_in_document(d)], per_page)


def graph_listing(corpus: Corpus, per_page: int) -> list[ListingPage]:
    """The graph: every article, in title order."""
    return split(urls.GRAPH, by_title(corpus), per_page)


def verdict_listings(corpus: Corpus, per_page: int) -> dict[str, list[ListingPage]]:
    """Each verdict of the corpus's scale (in its order), with the pages listing its claims'
    articles, newest first. A verdict no claim has gets its one empty page all the same:
    every badge and the verdicts page link to each verdict's listing."""
    having: dict[str, list[str]] = {verdict: [] for verdict in corpus.scale.verdicts}
    for doc_id in by_date(corpus):
        for verdict in dict.fromkeys(corpus.claim(c).verdict for c in corpus.claims_in_document(doc_id)):
            having[verdict].append(doc_id)
    return {verdict: split(urls.verdict_listing(verdict), doc_ids, per_page) for verdict, doc_ids in having.items()}


def tag_listings(corpus: Corpus, per_page: int) -> dict[str, list[ListingPage]]:
    """Each tag some claim has, in alphabetical order, with the pages listing its claims' articles, newest first."""
    having: dict[str, list[str]] = {}
    for doc_id in by_date(corpus):
        for tag in dict.fromkeys(t for c in corpus.claims_in_document(doc_id) for t in corpus.claim(c).tags):
            having.setdefault(tag, []).append(doc_id)
    return {tag: split(urls.tag_listing(tag), having[tag], per_page) for tag in sorted(having)}


def facets(claims: Iterable[Claim], scale: Scale) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The verdicts (in the scale's order) and the tags (sorted) that some of `claims` have:
    what the claims index offers to list, and all it shows of the corpus beyond its own articles."""
    verdicts: set[str] = set()
    tags: set[str] = set()
    for claim in claims:
        verdicts.add(claim.verdict)
        tags.update(claim.tags)
    return tuple(v for v in scale.verdicts if v in verdicts), tuple(sorted(tags))


def page_path(first: str, number: int) -> str:
    """`claims/index.md`, 3 → `claims/index/3.md`; page 1 is `first` itself."""
    return first if number == 1 else f"{first[: -len('.md')]}/{number}.md"


def split(first: str, doc_ids: Sequence[str], per_page: int) -> list[ListingPage]:
    """The listing of `doc_ids` (already in order) as pages of at most `per_page` articles; at least one page."""
    chunks = [tuple(doc_ids[i : i + per_page]) for i in range(0, len(doc_ids), per_page)] or [()]
    paths = tuple(page_path(first, n) for n in range(1, len(chunks) + 1))
    return [
        ListingPage(path, n, paths, chunk, (n - 1) * per_page + 1, len(doc_ids))
        for n, (path, chunk) in enumerate(zip(paths, chunks, strict=True), start=1)
    ]
