"""Renderers: pure functions from result objects to text (table, JSON, CSV, iCalendar)."""
