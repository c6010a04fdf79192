"""Benchmarks: accuracy and speed against reference systems (`python -m benchmarks.<name>`)."""
