"""An endpoint's answers, in place: decoded by the body, failures by the error shape."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pydantic import SecretStr

from generator.runtime._codes import ReturnCode, ReturnCodeTable
from generator.runtime._convert import Duration
from generator.runtime._errors import ApiError, DecodeError, ResponseValidationError
from generator.runtime._response import Endpoint, FormatParameter
from generator.runtime._result import ExpiringResult
from generator.runtime._wire import OAuthWireModel, WireNonNegative, WireText


class SpentError(ApiError):
    category = "spent"


TABLE = ReturnCodeTable(codes={20: ReturnCode(20, "oauth", "spent", "spent")},
                        errors={"spent": SpentError}, unknown_category="spent")


class TicketWire(OAuthWireModel):
    ticket: WireText | None = None
    lifetime: WireNonNegative | None = None


class Ticket(ExpiringResult):
    EXPIRY_FIELD = "lifetime"
    ticket: SecretStr
    lifetime: Duration


TICKET = Endpoint(name="ticket", path="/t", methods=("GET",), formats=("form", "json"),
                  encodings=("form", "json", "jsonp"),
                  format_parameter=FormatParameter("fmt", {"json": "json"}),
                  load_wire=lambda: TicketWire, load_result=lambda: Ticket,
                  return_codes=TABLE, code_field="error", message_field="error_description",
                  code_always=False,
                  xml_root="data", secret_fields=frozenset({"ticket"}))


@pytest.mark.parametrize("body", [
    b"ticket=T-1&lifetime=60",
    b'{"ticket":"T-1","lifetime":"60"}',
    b'callback( {"ticket":"T-1","lifetime":60} );\n',
])
def test_every_declared_encoding_gives_the_same_result(body: bytes) -> None:
    ticket = TICKET.parse(body)
    assert ticket.ticket.get_secret_value() == "T-1"
    assert ticket.lifetime == timedelta(seconds=60)
    assert ticket.expires_at == ticket.received_at + timedelta(seconds=60)
    assert "T-1" not in repr(ticket)


def test_an_oauth_error_raises_its_typed_error_with_the_field_it_came_in() -> None:
    with pytest.raises(SpentError) as raised:
        TICKET.parse(b'callback( {"error":20,"error_description":"spent "} );\n')
    assert (raised.value.code, raised.value.code_field, raised.value.msg) == (20, "error", "spent ")
    assert "error=20" in str(raised.value)


def test_an_oauth_error_needs_its_description() -> None:
    with pytest.raises(ResponseValidationError) as raised:
        TICKET.parse(b'{"error":20}')
    assert raised.value.problems == {"error_description": "Field required"}


def test_an_encoding_the_endpoint_never_uses_is_refused() -> None:
    with pytest.raises(DecodeError, match="looks like HTML or XML"):
        TICKET.parse(b"<data><ticket>T</ticket></data>")


def test_secret_values_are_found_even_in_broken_bodies() -> None:
    assert TICKET.secret_values(b"ticket=T-1&lifetime=x") == ["T-1"]
    assert TICKET.secret_values(b'{"ticket": "T-2", "lifet') == ["T-2"]
    assert TICKET.secret_values(b"<data><ticket>T-3</ticket>") == ["T-3"]
    assert TICKET.secret_values(b"nothing here") == []
