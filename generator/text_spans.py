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
from dataclasses import dataclass
from functools import cached_property

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
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        out.append((i, j))
        i = j
    return out


def normalise_with_map(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The normalised text and, for each of its characters, the original range it came from."""
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
    return normalise_with_map(text)[0].strip()


@dataclass(frozen=True)
class SourceText:
    """A source text with its normalised index."""

    text: str

    @cached_property
    def _index(self) -> tuple[str, list[tuple[int, int]]]:
        return normalise_with_map(self.text)

    def _to_original(self, start: int, end: int) -> Span:
        origin = self._index[1]
        return Span(origin[start][0], origin[end - 1][1])

    def find_all(self, quote: str) -> list[Span]:
        """Every place the quote occurs, overlapping ones included."""
        needle = normalise(quote)
        haystack = self._index[0]
        spans: list[Span] = []
        if not needle:
            return spans
        at = haystack.find(needle)
        while at >= 0:
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

    def closest_passage(self, quote: str, at_least: float = 0.6) -> str:
        """The passage of the text most like the quote, for a 'not found' hint ('' if none is close)."""
        needle = normalise(quote)
        haystack = self._index[0]
        if not needle or not haystack:
            return ""
        size = len(needle)
        step = max(1, size // 4)
        best, best_at = -1.0, 0
        for at in range(0, max(1, len(haystack) - size + 1), step):
            ratio = difflib.SequenceMatcher(None, needle, haystack[at : at + size], autojunk=False).ratio()
            if ratio > best:
                best, best_at = ratio, at
        # Refine around the best window one character at a time.
        for at in range(max(0, best_at - step), min(len(haystack) - size, best_at + step) + 1):
            ratio = difflib.SequenceMatcher(None, needle, haystack[at : at + size], autojunk=False).ratio()
            if ratio > best:
                best, best_at = ratio, at
        if best < at_least:
            return ""
        span = self._to_original(best_at, min(len(haystack), best_at + size))
        return self.text[span.start : span.end]

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
            for m in re.finditer(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])", chunk):
                out.append(Span(para.start + begin, para.start + m.end()))
                begin = m.end()
            out.append(Span(para.start + begin, para.end))
        return [Span(s.start, s.start + len(self.text[s.start : s.end].rstrip())) for s in out]

    def sentence_range(self, span: Span, around: int = 0) -> Span:
        """The sentences holding the span, widened by `around` sentences each side within its paragraph."""
        sentences = self.sentences
        starts = [s.start for s in sentences]
        first = max(0, bisect.bisect_right(starts, span.start) - 1)
        last = max(first, bisect.bisect_left(starts, span.end) - 1)
        para = next((p for p in self.paragraphs if p.start <= span.start < p.end), None)
        lo, hi = max(0, first - around), min(len(sentences) - 1, last + around)
        if para is not None:
            while lo < first and sentences[lo].start < para.start:
                lo += 1
            while hi > last and sentences[hi].end > para.end:
                hi -= 1
        return Span(sentences[lo].start, max(sentences[hi].end, span.end))
