"""The C++ text the generator writes lives in templates/*.in (string.Template: ${name} is filled in);
the Python here only decides what goes into them. Spec-independent C++ lives in sdk/src/support/."""

import os
import string

DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates")
_cache = {}


def render(template_name, **values):
    """Fills templates/<name>.in; every ${placeholder} must be given (a KeyError otherwise)."""
    t = _cache.get(template_name)
    if t is None:
        with open(os.path.join(DIR, template_name + ".in"), encoding="utf-8") as f:
            t = _cache[template_name] = string.Template(f.read())
    return t.substitute(values)
