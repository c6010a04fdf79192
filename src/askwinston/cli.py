"""`winston`: a thin command-line shell over the askwinston library.

Each command parses its arguments, calls the library, and prints — a Rich table for people, JSON
with `--json`. Library errors become one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from typing import Any, TextIO, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from askwinston import api
from askwinston.errors import AskWinstonError

DEFAULT_DB = "winston.db"
PROGRESS_AFTER_WORDS = 5_000
"""Builds smaller than this finish in well under a second: no progress bar."""

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False)
F = TypeVar("F", bound=Callable[..., Any])


def db_option(func: F) -> F:
    return click.option(
        "--db",
        default=DEFAULT_DB,
        show_default=True,
        type=click.Path(),
        help="The knowledge base file.",
    )(func)


def json_option(func: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Machine-readable JSON on stdout.")(
        func
    )


def print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


class WinstonGroup(click.Group):
    """Turns library errors into one-line messages and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except AskWinstonError as exc:
            err.print(f"[bold red]error:[/] {exc}", markup=True, highlight=False)
            sys.exit(1)
        except KeyboardInterrupt:
            err.print("interrupted: nothing was changed")
            sys.exit(130)


@click.group(cls=WinstonGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="askwinston")
def main() -> None:
    """askwinston: learn history from your own notes.

    Build a knowledge base from notes, then read the timeline and who's who, ask questions with
    answers that cite their line, and test yourself.
    """


def _progress_bar(total_words: int) -> tuple[Progress | None, Callable[[int], None] | None]:
    if total_words < PROGRESS_AFTER_WORDS or not err.is_terminal:
        return None, None
    bar = Progress(
        TextColumn("analysing"),
        BarColumn(),
        TextColumn("{task.completed:,} words"),
        TimeRemainingColumn(),
        console=err,
        transient=True,
    )
    task = bar.add_task("build", total=total_words)
    return bar, lambda words: bar.advance(task, words)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@db_option
@json_option
def build(paths: tuple[str, ...], db: str, as_json: bool) -> None:
    """Read notes (files or folders) and build the knowledge base.

    Files that cannot be read are reported and skipped; the rest are built. The old knowledge
    base stays intact if the build fails or is interrupted, and study progress is kept.
    """
    read = api.read(paths)
    for problem in read.problems:
        err.print(f"[yellow]skipped:[/] {problem}", markup=True, highlight=False)
    words = sum(len(s.text.split()) for s in read.sources)
    bar, progress = _progress_bar(words)
    if bar is not None:
        with bar:
            report = api.build_sources(read.sources, db, [str(p) for p in read.problems], progress)
    else:
        report = api.build_sources(read.sources, db, [str(p) for p in read.problems], progress)
    if as_json:
        print_json(report.stats)
        return
    s = report.stats
    out.print(
        f"Built {db}: {s['documents']} documents, {s['sentences']} sentences, "
        f"{s['dates']} dates, {s['people']} people, {s['entities']} entities, "
        f"{s['quantities']} numbers, {s['quotes']} quotes, {s['events']} events."
    )


@main.command()
@click.argument("file", type=click.Path())
@click.option("--dct", help="Document creation date (YYYY-MM-DD) for 'yesterday', 'last year'.")
@json_option
def dates(file: str, dct: str | None, as_json: bool) -> None:
    """Tag the time expressions of one text file (no knowledge base needed)."""
    found = api.tag_file(file, dct)
    if as_json:
        print_json(found)
        return
    table = Table("line", "text", "type", "value", "mod")
    for d in found:
        table.add_row(str(d["line"]), d["text"], d["type"], d["value"], d["mod"] or "")
    out.print(table)


@main.command()
@db_option
@json_option
@click.option(
    "--all",
    "include_all",
    is_flag=True,
    help="Also events whose date is inherited from an earlier line.",
)
def timeline(db: str, as_json: bool, include_all: bool) -> None:
    """Dated events in chronological order, each with its line."""
    rows = api.timeline(db, include_inherited=include_all)
    if as_json:
        print_json(rows)
        return
    table = Table("date", "event", "where in the notes")
    for r in rows:
        table.add_row(r["display"], r["event"], f"{r['source']}:{r['line']}")
    out.print(table)


def _print_entities(rows: Iterable[dict[str, Any]]) -> None:
    table = Table("name", "kind", "also written", "roles", "fate", "lines")
    for r in rows:
        table.add_row(
            r["name"],
            r["kind"],
            ", ".join(dict.fromkeys(r["aliases"] + r["variants"])),
            "; ".join(f["text"] for f in r["roles"][:2]),
            "; ".join(f["text"] for f in r["fates"][:2]),
            ", ".join(str(n) for n in r["lines"][:12]),
        )
    out.print(table)


def _entity_json(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    keys = (
        "name",
        "kind",
        "aliases",
        "variants",
        "source",
        "lines",
        "roles",
        "fates",
        "description",
        "mentions",
    )
    return [{k: r[k] for k in keys} for r in rows]


@main.command()
@db_option
@json_option
def people(db: str, as_json: bool) -> None:
    """Who's who: the people in the notes, with spellings, roles, fate and lines."""
    rows = api.entities(db, "person")
    print_json(_entity_json(rows)) if as_json else _print_entities(rows)


@main.command()
@db_option
@json_option
@click.option("--kind", type=click.Choice(["person", "org", "place", "group"]))
def entities(db: str, as_json: bool, kind: str | None) -> None:
    """People, organisations, places and groups named in the notes."""
    rows = api.entities(db, kind)
    print_json(_entity_json(rows)) if as_json else _print_entities(rows)


def _split_arguments(words: tuple[str, ...]) -> tuple[str, ...]:
    """`ask "When was X?" "Who was Y?"` is two questions; `ask when did kirov die` is one."""
    if any(" " in w for w in words):
        return words
    return (" ".join(words),) if words else ()


def _question_of(line: str) -> str:
    """A line of a questions file: plain text, or JSON with a "question" key."""
    line = line.strip()
    if line.startswith("{"):
        try:
            return str(json.loads(line).get("question", ""))
        except (ValueError, AttributeError):
            return line
    return line


def _questions(given: tuple[str, ...], stream: TextIO | None) -> list[str]:
    qs = list(given)
    if stream is not None:
        qs.extend(q for q in map(_question_of, stream) if q)
    return qs


@main.command()
@click.argument("question", nargs=-1)
@click.option(
    "--questions",
    "questions_file",
    type=click.File("r", encoding="utf-8"),
    help="A file of questions, one a line (or JSON Lines with a 'question'); - for stdin.",
)
@db_option
@json_option
def ask(question: tuple[str, ...], questions_file: TextIO | None, db: str, as_json: bool) -> None:
    """Answer questions from the notes, citing the line; say so when the notes don't."""
    qs = _questions(_split_arguments(question), questions_file)
    if not qs:
        raise click.UsageError("give a question, or --questions FILE")
    for result in api.ask_many(db, qs):
        if as_json:
            click.echo(json.dumps(result, ensure_ascii=False))
            continue
        out.print(f"[bold]Q:[/] {result['question']}")
        if result.get("error"):
            out.print(f"[red]{result['error']}[/]")
        elif result["answer"] is None:
            out.print("[yellow]The notes don't say.[/]")
        else:
            out.print(
                f"[bold]A:[/] {result['answer']}  [dim](confidence {result['confidence']:.2f})[/]"
            )
            for c in result["citations"]:
                out.print(f"   [dim]{c['source']}:{c['line']}[/]  {c['text']}")
        out.print()


@main.command()
@db_option
@json_option
def check(db: str, as_json: bool) -> None:
    """Consistency report: spelling variants of one name, conflicting dates or numbers, undated
    events in a dated sequence — each with the lines to look at."""
    found = api.check(db)
    if as_json:
        print_json(found)
        return
    if not found:
        out.print("No inconsistencies found.")
    for f in found:
        out.print(f"[bold]{f['kind']}[/]: {f['message']}")
        for line in f["lines"]:
            out.print(f"   [dim]{line['source']}:{line['line']}[/]  {line['text']}")


@main.command()
@click.argument("source", type=click.Path(exists=True))
@click.option("-o", "--output", type=click.Path(), required=True, help="Markdown file to write.")
def amalgamate(source: str, output: str) -> None:
    """Rescue a saved website (folder, ZIP, WARC) as one Markdown file of notes.

    Pages follow the site's own menu order, menus, footers and repeated boilerplate are dropped,
    and each section keeps a provenance line naming the page it came from.
    """
    site, problems = api.amalgamate(source, output)
    for problem in problems:
        err.print(f"[yellow]skipped:[/] {problem}", markup=True, highlight=False)
    sections = sum(1 for line in site.lines if line.text.startswith("# "))
    out.print(f"Wrote {output}: {sections} pages, {len(site.lines)} lines.")


# --- web: `serve` and `site` -------------------------------------------------------------------


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (127.0.0.1: only this computer can connect).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on.")
@db_option
def serve(host: str, port: int, db: str) -> None:
    """The local web app: topics, timeline, who's who, ask, study and check."""
    import uvicorn

    from askwinston.web.app import create_app

    app = create_app(db, host=host)
    shown = f"[{host}]" if ":" in host else host
    out.print(f"askwinston is at http://{shown}:{port}/  (Ctrl+C to stop)")
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"[yellow]warning:[/] listening on {host}: other computers can reach it",
                  markup=True, highlight=False)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@main.command()
@click.option("-o", "--output", "folder", required=True, type=click.Path(file_okay=False),
              help="Folder to write the site into (created if missing).")
@db_option
@json_option
def site(folder: str, db: str, as_json: bool) -> None:
    """A static copy of the site that works from file:// and from any web server."""
    from askwinston.site import build_site

    report = build_site(db, folder)
    if as_json:
        print_json(report)
        return
    out.print(f"Wrote {report['pages']} pages to {folder}; open {report['index']}")


if __name__ == "__main__":  # pragma: no cover
    main()
