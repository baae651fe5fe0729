"""A synthetic corpus in annotation format v1, for benchmarks only.

`write_corpus(seeds, articles)` writes `articles` source texts with 8–10 claims each, and
one `people-and-sources.yaml` whose people and sources the articles share: each article
names a handful of them, so person and source pages collect mentions and claims from
many articles, as in a newsroom's corpus. Everything is derived from the article number
with a seeded random generator: the same call writes the same bytes.

Every light-Markdown value is distinct, as in a real corpus, so that caches keyed by a
value's text are not flattered. The data are made up and look it (invented names, `example.org` evidence); they are
never published, only built into temporary sites and timed.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path

SYLLABLES = ("ka", "lo", "mi", "ren", "sa", "tor", "vel", "dun", "pri", "zo", "bar", "nek")
FIRST_NAMES = ("Ada", "Bram", "Cleo", "Dario", "Edda", "Finn", "Greta", "Hugo", "Ines", "Joris", "Kira", "Lev")
SOURCE_KINDS = (("Wire", "news-agency"), ("Herald", "newspaper"), ("Radio", "broadcaster"), ("Ministry", "government"))
VERDICTS = ("accurate", "mostly-accurate", "misleading", "inaccurate", "disputed", "accurate-quote", "opinion", "unverified")
KINDS = ("direct-quote", "paraphrase", "assertion")
NOUNS = ("budget", "harvest", "turnout", "rainfall", "ridership", "exports", "enrolment", "caseload")
# Lower-case filler, so that no filler word can match a (capitalised) alias.
FILLER = (
    "officials in the region spent the week reviewing figures that had been published earlier",
    "the council met on a wet morning and argued for hours about the order of business",
    "several residents said they had read about the plan only in the local paper",
    "a spokesperson declined to say when a final decision would be taken",
    "analysts cautioned that the numbers were preliminary and could still be revised",
    "the debate continued late into the evening without a vote being called",
)


@dataclass(frozen=True)
class Sizes:
    people: int
    sources: int


def sizes_for(articles: int) -> Sizes:
    """Shared entities grow with the corpus, more slowly than the articles."""
    return Sizes(people=20 + articles // 4, sources=8 + articles // 20)


def pseudo_word(number: int) -> str:
    """A unique capitalised made-up word for each number: `Kalomi`, `Lorenmi`..."""
    parts = []
    n = number
    for _ in range(3):
        parts.append(SYLLABLES[n % len(SYLLABLES)])
        n //= len(SYLLABLES)
    while n:
        parts.append(SYLLABLES[n % len(SYLLABLES)])
        n //= len(SYLLABLES)
    return "".join(parts).capitalize()


def person(number: int) -> tuple[str, str, str]:
    """(id, full name, surname); surnames are unique, so every alias has one owner."""
    surname = pseudo_word(number)
    first = FIRST_NAMES[number % len(FIRST_NAMES)]
    return f"person-{number}", f"{first} {surname}", surname


def source(number: int) -> tuple[str, str, str]:
    """(id, name, type)."""
    label, kind = SOURCE_KINDS[number % len(SOURCE_KINDS)]
    return f"source-{number}", f"{pseudo_word(number + 10_000)} {label}", kind


def q(value: str) -> str:
    """A double-quoted YAML scalar."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def shared_yaml(sizes: Sizes) -> str:
    out = ["people:"]
    for n in range(sizes.people):
        pid, name, surname = person(n)
        out += [
            f"  - id: {pid}",
            f"    name: {q(name)}",
            f"    aliases: [{q(name)}, {q(surname)}]",
            f"    role: {q('Councillor for ward ' + str(n))}",
            f"    description: {q(f'A *made-up* person, see [the example](https://example.org/people/{n}).')}",
        ]
    out.append("sources:")
    for n in range(sizes.sources):
        sid, name, kind = source(n)
        out += [
            f"  - id: {sid}",
            f"    name: {q(name)}",
            f"    type: {kind}",
            f"    aliases: [{q(name)}]",
            f"    url: https://example.org/sources/{n}",
        ]
    return "\n".join(out) + "\n"


def article(number: int, sizes: Sizes) -> tuple[str, str]:
    """The source text and the annotation YAML of one article."""
    rng = random.Random(number)
    people = rng.sample(range(sizes.people), k=min(6, sizes.people))
    sources = rng.sample(range(sizes.sources), k=min(3, sizes.sources))
    claims = rng.randint(8, 10)
    title = f"Report {number}: the {NOUNS[number % len(NOUNS)]} question"
    paragraphs: list[str] = []
    quotes: list[str] = []
    for k in range(claims):
        _, name, surname = person(people[k % len(people)])
        outlet = source(sources[k % len(sources)])[1]
        quote = f"the {NOUNS[k % len(NOUNS)]} in district {number}-{k} reached {rng.randint(100, 99999)} last year"
        quotes.append(quote)
        speaker = name if k < len(people) else surname
        filler = FILLER[(number + k) % len(FILLER)]
        other = FILLER[(number + 2 * k + 1) % len(FILLER)]
        paragraphs.append(
            f"{speaker} said on Tuesday that “{quote},” according to {outlet}. "
            f"{filler.capitalize()}. {surname} did not comment further, and {other}."
        )
    text = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
    doc_id = f"article-{number}"
    y = [
        "documents:",
        f"  - id: {doc_id}",
        f"    text: article-{number}.txt",
        f"    title: {q(title)}",
        f"    published: {q(f'2024-{1 + number % 12:02d}-{1 + number % 28:02d}')}",
        f"    publisher: source-{sources[0]}",
        f"    url: https://example.org/articles/{number}",
        f"    summary: {q(f'A *synthetic* article, number {number}, used to time builds.')}",
        "claims:",
    ]
    for k, quote in enumerate(quotes):
        verdict = VERDICTS[(number + k) % len(VERDICTS)]
        y += [
            f"  - id: claim-{number}-{k}",
            f"    quote: {q(quote)}",
            f"    kind: {KINDS[k % len(KINDS)]}",
            f"    claimant: person-{people[k % len(people)]}",
            f"    said_on: {q(f'2024-{1 + k % 12:02d}-{1 + number % 28:02d}')}",
            f"    via: [source-{sources[k % len(sources)]}]",
            f"    verdict: {verdict}",
            f"    explanation: {q(f'Figure {number}-{k} is *compared* with [the register](https://example.org/register/{number}/{k}).')}",
        ]
        if verdict not in ("opinion", "unverified"):
            y += [
                "    evidence:",
                f"      - url: https://example.org/evidence/{number}/{k}",
                f"        source: source-{sources[(k + 1) % len(sources)]}",
                f"        title: {q(f'Register entry {number}-{k}')}",
                f"        note: {q(f'Shows the *official* figure for district {number}-{k}.')}",
            ]
        if k == 0 and number > 0:
            y += ["    related:", f"      - claim: claim-{number - 1}-1", "        relation: responds-to"]
    return text, "\n".join(y) + "\n"


def write_corpus(seeds: Path, articles: int) -> None:
    """Write the corpus into `seeds` (created if missing)."""
    sizes = sizes_for(articles)
    seeds.mkdir(parents=True, exist_ok=True)
    (seeds / "people-and-sources.yaml").write_text(shared_yaml(sizes), encoding="utf-8")
    for number in range(articles):
        text, annotations = article(number, sizes)
        (seeds / f"article-{number}.txt").write_text(text, encoding="utf-8")
        (seeds / f"article-{number}.yaml").write_text(annotations, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description="Write a synthetic benchmark corpus (format v1).")
    parser.add_argument("seeds", type=Path, help="the folder to write into")
    parser.add_argument("--articles", type=int, default=100)
    args = parser.parse_args()
    write_corpus(args.seeds, args.articles)


if __name__ == "__main__":
    main()
