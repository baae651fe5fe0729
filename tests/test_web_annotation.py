"""Open formats: each article's W3C Web Annotation export, checked by the W3C conformance
schemas (tests/data/web-annotation/, see ORIGIN.md there), and the site-wide data.json."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLE_TEXT, SAMPLE_YAML, Project, built_project

VALIDATOR = Path(__file__).parent / "data" / "web-annotation" / "validate.py"
# Characters outside the Basic Multilingual Plane before the quotes: a UTF-16 count would differ.
TEXT = SAMPLE_TEXT.replace("Trump to Meet Putin\n", "Trump to Meet Putin 🙂\n\n𝐁𝐫𝐞𝐚𝐤𝐢𝐧𝐠: a summit?\n", 1)
EXPORT = "articles/trump-putin/annotations.jsonld"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return built_project(tmp_path_factory.mktemp("web-annotation") / "project", TEXT, SAMPLE_YAML)


def validate(*files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(VALIDATOR), "--local", *map(str, files)], capture_output=True, text=True, timeout=120, check=False
    )


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def items(collection: dict[str, Any]) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = collection["first"]["items"]
    return result


def test_every_article_has_an_annotation_collection_that_passes_the_w3c_schemas(site: Project) -> None:
    export = site.root / "site" / EXPORT
    result = validate(export)
    assert result.returncode == 0, result.stdout
    assert result.stdout.endswith("checked 9 annotation(s): 0 must failure(s), 0 warning(s)\n")
    collection = load(export)
    assert collection["type"] == "AnnotationCollection"
    assert collection["total"] == 9  # 2 claims, 7 mentions


def test_a_claim_is_an_assessing_annotation_with_quote_and_position_selectors(site: Project) -> None:
    claim = items(load(site.root / "site" / EXPORT))[0]
    start = TEXT.index("He wants")
    end = start + len("He wants to meet, and we’re working on it")
    assert claim["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert claim["type"] == "Annotation"
    assert claim["motivation"] == "assessing"
    assert claim["id"].startswith("urn:uuid:")  # no site_url: stable, but not a web address
    assert claim["target"]["source"].startswith("urn:uuid:")
    assert claim["target"]["selector"] == [
        {
            "type": "TextQuoteSelector",
            "exact": "He wants to meet, and we’re working on it",
            "prefix": TEXT[start - 32 : start],
            "suffix": "” on Thursday, according to Reut",
        },
        {"type": "TextPositionSelector", "start": start, "end": end},
    ]
    assert claim["body"] == [
        {
            "type": "TextualBody",
            "purpose": "assessing",
            "value": "Accurate quote: the person said this (the verdict is on the quotation, not its content)",
            "format": "text/plain",
            "language": "en",
        },
        {
            "type": "TextualBody",
            "purpose": "describing",
            "value": "Reported by *Reuters* the same day.",
            "format": "text/markdown",
        },
        {"type": "TextualBody", "purpose": "identifying", "value": "Donald Trump", "format": "text/plain"},
    ]


def test_positions_count_code_points_not_utf16_units(site: Project) -> None:
    for annotation in items(load(site.root / "site" / EXPORT)):
        quote, position = annotation["target"]["selector"]
        assert TEXT[position["start"] : position["end"]] == quote["exact"]
        assert TEXT[: position["start"]].endswith(quote["prefix"])
        assert TEXT[position["end"] :].startswith(quote["suffix"])
    first = items(load(site.root / "site" / EXPORT))[0]["target"]["selector"][1]["start"]
    utf16 = len(TEXT[:first].encode("utf-16-le")) // 2
    assert utf16 == first + 9  # 🙂 and the eight bold letters are two UTF-16 units each


def test_a_mention_is_an_identifying_annotation(site: Project) -> None:
    mentions = [a for a in items(load(site.root / "site" / EXPORT)) if a["motivation"] == "identifying"]
    assert [(a["target"]["selector"][0]["exact"], a["body"][0]["value"]) for a in mentions] == [
        ("Trump", "Donald Trump"),  # in the title
        ("Donald Trump", "Donald Trump"),
        ("Reuters", "Reuters"),
        ("Peskov", "Dmitry Peskov"),
        ("Trump", "Donald Trump"),
        ("Reuters", "Reuters"),
        ("TASS", "TASS"),
    ]
    assert mentions[0]["id"] != mentions[4]["id"]


def test_ids_are_stable_from_build_to_build(site: Project) -> None:
    out = site.run("-m", "generator", "build", "--out", "out")
    assert out.returncode == 0, out.stderr
    assert (site.root / "out" / EXPORT).read_bytes() == (site.root / "site" / EXPORT).read_bytes()
    assert (site.root / "out" / "data.json").read_bytes() == (site.root / "site" / "data.json").read_bytes()
    manifest = load(site.root / "out" / ".explainer-manifest.json")
    assert {"data.json", EXPORT} <= set(manifest["pages"])


def test_with_a_site_url_every_id_is_a_web_address(site: Project) -> None:
    out = site.run("-m", "generator", "build", "--out", "out-abs", "--site-url", "https://explainers.example.org/")
    assert out.returncode == 0, out.stderr
    export = site.root / "out-abs" / EXPORT
    assert validate(export).returncode == 0
    claim = items(load(export))[0]
    assert claim["id"] == "https://explainers.example.org/articles/trump-putin/annotations.jsonld#claim-trump-wants-to-meet"
    assert claim["target"]["source"] == "https://explainers.example.org/articles/trump-putin/"
    assert claim["body"][-1] == {
        "id": "https://explainers.example.org/claims/trump-wants-to-meet/",
        "type": "Text",
        "format": "text/html",
        "purpose": "linking",
    }


@pytest.mark.parametrize(
    ("breakage", "failure"),
    [
        ("no-exact", "LOCAL (not WPT): every selector and state"),
        ("no-context", "@context"),
        ("relative-source", "Each target is one of"),
    ],
)
def test_the_validator_catches_a_broken_export(site: Project, tmp_path: Path, breakage: str, failure: str) -> None:
    annotation = items(load(site.root / "site" / EXPORT))[0]
    if breakage == "no-exact":
        del annotation["target"]["selector"][0]["exact"]
    elif breakage == "no-context":
        del annotation["@context"]
    else:
        annotation["target"]["source"] = "../trump-putin/"
    broken = tmp_path / "broken.jsonld"
    broken.write_text(json.dumps(annotation), encoding="utf-8")
    result = validate(broken)
    assert result.returncode == 1
    assert failure in result.stdout


def test_data_json_lists_every_entity_and_link(site: Project) -> None:
    data = load(site.root / "site" / "data.json")
    assert (data["format"], data["version"], data["site_url"]) == ("explainer-data", 1, None)
    assert [d["key"] for d in data["documents"]] == ["documents/trump-putin"]
    assert [p["id"] for p in data["people"]] == ["dmitry-peskov", "donald-trump"]
    assert [s["url"] for s in data["sources"]] == ["sources/reuters/", "sources/tass/"]
    claim = next(c for c in data["claims"] if c["id"] == "no-request")
    assert claim == {
        "key": "claims/no-request",
        "id": "no-request",
        "title": "No, there was no request.",
        "url": "claims/no-request/",
        "document": "trump-putin",
        "quote": "No, there was no request.",
        "start": TEXT.index("No, there"),
        "end": TEXT.index("No, there") + len("No, there was no request."),
        "kind": "direct-quote",
        "verdict": "unverified",
        "claimant": "dmitry-peskov",
        "said_on": None,
        "via": [],
        "tags": [],
        "evidence": [],
    }
    assert data["mentions"][0] == {
        "kind": "people",
        "entity": "donald-trump",
        "document": "trump-putin",
        "number": 1,
        "start": 0,
        "end": 5,
        "text": "Trump",
        "url": "articles/trump-putin/#mention-people-donald-trump-1",
    }
    assert data["relations"] == [
        {"from": "documents/trump-putin", "to": "sources/reuters", "type": "publisher"},
        {"from": "claims/no-request", "to": "documents/trump-putin", "type": "document"},
        {"from": "claims/no-request", "to": "people/dmitry-peskov", "type": "claimant"},
        {"from": "claims/no-request", "to": "claims/trump-wants-to-meet", "type": "disputes"},
        {"from": "claims/trump-wants-to-meet", "to": "documents/trump-putin", "type": "document"},
        {"from": "claims/trump-wants-to-meet", "to": "people/donald-trump", "type": "claimant"},
        {"from": "claims/trump-wants-to-meet", "to": "sources/reuters", "type": "via"},
        {"from": "claims/trump-wants-to-meet", "to": "sources/reuters", "type": "evidence"},
        {"from": "documents/trump-putin", "to": "people/donald-trump", "type": "mentions"},
        {"from": "documents/trump-putin", "to": "sources/reuters", "type": "mentions"},
        {"from": "documents/trump-putin", "to": "people/dmitry-peskov", "type": "mentions"},
        {"from": "documents/trump-putin", "to": "sources/tass", "type": "mentions"},
    ]
    # Every page a url names was built.
    for entry in data["documents"] + data["people"] + data["sources"] + data["claims"]:
        assert (site.root / "site" / entry["url"] / "index.html").is_file()
