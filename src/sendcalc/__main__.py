"""Allow ``python -m sendcalc``."""

from sendcalc.cli import main

main()
