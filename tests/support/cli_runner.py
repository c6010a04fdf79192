"""Run `winston` in-process for tests: exit code, stdout and stderr."""

from __future__ import annotations

from click.testing import CliRunner

from askwinston.cli import main


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr
