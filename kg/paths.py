"""Where the project's data folders are."""
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT_DIR = PACKAGE_DIR.parent
ONTOLOGY_DIR = ROOT_DIR / "ontology"
if not ONTOLOGY_DIR.exists():  # installed without the source tree
    ONTOLOGY_DIR = PACKAGE_DIR / "ontology"
