"""askwinston: learn history from your own notes.

The public API lives in `askwinston.api`; the names below are the ones most callers need.
"""

from askwinston.api import ask, ask_many, build, entities, tag_file, tag_text, timeline

__all__ = ["ask", "ask_many", "build", "entities", "tag_file", "tag_text", "timeline"]
