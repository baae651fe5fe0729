from __future__ import annotations

import sys

try:
    from .cli import main
except ModuleNotFoundError as missing:  # run outside the environment `pip install -e .` set up
    print(
        f"error: the generator needs the package '{missing.name}', which this Python does not have;\n"
        "set it up with `make setup` (or `pip install -e .`) and run .venv/bin/python -m generator",
        file=sys.stderr,
    )
    sys.exit(2)

if __name__ == "__main__":
    sys.exit(main())
