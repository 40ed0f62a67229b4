"""forcewatch: information extraction from news about UK police forces working together."""

import os

__version__ = "0.1.0"

# spaCy's small models multiply small matrices, which run faster on one BLAS thread than on
# several (measured here: about 40% more articles per second); parallelism comes from
# `--workers` processes instead. Set before numpy is imported; a user's own setting wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
