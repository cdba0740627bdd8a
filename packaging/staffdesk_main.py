"""The bundle's entry point: the same as the `staffdesk` command of the wheel."""

import sys

from staffdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
