"""sendcalc: statutory school-day dates for SEND families and advisers in England.

The package root stays import-light so the command line starts fast; import the
pieces you need from their modules (``sendcalc.calendar`` and friends).
"""

__version__ = "0.1.0"
