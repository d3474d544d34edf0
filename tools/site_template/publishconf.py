"""Publishing settings: `make publish`. The public address is SITEURL from the environment (a
repository variable in CI), else the one below."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403
from trangtin.publishing import *  # noqa: E402,F403

# `or`, not a default: CI passes an unset repository variable as an empty SITEURL.
SITEURL = (os.environ.get("SITEURL") or $siteurl_py).rstrip("/")
CANONICAL_URL = SITEURL
FEED_DOMAIN = SITEURL
