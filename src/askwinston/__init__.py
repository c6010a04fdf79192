"""askwinston: learn history from your own notes."""
