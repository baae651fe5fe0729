"""The words the generator writes on a site, in the site's language: gettext catalogs read with
Babel (`catalogs`), and the one object pages ask for their words, dates and numbers (`messages`).

`template` makes the English template (`locales/explainer.pot`) from the code and brings each
language's catalog up to date with it. `check`'s diagnostics are not translated: they are read
by annotators and CI logs, in English. Imports only `annotations` (for the format's field
descriptions, which the format reference page shows).
"""
