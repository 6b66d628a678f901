"""Load: the async client makes 2,000+ requests, 100 in flight; nothing leaks.

The fake server runs in its own process here, so that client and server do not
share one interpreter lock and the client's resources are the only ones counted.
Bounded by counts (answers, retries, descriptors, objects, bytes), never by time.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import anyio
import pytest

import qq_connect
from tests.client.credentials import APP_ID, APP_KEY
from tests.client.support import acall, generated_endpoint, some_endpoint
from tests.fakes.graph import SpecEndpoint

pytestmark = [pytest.mark.anyio, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 4
PER_ROUND = 600
IN_FLIGHT = 100


@pytest.fixture(scope="module")
def server_url() -> Iterator[str]:
    with subprocess.Popen([sys.executable, "-m", "tests.fakes.graph", "--port", "0"],
                          cwd=ROOT, stdout=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None
        try:
            yield process.stdout.readline().split()[3]
        finally:
            process.terminate()


def open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


def resident_bytes() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


async def one_round(url: str, endpoint: SpecEndpoint) -> tuple[int, int]:
    """``PER_ROUND`` calls, ``IN_FLIGHT`` at a time; how many answered, how many retries."""
    answered = retries = 0
    expected = {format: generated_endpoint(endpoint).parse(endpoint.example("success", format))
                for format in endpoint.formats}
    limiter = anyio.CapacityLimiter(IN_FLIGHT)
    async with qq_connect.AsyncQQConnect(APP_ID, app_key=APP_KEY, base_url=url,
                                         timeout=30.0) as client:

        async def call(index: int) -> None:
            nonlocal answered, retries
            format = endpoint.formats[index % len(endpoint.formats)]
            async with limiter:
                result = await acall(client, endpoint, format=format)
            assert result == expected[format]
            answered += 1
            retries += result.retries_taken

        async with anyio.create_task_group() as group:
            for index in range(PER_ROUND):
                group.start_soon(call, index)
    return answered, retries


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc")
async def test_many_requests_in_flight_leave_nothing_behind(server_url: str) -> None:
    endpoint = some_endpoint()
    baseline_fds = open_descriptors()
    answered: list[int] = []
    retries: list[int] = []
    objects: list[int] = []
    resident: list[int] = []
    for _ in range(ROUNDS):
        done, retried = await one_round(server_url, endpoint)
        answered.append(done)
        retries.append(retried)
        gc.collect()
        objects.append(len(gc.get_objects()))
        resident.append(resident_bytes())
    assert answered == [PER_ROUND] * ROUNDS and sum(answered) >= 2000
    assert retries == [0] * ROUNDS  # every call was one request: the load broke nothing
    # Closed sockets may take a moment to leave /proc; wait for the count, bounded.
    deadline = time.monotonic() + 5
    while open_descriptors() > baseline_fds and time.monotonic() < deadline:
        await anyio.sleep(0.05)
    assert open_descriptors() <= baseline_fds
    # The first round warms caches; after it, a leak of even one object per request shows.
    assert objects[-1] - objects[1] < PER_ROUND // 2, objects
    assert resident[-1] - resident[1] < 8 * 1024 * 1024, resident
