"""The shapes of benchmarks/adversarial.py, small: each is built, or refused with the limit it passes.

The benchmark times them at 1x and 10x; here each shape is one small case and its exact outcome,
the page it makes or the error `check` prints. The limits are in generator/annotations/limits.py and
SECURITY.md ("Time").
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import Project, make_project

from generator.annotations.diagnostics import format_human
from generator.annotations.limits import MAX_COMBINING_MARKS, MAX_LIGHT_MARKDOWN_BRACKETS, MAX_LIGHT_MARKDOWN_CHARS, MAX_NAME_CHARS
from generator.annotations.pipeline import check

SENTENCES = 40
LINE = "\t".join(f"Speaker {i:03d} said the figure was {i * 7 % 100:02d}." for i in range(SENTENCES))
MARKS = "\u0301\u0316" * (MAX_COMBINING_MARKS // 2)  # as many marks on one letter as the limit allows
LONG_WORD = "a" * 10_000
LINKS = "[a](https://example.org/) " * MAX_LIGHT_MARKDOWN_BRACKETS
DEEP = "> " * 200 + "deep"
ALIASES = [f"Alias{i}" for i in range(50)]
MENTIONS = 500  # in one sentence of some 7,500 characters


def seeds() -> dict[str, str]:
    """One article per shape, and many small files."""
    claims = "".join(f"  - id: c{i}\n    document: line\n    quote: Speaker {i:03d} said\n    kind: assertion\n" for i in range(SENTENCES))
    files = {
        "line.yaml": (
            "documents:\n  - id: line\n    text: line.txt\n  - id: marks\n    text: marks.txt\n  - id: words\n    text: words.txt\n"
            "  - id: aliases\n    text: aliases.txt\n  - id: sentence\n    text: sentence.txt\n"
            f"people:\n  - id: speaker\n    name: Speaker\n    aliases: [Speaker]\n    description: \"{DEEP}\"\n"
            f"  - id: many\n    name: Many Names\n    aliases: [{', '.join(ALIASES)}]\n"
            f"claims:\n{claims}"
            f"  - id: linked\n    document: words\n    quote: Speaker said\n    kind: assertion\n    explanation: \"{LINKS}\"\n"
        ),
        # Windows line endings and tabs: the text stays one paragraph of HTML, never Markdown.
        "line.txt": "One line\r\n\r\n" + LINE + "\r\n",
        "marks.txt": f"Marks\n\nSpeaker wrote e{MARKS} and a{MARKS}.\n",
        "words.txt": f"Words\n\nSpeaker said {LONG_WORD} today.\n",
        "aliases.txt": "Aliases\n\n" + " ".join(f"{alias} spoke." for alias in ALIASES) + "\n",
        "sentence.txt": "Sentence\n\n" + " and ".join(f"Many{i:04d} Alias0" for i in range(MENTIONS)) + "\n",
    }
    for i in range(20):
        files[f"more/p{i}.yaml"] = f"people:\n  - id: p{i}\n    name: Person {i}\n"
    return files


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = make_project(tmp_path_factory.mktemp("shapes") / "project")
    for name, content in seeds().items():
        path = project.seeds / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8"))
    result = project.build()
    assert result.returncode == 0, result.stderr
    return project


def test_packed_claims_on_one_long_line_each_link_their_own_words(built: Project) -> None:
    page = built.html("articles/line")
    text = page.split('<div class="explainer-text">', 1)[1].split("</div>", 1)[0]
    assert text.count("<p>") == 2 and "\r" not in text and "\t" not in text  # the title's line, and the line
    for i in range(SENTENCES):
        # The claim's anchor, then its mention's (a mention inside a claim is not a link of its own).
        anchors = f'<span id="claim-c{i}"></span><span id="mention-people-speaker-{i + 1}"></span>'
        assert f'data-claim="c{i}" href="../../claims/c{i}/">{anchors}Speaker {i:03d} said' in text
    assert "</a> the figure was 07. <a class=" in text  # the tab after it is one space


def test_combining_marks_up_to_the_limit_are_kept_as_written(built: Project) -> None:
    assert f"e{MARKS} and a{MARKS}." in built.html("articles/marks")


def test_a_long_word_is_shown_whole(built: Project) -> None:
    assert f"</a> {LONG_WORD} today.</p>" in built.html("articles/words")


def test_links_up_to_the_limit_and_deep_quotes_render(built: Project) -> None:
    claim = built.html("claims/linked")
    assert claim.count('<a href="https://example.org/" rel="nofollow noopener noreferrer">a</a>') == MAX_LIGHT_MARKDOWN_BRACKETS
    person = built.html("people/speaker")
    assert person.count("<blockquote>") == 200 and "deep" in person


def test_every_alias_is_a_mention_and_every_file_a_page(built: Project) -> None:
    page = built.html("articles/aliases")
    assert [m for m in re.findall(r'title="Many Names">(Alias\d+)</a>', page)] == ALIASES
    assert all((built.root / "site" / "people" / f"p{i}" / "index.html").is_file() for i in range(20))


def test_a_mention_in_a_long_sentence_is_listed_with_at_most_1000_characters_each_side(built: Project) -> None:
    # The whole sentence each time would make the page grow with (mentions x sentence length).
    person = built.html("people/many")
    items = re.findall(r'<li><a href="../../articles/sentence/#[^"]*">Sentence</a>: <span class="explainer-context">(.*?)</span></li>', person)
    assert len(items) == MENTIONS
    middle = items[MENTIONS // 2]
    before, _, after = re.fullmatch(r"(.*) <mark>(Alias0)</mark> (.*)", middle).groups()  # type: ignore[union-attr]
    assert len(before) <= 1_000 and len(after) <= 1_000
    assert before.startswith("and Many0201 Alias0") and before.endswith(" Many0250")  # cut at white space
    assert after.startswith("and Many0251 Alias0") and after.endswith(" and Many0300")
    assert items[0].startswith("Many0000 <mark>Alias0</mark> and Many0001 Alias0")


# --- refused, with the limit and what to do -------------------------------------------------


def errors(tmp_path: Path, files: dict[str, str]) -> list[str]:
    for name, content in files.items():
        (tmp_path / "seeds").mkdir(exist_ok=True)
        (tmp_path / "seeds" / name).write_text(content, encoding="utf-8")
    checked = check(tmp_path / "seeds", tmp_path)
    return [line for line in format_human(checked.diagnostics).splitlines() if not line.startswith(" ")]


PERSON = "people:\n  - id: a\n    name: A\n"


def test_more_links_than_the_limit_are_refused(tmp_path: Path) -> None:
    value = "[a](https://example.org/) " * (MAX_LIGHT_MARKDOWN_BRACKETS + 1)
    assert errors(tmp_path, {"a.yaml": PERSON + f'    description: "{value}"\n'}) == [
        "seeds/a.yaml:4:18: error[too-long]: people[0].description: light Markdown may hold at most 100 '[' "
        "(links and bracketed words), but this value has 101; cite the pages as evidence entries instead of links"
    ]


def test_light_markdown_longer_than_the_limit_is_refused(tmp_path: Path) -> None:
    value = "x" * (MAX_LIGHT_MARKDOWN_CHARS + 1)
    assert errors(tmp_path, {"a.yaml": PERSON + f"    description: {value}\n"}) == [
        "seeds/a.yaml:4:18: error[too-long]: people[0].description: light Markdown may hold at most 20,000 characters, "
        "but this value has 20,001; shorten it, or put the rest in evidence notes"
    ]


def test_long_fields_are_refused_names_sooner_as_each_mention_repeats_them(tmp_path: Path) -> None:
    name = "N" * (MAX_NAME_CHARS + 1)
    role = "r" * 5_001
    assert errors(tmp_path, {"a.yaml": f"people:\n  - id: a\n    name: {name}\n    role: {role}\n"}) == [
        "seeds/a.yaml:3:11: error[too-long]: people[0].name: a value here may hold at most 300 characters, "
        "but this one has 301; shorten it",
        "seeds/a.yaml:4:11: error[too-long]: people[0].role: a value here may hold at most 5,000 characters, "
        "but this one has 5,001; shorten it",
    ]


def test_a_quote_found_more_than_1000_times_is_refused_and_fewer_are_listed_ten_at_most(tmp_path: Path) -> None:
    document = "documents:\n  - id: doc\n    text: a.txt\nclaims:\n  - id: c\n    quote: a\n    kind: assertion\n"
    assert errors(tmp_path, {"a.yaml": document + "    occurrence: 1\n", "a.txt": "Title\n\n" + "a " * 1_001 + "\n"}) == [
        "seeds/a.yaml:6:12: error[quote-ambiguous]: claims[0].quote: the quote occurs more than 1,000 times in seeds/a.txt"
    ]
    places = ", ".join(f"seeds/a.txt:3:{col}" for col in range(1, 21, 2))
    assert errors(tmp_path, {"a.yaml": document, "a.txt": "Title\n\n" + "a " * 1_000 + "\n"}) == [
        f"seeds/a.yaml:6:12: error[quote-ambiguous]: claims[0].quote: the quote occurs 1000 times in seeds/a.txt: {places} and 990 more"
    ]


def test_a_run_of_combining_marks_past_the_limit_is_refused_in_a_text_and_in_yaml(tmp_path: Path) -> None:
    run = "\u0301" * (MAX_COMBINING_MARKS + 1)
    files = {
        "a.yaml": f"people:\n  - id: a\n    name: A{run}\n",
        "b.yaml": "documents:\n  - id: doc\n    text: b.txt\n",
        "b.txt": f"Title\n\nSpeaker e{run}.\n",
    }
    message = "31 combining marks in a row; the limit is 30 (Unicode's stream-safe text format)"
    assert errors(tmp_path, files) == [
        f"seeds/a.yaml:3:12: error[combining-marks]: {message}",
        f"seeds/b.txt:3:10: error[combining-marks]: {message}",
    ]
    # Written as escapes, the marks are found once the file has been parsed.
    escaped = chr(92) + "u0301"
    assert errors(tmp_path, {"a.yaml": f'people:\n  - id: a\n    name: "A{escaped * 31}"\n', "b.txt": "Title\n\nSpeaker.\n"}) == [
        "seeds/a.yaml:3:11: error[combining-marks]: 31 combining marks in a row (written as escapes); "
        "the limit is 30 (Unicode's stream-safe text format)"
    ]
