"""Runtime assets, shipped as the package ``safenote.resources``.

Load them with :func:`safenote.core.resources.resource_path` or
:func:`safenote.core.resources.read_text`; never by a path relative to the source tree.
"""
