"""The hand-written modules of ``qq_connect.testing``, the package's offline graph.qq.com.

Each ``_*.py`` here is copied verbatim into ``generated/qq_connect/testing/`` (behind a
one-line banner), like the runtime modules one level up. They import only one another
and the runtime, never a generated module: the spec's examples reach them as the
``Canned`` data that the rendered ``_answers.py`` holds. This ``__init__`` is not copied;
the subpackage's own ``__init__`` (the public ``MockGraph``) and ``__main__`` are rendered.
"""
