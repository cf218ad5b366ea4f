"""exclusions."""
