"""`mkdocs build`, recording how long the explainer plugin's own hooks took.

    python benchmarks/timed_build.py OUT.json -- build --strict

Every `on_*` method of the plugin class is wrapped with a timer before MkDocs loads the
plugin, so one real build gives both numbers: the whole build and the generator's part
of it. The generator's work that MkDocs waits for outside the hooks (a full build fetches
each entity page as MkDocs reads it, see generator/engines/parallel.py) is what the plugin counts
in `outside_hooks`, written as `outside_hooks_s`; `children_cpu_s` is the CPU time of the
process that rendered the entity pages meanwhile. Benchmarks only: the plugin itself is unchanged.
"""

from __future__ import annotations

import functools
import json
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.__main__ import cli
from mkdocs.plugins import CombinedEvent

from generator.engines.mkdocs_plugin import ExplainerPlugin

SPENT: dict[str, float] = {}
PLUGINS: list[ExplainerPlugin] = []  # the instances whose hooks ran


def timed(name: str, method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)  # keeps `mkdocs_priority`, which MkDocs reads to order events
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if args and isinstance(args[0], ExplainerPlugin) and not any(p is args[0] for p in PLUGINS):
            PLUGINS.append(args[0])
        start = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            SPENT[name] = SPENT.get(name, 0.0) + time.perf_counter() - start

    return wrapper


def main() -> None:
    out = Path(sys.argv[1])
    args = sys.argv[sys.argv.index("--") + 1 :]
    for name, method in list(vars(ExplainerPlugin).items()):
        if isinstance(method, CombinedEvent):  # several methods under one event: each timed, counted together
            setattr(ExplainerPlugin, name, CombinedEvent(*(timed(name, part) for part in method.methods)))
        elif name.startswith("on_") and callable(method):
            setattr(ExplainerPlugin, name, timed(name, method))
    start = time.perf_counter()
    try:
        cli.main(args=args, prog_name="mkdocs", standalone_mode=False)
    finally:
        total = time.perf_counter() - start
        outside = sum(plugin.outside_hooks for plugin in PLUGINS)
        children = resource.getrusage(resource.RUSAGE_CHILDREN)  # the rendering process, on the other core
        report = {
            "hooks": SPENT,
            "plugin_s": sum(SPENT.values()),
            "outside_hooks_s": outside,
            "children_cpu_s": children.ru_utime + children.ru_stime,
            "in_process_s": total,
        }
        out.write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
