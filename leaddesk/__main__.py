"""`python -m leaddesk` is the same as the `leaddesk` command."""

import sys

from leaddesk.cli import main

sys.exit(main())
