"""Where the project's data folders are: inside the package, so that an installed wheel
carries them (the ontology, its SHACL shapes and the preset queries)."""
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT_DIR = PACKAGE_DIR.parent
ONTOLOGY_DIR = PACKAGE_DIR / "ontology"
