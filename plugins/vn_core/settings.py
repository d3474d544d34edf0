"""Reading a plugin's settings: the site's value, else the plugin's default. Each plugin keeps its
defaults in one DEFAULTS dict with its prefix; settings are read, never written back."""


def setting(settings, name: str, defaults: dict):
    return settings.get(name, defaults[name])


def browser_editor_wanted(settings) -> bool:
    """/admin/ (plugins/cms) is written when CMS_ADMIN is on; when publishing (trangtin.publishing sets
    CMS_ADMIN_NEEDS_BACKEND) only if editors have a git host to sign in to (CMS_BACKEND): without one the
    page could do nothing online, and its 6 MB would be uploaded on every publish for no one."""
    if not settings.get("CMS_ADMIN", True):
        return False
    return bool(settings.get("CMS_BACKEND")) or not settings.get("CMS_ADMIN_NEEDS_BACKEND", False)
