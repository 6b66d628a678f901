# Generated from spec/api.yaml; do not edit, run `make generate`.
"""``python -m qq_connect.testing [--port 8000] [--answer ENDPOINT=OUTCOME]...``: the mock
graph.qq.com over HTTP until Ctrl-C; ``--help`` lists the options."""

import sys

from . import MockGraph
from ._server import main

if __name__ == "__main__":
    sys.exit(main(MockGraph))
