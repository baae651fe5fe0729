"""The corpus as `{page path: markdown}`: every page kind, and what they are made of.

`site.render_pages` is the entry point. Escaping (`markdown_text`), shared pieces (`pieces`),
the page kinds (`entity_pages`, `article_page`, `index_pages`, `reference`, `timeline`,
`graph`), listings' pagers, previews, filters, edit links and redirects. Knows nothing of
MkDocs: an engine hands the pages to a site.
"""
