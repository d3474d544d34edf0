"""The command-line tools (`trangtin.tools`): run as scripts from a checkout (`python tools/newpost.py`,
`py tools\\newpost.py`) or as modules (`python -m trangtin.tools.newpost`)."""
