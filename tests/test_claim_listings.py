"""Every claim of a verdict or a tag, across the corpus, and each person's and source's
scorecard: real `mkdocs build --strict` sites, read in the HTML they write.

Three articles: one of March 2025, one of January 2025 and one without a date, whose two
claims are called `verdicts` and `tags`, the names of the listings' folders.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SAMPLE_TEXT, SAMPLE_YAML, Project, checked_corpus, make_project, synthetic_corpus
from test_site_build import resolve, site_pages

from generator.annotations.corpus import Corpus
from generator.annotations.model import VERDICTS, Claim
from generator.annotations.pipeline import check
from generator.pages.options import SiteOptions
from generator.pages.site import render_pages
from generator.site_map import listing

HOSTILE = 'José <b>"Núñez"</b> & Co'

BUDGET_TEXT = """\
Budget Row in Lima

Finance minister José Núñez-Pérez said “the deficit fell to 2 percent” on Monday, according to Andina.
He added that “the figures are sound”.
"""

BUDGET_YAML = f"""\
documents:
  - id: budget-row
    text: budget.txt
    published: 2025-03-04
people:
  - id: jose-nunez-perez
    name: '{HOSTILE}'
    aliases: [José Núñez-Pérez]
sources:
  - id: andina
    name: Agencia Andina
    type: news-agency
claims:
  - id: deficit-fell
    quote: "the deficit fell to 2 percent"
    kind: direct-quote
    claimant: jose-nunez-perez
    via: [andina]
    tags: [economy, public-finance]
    verdict: misleading
    evidence:
      - url: https://example.org/deficit
        title: Deficit figures
  - id: figures-sound
    quote: "the figures are sound"
    kind: direct-quote
    claimant: jose-nunez-perez
"""

ZONING_TEXT = """\
Zoning Notes

The council wrote that verdicts come later and that tags are free.
"""

ZONING_YAML = """\
documents:
  - id: zoning
    text: zoning.txt
claims:
  - id: verdicts
    quote: verdicts come later
    kind: assertion
  - id: tags
    quote: tags are free
    kind: assertion
    tags: [economy]
    verdict: opinion
"""


def build(root: Path, *, config: str = "", per_page: int | None = None) -> Project:
    project = make_project(root)
    mkdocs_yml = project.root / "mkdocs.yml"
    text = config + mkdocs_yml.read_text(encoding="utf-8")
    if per_page is not None:
        text = text.replace("      seeds: seeds\n", f"      seeds: seeds\n      articles_per_page: {per_page}\n")
    mkdocs_yml.write_text(text, encoding="utf-8")
    for name, content in [
        ("article", (SAMPLE_TEXT, SAMPLE_YAML)),
        ("budget", (BUDGET_TEXT, BUDGET_YAML)),
        ("zoning", (ZONING_TEXT, ZONING_YAML)),
    ]:
        project.write(f"seeds/{name}.txt", content[0])
        project.write(f"seeds/{name}.yaml", content[1])
    result = project.build()
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    assert 'not included in the "nav"' not in result.stderr  # the tags page is in the nav, the listings reached from pages
    return project


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return build(tmp_path_factory.mktemp("listings") / "project")


@pytest.fixture(scope="module")
def paged(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return build(tmp_path_factory.mktemp("paged") / "project", per_page=1)


@pytest.fixture(scope="module")
def flat(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return build(tmp_path_factory.mktemp("flat") / "project", config="use_directory_urls: false\n")


def article(html: str) -> str:
    """The page's main content."""
    start = html.index('<article class="md-content__inner md-typeset">')
    return html[start : html.index("</article>", start)]


def headings(html: str, level: int) -> list[str]:
    return [re.sub(r'<a class="headerlink".*?</a>|<[^>]+>', "", h) for h in re.findall(rf"<h{level}[^>]*>(.*?)</h{level}>", article(html))]


# --- every claim of a verdict ----------------------------------------------------------------


def test_a_verdict_lists_its_claims_newest_article_first_and_undated_articles_last(built: Project) -> None:
    html = built.html("claims/verdicts/unverified")
    assert headings(html, 1) == ["Claims rated Unverified"]
    assert headings(html, 2) == ["Budget Row in Lima", "Trump to Meet Putin", "Zoning Notes"]
    assert (
        '<div class="explainer-claims" data-search-exclude><p>In <a href="../../../articles/budget-row/">Budget Row in Lima</a>'
        ' (March 4, 2025):</p><ul><li><a href="../../figures-sound/">the figures are sound</a> · '
        '<a class="verdict verdict-unverified" href="./">… Unverified</a> · '
        '<a href="../../../people/jose-nunez-perez/">José &lt;b&gt;&quot;Núñez&quot;&lt;/b&gt; &amp; Co</a></li></ul></div>'
    ) in html
    assert '<a href="../../../articles/zoning/">Zoning Notes</a> (not dated):</p><ul><li><a href="../">verdicts come later</a>' in html
    # Only claims with the verdict: the article's misleading claim is on another listing.
    assert "deficit-fell" not in article(html)
    assert (
        "<p><strong>… Unverified</strong>: not yet checked. Every claim with this verdict, newest article "
        'first; <a href="../../../reference/verdicts/#unverified">the verdict scale</a> says what each verdict means.</p>'
    ) in html


def test_a_verdict_no_claim_has_still_has_its_page(built: Project) -> None:
    html = built.html("claims/verdicts/misquoted")
    assert headings(html, 1) == ["Claims rated Misquoted"]
    assert "<p>No claim has this verdict yet.</p>" in html


def test_a_tag_lists_its_claims_and_a_claim_links_to_its_tags(built: Project) -> None:
    html = built.html("claims/tags/economy")
    assert headings(html, 1) == ["Claims tagged economy"]
    assert headings(html, 2) == ["Budget Row in Lima", "Zoning Notes"]
    assert (
        '<li><a href="../../deficit-fell/">the deficit fell to 2 percent</a> · '
        '<a class="verdict verdict-misleading" href="../../verdicts/misleading/">'
    ) in html
    claim = built.html("claims/deficit-fell")
    assert (
        '<strong>Tags:</strong> <a href="../tags/economy/"><code>economy</code></a>, '
        '<a href="../tags/public-finance/"><code>public-finance</code></a>'
    ) in claim


def test_the_tags_page_counts_and_links_every_tag(built: Project) -> None:
    html = article(built.html("tags"))
    assert (
        '<ul>\n<li><a href="../claims/tags/economy/"><code>economy</code></a>: 2 claims</li>\n'
        '<li><a href="../claims/tags/public-finance/"><code>public-finance</code></a>: 1 claim</li>\n</ul>'
    ) in html
    assert '<a href="../../../tags/">every tag</a>' in built.html("claims/tags/economy")


def test_with_many_tags_the_claims_index_links_a_few_and_the_tags_page(project: Project) -> None:
    """Each page of the claims index would otherwise list every tag: the tags times the pages."""
    tags = [f"tag-{n:02d}" for n in range(25)]
    tagged = SAMPLE_YAML.replace("    verdict: accurate-quote\n", f"    verdict: accurate-quote\n    tags: [{', '.join(tags)}]\n")
    corpus = checked_corpus(project, yaml=tagged)
    pages = render_pages(corpus)
    nav = re.search(r'<nav class="explainer-browse".*?</nav>', pages["claims/index.md"])
    assert nav is not None
    assert re.findall(r'href="tags/([a-z0-9-]+)/"', nav[0]) == tags[:20]
    assert nav[0].endswith('(<a href="../tags/">all 25 tags</a>)</p></nav>')
    assert all(f"(claims/tags/{tag}.md): 1 claim" in pages["tags.md"] for tag in tags)


def test_badges_the_verdicts_page_and_the_claims_index_lead_to_the_listings(built: Project) -> None:
    claim = built.html("claims/deficit-fell")
    assert '<a class="verdict verdict-misleading" href="../verdicts/misleading/">⚠ Misleading</a>' in claim
    scale = built.html("reference/verdicts")
    for verdict, (label, *_) in VERDICTS.items():
        assert f'<a href="../../claims/verdicts/{verdict}/">Every claim rated {label}</a>' in scale
    index = built.html("claims")
    assert (
        '<nav class="explainer-browse" aria-label="Every claim by verdict or tag" data-search-exclude><p><strong>Every claim rated</strong> '
        '<a class="verdict verdict-misleading" href="verdicts/misleading/">⚠ Misleading</a> '
        '<a class="verdict verdict-accurate-quote" href="verdicts/accurate-quote/">❝ Accurate quote</a> '
        '<a class="verdict verdict-opinion" href="verdicts/opinion/">◇ Opinion</a> '
        '<a class="verdict verdict-unverified" href="verdicts/unverified/">… Unverified</a></p>'
        '<p><strong>Every claim tagged</strong> <a href="tags/economy/"><code>economy</code></a> · '
        '<a href="tags/public-finance/"><code>public-finance</code></a> (<a href="../tags/">every tag</a>)</p></nav>'
    ) in index
    assert '<form class="explainer-filter" hidden' in index  # one page: the checkboxes filter every claim


def test_claims_called_verdicts_and_tags_keep_their_pages_beside_the_listings(built: Project, flat: Project) -> None:
    assert headings(built.html("claims/verdicts"), 1) == ["verdicts come later"]
    assert headings(built.html("claims/tags"), 1) == ["tags are free"]
    site = flat.root / "site"
    assert headings((site / "claims/verdicts.html").read_text(encoding="utf-8"), 1) == ["verdicts come later"]
    listing = (site / "claims/verdicts/opinion.html").read_text(encoding="utf-8")
    assert headings(listing, 1) == ["Claims rated Opinion"]
    assert '<a href="../tags.html">tags are free</a>' in listing
    assert '<a href="../index.html">the claims index</a>' in listing


def test_every_link_and_anchor_of_the_new_pages_resolves(built: Project, paged: Project) -> None:
    for project in (built, paged):
        pages = site_pages(project.root / "site")
        listings = [url for url in pages if url.startswith(("claims/verdicts/", "claims/tags/"))]
        assert len(listings) > len(VERDICTS)
        for url in [*listings, "people/jose-nunez-perez/", "sources/andina/", "claims/"]:
            for href in pages[url].hrefs:
                if re.match(r"^[a-z]+:", href):
                    continue
                target, anchor = resolve(url, href)
                assert target in pages, f"{url}: broken link {href}"
                assert not anchor or anchor in pages[target].ids, f"{url}: no anchor #{anchor} on {target}"


# --- in pages, like the claims index ----------------------------------------------------------


def test_a_long_listing_is_paged_and_its_first_page_links_every_page(paged: Project) -> None:
    first = paged.html("claims/verdicts/unverified")
    assert headings(first, 1) == ["Claims rated Unverified, page 1 of 3"]
    assert headings(first, 2) == ["Budget Row in Lima"]
    assert (
        '<nav aria-label="Pages of the listing of claims rated Unverified" class="explainer-pager" data-search-exclude="">\n'
        '<p>Article 1 of 3: <strong aria-current="page">1</strong> · <a href="2/">2</a> · <a href="3/">3</a> · '
        '<a href="2/">Next →</a></p>\n</nav>'
    ) in first
    assert headings(paged.html("claims/verdicts/unverified/2"), 2) == ["Trump to Meet Putin"]
    last = paged.html("claims/verdicts/unverified/3")
    assert headings(last, 1) == ["Claims rated Unverified, page 3 of 3"]
    assert headings(last, 2) == ["Zoning Notes"]
    assert '<a href="../../">verdicts come later</a>' in last


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return synthetic_corpus(tmp_path_factory.mktemp("synthetic"), 14)


def test_however_long_a_listing_its_first_page_links_every_page(corpus: Corpus) -> None:
    pages = render_pages(corpus, SiteOptions(articles_per_page=1))
    having = [d for d in listing.by_date(corpus) if any(corpus.claim(c).verdict == "opinion" for c in corpus.claims_in_document(d))]
    assert len(having) > 8  # more pages than the pager shows around a page
    first = pages["claims/verdicts/opinion.md"]
    assert re.findall(r"\[(\d+)\]\(opinion/\1\.md\)", first) == [str(n) for n in range(2, len(having) + 1)] * 2  # above and below
    assert "…" not in first
    assert "…" in pages["claims/verdicts/opinion/5.md"]  # later pages show a few around them, as the claims index does
    # Page n lists the n-th newest article with an opinion.
    for number, doc_id in enumerate(having, start=1):
        page = pages["claims/verdicts/opinion.md" if number == 1 else f"claims/verdicts/opinion/{number}.md"]
        assert f"/articles/{doc_id}/" in page


def test_newest_means_the_latest_published_date_then_the_title_and_undated_last(project: Project) -> None:
    documents = [("b", "Bravo", "2025-01-01"), ("a", "alpha", "2025-01-01"), ("u", "Undated", None), ("d", "Delta", "2025-02-01")]
    yaml = ["documents:"]
    for doc_id, title, published in documents:
        project.write(f"seeds/{doc_id}.txt", f"{title}\n\nSome text.\n")
        yaml += [f"  - id: {doc_id}", f"    text: {doc_id}.txt", *([f"    published: {published}"] if published else [])]
    project.write("seeds/all.yaml", "\n".join(yaml) + "\n")
    checked = check(project.seeds, project.root)
    assert checked.corpus is not None, checked.diagnostics
    assert listing.by_date(checked.corpus) == ["d", "a", "b", "u"]


def test_a_paged_claims_index_filters_the_whole_corpus_with_links(paged: Project) -> None:
    for url in ("claims", "claims/index/2", "claims/index/3"):
        html = paged.html(url)
        assert "explainer-filter" not in html  # no form that would filter only the claims on screen
        up = "" if url == "claims" else "../../"
        assert f'<a class="verdict verdict-opinion" href="{up}verdicts/opinion/">◇ Opinion</a>' in html
        assert f'<a href="{up}tags/public-finance/"><code>public-finance</code></a>' in html


# --- scorecards ---------------------------------------------------------------------------------


def test_a_person_page_opens_with_a_scorecard_of_their_verdicts(built: Project) -> None:
    html = article(built.html("people/jose-nunez-perez"))
    assert re.search(r'</h1>\s*<div id="scorecard"', html)
    assert (
        '<div id="scorecard" class="explainer-scorecard" data-search-exclude><table>'
        "<caption>Verdicts on the 2 claims by José &lt;b&gt;&quot;Núñez&quot;&lt;/b&gt; &amp; Co</caption>"
        '<thead><tr><th scope="col">Verdict</th><th scope="col">Claims</th><th scope="col">Share</th></tr></thead><tbody>'
        '<tr class="verdict-misleading"><th scope="row"><a class="verdict verdict-misleading" href="#claims-misleading">⚠ Misleading</a></th>'
        '<td class="explainer-count">1</td><td><svg class="explainer-bar" viewBox="0 0 100 10" preserveAspectRatio="none" '
        'aria-hidden="true" focusable="false"><rect width="50" height="10"></rect></svg> 50%</td></tr>'
        '<tr class="verdict-unverified"><th scope="row"><a class="verdict verdict-unverified" href="#claims-unverified">… Unverified</a></th>'
        '<td class="explainer-count">1</td><td><svg class="explainer-bar" viewBox="0 0 100 10" preserveAspectRatio="none" '
        'aria-hidden="true" focusable="false"><rect width="50" height="10"></rect></svg> 50%</td></tr>'
        "</tbody></table></div>"
    ) in html
    # Each verdict's row leads to the claims with it, listed under their verdict.
    assert headings(built.html("people/jose-nunez-perez"), 3) == ["⚠ Misleading (1)", "… Unverified (1)"]
    assert re.search(
        r'<h3 data-search-exclude id="claims-misleading">⚠ Misleading \(1\).*?</h3>\s*<div class="explainer-backlinks" '
        r'data-search-exclude><ul><li><a href="../../claims/deficit-fell/">',
        html,
    )


def test_a_source_page_opens_with_the_scorecard_of_the_claims_it_relays(built: Project) -> None:
    html = article(built.html("sources/andina"))
    caption = "<caption>Verdicts on the 1 claim Agencia Andina relays</caption>"
    assert re.search(rf'</h1>\s*<div id="scorecard" class="explainer-scorecard" data-search-exclude><table>{caption}', html)
    assert '<a class="verdict verdict-misleading" href="#claims-misleading">⚠ Misleading</a></th><td class="explainer-count">1</td>' in html
    assert 'aria-hidden="true" focusable="false"><rect width="100" height="10"></rect></svg> 100%</td>' in html


def test_without_claims_the_scorecard_says_so(built: Project) -> None:
    html = article(built.html("sources/tass"))
    assert '<div id="scorecard" class="explainer-scorecard" data-search-exclude><p>No claims relayed, so no verdicts.</p></div>' in html


def claim_lookups(project: Project, claims: int, monkeypatch: pytest.MonkeyPatch) -> int:
    """How many times rendering the site looks a claim up, for an article of `claims` claims, each with a tag of its own."""
    text = "Many Tags\n\n" + " ".join(f"The figure {n} holds." for n in range(claims)) + "\n"
    yaml = "documents:\n  - id: many\n    text: article.txt\nclaims:\n" + "".join(
        f"  - id: c-{n}\n    quote: figure {n} holds\n    kind: assertion\n    tags: [tag-{n}]\n" for n in range(claims)
    )
    corpus = checked_corpus(project, text=text, yaml=yaml)
    calls = 0
    lookup = Corpus.claim

    def counted(self: Corpus, claim_id: str) -> Claim:
        nonlocal calls
        calls += 1
        return lookup(self, claim_id)

    with monkeypatch.context() as patched:
        patched.setattr(Corpus, "claim", counted)
        render_pages(corpus)
    return calls


def test_a_tag_on_every_claim_of_one_article_costs_linear_time(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each tag's page lists one claim of the article: it does not look at the article's other claims."""
    few, many = claim_lookups(project, 60, monkeypatch), claim_lookups(project, 120, monkeypatch)
    assert many < 2.2 * few
