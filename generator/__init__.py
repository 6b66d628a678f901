"""Schema-driven code generator for the QQ Connect OpenAPI.

The pipeline, one module per step: load → validate → normalise → render → write.
"""
