"""The REST API, search, network export and linked data: one router per resource, gathered here so app.py mounts a single router.

Every handler queries through ``app.state.engine`` with request values bound, never pasted
into SPARQL; every GET answers with an ETag derived from the graph version (see
``rest_common.CachedRoute``).
"""

from __future__ import annotations

from fastapi import APIRouter

from antq.api import linked_data, network, rest_documents, rest_facts, rest_meetings, rest_orgs, rest_people, rest_programmes, search

router = APIRouter()
for _module in (rest_programmes, rest_orgs, rest_people, rest_meetings, rest_facts, rest_documents, search, network, linked_data):
    router.include_router(_module.router)
