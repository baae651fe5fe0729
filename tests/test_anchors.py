"""Re-anchoring: `anchor` records where each quote sits; after the text changes, `check` says
what became of it — exact, moved, fuzzy (with the quote to write) or orphaned."""

from __future__ import annotations

import json

import pytest
from conftest import SAMPLE_TEXT, Project
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.annotations.anchors import Anchor, relocate
from generator.annotations.text_spans import SourceText

LOCK = "seeds/article.anchors.json"


@pytest.fixture
def anchored(sample: Project) -> Project:
    result = sample.run("-m", "generator", "anchor")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "wrote seeds/article.anchors.json\nanchored 2 claims in 1 file\n"
    return sample


def edit_text(project: Project, old: str, new: str) -> None:
    path = project.seeds / "article.txt"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_project_without_anchors_checks_as_before(sample: Project) -> None:
    result = sample.check()
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "ok: 1 documents, 2 people, 2 sources, 2 claims\n"
    listing = sample.check("--anchors")
    assert listing.stdout.splitlines()[-2:] == [
        "anchors: 0 exact, 0 moved, 0 fuzzy, 0 orphaned, 2 unanchored",
        "ok: 1 documents, 2 people, 2 sources, 2 claims",
    ]


def test_the_lock_file_records_quote_context_place_and_text_hash(anchored: Project) -> None:
    data = json.loads((anchored.root / LOCK).read_text(encoding="utf-8"))
    start = SAMPLE_TEXT.index("He wants")
    assert data["format"] == "explainer-anchors"
    assert list(data["claims"]) == ["no-request", "trump-wants-to-meet"]  # sorted
    assert (
        data["claims"]["trump-wants-to-meet"]
        == {
            "document": "trump-putin",
            "start": start,
            "end": start + len("He wants to meet, and we’re working on it"),
            "exact": "He wants to meet, and we’re working on it",  # the text's own characters
            "prefix": SAMPLE_TEXT[start - 32 : start],
            "suffix": "” on Thursday, according to Reut",
        }
    )
    assert len(data["documents"]["trump-putin"]["sha256"]) == 64


def test_anchoring_again_changes_nothing(anchored: Project) -> None:
    before = (anchored.root / LOCK).read_bytes()
    again = anchored.run("-m", "generator", "anchor")
    assert again.stdout == "anchored 2 claims in 1 file\n"  # nothing rewritten
    assert (anchored.root / LOCK).read_bytes() == before


def test_unchanged_text_every_anchor_is_exact(anchored: Project) -> None:
    result = anchored.check("--anchors")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "seeds/article.yaml:27:12: exact trump-wants-to-meet\n"
        "seeds/article.yaml:39:12: exact no-request\n"
        "anchors: 2 exact, 0 moved, 0 fuzzy, 0 orphaned, 0 unanchored\n"
        "ok: 1 documents, 2 people, 2 sources, 2 claims\n"
    )


def test_moved_quotes_are_a_notice_not_an_error(anchored: Project) -> None:
    edit_text(anchored, "Trump to Meet Putin\n", "Trump to Meet Putin\n\nUpdated on Friday.\n")
    result = anchored.check()
    assert result.returncode == 0
    assert result.stderr == (
        "seeds/article.anchors.json:1:1: notice[anchor-moved]: 2 quotes moved in their texts since the anchors were "
        "recorded: trump-wants-to-meet, no-request\n"
        "    hint: list them: python -m generator check --anchors; record the new places: python -m generator anchor\n"
    )
    assert anchored.check("--anchors").stdout.splitlines()[:2] == [
        "seeds/article.yaml:27:12: moved trump-wants-to-meet",
        "seeds/article.yaml:39:12: moved no-request",
    ]
    assert anchored.build().returncode == 0  # a moved quote never stops a build
    anchored.run("-m", "generator", "anchor")
    assert anchored.check().stderr == ""


def test_reworded_quote_is_fuzzy_with_the_fix_to_apply(anchored: Project) -> None:
    edit_text(anchored, "“He wants to meet, and we’re working on it”", "“He wants to meet and we are working on it”")
    result = anchored.check()
    assert result.returncode == 1
    assert result.stderr == (
        "seeds/article.yaml:27:12: error[anchor-fuzzy]: claims[0].quote: the text changed and the quote is no longer "
        "in seeds/article.txt; the passage at seeds/article.txt:3:39 has similarity 0.95\n"
        '    27 |     quote: "He wants to meet, and we\'re working on it"\n'
        "       |            ^\n"
        "    hint: if it is the same statement, write:\n"
        '    hint:     quote: "He wants to meet and we are working on it"\n'
        "1 error; nothing was built\n"
    )
    listing = anchored.check("--anchors").stdout
    assert 'fuzzy trump-wants-to-meet (similarity 0.95) -> quote: "He wants to meet and we are working on it"' in listing
    # Applying the fix as written makes the project pass; `anchor` then records the new place.
    yaml_path = anchored.seeds / "article.yaml"
    yaml_text = yaml_path.read_text(encoding="utf-8")
    yaml_path.write_text(
        yaml_text.replace('"He wants to meet, and we\'re working on it"', '"He wants to meet and we are working on it"')
    )
    assert anchored.check().returncode == 0
    assert anchored.run("-m", "generator", "anchor").returncode == 0
    assert "exact trump-wants-to-meet" in anchored.check("--anchors").stdout


def test_deleted_passage_is_orphaned(anchored: Project) -> None:
    edit_text(anchored, "Kremlin spokesman Peskov said: “No, there was no request.”\n", "")
    result = anchored.check()
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "seeds/article.yaml:39:12: error[anchor-orphaned]: claims[1].quote: the text changed and the quote is no longer "
        "in seeds/article.txt; nothing like it is left (best similarity 0.30)"
    )
    assert result.stderr.splitlines()[3:] == [
        "    hint: the passage was removed or rewritten: quote its new wording, or delete the claim; it read:",
        "    hint:     …Kremlin spokesman Peskov said: “[No, there was no request.]” Trump later repeated it. Reut…",
        "1 error; nothing was built",
    ]
    assert "quote-not-found" not in result.stderr  # replaced, not reported twice


def test_a_second_copy_of_the_quote_is_resolved_by_its_context(anchored: Project) -> None:
    edit_text(anchored, "Trump to Meet Putin\n", "Trump to Meet Putin\n\nTeaser: “No, there was no request.”\n")
    result = anchored.check()
    assert result.returncode == 1
    assert "error[quote-ambiguous]: claims[1].quote: the quote occurs 2 times in seeds/article.txt" in result.stderr
    assert "    hint: the anchored passage is occurrence 2 of 2; write:\n    hint:     occurrence: 2\n" in result.stderr


def test_an_edited_quote_is_checked_as_a_new_one(anchored: Project) -> None:
    yaml_path = anchored.seeds / "article.yaml"
    yaml_path.write_text(yaml_path.read_text(encoding="utf-8").replace("No, there was no request.", "No, there was no request"))
    result = anchored.check("--anchors")
    assert result.returncode == 0
    assert "seeds/article.yaml:39:12: unanchored no-request" in result.stdout


def test_a_damaged_lock_file_is_a_warning_and_anchor_rewrites_it(anchored: Project) -> None:
    (anchored.root / LOCK).write_text("<<<<<<< HEAD\n", encoding="utf-8")
    result = anchored.check()
    assert result.returncode == 0
    assert result.stderr.startswith(
        "seeds/article.anchors.json:1:1: warning[anchor-lock-invalid]: the anchors file cannot be used: it is not valid JSON"
    )
    assert anchored.run("-m", "generator", "anchor").returncode == 0
    assert anchored.check().stderr == ""


def test_the_lock_of_a_removed_annotation_file_is_removed(anchored: Project) -> None:
    (anchored.seeds / "article.yaml").rename(anchored.seeds / "renamed.yaml")
    result = anchored.run("-m", "generator", "anchor")
    assert result.stdout == "wrote seeds/renamed.anchors.json\nremoved seeds/article.anchors.json\nanchored 2 claims in 1 file\n"


def test_github_format_shows_the_fix_on_the_pull_request(anchored: Project) -> None:
    edit_text(anchored, "“He wants to meet, and we’re working on it”", "“He wants to meet and we are working on it”")
    result = anchored.check("--format", "github")
    assert result.stdout == (
        "::error file=seeds/article.yaml,line=27,col=12,title=anchor-fuzzy::claims[0].quote: the text changed and the "
        "quote is no longer in seeds/article.txt; the passage at seeds/article.txt:3:39 has similarity 0.95"
        '%0Ahint: if it is the same statement, write:%0A    quote: "He wants to meet and we are working on it"\n'
    )


# --- the search itself --------------------------------------------------------------------


def anchor_for(text: str, exact: str) -> Anchor:
    start = text.index(exact)
    end = start + len(exact)
    return Anchor("d", start, end, exact, text[max(0, start - 32) : start], text[end : end + 32])


def test_relocate_counts_code_points_past_characters_outside_the_bmp() -> None:
    old = "🙂🙂 Emoji first. The minister said the plan was 𝐟𝐮𝐥𝐥𝐲 funded. The end."
    new = "🙂🙂🙂 Emoji first. The minister said the plan was 𝐟𝐮𝐥𝐥𝐲 financed. The end."
    found = relocate(SourceText(new), anchor_for(old, "the plan was 𝐟𝐮𝐥𝐥𝐲 funded"))
    assert found is not None
    assert new[found.span.start : found.span.end] == "the plan was 𝐟𝐮𝐥𝐥𝐲 financed"
    assert found.score == 0.88


def test_relocate_prefers_the_copy_with_the_recorded_context() -> None:
    old = "First: the deal is off, he said. Later: the deal is off, she said."
    anchor = anchor_for(old[20:], "the deal is off, she said")
    new = "First: the deal is off, he said. Later: the deal is now off, she said."
    found = relocate(SourceText(new), Anchor("d", 40, 65, anchor.exact, "Later: ", anchor.suffix))
    assert found is not None
    assert new[found.span.start : found.span.end] == "the deal is now off, she said"


WORDS = st.text(alphabet="abcdefghij klmnop“”’—🙂𝐁\n", min_size=0, max_size=80)


@settings(max_examples=60, deadline=None)
@given(before=WORDS, after=WORDS, inserted=WORDS)
def test_relocate_finds_an_unchanged_quote_wherever_the_text_around_it_changed(before: str, after: str, inserted: str) -> None:
    quote = "the council voted 7 to 2 on Tuesday"
    old = f"{before} {quote} {after}"
    new = f"{inserted}{before} {quote} {after}{inserted}"
    found = relocate(SourceText(new), anchor_for(old, quote))
    assert found is not None
    assert (new[found.span.start : found.span.end], found.score) == (quote, 1.0)
