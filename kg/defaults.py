"""The defaults every entry point shares, in one place: the command line shows them in
its --help, the Python API takes them as keyword defaults, the readers and the query
runner enforce them."""

DEFAULT_MAX_BYTES = 50 * 1024 * 1024  # a larger input file is skipped (a .docx: the size its parts inflate to)
DEFAULT_TIMEOUT = 60.0                # seconds a query may run
DEFAULT_MAX_ROWS = 100_000            # rows a query returns
DEFAULT_MAX_MEMORY_MB = 2048          # memory a query may take beyond what the process holds already
QUERY_OUTPUT_FORMATS = ("table", "csv", "tsv", "json")  # what kg.sparql.format_result writes

# the package's version (pyproject.toml's), here where every layer may read it: kg.__version__ is this
VERSION = "0.1.0"
