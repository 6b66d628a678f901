"""The client's errors, in place: worded when shown, masked, and whole across processes."""

from __future__ import annotations

import pickle

import pytest

from generator.runtime import _errors
from generator.runtime._errors import (
    ApiError,
    ClientClosedError,
    ConnectError,
    ContentEncodingError,
    DecodeError,
    HTTPStatusError,
    QQConnectError,
    RequestInfo,
    RequestTimeoutError,
    ResponseTooLargeError,
    ResponseValidationError,
    TransportError,
)

SECRET = "A1B2C3D4E5F6"


class CategoryError(ApiError):
    category = "category"


# One of each error class the runtime exports (a test below checks none is left out).
ERRORS: list[QQConnectError] = [
    ClientClosedError("get_vip_info"),
    TransportError("get_vip_info", "broke"),
    ConnectError("get_vip_info", "refused"),
    RequestTimeoutError("get_vip_info", "deadline"),
    HTTPStatusError("get_vip_info", 502, b"<html>bad gateway</html>"),
    DecodeError("get_vip_info", "not JSON", b"<html>"),
    ContentEncodingError("get_vip_info", "gzip, gzip"),
    ResponseTooLargeError("get_vip_info", 10),
    ResponseValidationError("get_vip_info", {"ret": "Field required"}, b"{}"),
    ApiError("get_vip_info", 1002, "请先登录", "用户没有登录态"),
    CategoryError("get_openid", 100016, f"access token check failed {SECRET}", "", "error"),
]


def test_every_error_class_is_exercised() -> None:
    exported = {getattr(_errors, name) for name in _errors.__all__}
    classes = {c for c in exported if isinstance(c, type) and issubclass(c, QQConnectError)}
    assert classes - {QQConnectError} <= {type(error) for error in ERRORS}


@pytest.mark.parametrize("error", ERRORS, ids=lambda error: type(error).__name__)
def test_an_error_survives_pickling_whole(error: QQConnectError) -> None:
    error.request = RequestInfo(error.endpoint, "GET", "https://graph.qq.com/x")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert (str(copy), repr(copy), copy.args) == (str(error), repr(error), error.args)
    assert copy.__dict__ == error.__dict__


def test_an_api_error_is_worded_from_its_fields() -> None:
    error = ApiError("get_vip_info", 1002, "请先登录", "用户没有登录态")
    assert str(error) == "get_vip_info: ret=1002 (用户没有登录态): '请先登录'"
    assert repr(error) == f"ApiError({str(error)!r})"
    oauth = CategoryError("get_openid", 100016, "check failed", "", "error")
    assert str(oauth) == "get_openid: error=100016: 'check failed'"


def test_a_masked_api_error_shows_no_secret_anywhere() -> None:
    error = CategoryError("get_openid", 100016, f"access token check failed {SECRET}", "",
                          "error")
    error.mask(lambda text: text.replace(SECRET, "<redacted>"))
    for shown in (str(error), repr(error), error.msg, *map(str, error.args)):
        assert SECRET not in shown
    assert "<redacted>" in str(error)
    assert SECRET not in str(pickle.loads(pickle.dumps(error)))
