"""Data out of a corpus, no pages: ClaimReview, W3C Web Annotation, `data.json`, and the
JSON Schema of the annotation format.

Imports from `annotations`, `site_map` (an entity's address) and `support`; never from `pages`.
"""
