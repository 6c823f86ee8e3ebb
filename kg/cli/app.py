"""The typer app, the options the commands share, and the helpers every command group uses."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Callable, Optional

import typer

from kg.errors import KGError

from .help import KGCommand, KGGroup, examples_epilog
from .output import out, say

app = typer.Typer(
    cls=KGGroup,
    help="Build a knowledge graph from news articles and explore it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


StoreOpt = Annotated[str, typer.Option("--store", metavar="STORE", help="Store folder, 'memory', or sparql+http://host:port")]
ModelOpt = Annotated[Optional[str], typer.Option("--model", metavar="MODEL", help="spaCy pipeline package name")]
FormatOpt = Annotated[str, typer.Option("--format", metavar="FORMAT", help="table, csv, tsv, json or md")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON")]
WaitOpt = Annotated[float, typer.Option("--wait", metavar="SECONDS", help="Seconds to wait for a store another process is writing to")]
DEFAULT_WAIT = 60.0


def command(*examples: str, name: str | None = None) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a kg command: clean help, and these examples at the end of its --help."""
    return app.command(cls=KGCommand, name=name, epilog=examples_epilog(examples))


def package_version(distribution: str) -> str | None:
    """The installed version of a distribution, or None."""
    from importlib import metadata

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def _print_version(value: bool) -> None:
    if value:
        out.print(f"kg {package_version('kg') or 'unknown'} (kg info for the model, store and libraries)")
        raise typer.Exit()


@app.callback()
def _root(
    debug: Annotated[bool, typer.Option("--debug", help="On an error, show the Python traceback too (or set KG_DEBUG=1)")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True,
                                          help="Print kg's version and exit")] = False,
) -> None:
    """Build a knowledge graph from news articles and explore it."""
    # --debug is taken out of the arguments by main() (so it works after a command too);
    # it is declared here so that `kg --help` lists it.


def open_writer(store: str, wait: float, create: bool = True):  # noqa: ANN202
    """Open the store for writing, waiting up to `wait` seconds (with notes on stderr) while
    another process writes to it."""
    from kg.store import open_store

    if wait < 0:
        raise KGError("--wait must be 0 or more seconds")
    said = [-1.0]

    def waiting(seconds: float) -> None:
        if said[0] < 0:
            say(f"kg: store {store} is open for writing by another process; waiting up to {wait:g} s (--wait)")
            said[0] = 0.0
        elif seconds - said[0] >= 10:
            say(f"kg: still waiting for store {store} ({seconds:.0f} s)")
            said[0] = seconds

    return open_store(store, create=create, wait=wait, on_wait=waiting)


def query_text(arg: str) -> str:
    """The query itself, or the text of the file it names."""
    try:
        is_file = "\n" not in arg and len(arg) < 4096 and Path(arg).is_file()
    except OSError:  # a long one-line query is no file name ("File name too long")
        is_file = False
    return Path(arg).read_text(encoding="utf-8") if is_file else arg
