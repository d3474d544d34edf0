"""The command-line tools (`trangtin.tools`): run as scripts from a checkout (`python tools/newpost.py`,
`py tools\\newpost.py`) or as modules (`python -m trangtin.tools.newpost`)."""

from pathlib import Path


def site_folder() -> Path:
    """The site a command works on when not told: the folder it runs in when that holds a pelicanconf.py
    (a site made by `make new-site`, or this checkout), else the checkout these tools are in
    (`py tools\\newpost.py` started from elsewhere)."""
    here = Path.cwd()
    checkout = Path(__file__).resolve().parent.parent
    if (here / "pelicanconf.py").is_file() or not (checkout / "pelicanconf.py").is_file():
        return here
    return checkout
