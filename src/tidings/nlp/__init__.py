"""spaCy loading and the one module (:mod:`tidings.nlp.convert`) that turns spaCy objects
into the model."""
