"""Benchmarks: our code against reference tools, in one process run, as paired ratios."""
