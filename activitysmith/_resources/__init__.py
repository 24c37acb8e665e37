"""One module per API area, each with a sync and an async class of the same shape."""
