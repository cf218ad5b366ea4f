"""The reference guides, shipped inside the package so `sendcalc guide` works from any installed copy."""

from __future__ import annotations

from importlib import resources

from sendcalc.core.errors import InputError

TOPICS = {
    "exclusions": "suspensions, lunchtimes, permanent exclusions, review panels, totals: every option and JSON key",
    "attendance": "health absence, attendance registers, sent-home logs, part-time timetables",
    "calendars": "calendar files: a school's own dates, INSET days, closures, an academy's terms",
    "check": "case lists for advisers and councils: columns, statuses, exit codes",
}


def guide_text(topic: str) -> str:
    """The Markdown text of one guide; an unknown topic is an InputError listing the topics."""
    if topic not in TOPICS:
        raise InputError(f"there is no guide called {topic!r}; the guides are {', '.join(TOPICS)}")
    return resources.files(__package__).joinpath(f"{topic}.md").read_text(encoding="utf-8")
