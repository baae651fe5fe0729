"""`python -m generator new seeds/<name>.txt` drafts `seeds/<name>.yaml`, which passes `check` as written."""

from __future__ import annotations

import shutil

from conftest import ROOT, Project

SEED_TEXT = next((ROOT / "seeds").glob("*.txt"))

TRICKY = """\
Café Talks: “Yes.” and again “Yes.”

José Martí said "it's a 12" pipe" and then "we agree, fully".
Reuters said nothing. “Unclosed quote here.

“Нет, не было запроса”, said Dmitri Peskov.
“He wants to meet, and we’re working on it,” Donald Trump said.
According to Angela Merkel, “talks
continue across lines” today.
“Trump” was quoted. Trump again. “#1: a 'test' \\ with: colons”
"""

TRICKY_DRAFT = """\
# yaml-language-server: $schema=../schema/annotations.schema.json
#
# Drafted by `python -m generator new` from "tricky.txt". Review all of it before
# publishing: each quotation became a claim (kind direct-quote, verdict unverified; a
# claimant only where an attribution stands right beside it) and each person was guessed
# from an attribution ("X said", "said X", "according to X").

documents:
  - id: tricky
    text: "tricky.txt"
    language: en

people:
  - id: angela-merkel
    name: "Angela Merkel"
    aliases: ["Angela Merkel", "Merkel"]
  - id: dmitri-peskov
    name: "Dmitri Peskov"
    aliases: ["Dmitri Peskov"]
  - id: jose-marti
    name: "José Martí"
    aliases: ["José Martí", "Martí"]

claims:
  - id: yes
    document: tricky
    quote: "Yes."
    occurrence: 1
    kind: direct-quote
    verdict: unverified
  - id: yes-2
    document: tricky
    quote: "Yes."
    occurrence: 2
    kind: direct-quote
    verdict: unverified
  - id: its-a-12
    document: tricky
    quote: "it's a 12"
    kind: direct-quote
    claimant: jose-marti
    verdict: unverified
  - id: we-agree-fully
    document: tricky
    quote: "we agree, fully"
    kind: direct-quote
    verdict: unverified
  - id: claim
    document: tricky
    quote: "Нет, не было запроса"
    kind: direct-quote
    claimant: dmitri-peskov
    verdict: unverified
  - id: he-wants-to-meet-and-were
    document: tricky
    quote: "He wants to meet, and we’re working on it"
    kind: direct-quote
    claimant: donald-trump
    verdict: unverified
  - id: talks-continue-across-lines
    document: tricky
    quote: "talks continue across lines"
    kind: direct-quote
    claimant: angela-merkel
    verdict: unverified
  - id: trump
    document: tricky
    quote: "Trump"
    occurrence: 2
    kind: direct-quote
    verdict: unverified
  - id: 1-a-test-with-colons
    document: tricky
    quote: "#1: a 'test' \\\\ with: colons"
    kind: direct-quote
    verdict: unverified
"""


def new(project: Project, text: str) -> tuple[int, str, str]:
    result = project.run("-m", "generator", "new", text)
    return result.returncode, result.stdout, result.stderr


def test_the_seed_article_drafts_a_file_that_checks_and_builds(project: Project) -> None:
    shutil.copy(SEED_TEXT, project.seeds / "article.txt")
    assert new(project, "seeds/article.txt") == (
        0,
        "wrote seeds/article.yaml: 1 document, 4 new people, 11 claims (all unverified); "
        "review it, then run: python -m generator check\n",
        "",
    )
    draft = (project.seeds / "article.yaml").read_text(encoding="utf-8")
    assert draft.splitlines()[0] == "# yaml-language-server: $schema=../schema/annotations.schema.json"
    assert draft.count("verdict: unverified") == draft.count("  - id: ") - 5  # every claim; not the document or people
    assert '    quote: "He wants to meet, and we’re working on it"\n    kind: direct-quote\n    claimant: trump\n' in draft
    assert project.check().stdout == "ok: 1 documents, 4 people, 0 sources, 11 claims\n"
    result = project.build()
    assert result.returncode == 0, result.stderr


def test_beside_existing_annotations_people_are_reused_not_redefined(project: Project) -> None:
    for path in (ROOT / "seeds").iterdir():
        if path.suffix in (".txt", ".yaml"):
            shutil.copy(path, project.seeds / path.name)
    shutil.copy(SEED_TEXT, project.seeds / "second-copy.txt")
    code, out, err = new(project, "seeds/second-copy.txt")
    assert (code, err) == (0, "")
    assert "0 new people, 11 claims" in out
    draft = (project.seeds / "second-copy.yaml").read_text(encoding="utf-8")
    assert "people:" not in draft
    assert "    claimant: donald-trump\n" in draft and "    claimant: vladimir-putin\n" in draft
    result = project.check()
    assert result.returncode == 0, result.stderr


def test_tricky_quotations_and_attributions(sample: Project) -> None:
    sample.write("seeds/tricky.txt", TRICKY)
    assert new(sample, "seeds/tricky.txt")[0] == 0
    assert (sample.seeds / "tricky.yaml").read_text(encoding="utf-8") == TRICKY_DRAFT
    result = sample.check()
    assert (result.returncode, result.stderr) == (0, "")


def test_a_text_without_quotations_gets_the_document_alone(project: Project) -> None:
    project.write("seeds/sub/plain.txt", "A plain report.\n\nNothing quoted here.\n")
    assert new(project, "seeds/sub/plain.txt")[0] == 0
    draft = (project.seeds / "sub" / "plain.yaml").read_text(encoding="utf-8")
    assert draft.startswith("# yaml-language-server: $schema=../../schema/annotations.schema.json\n")
    assert draft.endswith(
        'documents:\n  - id: plain\n    text: "plain.txt"\n    language: en\n\n'
        "# No quotations found: add claims by hand (see the site's Annotation format page).\n"
    )
    assert project.check().returncode == 0


def test_an_existing_annotation_file_is_never_overwritten(sample: Project) -> None:
    before = (sample.seeds / "article.yaml").read_bytes()
    assert new(sample, "seeds/article.txt") == (
        1,
        "",
        "seeds/article.yaml:1:1: error[file-exists]: the annotation file already exists; nothing was written\n"
        "    hint: edit it, or move it away to draft a new one\n",
    )
    assert (sample.seeds / "article.yaml").read_bytes() == before


def test_only_a_source_text_inside_seeds_is_accepted(project: Project) -> None:
    project.write("elsewhere.txt", "“Hello,” she said.\n")
    assert new(project, "elsewhere.txt")[2].startswith(
        "elsewhere.txt:1:1: error[text-outside-seeds]: the text is outside the seeds folder seeds\n"
    )
    assert new(project, "seeds/missing.txt")[2] == "seeds/missing.txt:1:1: error[text-not-found]: no such file\n"
    project.write("seeds/x.yaml", "")
    assert "error[invalid-value]: give the source text" in new(project, "seeds/x.yaml")[2]
    assert not (project.root / "elsewhere.yaml").exists()
