"""Reading a plugin's settings: the site's value, else the plugin's default. Each plugin keeps its
defaults in one DEFAULTS dict with its prefix; settings are read, never written back."""


def setting(settings, name: str, defaults: dict):
    return settings.get(name, defaults[name])
