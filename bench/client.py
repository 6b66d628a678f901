"""5: client overhead per request against a bare httpx call, on the local fake server."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import anyio
import httpx

import qq_connect

from .harness import Row, microseconds, paired, verdict

ROOT = Path(__file__).resolve().parents[1]
QUERY = "access_token=t&oauth_consumer_key=1&openid=o&format=json"


def _start_server() -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen([sys.executable, "-m", "tests.fakes.graph", "--port", "0"],
                               cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    return process, process.stdout.readline().split()[3]


async def _throughput(url: str, in_flight: int, total: int, ours: bool) -> float:
    limiter = anyio.CapacityLimiter(in_flight)
    async with httpx.AsyncClient() as http, \
            qq_connect.AsyncQQConnect("1", base_url=url, http_client=http) as client:

        async def one() -> None:
            async with limiter:
                if ours:
                    await client.get_vip_info("t", "o")
                else:
                    (await http.get(f"{url}/user/get_vip_info?{QUERY}")).raise_for_status()

        started = time.perf_counter()
        async with anyio.create_task_group() as group:
            for _ in range(total):
                group.start_soon(one)
        return total / (time.perf_counter() - started)


def rows(rounds: int, number: int) -> list[Row]:
    process, url = _start_server()
    result = []
    try:
        with httpx.Client() as http, qq_connect.QQConnect("1", base_url=url) as client:
            target = f"{url}/user/get_vip_info?{QUERY}"
            timings = paired({"ours": lambda: client.get_vip_info("t", "o"),
                              "httpx": lambda: http.get(target).content}, number=number,
                             rounds=rounds)
        overhead = 1 / timings.ratio("ours", "httpx")
        result.append(Row("5 client", "sync request, parsed, vs bare httpx GET",
                          microseconds(timings.median("ours")),
                          microseconds(timings.median("httpx")), f"{overhead:.2f}× the time",
                          "≤ 1.2×", verdict(overhead, 1.2, False)))
        for in_flight in (1, 10, 100):
            total = max(200, number * 2)
            ours = anyio.run(_throughput, url, in_flight, total, True)
            bare = anyio.run(_throughput, url, in_flight, total, False)
            result.append(Row("5 client", f"async, {in_flight} in flight: requests/s",
                              f"{ours:,.0f}/s", f"{bare:,.0f}/s", f"{bare / ours:.2f}× the time",
                              "≤ 1.2×", verdict(bare / ours, 1.2, False)))
    finally:
        process.terminate()
        process.wait()
    return result
