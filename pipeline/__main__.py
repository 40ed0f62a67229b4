"""`python -m pipeline` runs the forcewatch command line."""

from pipeline.cli import main

main()
