"""Ontology, SHACL shapes and competency queries, shipped as package data."""
