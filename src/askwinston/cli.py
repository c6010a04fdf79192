"""`winston`: a thin command-line shell over the askwinston library.

Each command parses its arguments, calls the library, and prints — a Rich table for people, JSON
with `--json`. Library errors become one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterable
from typing import Any, TextIO, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from askwinston import api
from askwinston.errors import AskWinstonError
from askwinston.export import FORMATS

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
        table.add_row(r["display"], r["event"], f"{r['source'].rsplit('/', 1)[-1]}:{r['line']}")
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


# --- study: cards, quiz, export -------------------------------------------------------------

RATING_KEYS = {"1": 1, "2": 2, "3": 3, "4": 4}


@main.command()
@db_option
@json_option
@click.option("--gate", "gated", is_flag=True,
              help="Only cards the ask engine answers back from their line; report the rate.")
def cards(db: str, as_json: bool, gated: bool) -> None:
    """The study cards generated from the notes, each with its source line."""
    rows = api.cards(db, gated=gated)
    if gated:
        report = api.gate_report(db)
        err.print(f"gate: {report['passed']}/{report['checked']} question cards answered back "
                  f"from their line ({report['rate']:.0%})")
    if as_json:
        print_json(rows)
        return
    table = Table("kind", "question", "answer", "line")
    for r in rows:
        table.add_row(r["kind"], r["question"], r["answer"], f"{r['source']}:{r['line']}")
    out.print(table)


def _show_card(card: Any, console: Console) -> None:
    console.rule(f"[dim]{card.kind} · {card.source}:{card.line}[/]")
    console.print(f"[bold]{card.question}[/]")
    if card.kind == "whoswho":
        for i, pair in enumerate(card.options, 1):
            console.print(f"  {i}. {pair.split(' — ', 1)[0]}")
        console.print("[dim]Roles (type their letters in the order of the people):[/]")
    from askwinston.study.session import shown_options

    shown = shown_options(card)
    for i, option in enumerate(shown):
        key = chr(97 + i) if card.kind == "whoswho" else str(i + 1)
        console.print(f"  [cyan]{key}[/]) {option}")
    if card.kind == "order":
        console.print("[dim]Type the numbers, earliest first (e.g. 3142).[/]")


def interval_text(days: float) -> str:
    """0.007 → '10 minutes', 0.5 → '12 hours', 3.0 → '3 days'."""
    minutes = round(days * 24 * 60)
    if minutes < 60:
        return f"{max(1, minutes)} minute{'s' if minutes != 1 else ''}"
    if minutes < 24 * 60:
        hours = round(minutes / 60)
        return f"{hours} hour{'s' if hours != 1 else ''}"
    whole = round(days)
    return f"{whole} day{'s' if whole != 1 else ''}"


def _review_one(session: Any, card: Any, console: Console, read: Callable[[str], str]) -> bool:
    """Ask one card and record the rating; False when the learner typed nothing to stop."""
    _show_card(card, console)
    started = time.monotonic()
    given = read("Your answer (Enter to reveal): ")
    correct = session.check_answer(card, given) if given.strip() else False
    mark = "[green]✓ right[/]" if correct else "[red]✗[/]" if given.strip() else "[dim]—[/]"
    console.print(f"{mark}  [bold]{card.answer}[/]")
    console.print(f"[dim]{card.source}:{card.line}  {card.sentence}[/]")
    suggested = "3" if correct else "1"
    while True:
        key = read(f"Again 1 · Hard 2 · Good 3 · Easy 4 [{suggested}]: ").strip() or suggested
        if key in RATING_KEYS:
            break
    duration = int((time.monotonic() - started) * 1000)
    result = session.review(card.id, RATING_KEYS[key], given, duration)
    console.print(f"[dim]next due {result['due'][:16].replace('T', ' ')} UTC "
                  f"(in {interval_text(result['interval_days'])})[/]")
    return True


def run_quiz(session: Any, console: Console, read: Callable[[str], str],
             limit: int | None) -> int:
    """Review until nothing is left, `limit` is reached, or the learner stops (Ctrl-C, EOF).

    Every rated card is committed before the next is shown, so stopping loses nothing recorded.
    """
    done = 0
    try:
        while limit is None or done < limit:
            card = session.next_card()
            if card is None:
                console.print("[green]Nothing more due today.[/]")
                break
            _review_one(session, card, console, read)
            done += 1
    except (KeyboardInterrupt, EOFError):
        console.print()
        console.print("[yellow]Stopped.[/]")
    p = session.progress()
    console.print(f"{done} reviewed this session · {p['due_today']} due today · "
                  f"{p['new_today']} new left · streak {p['streak_days']} "
                  f"day{'s' if p['streak_days'] != 1 else ''}")
    return done


@main.command()
@db_option
@click.option("--limit", type=click.IntRange(min=1), help="Stop after this many cards.")
@click.option("--new", "new_per_day", type=click.IntRange(min=0), default=20, show_default=True,
              help="New cards a day.")
def quiz(db: str, limit: int | None, new_per_day: int) -> None:
    """Review cards in the terminal: due ones first, then new ones (scheduled by FSRS).

    Type an answer (or an option number), then rate yourself 1-4. Stop any time with Ctrl-C
    or Ctrl-D: every rated card is already saved.
    """
    from askwinston.study.session import StudySession  # spaCy: only when quizzing

    session = StudySession(db, new_per_day=new_per_day)
    run_quiz(session, out, lambda prompt: out.input(prompt), limit)


@main.command()
@click.argument("fmt", metavar="FORMAT", type=click.Choice(FORMATS))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The file to write.")
@click.option("--title", help="Deck or quiz title (default: the notes' title).")
@db_option
def export(fmt: str, output: str, title: str | None, db: str) -> None:
    """Write the cards (or the timeline) for another tool: anki (.apkg), quizlet, gift,
    moodle-xml, timelinejs (JSON), csv, markdown."""
    count = api.export(db, fmt, output, title)
    err.print(f"wrote {output} ({fmt}, {count} cards)")


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
