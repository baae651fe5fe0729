"""Finding quotes and alias mentions in a source text.

Matching happens on a normalised copy of the text (NFC, quotes and dashes unified,
white space folded) with a map back to the original, so every page shows the text's
own characters.
"""

from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from .limits import MAX_QUOTE_OCCURRENCES

_EQUIVALENT = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-",
}


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int


def _clusters(text: str) -> list[tuple[int, int]]:
    """Index ranges of a base character with the combining marks that follow it."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        j = i + 1
        # A mark after white space stands alone: joined to a line break, it would pull a
        # match (and its anchor) out of the paragraph it belongs to.
        while j < len(text) and unicodedata.combining(text[j]) and not text[i].isspace():
            j += 1
        out.append((i, j))
        i = j
    return out


# The characters str.isspace() and the regex \s accept; each folds to one space.
WHITE_SPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "\u2028\u2029\u202f\u205f\u3000"
)
_LONG_SPACE_RUNS = re.compile(r"\s{2,}")
# What folding changes in a simple text: a run of white space, a lone white-space character
# other than a space, a quote or dash. One search in C that stops only there (a translation
# table looked up every character: 2.5 times slower on 1,000 articles; issue 6).
_TO_FOLD = re.compile(r"\s{2,}|[^\S ]|[" + "".join(_EQUIVALENT) + "]")


def _fold(found: re.Match[str]) -> str:
    return _EQUIVALENT.get(found[0], " ")


# Characters found simple so far: texts share most of theirs, so each is looked up once.
_SIMPLE_CHARS: set[str] = set()


def _is_simple(text: str) -> bool:
    """Whether each character is a cluster of its own and already NFC.

    Then normalising is a translation plus white-space folding, done in C; the check
    looks at each distinct character once, so it costs little even for long texts.
    """
    chars = set(text)
    if chars <= _SIMPLE_CHARS:
        return True
    if not all(not unicodedata.combining(c) and unicodedata.is_normalized("NFC", c) for c in chars - _SIMPLE_CHARS):
        return False
    if len(_SIMPLE_CHARS) < 1 << 16:  # bounded, whatever texts come
        _SIMPLE_CHARS.update(chars)
    return True


_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")


def first_sentence_end(line: str) -> int:
    """Where `SourceText(line).sentences[0]` ends, for a line with no line breaks or edge spaces."""
    found = _SENTENCE_BREAK.search(line)
    return len(line[: found.end()].rstrip()) if found else len(line)


class _RunMap:
    """Where each normalised character came from, for a simple text (see `_is_simple`).

    Such a text changes length only where a run of two or more white-space characters
    became one space, so the runs alone say it: O(runs) to build, O(log runs) to ask,
    where two arrays of offsets took 16 bytes and a slice of a second per megabyte.
    """

    __slots__ = ("_at", "_runs")

    def __init__(self, text: str) -> None:
        self._at: list[int] = []  # where each run's space is in the normalised text, sorted
        self._runs: list[tuple[int, int]] = []  # its original range
        removed = 0
        for run in _LONG_SPACE_RUNS.finditer(text):
            a, b = run.span()
            self._at.append(a - removed)
            self._runs.append((a, b))
            removed += b - a - 1

    def span(self, index: int) -> tuple[int, int]:
        """The original range of the normalised character at `index`."""
        k = bisect.bisect_right(self._at, index) - 1
        if k < 0:
            return index, index + 1
        if index == self._at[k]:
            return self._runs[k]
        start = self._runs[k][1] + index - self._at[k] - 1
        return start, start + 1


class _ArrayMap:
    """The same, for any text: each character's original range, in two arrays."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, starts: array[int], ends: array[int]) -> None:
        self._starts, self._ends = starts, ends

    def span(self, index: int) -> tuple[int, int]:
        return self._starts[index], self._ends[index]


def _normalise_mapped(text: str) -> tuple[str, _RunMap | _ArrayMap]:
    """The normalised text, and where each of its characters came from."""
    if _is_simple(text):
        return folded(text), _RunMap(text)
    chars, origin = _normalise_clusters(text)
    return chars, _ArrayMap(array("q", [a for a, _ in origin]), array("q", [b for _, b in origin]))


def folded(text: str) -> str:
    """The normalised text with the white space at its edges kept (`normalise` strips it)."""
    if _is_simple(text):  # one character for one, and each run of white space made one space
        return _TO_FOLD.sub(_fold, text)
    return _normalise_clusters(text)[0]


def normalise_with_map(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The normalised text and, for each of its characters, the original range it came from."""
    chars, where = _normalise_mapped(text)
    return chars, [where.span(i) for i in range(len(chars))]


def _normalise_clusters(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The general case: cluster by cluster, for texts with combining marks or non-NFC characters."""
    chars: list[str] = []
    origin: list[tuple[int, int]] = []
    in_space = False
    for start, end in _clusters(text):
        piece = text[start:end]
        if piece.isspace():
            if not in_space:
                chars.append(" ")
                origin.append((start, end))
                in_space = True
            else:
                origin[-1] = (origin[-1][0], end)
            continue
        in_space = False
        for char in unicodedata.normalize("NFC", piece):
            chars.append(_EQUIVALENT.get(char, char))
            origin.append((start, end))
    return "".join(chars), origin


def normalise(text: str) -> str:
    return folded(text).strip()


_TOKENS = re.compile(r"\w+|[^\w\s]")  # a mention starts where one of these starts
_WORDS = re.compile(r"\w+")
HINT_CHARS = 200
CONTEXT_CHARS = 1_000  # of a sentence, each side of a mention or claim shown in it
_SPACE = re.compile(r"\s+")
HINT_CANDIDATES = 40
_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class AliasIndex:
    """Aliases, normalised and grouped by their first token, longest first.

    A whole-word match starts where a token of the text starts and shares that token, so
    one pass over a text's tokens finds every alias instead of one regex pass per alias.
    """

    by_token: dict[str, tuple[tuple[str, str], ...]]  # first token -> ((needle, alias), ...)

    @cached_property
    def candidates(self) -> re.Pattern[str]:
        """The tokens of a text that may start an alias: a word whose first character starts
        one of the words above, or one of the other characters above, not after a word."""
        words = sorted({token[0] for token in self.by_token if _WORD.match(token)})
        others = sorted(token for token in self.by_token if not _WORD.match(token))
        branches = [f"[{''.join(map(re.escape, words))}]\\w*"] if words else []
        branches += [f"[{''.join(map(re.escape, others))}]"] if others else []
        return re.compile(f"(?<!\\w)(?:{'|'.join(branches)})" if branches else "(?!)")

    @classmethod
    def of(cls, aliases: Iterable[str]) -> AliasIndex:
        return _alias_index(tuple(sorted(set(aliases))))


# The same aliases give the very same index: a rebuild under `mkdocs serve` after an edit that
# left them as they were then finds each text's matches (`find_aliases`) by one identity check,
# where comparing the indexes of 1,000 texts took ~0.05 s (issue 6).
@lru_cache(maxsize=1)
def _alias_index(aliases: tuple[str, ...]) -> AliasIndex:
    groups: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for alias in aliases:
        needle = normalise(alias)
        first = _TOKENS.match(needle)
        if first is not None:
            groups[first.group()].append((needle, alias))
    return AliasIndex({token: tuple(sorted(pairs, key=lambda p: (-len(p[0]), p))) for token, pairs in groups.items()})


@dataclass(frozen=True)
class SourceText:
    """A source text with its normalised index."""

    text: str

    @cached_property
    def _index(self) -> tuple[str, _RunMap | _ArrayMap]:
        return _normalise_mapped(self.text)

    def _to_original(self, start: int, end: int) -> Span:
        where = self._index[1]
        return Span(where.span(start)[0], where.span(end - 1)[1])

    def find_all(self, quote: str) -> list[Span]:
        """Every place the quote occurs, overlapping ones included; past MAX_QUOTE_OCCURRENCES, only one more.

        Kept with the text, as `find_aliases` is: a rebuild that reuses this text finds its
        quotes again without normalising or searching.
        """
        memo: dict[str, list[Span]] = self.__dict__.setdefault("_quotes_memo", {})
        found = memo.get(quote)
        if found is None:
            found = memo[quote] = self._find_all(quote)
        return list(found)

    def _find_all(self, quote: str) -> list[Span]:
        # At most one more than MAX_QUOTE_OCCURRENCES: enough to tell there are too many.
        needle = normalise(quote)
        haystack = self._index[0]
        spans: list[Span] = []
        if not needle:
            return spans
        at = haystack.find(needle)
        while at >= 0 and len(spans) <= MAX_QUOTE_OCCURRENCES:
            spans.append(self._to_original(at, at + len(needle)))
            at = haystack.find(needle, at + 1)
        return spans

    def find_words(self, alias: str) -> list[Span]:
        """Case-sensitive whole-word matches of an alias."""
        needle = normalise(alias)
        if not needle:
            return []
        pattern = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)")
        return [self._to_original(m.start(), m.end()) for m in pattern.finditer(self._index[0])]

    def find_aliases(self, index: AliasIndex) -> list[tuple[Span, str]]:
        """Whole-word, case-sensitive matches of the aliases, as (span, alias), left to right.

        Matches never overlap: the one that starts first wins, and at one place the longest
        ("Donald Trump" over "Trump"). The result is kept with the text: a rebuild that reuses
        this text (see build_cache) with the same aliases gets it back without a scan.
        """
        memo = self.__dict__.get("_aliases_memo")
        if memo is not None and memo[0] == index:
            found: list[tuple[Span, str]] = memo[1]
            return found
        found = self._scan_aliases(index)
        self.__dict__["_aliases_memo"] = (index, found)  # frozen, but this is a cache, as cached_property is
        return found

    def _scan_aliases(self, index: AliasIndex) -> list[tuple[Span, str]]:
        haystack = self._index[0]
        found: list[tuple[Span, str]] = []
        taken_until = 0
        # Only the few tokens that can start an alias, not all of them (same order, same tokens).
        for token in index.candidates.finditer(haystack):
            at = token.start()
            pairs = index.by_token.get(token.group())
            if at < taken_until or pairs is None:
                continue
            for needle, alias in pairs:
                end = at + len(needle)
                if haystack.startswith(needle, at) and not _WORD.match(haystack, end):
                    found.append((self._to_original(at, end), alias))
                    taken_until = end
                    break
        return found

    def closest_passage(self, quote: str, at_least: float = 0.6) -> str:
        """The passage of the text most like the quote, for a 'not found' hint ('' if none is close).

        The work is bounded whatever the text and the quote: only the quote's first
        HINT_CHARS characters are compared, and only at the HINT_CANDIDATES places where
        most of its rarest words occur (or at most HINT_CANDIDATES evenly spaced places
        when it has no words). Comparing every window of a 5 MB text took hours.
        """
        needle = normalise(quote)
        haystack = self._index[0]
        if not needle or not haystack:
            return ""
        size = len(needle)
        probe = needle[:HINT_CHARS]
        step = max(1, len(probe) // 4)
        last = max(0, len(haystack) - size)

        def ratio(at: int) -> float:
            return difflib.SequenceMatcher(None, probe, haystack[at : at + len(probe)], autojunk=False).ratio()

        starts = self._candidate_starts(probe, last)
        if not starts:
            return ""
        best, best_at = max((ratio(at), -at) for at in starts)
        best_at = -best_at
        # Refine around the best place one character at a time.
        for at in range(max(0, best_at - step), min(last, best_at + step) + 1):
            score = ratio(at)
            if score > best:
                best, best_at = score, at
        if best < at_least:
            return ""
        span = self._to_original(best_at, min(len(haystack), best_at + size))
        return self.text[span.start : span.end]

    def _candidate_starts(self, probe: str, last: int) -> list[int]:
        words = [(m.group(), m.start()) for m in _WORDS.finditer(probe)]
        positions = self._word_positions
        known = sorted((len(positions[w]), w, offset) for w, offset in words if w in positions)
        if not known:
            spacing = max(1, (last + 1) // HINT_CANDIDATES)
            return list(range(0, last + 1, spacing))[:HINT_CANDIDATES]
        votes: dict[int, int] = defaultdict(int)
        bucket = max(1, len(probe) // 4)
        for _, word, offset in known[:8]:  # the rarest words say most about where the quote is
            for at in positions[word][:2000]:
                votes[min(last, max(0, at - offset)) // bucket * bucket] += 1
        ranked = sorted(votes.items(), key=lambda item: (-item[1], item[0]))[:HINT_CANDIDATES]
        return [at for at, _ in ranked]

    @cached_property
    def _word_positions(self) -> dict[str, array[int]]:
        found: dict[str, array[int]] = defaultdict(lambda: array("q"))
        for match in _WORDS.finditer(self._index[0]):
            found[match.group()].append(match.start())
        return dict(found)

    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        starts.extend(i + 1 for i, c in enumerate(self.text) if c == "\n")
        return starts

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    @cached_property
    def paragraphs(self) -> list[Span]:
        """Blocks of text separated by blank lines."""
        return [Span(m.start(), m.end()) for m in re.finditer(r"\S(?:.|\n(?![ \t\r]*\n))*", self.text)]

    @cached_property
    def sentences(self) -> list[Span]:
        out: list[Span] = []
        for para in self.paragraphs:
            chunk = self.text[para.start : para.end]
            begin = 0
            for m in _SENTENCE_BREAK.finditer(chunk):
                out.append(Span(para.start + begin, para.start + m.end()))
                begin = m.end()
            out.append(Span(para.start + begin, para.end))
        return [Span(s.start, s.start + len(self.text[s.start : s.end].rstrip())) for s in out]

    # Looked up once per mention and claim: kept sorted, searched by bisection.
    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    def _paragraph_at(self, offset: int) -> Span | None:
        """The paragraph holding the offset (paragraphs are sorted and disjoint)."""
        index = bisect.bisect_right(self._paragraph_starts, offset) - 1
        if index < 0 or offset >= self.paragraphs[index].end:
            return None
        return self.paragraphs[index]

    def sentence_range(self, span: Span, around: int = 0) -> Span:
        """The sentences holding the span, widened by `around` sentences each side within its paragraph,
        and at most CONTEXT_CHARS characters each side of the span (cut after or before white space).

        Every mention is listed with its context: a whole sentence each made a page grow with
        (mentions x sentence length), and a text on one line without a full stop is one sentence.
        """
        sentences = self.sentences
        starts = self._sentence_starts
        first = max(0, bisect.bisect_right(starts, span.start) - 1)
        last = max(first, bisect.bisect_left(starts, span.end) - 1)
        para = self._paragraph_at(span.start)
        lo, hi = max(0, first - around), min(len(sentences) - 1, last + around)
        if para is not None:
            while lo < first and sentences[lo].start < para.start:
                lo += 1
            while hi > last and sentences[hi].end > para.end:
                hi -= 1
        return self._clipped(Span(sentences[lo].start, max(sentences[hi].end, span.end)), span)

    def _clipped(self, context: Span, span: Span) -> Span:
        start, end = context.start, context.end
        if span.start - start > CONTEXT_CHARS:
            start = span.start - CONTEXT_CHARS
            space = _SPACE.search(self.text, start, span.start)
            start = space.end() if space else start
        if end - span.end > CONTEXT_CHARS:
            end = span.end + CONTEXT_CHARS
            # The last white space before the cut: searched within the cut only, so bounded.
            spaces = [m.start() for m in _SPACE.finditer(self.text, span.end, end)]
            end = spaces[-1] if spaces else end
        return Span(start, end)
