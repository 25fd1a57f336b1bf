"""RDF: the vocabulary, turning extractions into quads, and the triple store."""
