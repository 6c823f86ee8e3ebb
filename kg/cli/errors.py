"""The CLI's one error path: usage errors print the usage and one message (exit 2), kg's
errors one line (exit 1); --debug or KG_DEBUG=1 adds the traceback."""

from __future__ import annotations

import importlib
import os
import sys
import traceback
import warnings
from typing import Any

import typer

from kg.errors import KGError, KGWarning

from .app import app
from .output import say


def _exception_classes() -> tuple[tuple[type, ...], tuple[type, ...], tuple[type, ...], tuple[type, ...]]:
    """(usage errors, other click errors, exits, aborts) of the click typer runs on.

    typer >= 0.22 vendors click as typer._click, whose exceptions are not click's own;
    older typer raises click's. Both are caught, so an installed click of any version
    cannot let a usage error escape as a traceback."""
    usage: list[type] = []
    other: list[type] = []
    exits: list[type] = [typer.Exit]
    aborts: list[type] = [typer.Abort]
    for name in ("typer._click.exceptions", "click.exceptions"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        usage.append(module.UsageError)
        other.append(module.ClickException)
        for cls, bucket in ((getattr(module, "Exit", None), exits), (getattr(module, "Abort", None), aborts)):
            if cls is not None:
                bucket.append(cls)
    return tuple(usage), tuple(other), tuple(exits), tuple(aborts)


def _debug_requested(args: list[str]) -> tuple[bool, list[str]]:
    """Whether --debug (anywhere before a lone --) or KG_DEBUG asks for tracebacks; the args without it."""
    end = args.index("--") if "--" in args else len(args)
    debug = "--debug" in args[:end]
    if debug:
        args = [a for a in args[:end] if a != "--debug"] + args[end:]
    env = os.environ.get("KG_DEBUG", "").strip().casefold()
    return debug or env not in ("", "0", "false", "no", "off"), args


def _context_for(args: list[str]) -> Any:
    """A context for the command named in args (some parser errors carry none)."""
    command = typer.main.get_command(app)
    root = command.context_class(command, info_name="kg")
    for arg in args:
        sub = getattr(command, "commands", {}).get(arg)
        if sub is not None:
            return sub.context_class(sub, info_name=arg, parent=root)
        if not arg.startswith("-"):
            break
    return root


def _usage_error(exc: Any, args: list[str]) -> int:
    ctx = getattr(exc, "ctx", None)
    if ctx is None:
        try:
            ctx = _context_for(args)
        except Exception:  # noqa: BLE001 - the message alone is still right
            ctx = None
    if type(exc).__name__ == "NoArgsIsHelpError" and ctx is not None:
        # `kg` or a group with nothing after it: the help is the message.
        text = ctx.get_help()  # typer's rich help prints itself and returns ""
        if text:
            print(text, file=sys.stderr)
        return 2
    if ctx is not None:
        say(ctx.get_usage())
        say(f"Try '{ctx.command_path} --help' for help.")
    say(f"kg: error: {exc.format_message()}")
    return 2


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:  # noqa: ANN001
    """Print a warning as 'kg: warning: ...' (kg's) or Python's way (anyone else's)."""
    if issubclass(category, KGWarning):
        say(f"kg: warning: {message}")
    else:
        sys.stderr.write(warnings.formatwarning(message, category, filename, lineno, line))


def main(argv: list[str] | None = None) -> None:
    """Entry point: usage errors print the usage and one message (exit 2), kg errors one
    line (exit 1); --debug or KG_DEBUG=1 adds the traceback."""
    debug, args = _debug_requested(list(sys.argv[1:] if argv is None else argv))
    # kg's own warnings are one line for people, not Python's file-and-line report
    warnings.showwarning = _show_warning
    usage_errors, click_errors, exits, aborts = _exception_classes()
    command = typer.main.get_command(app)
    code = 0
    try:
        rc = command.main(args=args, prog_name="kg", standalone_mode=False)
        if isinstance(rc, int):
            code = rc
    except KGError as exc:
        if debug:
            traceback.print_exc()
        say(f"kg: error: {exc}")
        code = 1
    except usage_errors as exc:
        code = _usage_error(exc, args)
    except click_errors as exc:
        say(f"kg: error: {exc.format_message()}")
        code = int(getattr(exc, "exit_code", 1) or 1)
    except exits as exc:
        code = int(getattr(exc, "exit_code", 0) or 0)
    except aborts:
        say("kg: aborted")
        code = 1
    except KeyboardInterrupt:
        say("kg: interrupted")
        code = 130
    except BrokenPipeError:
        # The reader went away (kg query ... | head): stop quietly, and keep Python from
        # complaining when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 0
    except Exception as exc:  # noqa: BLE001 - a bug in kg: one line unless --debug
        if debug:
            traceback.print_exc()
            say(f"kg: internal error: {type(exc).__name__}: {exc}")
        else:
            first = (str(exc).strip().splitlines() or [""])[0]
            say(f"kg: internal error: {type(exc).__name__}: {first} (run again with --debug for the traceback)")
        code = 1
    if code:
        sys.exit(code)
