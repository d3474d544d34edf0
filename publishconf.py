"""Publishing settings: `make publish`. The public address comes from the SITEURL environment
variable, so CI and editors never edit this file to deploy elsewhere."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "https://doankhoi.tuyenquang.example").rstrip("/")
RELATIVE_URLS = False
CANONICAL_URL = SITEURL
FEED_DOMAIN = SITEURL
DELETE_OUTPUT_DIRECTORY = True
