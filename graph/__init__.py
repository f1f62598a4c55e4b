"""Extraction and graph building: corpus → records → RDF → SHACL."""
