"""sphinxcontrib-httpdomain and sphinxcontrib-openapi: status fields, roles and HTTP examples."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import build, links

pytest.importorskip("sphinxcontrib.httpdomain")

HTTPDOMAIN_LAST = 'extensions.append("sphinxcontrib.httpdomain")\n'
HTTPDOMAIN_FIRST = 'extensions.insert(0, "sphinxcontrib.httpdomain")\n'

API = """\
API
===

.. http:post:: /carts/(int:cart_id)/checkout

   Check out a cart.

   :statuscode 201: the order was created
   :status 409: the cart is being checked out already
   :code 499: the client gave up
   :statuscode 470: the platform's own code

   .. sourcecode:: http

      HTTP/1.1 409 Conflict
      Content-Type: application/problem+json

Prose: :httpcode:`409`, :http:statuscode:`409`, :http:statuscode:`Busy <409>`,
:httpcode:`201` and :httpcode:`470`.

.. default-domain:: http

In the http default domain: :statuscode:`409`.
"""

ENTRIES = "Entries\n=======\n\n.. http-status:: 409\n"
CODES = "codes:\n  470:\n    phrase: Platform Says No\n    summary: Our platform refused.\n"


def api_project(project, conf: str = HTTPDOMAIN_LAST, **files: str):
    return project(
        ".. toctree::\n\n   api\n   entries\n",
        conf=conf + 'httpstatus_data_files = ["codes.yaml"]\n',
        **{"api.rst": API, "entries.rst": ENTRIES, "codes.yaml": CODES},
        **files,
    )


def status_links(html: str, code: int | None = None) -> list[dict[str, str]]:
    """The page's status references (ours: they carry the ``httpstatus-ref`` class)."""
    return [
        link
        for link in links(html)
        if "httpstatus-ref" in link.get("class", "")
        and (code is None or link["text"].strip().startswith(str(code)))
    ]


@pytest.mark.parametrize("conf", [HTTPDOMAIN_LAST, HTTPDOMAIN_FIRST], ids=["after", "before"])
def test_fields_roles_and_examples_resolve_like_httpcode(project, conf):
    built = build(api_project(project, conf))
    assert built.warnings == ""
    html = built.read("api.html")
    conflict = status_links(html, 409)
    # Field, :httpcode:, :http:statuscode:, :statuscode: under default-domain, status line.
    texts = sorted(link["text"] for link in conflict)
    assert texts == ["409", *["409 Conflict"] * 4], texts
    reference = next(link for link in conflict if link["text"] == "409 Conflict")
    assert reference["href"] == "entries.html#httpstatus-409"
    assert reference["title"].startswith("409 Conflict (4xx Client Error): ")
    for link in conflict:
        assert (link["href"], link["title"]) == (reference["href"], reference["title"])
        assert "httpstatus-ref" in link["class"]
    # An explicit title is kept, with the same link and tooltip.
    busy = next(link for link in links(html) if link["text"] == "Busy")
    assert (busy["href"], busy["title"]) == (reference["href"], reference["title"])
    # No MDN link is left.
    assert "developer.mozilla.org" not in html
    # Codes without an entry get the fallback link, the registry phrase and the tooltip.
    created = [link for link in links(html) if link["text"] == "201 Created"]
    assert len(created) == 2
    assert {link["href"] for link in created} == {
        "https://www.rfc-editor.org/rfc/rfc9110#section-15.3.2"
    }


def test_strict_mode_accepts_catalog_and_project_codes(project):
    # 499 (nginx) and 470 (the project's data file) are unknown to httpdomain, whose strict mode
    # (the default) reports them as errors; 470 has no spec URL, so it is plain text.
    srcdir = api_project(project)
    built = build(srcdir)
    assert "unknown HTTP status code" not in built.warnings
    html = built.read("api.html")
    assert [link["text"] for link in status_links(html, 499)] == ["499 Client Closed Request"]
    assert "470 Platform Says No" in html
    # Without the integration, httpdomain's own strict check speaks (the behaviour we replace).
    plain = build(srcdir, httpstatus_httpdomain=False)
    # (Sphinx locates every field of a group at the group's first field, line 8.)
    assert "api.rst:8: ERROR: 499 is unknown HTTP status code" in plain.warnings
    assert "api.rst:8: ERROR: 470 is unknown HTTP status code" in plain.warnings


def test_unknown_codes_warn_with_location_in_strict_mode_only(project):
    page = "API\n===\n\n.. http:get:: /\n\n   :statuscode 299: nobody knows it\n"
    srcdir = project(page, conf=HTTPDOMAIN_LAST)
    built = build(srcdir)
    assert re.search(
        r"index.rst:6: WARNING: unknown HTTP status code 299; .*\[httpstatus.unknown-code\]",
        built.warnings,
    )
    assert "ERROR" not in built.warnings
    relaxed = build(srcdir, http_strict_mode=False)
    assert relaxed.warnings == ""
    assert "299" in relaxed.read("index.html")


def test_switch_off_leaves_httpdomain_output_exactly(project, tmp_path):
    srcdir = api_project(project)
    off = build(srcdir, httpstatus_httpdomain=False, httpstatus_code_blocks=False)
    # The same project without this extension at all (and without what only it understands).
    alone = tmp_path / "alone"
    shutil.copytree(srcdir, alone)
    (alone / "conf.py").write_text(
        'extensions = ["sphinxcontrib.httpdomain"]\nproject = "Test"\n', encoding="utf-8"
    )
    api = API.replace(":httpcode:`409`", "x").replace(":httpcode:`201`", "x")
    (alone / "api.rst").write_text(api.replace(":httpcode:`470`", "x"), encoding="utf-8")
    (alone / "entries.rst").write_text("Entries\n=======\n", encoding="utf-8")
    without = build(alone)

    def api_section(html: str) -> str:
        body = html[html.index('<dl class="http post">') : html.index("<p>Prose:")]
        return body

    assert api_section(off.read("api.html")) == api_section(without.read("api.html"))
    assert "developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status/409" in off.read("api.html")


def test_code_blocks_keep_their_text_and_highlighting(project):
    page = (
        "Examples\n========\n\n.. code-block:: http\n\n   GET /items HTTP/1.1\n   Host: x\n\n"
        "   HTTP/2 429\n   Retry-After: 30\n\n"
        ".. code-block:: http\n   :linenos:\n   :emphasize-lines: 1\n\n"
        "   HTTP/1.1 403 Forbidden\n   Content-Type: text/plain\n\n"
        ".. code-block:: HTTP\n\n   HTTP/1.1 401 Unauthorized\n\n"
        ".. code-block:: text\n\n   HTTP/1.1 404 Not Found\n\n"
        "::\n\n   HTTP/1.1 404 Not Found\n"
    )
    srcdir = project(page)
    on = build(srcdir).read("index.html")
    off = build(srcdir, httpstatus_code_blocks=False).read("index.html")
    # The language name is case-insensitive, as in Pygments (OctoPrint writes "HTTP").
    assert [link["text"] for link in links(on) if "httpstatus-ref" in link.get("class", "")] == [
        "429",
        "403",
        "401",
    ]
    tip = next(link for link in links(on) if link["text"] == "429")
    assert tip["title"].startswith("429 Too Many Requests (4xx Client Error): ")
    # Take the links away and the page is what it was: same text, same highlighting. So a copy
    # button, which copies the block's text, copies the same characters.
    # (The head differs: only the page with links loads the tooltip's script and stylesheet.)
    unlinked = re.sub(r'<a class="[^"]*httpstatus-ref[^>]*>(\d{3})</a>', r"\1", on)
    assert unlinked[unlinked.index("<body") :] == off[off.index("<body") :]
    # Blocks in other languages, and literal blocks of the default language, are left alone.
    assert on.count("httpstatus-ref") == 3


def test_myst_http_fence(project):
    pytest.importorskip("myst_parser")
    markdown = "# Example\n\n```http\nHTTP/1.1 403 Forbidden\n```\n"
    srcdir = project(
        ".. toctree::\n\n   example\n",
        conf='extensions.append("myst_parser")\n',
        **{"example.md": markdown},
    )
    built = build(srcdir)
    assert built.warnings == ""
    assert [link["text"] for link in status_links(built.read("example.html"))] == ["403"]


def test_code_block_links_only_in_html(project):
    page = "Examples\n========\n\n.. code-block:: http\n\n   HTTP/1.1 403 Forbidden\n"
    srcdir = project(page)
    text = build(srcdir, "text").read("index.txt")
    assert "HTTP/1.1 403 Forbidden" in text
    assert "rfc9110" not in text
    latex = build(srcdir, "latex").read("test.tex")
    assert "rfc9110" not in latex


@pytest.mark.parametrize(
    ("written", "current"),
    [("413 Payload Too Large", "Content Too Large"), ("422 Unprocessable Entity", None)],
)
def test_stale_phrase_in_httpcode_warns_and_renders_current(project, written, current):
    srcdir = project(f"Page\n====\n\nSee :httpcode:`{written}`.\n")
    built = build(srcdir)
    code = written[:3]
    status = {"413": "Content Too Large", "422": "Unprocessable Content"}[code]
    assert re.search(
        rf'index.rst:4: WARNING: "{written}" is not the current phrase; {code} is now '
        rf'"{status}" \[httpstatus.stale-phrase\]',
        built.warnings,
    )
    assert [link["text"] for link in status_links(built.read("index.html"))] == [f"{code} {status}"]
    del current


def test_phrases_that_must_not_warn(project):
    page = (
        "Page\n====\n\n:httpcode:`403 Forbidden`, :httpcode:`403 forbidden`,\n"
        ":httpcode:`203 Non Authoritative Information`, :httpcode:`denied <403 Forbidden>`.\n\n"
        "A 413 Payload Too Large paragraph without the prose check.\n"
    )
    built = build(project(page))
    assert built.warnings == ""


def test_httpdomain_own_phrases_are_accepted_in_its_role(project):
    # httpdomain insisted on "Unprocessable Entity": no new warning for projects that wrote it.
    page = (
        "Page\n====\n\n.. http:get:: /\n\n   :statuscode 422 Unprocessable Entity: bad\n"
        "   :statuscode 413 Payload Too Large: big\n"
    )
    built = build(project(page, conf=HTTPDOMAIN_LAST))
    assert "422" not in built.warnings
    assert re.search(
        # Sphinx locates every status field at the first one of the list.
        r'index.rst:6: WARNING: "413 Payload Too Large" is not the current phrase; 413 is now '
        r'"Content Too Large"',
        built.warnings,
    )
    html = built.read("index.html")
    assert "422 Unprocessable Content" in html
    assert "413 Content Too Large" in html


def test_check_prose(project):
    page = (
        "Page\n====\n\nUploads over 10 MB fail with 413 Payload Too Large.\n\n"
        "* A list item: the old 504 Gateway Time-out.\n\n"
        "Correct: 413 Content Too Large. Not a phrase: 413 payloads were sent. "
        "Not prose: ``413 Payload Too Large``.\n\n"
        ".. code-block:: text\n\n   HTTP/1.1 413 Payload Too Large\n\n"
        ".. http-compare:: 413 414\n"
    )
    built = build(project(page, conf="httpstatus_check_prose = True\n"))
    found = re.findall(
        r"index.rst:(\d+): WARNING: (.*) \[httpstatus.stale-phrase\]", built.warnings
    )
    assert found == [
        ("4", '"413 Payload Too Large" is not the current phrase; 413 is now "Content Too Large"'),
        ("6", '"504 Gateway Time-out" is not the current phrase; 504 is now "Gateway Timeout"'),
    ]


OPENAPI = """\
openapi: "3.0.0"
info: {title: Carts, version: "1"}
paths:
  /carts/{id}:
    delete:
      summary: Delete a cart
      parameters:
        - {name: id, in: path, required: true, schema: {type: integer}}
      responses:
        "204": {description: The cart was deleted.}
        "409": {description: The cart is being checked out.}
        "499": {description: The client went away.}
"""


def test_openapi_responses(project):
    pytest.importorskip("sphinxcontrib.openapi")
    srcdir = project(
        "API\n===\n\n.. openapi:: carts.yaml\n",
        conf='extensions.append("sphinxcontrib.openapi")\n',
        **{"carts.yaml": OPENAPI},
    )
    built = build(srcdir)
    assert "unknown HTTP status code" not in built.warnings
    html = built.read("index.html")
    found = {
        link["text"]: link for link in links(html) if "httpstatus-ref" in link.get("class", "")
    }
    assert set(found) == {"204 No Content", "409 Conflict", "499 Client Closed Request"}
    assert found["409 Conflict"]["title"].startswith("409 Conflict (4xx Client Error)")


def test_parallel_and_incremental(project, tmp_path):
    srcdir = api_project(project)
    serial = build(srcdir).read("api.html")
    parallel = build(srcdir, parallel=2).read("api.html")
    assert serial == parallel
    # Move the 409 entry away: the API page, not re-read, must follow it to the fallback link.
    builddir = tmp_path / "incremental"
    build(srcdir, builddir=builddir, freshenv=True)
    (srcdir / "entries.rst").write_text("Entries\n=======\n", encoding="utf-8")
    again = build(srcdir, builddir=builddir, freshenv=False).read("api.html")
    hrefs = {link["href"] for link in status_links(again, 409) if link["text"] != "409"}
    assert hrefs == {"https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10"}


def test_httpdomain_still_has_what_we_replace():
    """If httpdomain renames its status role or field, the integration silently stops working."""
    from sphinx.util.docfields import GroupedField
    from sphinxcontrib.httpdomain import HTTP_STATUS_CODES, HTTPDomain, HTTPResource

    assert "statuscode" in HTTPDomain.roles
    fields = {field.name: field for field in HTTPResource.doc_field_types}
    assert isinstance(fields["statuscode"], GroupedField)
    assert fields["statuscode"].rolename == "statuscode"
    assert {"statuscode", "status", "code"} <= set(fields["statuscode"].names)
    assert HTTP_STATUS_CODES[422] == "Unprocessable Entity"


def test_page_with_only_an_example_gets_the_tooltip_script(project):
    srcdir = project("Page\n====\n\n.. code-block:: http\n\n   HTTP/1.1 403 Forbidden\n")
    html = build(srcdir).read("index.html")
    assert "_static/httpstatus.js" in html
    assert "_static/httpstatus.css" in html
