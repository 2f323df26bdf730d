"""Configuration of the sphinxext-httpstatus user guide (also the extension's showcase)."""

project = "sphinxext-httpstatus"
author = "sphinxext-httpstatus developers"
copyright = "2026, sphinxext-httpstatus developers"

extensions = [
    "myst_parser",
    "sphinxcontrib.httpdomain",
    "sphinxcontrib.openapi",
    "sphinxext_httpstatus",
]

# The project's own status codes and wording (see "Project data").
httpstatus_data_files = ["api-status.yaml"]

# Translations of this guide's own text live here (sphinx-intl layout).
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
