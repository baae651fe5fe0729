"""An article's text cut into pieces: each belongs to the shortest claim over it, else to a mention.

The sweep (`generator/text_pieces.py`) is checked against the plain definition, which looked
through every claim of a paragraph for every piece (quadratic with many claims on one line).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.annotations.text_spans import Span
from generator.pages.text_pieces import paragraph_pieces


def by_definition(
    paragraphs: list[Span], claims: list[tuple[Span, str]], mentions: list[tuple[Span, str]]
) -> list[list[tuple[int, int, str | None, str | None]]]:
    out = []
    for para in paragraphs:
        cuts = {para.start, para.end}
        for span, _ in [*claims, *mentions]:
            cuts.update(p for p in (span.start, span.end) if para.start < p < para.end)
        points = sorted(cuts)
        mention_at = {(s.start, s.end): m for s, m in reversed(mentions)}
        pieces: list[tuple[int, int, str | None, str | None]] = []
        for a, b in zip(points, points[1:], strict=False):
            covering = [(s.end - s.start, c) for s, c in claims if s.start <= a and b <= s.end]
            owner = min(covering)[1] if covering else None
            pieces.append((a, b, owner, None if owner else mention_at.get((a, b))))
        out.append(pieces)
    return out


def spans_in(paragraphs: list[Span]) -> st.SearchStrategy[Span]:
    # As in a text: a span starts and ends inside a paragraph, and may run on into the next ones.
    def span(first: int, last: int, data: st.DataObject) -> Span:
        start = data.draw(st.integers(paragraphs[first].start, paragraphs[first].end - 1))
        end = data.draw(st.integers(max(start + 1, paragraphs[last].start + 1), paragraphs[last].end))
        return Span(start, end)

    n = len(paragraphs)
    return st.tuples(st.integers(0, n - 1), st.integers(0, n - 1), st.data()).map(
        lambda t: span(min(t[0], t[1]), max(t[0], t[1]), t[2])
    )


PARAGRAPHS = [Span(0, 12), Span(14, 20), Span(22, 40)]


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_each_piece_belongs_to_the_shortest_claim_over_it_else_to_the_mention_it_is(data: st.DataObject) -> None:
    claims = [(span, f"c{i}") for i, span in enumerate(data.draw(st.lists(spans_in(PARAGRAPHS), max_size=8)))]
    mention_spans = sorted(data.draw(st.lists(spans_in(PARAGRAPHS), max_size=8)))
    mentions = [(span, f"m{i}") for i, span in enumerate(mention_spans)]
    assert list(paragraph_pieces(PARAGRAPHS, claims, mentions)) == by_definition(PARAGRAPHS, claims, mentions)


def test_a_claim_inside_a_claim_owns_its_words_and_a_mention_outside_both_is_a_link() -> None:
    claims = [(Span(0, 10), "outer"), (Span(3, 6), "inner")]
    mentions = [(Span(4, 5), "in-a-claim"), (Span(11, 12), "free")]
    assert list(paragraph_pieces([Span(0, 12)], claims, mentions)) == [
        [
            (0, 3, "outer", None),
            (3, 4, "inner", None),
            (4, 5, "inner", None),
            (5, 6, "inner", None),
            (6, 10, "outer", None),
            (10, 11, None, None),
            (11, 12, None, "free"),
        ]
    ]
