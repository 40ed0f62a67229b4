"""The analyst's review window: corrections to extracted facts, and the gold files made from them."""
