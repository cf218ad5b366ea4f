"""A child's whole record: formal suspensions, a permanent exclusion, times sent home, internal exclusions,
health absence and part-time timetables, read from one file and added up together (`sendcalc record`)."""
