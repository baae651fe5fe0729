"""How pages reach a site: the MkDocs plugin, the forked rendering of a full build, the build
cache behind `serve --dirty`, writing pages into a folder (`build --out`), the atomic swap
of the site folder, and serve support.

The top of the package: nothing below imports from here.
"""
