"""Publishing settings: `make publish`. The public address is SITEURL from the environment (a
repository variable in CI), else the one below."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403
from trangtin.publishing import *  # noqa: E402,F403
from trangtin.vn_core.siteurl import public_siteurl  # noqa: E402

# The SITEURL environment variable when set (CI: the repository variable), else this site's address.
# An empty or sample address stops `make publish` with a message saying where to set it.
SITEURL = public_siteurl(os.environ.get("SITEURL"), $siteurl_py)
CANONICAL_URL = SITEURL
FEED_DOMAIN = SITEURL
