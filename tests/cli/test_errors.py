"""One error path for the whole CLI, driven through the real `kg` command in subprocesses.

Usage errors (missing, extra, unknown or malformed arguments) print the usage line and one
message and exit 2; kg's own errors print one line and exit 1; --debug or KG_DEBUG=1 adds
the traceback. Every subcommand is enumerated from the app itself, so a new command is
covered without editing this file. None of these cases loads a spaCy pipeline.
"""

from __future__ import annotations

import os
import subprocess
import sys
import typing
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import typer.main

from kg.cli import app

ROOT = Path(__file__).resolve().parent.parent.parent
KG = [sys.executable, "-m", "kg"]
COMMAND = typer.main.get_command(app)
NAMES = sorted(COMMAND.commands)
# Commands that may create a store; every other one must leave a missing store missing.
CREATORS = {"build", "import"}
# Reports what is installed; a missing store is one of the things it reports, not an error.
REPORTERS = {"info"}


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if k != "KG_DEBUG"}
    full_env.update(env or {})
    return subprocess.run([*KG, *args], capture_output=True, text=True, cwd=cwd, timeout=120, env=full_env)


def run_all(cases: list[list[str]], cwd: Path) -> list[subprocess.CompletedProcess]:
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(lambda a: run(a, cwd), cases))


def params(name: str) -> tuple[list, list]:
    command = COMMAND.commands[name]
    arguments = [p for p in command.params if p.param_type_name == "argument"]
    options = [p for p in command.params if p.param_type_name == "option" and not p.hidden]
    return arguments, options


def takes_a_number(option) -> bool:  # noqa: ANN001
    kind = getattr(option, "type", None)
    if kind is not None:  # click's own parameters
        return getattr(kind, "name", "") in ("integer", "float")
    annotation = option.type_descriptor.annotation  # typer's vendored click
    return annotation in (int, float) or bool({int, float} & set(typing.get_args(annotation)))


def required_args(name: str) -> list[str]:
    arguments, _ = params(name)
    return ["x"] * sum(1 for a in arguments if a.required)


def is_usage_error(res: subprocess.CompletedProcess, name: str, words: str) -> None:
    where = f"kg {name}: rc={res.returncode}\n{res.stderr}"
    assert res.returncode == 2, where
    assert "Traceback" not in res.stderr and "Traceback" not in res.stdout, where
    lines = res.stderr.strip().splitlines()
    assert lines[0].startswith(f"Usage: kg {name}"), where
    errors = [line for line in lines if line.startswith("kg: error:")]
    assert len(errors) == 1 and words.casefold() in errors[0].casefold(), where
    assert len(lines) == 3, where  # usage, "Try 'kg X --help'", the message


def test_every_command_is_enumerated():
    assert {"build", "query", "path", "render", "export", "import", "serve", "eval"} <= set(NAMES)


def test_missing_arguments_are_usage_errors(tmp_path):
    names = [n for n in NAMES if required_args(n)]
    assert len(names) >= 8
    for name, res in zip(names, run_all([[n] for n in names], tmp_path)):
        is_usage_error(res, name, "missing argument")


def test_unknown_options_are_usage_errors(tmp_path):
    cases = [[n, *required_args(n), "--no-such-option"] for n in NAMES]
    for name, res in zip(NAMES, run_all(cases, tmp_path)):
        is_usage_error(res, name, "no such option")


def test_extra_arguments_are_usage_errors(tmp_path):
    # Commands with a variadic or optional trailing argument take more words; the rest refuse them.
    names = [n for n in NAMES if all(a.nargs == 1 and a.required for a in params(n)[0])]
    assert "stats" in names and "path" in names
    cases = [[n, *required_args(n), "extra1", "extra2", "extra3"] for n in names]
    for name, res in zip(names, run_all(cases, tmp_path)):
        is_usage_error(res, name, "unexpected extra argument")


def test_malformed_numbers_are_usage_errors(tmp_path):
    cases, names = [], []
    for name in NAMES:
        for option in params(name)[1]:
            if takes_a_number(option):
                cases.append([name, *required_args(name), option.opts[0], "not-a-number"])
                names.append(name)
    assert {"render", "central", "build", "serve", "support"} <= set(names)
    for name, res in zip(names, run_all(cases, tmp_path)):
        is_usage_error(res, name, "invalid value")


def test_options_without_their_value_are_usage_errors(tmp_path):
    names = [n for n in NAMES if "--store" in {o for p in params(n)[1] for o in p.opts}]
    cases = [[n, *required_args(n), "--store"] for n in names]
    for name, res in zip(names, run_all(cases, tmp_path)):
        is_usage_error(res, name, "requires an argument")


def test_unknown_command_and_no_command(tmp_path):
    res = run(["nosuch"], tmp_path)
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert res.stderr.splitlines()[0].startswith("Usage: kg")
    assert "kg: error: No such command 'nosuch'" in res.stderr
    bare = run([], tmp_path)
    assert bare.returncode == 2 and "Traceback" not in bare.stdout + bare.stderr
    assert "Usage: kg" in bare.stdout + bare.stderr and "build" in bare.stdout + bare.stderr


@pytest.mark.slow  # twenty processes that only render help
def test_help_works_for_every_command(tmp_path):
    for name, res in zip(NAMES, run_all([[n, "--help"] for n in NAMES], tmp_path)):
        assert res.returncode == 0, (name, res.stderr)
        assert f"kg {name}" in res.stdout
        examples = res.stdout.split("Examples:")
        assert len(examples) == 2 and f"kg {name} " in examples[1], (name, res.stdout)
        if name == "build":
            assert all(kind in res.stdout for kind in (".md", ".html", ".jsonl", "stdin"))
        # names as click writes them: no "<bool>", "<str>", "<list[str]>" or "{paths}..."
        before = examples[0]
        assert "<" not in before and "{" not in before, (name, res.stdout)
    shown = ("build", "eval", "render")
    helps = dict(zip(shown, run_all([[n, "--help"] for n in shown], tmp_path)))
    assert "Usage: kg build [OPTIONS] PATHS..." in helps["build"].stdout
    assert "Usage: kg eval [OPTIONS] GOLD [ARTICLE]" in helps["eval"].stdout
    lines = {line.split()[1]: line for line in helps["render"].stdout.splitlines() if line.startswith("│ --")}
    assert lines["--force"].split()[2] == "Overwrite" and lines["--store"].split()[2] == "STORE"
    assert lines["--depth"].split()[2] == "N" and lines["--path"].split()[2:4] == ["A", "B"]


def test_commands_on_a_missing_store_say_so_and_create_nothing(tmp_path):
    """Every command that reads a store, given one that does not exist: one line, exit 1."""
    store = tmp_path / "typo"
    args = {"query": ["ASK {}"], "update": ["INSERT DATA { <urn:a> <urn:b> 1 }"], "remove": ["abc"],
            "path": ["A", "B"], "neighbours": ["A"], "export": [str(tmp_path / "out.nq")]}
    names = [n for n in NAMES if n not in CREATORS | REPORTERS and "--store" in
             {o for p in params(n)[1] for o in p.opts}]
    assert {"remove", "update", "query", "docs", "stats", "serve", "export", "support"} <= set(names)
    cases = [[n, *args.get(n, required_args(n)), "--store", str(store)] for n in names]
    for name, res in zip(names, run_all(cases, tmp_path)):
        where = f"kg {name}: rc={res.returncode}\n{res.stderr}"
        assert res.returncode == 1 and "Traceback" not in res.stderr, where
        assert len(res.stderr.strip().splitlines()) == 1, where
        assert res.stderr.startswith("kg: error:") and str(store) in res.stderr, where
        assert "no store" in res.stderr, where
    assert not store.exists()
    assert not (tmp_path / "out.nq").exists()


def test_default_store_is_not_created_by_readers(tmp_path):
    names = [n for n in NAMES if not required_args(n) and n not in CREATORS | REPORTERS]
    assert {"stats", "docs", "entities"} <= set(names)
    for name, res in zip(names, run_all([[n] for n in names], tmp_path)):
        assert res.returncode == 1 and "Traceback" not in res.stderr, (name, res.stderr)
        assert "no store" in res.stderr, (name, res.stderr)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "args, env",
    [
        (["--debug", "stats", "--store", "STORE"], {}),
        (["stats", "--store", "STORE", "--debug"], {}),
        (["stats", "--store", "STORE"], {"KG_DEBUG": "1"}),
    ],
)
def test_debug_shows_the_traceback(tmp_path, args, env):
    store = str(tmp_path / "missing")
    res = run([store if a == "STORE" else a for a in args], tmp_path, env)
    assert res.returncode == 1
    assert "Traceback (most recent call last)" in res.stderr and "StoreError" in res.stderr
    assert res.stderr.strip().splitlines()[-1].startswith("kg: error: no store at")


def test_without_debug_the_error_is_one_line(tmp_path):
    res = run(["stats", "--store", str(tmp_path / "missing")], tmp_path, {"KG_DEBUG": "0"})
    assert res.returncode == 1 and res.stderr.count("\n") == 1 and "Traceback" not in res.stderr


def test_a_bad_query_is_one_line(tmp_path):
    store = tmp_path / "store"
    assert run(["update", "INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> 1 } }", "--store", str(store)],
               tmp_path).returncode == 1  # update does not create a store
    # import creates one: an N-Quads file of one quad
    data = tmp_path / "one.nq"
    data.write_text("<urn:a> <urn:b> \"1\" <urn:g> .\n")
    assert run(["import", str(data), "--store", str(store)], tmp_path).returncode == 0
    for args in (["query", "SELECT WHERE {"], ["query", "DELETE WHERE { ?s ?p ?o }"],
                 ["update", "INSERT nonsense"], ["query", "SELECT * WHERE { ?s ?p ?o }", "--bind", "novalue"]):
        res = run([*args, "--store", str(store)], tmp_path)
        assert res.returncode == 1 and "Traceback" not in res.stderr, (args, res.stderr)
        assert len(res.stderr.strip().splitlines()) == 1, (args, res.stderr)
    res = run(["query", "DELETE WHERE { ?s ?p ?o }", "--store", str(store)], tmp_path)
    assert "kg update" in res.stderr
