"""MyST Markdown pages get the same output as reStructuredText ones."""

from __future__ import annotations

import re

import pytest
from conftest import build, links

pytest.importorskip("myst_parser")

RST = """\
Page
====

.. http-compare:: 202 403
   :fields: class description key_difference
   :caption: Accepted or forbidden

See :httpcode:`403`, :httpcode:`the forbidden case <403>` and :httpcode:`!404`.

.. http-status:: 403

   Our own prose.

.. http-status-catalog::
   :codes: 401 429
"""

MARKDOWN = """\
# Page

```{http-compare} 202 403
:fields: class description key_difference
:caption: Accepted or forbidden
```

See {httpcode}`403`, {httpcode}`the forbidden case <403>` and {httpcode}`!404`.

```{http-status} 403
Our own prose.
```

```{http-status-catalog}
:codes: 401 429
```
"""


def body(html: str) -> str:
    """The page body with what legitimately differs (source links) left out."""
    start = html.index('<div class="body"')
    part = html[start : html.index('<div class="sphinxsidebar"', start)]
    return re.sub(r"\s+", " ", part)


def test_myst_page_renders_like_rst(project):
    rst = build(project(RST, conf='extensions.insert(0, "myst_parser")\n'))
    markdown_src = project("", conf='extensions.insert(0, "myst_parser")\n')
    (markdown_src / "index.rst").unlink()
    (markdown_src / "index.md").write_text(MARKDOWN, encoding="utf-8")
    markdown = build(markdown_src)
    assert "WARNING" not in markdown.warnings, markdown.warnings
    assert rst.warnings == ""
    rst_body, markdown_body = body(rst.read("index.html")), body(markdown.read("index.html"))
    assert 'id="httpstatus-compare-202-403"' in markdown_body
    assert "Accepted or forbidden" in markdown_body
    assert "Our own prose." in markdown_body
    assert [link["href"] for link in links(markdown_body)] == [
        link["href"] for link in links(rst_body)
    ]
    # Byte for byte the same body.
    assert markdown_body == rst_body
