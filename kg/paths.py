"""Where the project's data folders are: inside the package, so that an installed wheel
carries them (the ontology, its SHACL shapes and the preset queries)."""
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT_DIR = PACKAGE_DIR.parent
ONTOLOGY_DIR = PACKAGE_DIR / "ontology"
# the words of responsibility clauses: read by the relation rules, and by the page
# cleaner, which never drops a label line a rule reads (a file, so ingest needs no extractor)
RESPONSIBILITY_DATA = PACKAGE_DIR / "extract" / "data" / "responsibility.json"
# the grammar of values: its units are also what a table's unit cell may be (kg.ingest.indicator_tables)
QUANTITIES_DATA = PACKAGE_DIR / "extract" / "data" / "quantities.json"
