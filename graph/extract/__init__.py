"""Recognisers, one per kind of fact; they return plain data (no RDF)."""
