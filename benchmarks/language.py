"""A site in another language costs what the English one costs: the same corpus built in English
and in a translated language, back to back.

    .venv/bin/python benchmarks/language.py                        # 1,000 articles, de against en, 3 runs each
    .venv/bin/python benchmarks/language.py --articles 100 --languages de,ar --repeat 5

It writes one synthetic corpus (benchmarks/corpus.py) into copies of this project that differ
only in `theme.language`, and builds each with `mkdocs build --strict` (a strict build, so a
catalog that lacked a message would stop it; without `-q`, which would hide the warnings that
`--strict` counts), alternating the languages run by run so that a
change in the machine's load falls on both. It reports, per language, the median wall time, the
time inside the generator's hooks (benchmarks/timed_build.py), peak memory and the size of the
built site, and each language's ratio to English. Issue 21's target: German within 5 %.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402
from scale import HERE, SWAP_HOOKS, Measured, copy_project, machine, note, run  # noqa: E402


@dataclass
class Built:
    language: str
    full: list[Measured]
    generator_s: list[float]
    site_bytes: int


def in_language(config: str, language: str) -> str:
    return re.sub(r"(?m)^theme:\n", f"theme:\n  language: {language}\n", config, count=1)


def site_bytes(site: Path) -> int:
    return sum(p.stat().st_size for p in site.rglob("*") if p.is_file())


def build_once(project: Path, into: Built) -> None:
    hooks = project / "hooks.json"
    into.full.append(
        run([sys.executable, str(HERE / "timed_build.py"), str(hooks), "--", "build", "--strict"], project, project / "build.log")
    )
    timed = json.loads(hooks.read_text())
    spent = timed["hooks"]
    into.generator_s.append(sum(spent.values()) - sum(spent.get(h, 0.0) for h in SWAP_HOOKS) + timed["outside_hooks_s"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--languages", default="de", help="compared with English, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="builds per language; medians are reported")
    parser.add_argument("--work", type=Path, help="keep the projects here (default: a temporary folder)")
    args = parser.parse_args()
    languages = ["en", *args.languages.split(",")]
    with tempfile.TemporaryDirectory(prefix="explainer-language-") as temporary:
        work = args.work or Path(temporary)
        projects: dict[str, Path] = {}
        for language in languages:
            project = projects[language] = work / language
            copy_project(project)
            config = project / "mkdocs.yml"
            config.write_text(in_language(config.read_text(encoding="utf-8"), language), encoding="utf-8")
            write_corpus(project / "seeds", args.articles)
        built = {language: Built(language, [], [], 0) for language in languages}
        for i in range(args.repeat):
            for language in languages if i % 2 == 0 else reversed(languages):
                note(f"{args.articles} articles, {language}, run {i + 1}/{args.repeat}")
                build_once(projects[language], built[language])
        for language in languages:
            built[language].site_bytes = site_bytes(projects[language] / "site")
    english = built["en"]
    full_en = statistics.median(m.seconds for m in english.full)
    gen_en = statistics.median(english.generator_s)
    print(f"{args.articles:,} articles, {args.repeat} strict builds per language, alternating\n")
    print("| language | full build | generator | peak memory | site size | full / English | generator / English | max load |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for language in languages:
        b = built[language]
        full = statistics.median(m.seconds for m in b.full)
        gen = statistics.median(b.generator_s)
        peak = statistics.median(m.peak_mb for m in b.full)
        load = max(m.load for m in b.full)
        print(
            f"| {language} | {full:.2f} s | {gen:.2f} s | {peak:.0f} MB | {b.site_bytes / 1e6:.1f} MB "
            f"| {full / full_en:.3f} | {gen / gen_en:.3f} | {load:.2f} |"
        )
    print(f"\nEach build: {', '.join(f'{language} ' + ' '.join(f'{m.seconds:.2f}' for m in built[language].full) for language in languages)} s")
    print(f"Machine: {machine()}")


if __name__ == "__main__":
    main()
