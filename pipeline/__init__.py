"""forcewatch: information extraction from news about UK police forces working together."""

__version__ = "0.1.0"
