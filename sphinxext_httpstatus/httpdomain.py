"""Status codes where sphinxcontrib-httpdomain already puts them: its fields and its role.

httpdomain renders ``:statuscode 403:`` fields (and the ``:status:``/``:code:`` aliases, and the
fields that autoflask, autotornado, autohttp and sphinxcontrib-openapi emit) through the
``http:statuscode`` role of its domain, which links to MDN from a hard-coded table and reports
every code outside that table as an error. Replacing that one role with ours, through Sphinx's
``add_role_to_domain``, makes every status reference of an API reference resolve like
``:httpcode:`` (entry, intersphinx, fallback; tooltip; current phrase), with no second code path.

``httpstatus_httpdomain = False`` leaves httpdomain's role, hence its output, untouched.
"""

from __future__ import annotations

from docutils.nodes import Node, system_message
from sphinx.application import Sphinx
from sphinx.config import Config

from .endpoints import FIELD_MARK
from .roles import HTTPCodeRole
from .usage import parse_code, split_phrase

#: What we replace; ``tests/test_httpdomain.py`` fails if httpdomain renames or moves it.
DOMAIN = "http"
ROLE = "statuscode"


def httpdomain_phrases() -> dict[int, tuple[str, ...]]:
    """The phrases httpdomain itself accepts ("422 Unprocessable Entity", ...).

    Projects wrote them because httpdomain insisted on them, so they are rendered with the
    current phrase without a stale-phrase warning: the integration adds no new warning to a
    project that built clean before.
    """
    try:
        from sphinxcontrib.httpdomain import HTTP_STATUS_CODES
    except ImportError:  # a future httpdomain without the table: every old phrase then warns
        return {}
    return {code: (phrase,) for code, phrase in HTTP_STATUS_CODES.items()}


class HTTPDomainStatusRole(HTTPCodeRole):
    """``:http:statuscode:`` and every httpdomain status field, rendered by our role."""

    def __init__(self) -> None:
        super().__init__()
        self.accepted_phrases = httpdomain_phrases()

    def run(self) -> tuple[list[Node], list[system_message]]:
        result, messages = super().run()
        # Sphinx calls a field's role with the bare target as its raw text ("409"), where a role
        # in running text has its markup (":http:statuscode:`409`"). The mark lets endpoints.py
        # tell an endpoint's status fields from mentions of a code in its description.
        code = parse_code(split_phrase(self.text)[0])
        if self.rawtext == self.text and code is not None and result:
            result[0][FIELD_MARK] = code
        return result, messages

    def quiet(self) -> bool:
        # httpdomain reports unknown codes only in its strict mode (the default); a project that
        # turned it off gets no new warning from us either.
        return not self.config.http_strict_mode


def uses_httpdomain(app: Sphinx) -> bool:
    domain = app.registry.domains.get(DOMAIN)
    return domain is not None and domain.__module__.startswith("sphinxcontrib.httpdomain")


def install(app: Sphinx, config: Config) -> None:
    """At ``config-inited``: every extension is loaded by then, in whatever order they were listed,
    and the domains are not yet created, so the override reaches every domain instance."""
    if config.httpstatus_httpdomain is True and uses_httpdomain(app):
        app.add_role_to_domain(DOMAIN, ROLE, HTTPDomainStatusRole(), override=True)
