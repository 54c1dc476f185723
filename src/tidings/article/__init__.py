"""Article-level cleaning: title, publication date, page furniture."""
