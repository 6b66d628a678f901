"""Load: the async client makes 2,000+ requests, 100 in flight; nothing leaks.

The fake server runs in its own process here, so that client and server do not
share one interpreter lock and the client's resources are the only ones counted.
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
from tests.client.values import APP_ID, OPENID, TOKEN

pytestmark = pytest.mark.anyio
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


async def one_round(url: str) -> int:
    done = 0
    limiter = anyio.CapacityLimiter(IN_FLIGHT)
    async with qq_connect.AsyncQQConnect(APP_ID, base_url=url, timeout=30.0) as client:

        async def call(index: int) -> None:
            nonlocal done
            async with limiter:
                result = await client.get_vip_info(TOKEN, OPENID,
                                                   format="xml" if index % 2 else "json")
            assert result.is_qq_vip is True
            done += 1

        async with anyio.create_task_group() as group:
            for index in range(PER_ROUND):
                group.start_soon(call, index)
    return done


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc")
async def test_many_requests_in_flight_leave_nothing_behind(server_url: str) -> None:
    baseline_fds = open_descriptors()
    objects: list[int] = []
    resident: list[int] = []
    with anyio.fail_after(120):
        for _ in range(ROUNDS):
            assert await one_round(server_url) == PER_ROUND
            gc.collect()
            objects.append(len(gc.get_objects()))
            resident.append(resident_bytes())
    assert ROUNDS * PER_ROUND >= 2000
    deadline = time.monotonic() + 5
    while open_descriptors() > baseline_fds and time.monotonic() < deadline:
        await anyio.sleep(0.05)
    assert open_descriptors() <= baseline_fds
    # The first round warms caches; after it, a leak of even one object per request shows.
    assert objects[-1] - objects[1] < PER_ROUND // 2, objects
    assert resident[-1] - resident[1] < 8 * 1024 * 1024, resident
