"""``http-status-usage`` and "Returned by": what this API's endpoints say about each code."""

from __future__ import annotations

import re

import pytest
from conftest import build, links

pytest.importorskip("sphinxcontrib.httpdomain")

CONF = 'extensions.append("sphinxcontrib.httpdomain")\n'

CARTS = """\
Carts
=====

.. http:get:: /carts/(int:cart_id)

   :statuscode 200: the cart
   :statuscode 404: no cart with this number belongs to you

.. http:post:: /carts/(int:cart_id)/checkout

   :statuscode 201: the order was created
   :statuscode 409: the cart is being checked out by ``another`` request

   .. sourcecode:: http

      HTTP/1.1 201 Created
"""

ORDERS = """\
Orders
======

.. http:delete:: /orders/(int:order_id)

   :statuscode 202: cancellation accepted
   :statuscode 409: the order has shipped
"""

USAGE = """\
Errors
======

.. http-status-usage::
"""

OPENAPI = """\
openapi: "3.0.0"
info: {title: Shop, version: "1"}
paths:
  /stock/{sku}:
    get:
      summary: Read stock
      parameters:
        - {name: sku, in: path, required: true, schema: {type: string}}
      responses:
        "200": {description: The stock level.}
        "409": {description: Stock is being counted.}
"""


def shop(project, usage: str = USAGE, **extra: str):
    files = {"carts.rst": CARTS, "orders.rst": ORDERS, "usage.rst": usage, **extra}
    toctree = "\n".join(f"   {name.rsplit('.', 1)[0]}" for name in files if name.endswith(".rst"))
    return project(f".. toctree::\n\n{toctree}\n", conf=CONF, **files)


def plain(html: str) -> str:
    """What a reader sees of some HTML: tags dropped, white space collapsed."""
    return " ".join(re.sub(r"<[^>]+>", "", html).split())


def rows(html: str) -> list[str]:
    body = html[html.index("httpstatus-usage-table") :]
    body = body[body.index("<tbody>") : body.index("</tbody>")]
    return re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)


def test_rows_links_and_descriptions(project):
    built = build(shop(project))
    assert built.warnings == ""
    html = built.read("usage.html")
    table = rows(html)
    # One row per code some endpoint returns, in code order; codes nobody returns are absent.
    codes = [re.search(r">(\d{3}) ", row).group(1) for row in table]
    assert codes == ["200", "201", "202", "404", "409"]
    conflict = table[-1]
    assert "409 Conflict" in conflict
    assert "The request conflicts with the current state" in conflict  # the one-line meaning
    # Each endpoint that returns 409, linked to its anchor, with its own words (markup kept).
    endpoints = [
        (link["href"], link["text"])
        for link in links(conflict)
        if "httpstatus-ref" not in link.get("class", "")
    ]
    assert endpoints == [
        ("carts.html#post--carts-(int-cart_id)-checkout", "POST /carts/(int:cart_id)/checkout"),
        ("orders.html#delete--orders-(int-order_id)", "DELETE /orders/(int:order_id)"),
    ]
    assert "by <code" in conflict and "another" in conflict
    assert "the order has shipped" in conflict
    # The code is linked like :httpcode:, tooltip included.
    code_link = next(link for link in links(conflict) if "httpstatus-ref" in link["class"])
    assert code_link["title"].startswith("409 Conflict (4xx Client Error): ")


def test_openapi_responses_are_collected(project):
    pytest.importorskip("sphinxcontrib.openapi")
    srcdir = shop(
        project, **{"stock.rst": "Stock\n=====\n\n.. openapi:: shop.yaml\n", "shop.yaml": OPENAPI}
    )
    (srcdir / "conf.py").write_text(
        (srcdir / "conf.py").read_text() + 'extensions.append("sphinxcontrib.openapi")\n'
    )
    built = build(srcdir)
    conflict = rows(built.read("usage.html"))[-1]
    assert "GET /stock/{sku}" in plain(conflict)
    assert "Stock is being counted." in conflict


def test_filters_and_grouped_view(project):
    usage = (
        "Errors\n======\n\n.. http-status-usage::\n   :classes: 4xx\n\n"
        ".. http-status-usage::\n   :codes: 200 409\n\n"
        ".. http-status-usage::\n   :group-by: endpoint\n"
    )
    html = build(shop(project, usage)).read("usage.html")
    tables = html.split("httpstatus-usage-table")[1:]
    first = [
        re.search(r">(\d{3}) ", row).group(1) for row in rows("httpstatus-usage-table" + tables[0])
    ]
    second = [
        re.search(r">(\d{3}) ", row).group(1) for row in rows("httpstatus-usage-table" + tables[1])
    ]
    assert first == ["404", "409"]
    assert second == ["200", "409"]
    grouped = rows("httpstatus-usage-table" + tables[2])
    assert len(grouped) == 3  # three endpoints
    assert "GET /carts/(int:cart_id)" in plain(grouped[0])
    assert "200 OK" in grouped[0] and "404 Not Found" in grouped[0]
    assert "no cart with this number belongs to you" in grouped[0]


def test_bad_options_warn(project):
    usage = "Errors\n======\n\n.. http-status-usage::\n   :classes: 6xx\n   :group-by: path\n"
    built = build(shop(project, usage))
    assert re.search(
        r"usage.rst:4: WARNING: '6xx' is not a status class.*\[httpstatus.bad-option\]",
        built.warnings,
    )
    assert re.search(
        r"usage.rst:4: WARNING: :group-by: must be.*\[httpstatus.bad-option\]", built.warnings
    )
    assert len(rows(built.read("usage.html"))) == 5  # the rest still renders


def test_returned_by_in_entries(project):
    entries = (
        "Entries\n=======\n\n.. http-status:: 409\n\n.. http-status-catalog::\n   :codes: 201 500\n"
    )
    built = build(shop(project, **{"entries.rst": entries}))
    html = built.read("entries.html")
    assert html.count("Returned by") == 2  # 409 and 201; 500 has no endpoint, so no field
    entry_409 = html[html.index('id="httpstatus-409"') : html.index('id="httpstatus-201"')]
    assert "POST /carts/(int:cart_id)/checkout" in plain(entry_409)
    assert "the order has shipped" in entry_409
    entry_500 = html[html.index('id="httpstatus-500"') :]
    assert "Returned by" not in entry_500


def test_example_mismatch_warning(project):
    carts = CARTS.replace(
        "HTTP/1.1 201 Created",
        "HTTP/1.1 201 Created\n\n   .. sourcecode:: http\n\n"
        "      HTTP/1.1 422 Unprocessable Content",
    )
    built = build(shop(project, **{"carts.rst": carts}))
    found = re.findall(
        r"carts.rst:(\d+): WARNING: (.*) \[httpstatus.example-mismatch\]", built.warnings
    )
    assert found == [
        (
            "18",
            "the example response shows 422, but POST /carts/(int:cart_id)/checkout lists "
            "only 201, 409 in its status fields",
        ),
    ]


def test_parallel_equals_serial(project):
    srcdir = shop(project)
    serial = build(srcdir)
    parallel = build(srcdir, parallel=2)
    assert serial.read("usage.html") == parallel.read("usage.html")
    assert parallel.warnings == ""


def test_incremental_rebuild_after_removing_a_field(project, tmp_path):
    entries = "Entries\n=======\n\n.. http-status:: 409\n"
    srcdir = shop(project, **{"entries.rst": entries})
    builddir = tmp_path / "build"
    first = build(srcdir, builddir=builddir)
    assert "DELETE /orders/(int:order_id)" in plain(rows(first.read("usage.html"))[-1])
    (srcdir / "orders.rst").write_text(
        ORDERS.replace("   :statuscode 409: the order has shipped\n", "")
    )
    again = build(srcdir, builddir=builddir, freshenv=False)
    assert "DELETE /orders/(int:order_id)" not in plain(rows(again.read("usage.html"))[-1])
    assert "the order has shipped" not in again.read("entries.html")
    assert "POST /carts/(int:cart_id)/checkout" in plain(again.read("entries.html"))


def test_every_builder(project):
    srcdir = shop(project)
    for builder, name in (("latex", "test.tex"), ("text", "usage.txt"), ("man", "test.1")):
        built = build(srcdir, builder)
        assert built.warnings == "", (builder, built.warnings)
        output = " ".join(built.read(name).replace("|", " ").split())
        assert "409 Conflict" in output, builder
        assert "the order has" in output, builder  # (text tables wrap the rest)


def test_the_environment_keeps_only_the_fields_words(project):
    # The endpoints' descriptions are pickled with the environment: a copy still tied to its
    # document dragged the whole page into the pickle.
    built = build(shop(project))
    statuses = built.app.env.domaindata["httpstatus"]["endpoints"]
    parts = [
        part
        for page in statuses.values()
        for status in page
        for node in status.description
        for part in node.findall(include_self=True)
    ]
    assert parts
    assert all(part.document is None for part in parts)
    pickle = built.app.doctreedir / "environment.pickle"
    assert pickle.stat().st_size < 100_000


NESTED = """\
Stock
=====

.. http:get:: /stock

   :statuscode 200: the stock list

   .. http:get:: /stock/(sku)

      :statuscode 404: no such item

      .. sourcecode:: http

         HTTP/1.1 404 Not Found
"""


def test_a_nested_endpoint_keeps_its_own_fields_and_examples(project):
    built = build(shop(project, **{"stock.rst": NESTED}))
    # The nested example shows 404, which the nested endpoint lists and the outer one does not.
    assert built.warnings == ""
    table = rows(built.read("usage.html"))
    by_code = {re.search(r">(\d{3}) ", row).group(1): plain(row) for row in table}
    assert "GET /stock: the stock list" in by_code["200"]
    assert "GET /stock/(sku)" not in by_code["200"]
    assert "GET /stock/(sku): no such item" in by_code["404"]
    assert "GET /stock: no such item" not in by_code["404"]
