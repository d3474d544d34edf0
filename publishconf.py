"""Publishing settings: `make publish`. The public address comes from the SITEURL environment
variable, so CI and editors never edit this file to deploy elsewhere."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403
from trangtin.publishing import *  # noqa: E402,F403

# `or`, not a default: CI passes an unset repository variable as an empty SITEURL.
SITEURL = (os.environ.get("SITEURL") or "https://doankhoi.tuyenquang.example").rstrip("/")
CANONICAL_URL = SITEURL
FEED_DOMAIN = SITEURL
