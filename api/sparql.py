"""SPARQL 1.1 Protocol endpoint (to be written)."""
from fastapi import APIRouter

router = APIRouter()
