"""The generated package's hand-written modules, which do not vary with the spec.

Each ``_*.py`` here is copied verbatim into ``generated/qq_connect/`` (behind a one-line
banner), so it is linted, type-checked and unit-tested where it is written. These modules
import only one another, never a generated module: what the spec decides reaches them as
arguments (an ``Endpoint``, a ``Transport``, a ``ReturnCodeTable``, the contracts).
This ``__init__`` is not copied; the package's own ``__init__`` is rendered.
"""
