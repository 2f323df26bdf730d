"""Configuration of the sphinxext-httpstatus user guide (also the extension's showcase)."""

import sys
from pathlib import Path

# catalog_facts: lists on the explanation page read from the shipped catalog, never stale.
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "sphinxext-httpstatus"
author = "sphinxext-httpstatus developers"
copyright = "2026, sphinxext-httpstatus developers"

# sphinx_design gives the examples their reStructuredText / MyST tabs; httpdomain and openapi
# render the example API reference ("Using with sphinxcontrib-httpdomain and OpenAPI").
extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinxcontrib.httpdomain",
    "sphinxcontrib.openapi",
    "sphinxext_httpstatus",
    "catalog_facts",
]

# The guide's own wording (see "Describe your own API's codes"). The file rewords two shipped
# codes, 403 and 460, and adds a note for the pair 460/504; the showcases on the landing page and
# in the quickstart use other codes, so that they show what a new project gets.
httpstatus_data_files = ["api-status.yaml"]

# The Indonesian wording of the guide's own data file lives here (sphinx-intl layout). Sphinx's
# default is ["locales"], so the line is needed.
locale_dirs = ["locale"]
gettext_compact = False

# Any theme works; the tests also build this guide with furo, sphinx-rtd-theme and
# pydata-sphinx-theme (try one with: sphinx-build -D html_theme=furo ...).
html_theme = "alabaster"
exclude_patterns = ["_build"]

latex_documents = [
    ("index", "sphinxext-httpstatus.tex", "sphinxext-httpstatus", author, "manual"),
]
man_pages = [("index", "sphinxext-httpstatus", "sphinxext-httpstatus user guide", [author], 7)]
