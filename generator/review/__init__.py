"""What a change does, against a git revision: `check --base` (a published verdict never
changes or vanishes silently) and `review --base` (claims, verdicts, pages and anchors that
change), read from the annotations at the revision and in the working tree.

Above `pages` (it renders both sides to compare their pages); nothing but the CLI imports it.
"""
