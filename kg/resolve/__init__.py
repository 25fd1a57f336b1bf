"""Identity: regions, canonical names and stable IRIs."""
