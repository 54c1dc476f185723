"""Counts in the text: numbers in digits and words, vague bounds, counted nouns, breakdowns."""
