"""Where every page lives: page paths and the relative links between them (`urls`, the only
place a link is built), and how the long listings are split into pages (`listing`).

Imports only from `annotations` (the corpus) and `support`; writes no page.
"""
