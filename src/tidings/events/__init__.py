"""Events in ACLED's ontology, from dependency patterns over the parse (rules in rules.toml)."""
