"""Named errors: each message names the file (or key) and the problem, so a user can act on it."""

from __future__ import annotations


class AskWinstonError(Exception):
    """Base class: the CLI turns these into one-line messages and a non-zero exit."""


class UnreadableSource(AskWinstonError):
    """A file that cannot be read as notes (missing, binary, wrong format, corrupt, too large)."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class EmptyNotes(UnreadableSource):
    """A file with no text in it."""

    def __init__(self, path: str) -> None:
        super().__init__(path, "the file is empty (no text to read)")


class SourceTooLarge(UnreadableSource):
    """A file or archive over the size cap."""

    def __init__(self, path: str, size: int, limit: int) -> None:
        super().__init__(path, f"too large ({size:,} bytes; the limit is {limit:,} bytes)")


class NoKnowledgeBase(AskWinstonError):
    """The knowledge base file does not exist yet."""

    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(f"{path}: no knowledge base here; run `winston build NOTES` first")


class NotAKnowledgeBase(AskWinstonError):
    """A file that is not an askwinston knowledge base (or is damaged); never overwritten."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        super().__init__(
            f"{path}: not an askwinston knowledge base ({problem}); refusing to touch it"
        )


class NothingToBuild(AskWinstonError):
    """Every input was refused, so there is nothing to build."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        detail = "; ".join(problems) if problems else "no input files"
        super().__init__(f"nothing to build: {detail}")


class BadQuestion(AskWinstonError):
    """A question that cannot be asked (empty, or far too long)."""


class UnknownFormat(AskWinstonError):
    """An export format we do not write."""

    def __init__(self, name: str, known: tuple[str, ...]) -> None:
        super().__init__(f"unknown export format {name!r}; use one of: {', '.join(known)}")


class BadRating(AskWinstonError, ValueError):
    """A review rating outside 1 (Again) .. 4 (Easy)."""

    def __init__(self, rating: object) -> None:
        super().__init__(f"rating {rating!r}: use 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)")
