"""Stage 3, fill slots: each slot of an event (place, date, numbers, actors, weapon) in its own module."""
