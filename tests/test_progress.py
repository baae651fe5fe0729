"""Long runs show the phase and a count on a terminal, and nothing otherwise.

The CLI runs for real with its stderr on a pseudo-terminal (what a person sees) or on a
pipe (CI, editors, `2>log`); nothing is mocked.
"""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from conftest import Project


def run_on_terminal(project: Project, *args: str) -> tuple[int, str, str]:
    """Exit status, stdout (a pipe) and what the terminal on stderr received."""
    controller, terminal = pty.openpty()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", *args], cwd=project.root, stdout=subprocess.PIPE, stderr=terminal, env=env
    )
    os.close(terminal)
    received = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        received += chunk
    os.close(controller)
    assert proc.stdout is not None
    out = proc.stdout.read().decode()
    proc.stdout.close()
    return proc.wait(timeout=120), out, received.decode()


def test_a_terminal_shows_each_phase_with_a_count(sample: Project, tmp_path: Path) -> None:
    status, out, terminal = run_on_terminal(sample, "build", "--out", str(tmp_path / "out"))
    assert status == 0, terminal
    assert "\rreading annotation files 1/1" in terminal
    assert "\rlinking ids, quotes and mentions" in terminal
    assert "\rrendering pages 7/7" in terminal  # 1 article, 2 people, 2 sources, 2 claims
    assert "\rwriting " in terminal
    assert terminal.endswith("\r\x1b[K")  # the line is cleared at the end
    assert out.startswith("ok: 1 documents")  # the summary goes to stdout, untouched


def test_quiet_on_a_terminal_prints_nothing(sample: Project, tmp_path: Path) -> None:
    status, out, terminal = run_on_terminal(sample, "build", "-q", "--out", str(tmp_path / "out"))
    assert (status, out, terminal) == (0, "", "")


def test_no_terminal_no_progress(sample: Project, tmp_path: Path) -> None:
    result = sample.run("-m", "generator", "build", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "\r" not in result.stdout


def test_errors_start_on_a_clean_line(sample: Project) -> None:
    sample.write("seeds/broken.yaml", "people:\n  - id: Bad Id\n    name: x\n")
    status, _, terminal = run_on_terminal(sample, "check")
    assert status == 1
    before_error = terminal.split("seeds/broken.yaml:")[0]
    assert before_error.endswith("\r\x1b[K")  # the progress line was cleared first
