"""`python -m staffdesk.cli`: the same as the `staffdesk` command."""

import sys

from staffdesk.cli import main

sys.exit(main())
