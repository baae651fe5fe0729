"""`python -m generator links`: every evidence URL (and archived copy) of the annotations,
one a line, which the weekly link check (.github/workflows/links.yml) feeds to lychee."""

from __future__ import annotations

import pytest
from conftest import SAMPLE_YAML, Project, checked_corpus

from generator.annotations.diagnostics import Location
from generator.annotations.model import Evidence
from generator.open_data.evidence_links import EvidenceLink, evidence_links, link_lines

# Two claims cite the same report; the second claim cites it once more, then a page whose
# address sorts before it.
TWO_CLAIMS_SHARE_A_REPORT = SAMPLE_YAML.replace(
    """    related:
      - claim: trump-wants-to-meet
        relation: disputes
""",
    """    related:
      - claim: trump-wants-to-meet
        relation: disputes
    verdict: inaccurate
    explanation: The Kremlin's own transcript says otherwise.
    evidence:
      - url: https://example.org/report
        title: Trump says Putin wants to meet
      - url: https://example.com/transcript
        title: The transcript
""",
)


def test_each_url_is_listed_once_in_order(project: Project) -> None:
    corpus = checked_corpus(project, yaml=TWO_CLAIMS_SHARE_A_REPORT)
    assert link_lines(evidence_links(corpus)) == "https://example.com/transcript\nhttps://example.org/report\n"


def test_each_place_a_url_is_written_is_kept_with_its_line_and_column(project: Project) -> None:
    corpus = checked_corpus(project, yaml=TWO_CLAIMS_SHARE_A_REPORT)
    lines = TWO_CLAIMS_SHARE_A_REPORT.splitlines()
    report_lines = [number for number, line in enumerate(lines, 1) if line == "      - url: https://example.org/report"]
    transcript_line = lines.index("      - url: https://example.com/transcript") + 1
    assert evidence_links(corpus) == [
        EvidenceLink("https://example.com/transcript", Location("seeds/article.yaml", transcript_line, 14)),
        *(EvidenceLink("https://example.org/report", Location("seeds/article.yaml", n, 14)) for n in report_lines),
    ]
    assert link_lines(evidence_links(corpus), where=True).splitlines()[1] == (
        f"https://example.org/report\tseeds/article.yaml:{report_lines[0]}:14"
    )


def test_places_sort_by_line_number_not_by_text(project: Project) -> None:
    # Comments push the report's first citation to line 99 and its second past 100: as text,
    # "1.." would come before "99".
    first = TWO_CLAIMS_SHARE_A_REPORT.splitlines().index("      - url: https://example.org/report") + 1
    padded = "#\n" * (99 - first) + TWO_CLAIMS_SHARE_A_REPORT
    corpus = checked_corpus(project, yaml=padded)
    lines = [link.where.line for link in evidence_links(corpus) if link.url == "https://example.org/report"]
    assert lines[0] == 99 and lines[1] > 100


@pytest.mark.skipif("archived_url" not in Evidence.model_fields, reason="the model has no archived_url yet (format v1.1)")
def test_an_archived_copy_is_checked_too(project: Project) -> None:
    yaml = SAMPLE_YAML.replace(
        "        title: Trump says Putin wants to meet\n",
        "        title: Trump says Putin wants to meet\n"
        "        archived_url: https://web.archive.example/2025/https://example.org/report\n",
    )
    corpus = checked_corpus(project, yaml=yaml)
    assert link_lines(evidence_links(corpus)) == "https://example.org/report\nhttps://web.archive.example/2025/https://example.org/report\n"
    archived = evidence_links(corpus)[1]
    assert archived.where.line == yaml.splitlines().index("        archived_url: https://web.archive.example/2025/https://example.org/report") + 1


def test_the_command_prints_one_url_a_line(sample: Project) -> None:
    result = sample.run("-m", "generator", "links")
    assert (result.returncode, result.stdout, result.stderr) == (0, "https://example.org/report\n", "")


def test_the_command_with_where_names_each_place(sample: Project) -> None:
    line = SAMPLE_YAML.splitlines().index("      - url: https://example.org/report") + 1
    result = sample.run("-m", "generator", "links", "--where")
    assert result.stdout == f"https://example.org/report\tseeds/article.yaml:{line}:14\n"


def test_annotations_with_errors_list_nothing(sample: Project) -> None:
    # A link check of half-read annotations would pass links it never saw.
    sample.write("seeds/broken.yaml", "people:\n  - id: Bad\n    name: B\n")
    result = sample.run("-m", "generator", "links")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("seeds/broken.yaml:2:9: error[invalid-id]")
