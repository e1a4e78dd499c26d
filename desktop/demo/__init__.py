"""A believable demo compound for trying the program and for benchmarks."""
