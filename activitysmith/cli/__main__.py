"""`python -m activitysmith.cli`: the same as the `activitysmith` command."""

import sys

from . import main

sys.exit(main())
