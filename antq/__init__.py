"""antq-kg: a knowledge graph of the 'Toàn dân bảo vệ an ninh Tổ quốc' movement.

The code is laid out by stage, and data flows one way:
``antq.graph`` (corpus → extraction → RDF → validation) → ``antq.api`` (serving).
"""

__version__ = "0.1.0"
