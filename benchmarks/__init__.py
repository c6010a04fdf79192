"""Benchmarks: accuracy and speed of askwinston next to reference systems, measured in one run."""
