"""Publishing settings: `make publish`. The public address comes from the SITEURL environment
variable, so CI and editors never edit this file to deploy elsewhere."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403
from trangtin.publishing import *  # noqa: E402,F403
from trangtin.vn_core.siteurl import public_siteurl  # noqa: E402

# The public address: the SITEURL environment variable (CI: the repository variable). A site may write
# its own as the second argument. None (or a placeholder such as an `example` domain) stops the build
# with a message saying where to set it: canonical links, feeds and the sitemap are never guessed.
SITEURL = public_siteurl(os.environ.get("SITEURL"), "")
CANONICAL_URL = SITEURL
FEED_DOMAIN = SITEURL
