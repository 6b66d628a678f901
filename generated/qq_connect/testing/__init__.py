# Generated from spec/api.yaml, spec/return_codes.yaml, spec/endpoints/get_vip_rich_info.yaml; do not edit, run `make generate`.
"""An offline https://graph.qq.com for your own tests: ``MockGraph`` and ``GraphServer``.

    import httpx
    from qq_connect import QQConnect
    from qq_connect.testing import MockGraph

    graph = MockGraph()          # every endpoint answers its spec's success example
    graph.answer("get_vip_rich_info", error=-73)    # the next request fails with -73
    graph.answer("get_vip_rich_info", "drift", always=True)  # then every one: drift
    client = QQConnect(app_id="101234567", http_client=httpx.Client(transport=graph.transport))
    ...
    print(graph.calls("get_vip_rich_info"))   # the requests, their secrets masked

An outcome is an example's name of the spec (``graph.outcomes(endpoint)`` lists them),
``"drift"`` (a success with an undocumented field: the client accepts it, the contract
check reports it) or ``"malformed"`` (a body the client refuses with ``DecodeError``);
``error=`` takes any return code, ``body=`` raw bytes. Answers are queued, one per
request, then the standing one (``always=True``), then the success example.
``GraphServer(graph)`` serves a mock over HTTP from a thread (``base_url=`` its
``base_url``); ``python -m qq_connect.testing --port 8000`` serves one until Ctrl-C.
"""

from ._answers import CANNED
from ._graph import DRIFT, MALFORMED, SUCCESS, BaseMockGraph, RecordedRequest, RequestParameters
from ._server import GraphServer

__all__ = ["DRIFT", "MALFORMED", "SUCCESS", "GraphServer", "MockGraph", "RecordedRequest",
           "RequestParameters"]


class MockGraph(BaseMockGraph):
    """https://graph.qq.com, offline: each endpoint answers from the spec until ``answer()``
    says otherwise; ``transport`` goes to ``httpx.Client`` or ``httpx.AsyncClient``."""

    canned = CANNED
