"""The RDF formats the graph is read and written in, by name: a light module, so that
the command line lists them without loading the store."""

RDF_FORMATS = ("turtle", "trig", "nt", "nquads", "jsonld")  # their names, in the order exports list them
ALIASES = {"ttl": "turtle", "ntriples": "nt", "nq": "nquads", "json-ld": "jsonld"}
SUFFIX_FORMAT = {".ttl": "turtle", ".trig": "trig", ".nt": "nt", ".nq": "nquads", ".jsonld": "jsonld", ".json": "jsonld"}
QUAD_FORMATS = {"trig", "nquads", "nq"}  # formats with named graphs
