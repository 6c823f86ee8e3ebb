"""How kg's commands show in --help: click-style names (PATHS..., [ARTICLE], --store STORE,
flags bare) and examples at the end."""

from __future__ import annotations

from typing import Any

from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption


class _Argument(TyperArgument):
    """An argument named in help as click names it (PATHS..., [ARTICLE]), without a type column."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None  # the help text says what the argument is; "<list[str]>" said nothing

    def get_usage_pieces(self, ctx: Any) -> list[str]:
        return [self.metavar if self.required else f"[{self.metavar}]"]


class _Option(TyperOption):
    """An option shown as --store STORE, and a flag as itself (no "<bool>")."""

    def display_type_rich(self, ctx: Any) -> str | None:
        if self.is_flag or self.count:
            return None
        if self.metavar:
            return self.metavar
        shown = self.display_type(ctx).strip("<>")  # "<int>", "<list[str]>", "<str,str>"
        if shown.startswith("list[") and shown.endswith("]"):
            shown = shown[5:-1]  # a repeatable option takes one value at a time
        return " ".join(_TYPE_NAMES.get(name, name.upper()) for name in shown.split(","))


_TYPE_NAMES = {"str": "TEXT", "int": "N", "float": "NUMBER"}


def _tidy(param: Any) -> Any:
    # typer (0.29) has no public hook for how its parameters show in help: the instances
    # typer built are given the subclasses above, which keep all their state.
    if isinstance(param, TyperArgument) and not isinstance(param, _Argument):
        param.__class__ = _Argument
        param.metavar = param.metavar or (param.name or "").upper() + ("..." if param.nargs != 1 else "")
    elif isinstance(param, TyperOption) and not isinstance(param, _Option):
        param.__class__ = _Option
    return param


class KGCommand(TyperCommand):
    """A kg command whose help shows clean argument and option names."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.params = [_tidy(p) for p in self.params]

    def get_help_option(self, ctx: Any) -> Any:
        return _tidy(super().get_help_option(ctx))


class KGGroup(TyperGroup):
    """The kg command group, with the same clean help as its commands."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.params = [_tidy(p) for p in self.params]

    def get_help_option(self, ctx: Any) -> Any:
        return _tidy(super().get_help_option(ctx))


def examples_epilog(examples: tuple[str, ...]) -> str:
    """The "Examples:" block that ends a command's --help."""
    # rich markup is on in typer's help: escape brackets; a blank line ends each example
    return "Examples:\n\n" + "\n\n".join("  " + line.replace("[", "\\[") for line in examples)
