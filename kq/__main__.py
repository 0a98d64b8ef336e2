import sys

from kq.cli import main

sys.exit(main())
