"""The Lock Screen preview's tests. A package, so the browser its tests share closes when they
are done: Playwright's sync API keeps an event loop running on the main thread while it is
open, and the async tests that follow need that thread's loop free."""
