"""Query service: SPARQL 1.1 endpoint, REST API, linked data and the web explorer."""
