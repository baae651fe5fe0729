"""The GitHub workflows run what the README promises: its test command, the annotation
check in GitHub's format, the strict build; and Pages deploys with GitHub's own actions."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, SAMPLE_TEXT, SAMPLE_YAML, make_project

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
    assert ci["permissions"] == {"contents": "read"}


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
    assert pages["permissions"] == {"contents": "read"}  # nothing else may write
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
def test_every_action_is_pinned_to_a_major_version(name: str) -> None:
    for step in steps(load(name)):
        if "uses" in step:
            assert re.fullmatch(r"actions/[a-z-]+@v\d+", step["uses"]), step["uses"]


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
