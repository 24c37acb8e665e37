"""The Lock Screen preview: the local server's root URL draws its state as an iPhone would show it.

`ActivitySmithServer` (and `python -m activitysmith.testing`, `activitysmith sandbox`)
serve the page at `http://127.0.0.1:PORT/`; it updates over Server-Sent Events after every
request. The HTML, CSS and JavaScript live in `static/`: no build step, nothing remote.
"""

from ._preview import Preview

__all__ = ["Preview"]
