"""The network of people, claims, sources and articles, drawn as static SVG at build time.

The layout is computed here, so the drawing is deterministic (same corpus, same bytes),
works without JavaScript, and every node is a plain link. The graph pages (a few dozen
articles each, see `listing`) are layered: people | claims (grouped by article, in reading
order) | articles | sources, each side column ordered by where its neighbours are, so most
lines stay short. An entity page gets a small local graph of its direct neighbours.

The SVG goes into the page as a raw HTML block: MkDocs rewrites no link in it, so links
are URLs (`urls.url_link`), and every label is escaped here.
"""
