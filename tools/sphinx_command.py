"""The one sphinx-build command line of the handbook, used by the Makefile, the workshop
edition, the tests and the benchmarks.

Every build is strict (warnings are errors, nitpicky references, all warnings shown before
failing), takes its language from HANDBOOK_LANGUAGE (conf.py reads it) and keeps its
doctrees apart per language, so languages never reuse each other's environment.

CLI: ``python tools/sphinx_command.py BUILDER [--language CODE] [--out DIR] [--doctrees DIR]
[--tag TAG] [--live] [-- SPHINX-OPTION ...]``; without --out, html goes to build/html/<code>,
the workshop edition to build/workshop/<code> and the other builders to build/<builder>.
html and workshop share the language's doctrees (build/doctrees/<code>): the edition reads
the environment the site's build left. ``--live`` runs the same build under sphinx-autobuild
(``make live``), which rebuilds on save and serves the result; options after ``--`` reach it too.
"""

import argparse
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STRICT = ("-W", "--keep-going", "-n")
PER_LANGUAGE = ("html", "workshop")  # builders with an output and doctrees per language


def command(
    builder: str,
    out: Path,
    doctrees: Path,
    *,
    src: Path = ROOT,
    tags: Sequence[str] = (),
    quiet: bool = False,
    options: Sequence[str] = (),
    live: bool = False,
) -> list[str]:
    """The sphinx-build arguments for one build of ``src`` (the handbook by default);
    ``live``: the same arguments to sphinx-autobuild."""
    line = [sys.executable, "-m", "sphinx_autobuild" if live else "sphinx", "-b", builder, *STRICT]
    line += ["-q"] if quiet else []
    for tag in tags:
        line += ["-t", tag]
    return [*line, *options, "-d", str(doctrees), str(src), str(out)]


def environment(language: str) -> dict[str, str]:
    return {**os.environ, "HANDBOOK_LANGUAGE": language}


def run(
    builder: str,
    out: Path,
    language: str,
    *,
    doctrees: Path | None = None,
    src: Path = ROOT,
    tags: Sequence[str] = (),
    quiet: bool = False,
    options: Sequence[str] = (),
    capture: bool = False,
    live: bool = False,
) -> subprocess.CompletedProcess:
    """Build in ``language``; doctrees default to ``<out>/../doctrees/<language>``."""
    doctrees = doctrees or out.parent / "doctrees" / language
    return subprocess.run(
        command(builder, out, doctrees, src=src, tags=tags, quiet=quiet, options=options, live=live),
        env=environment(language),
        capture_output=capture,
        text=True,
    )


def build_language(root: Path, language: str) -> Path:
    """Build one language of the handbook into ``root/<language>``, as `make html` does;
    a failed build raises RuntimeError with Sphinx's messages."""
    out = root / language
    result = run("html", out, language, quiet=True, capture=True)
    if result.returncode != 0:
        raise RuntimeError(result.stderr)
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="tools/sphinx_command.py", description=__doc__.splitlines()[0])
    parser.add_argument("builder")
    parser.add_argument("--language", default=os.environ.get("HANDBOOK_LANGUAGE", "fi"))
    parser.add_argument("--out", type=Path)
    parser.add_argument("--doctrees", type=Path)
    parser.add_argument("--tag", action="append", default=[])
    parser.add_argument("--live", action="store_true", help="rebuild on save and serve (sphinx-autobuild)")
    ours, options = (argv[: argv.index("--")], argv[argv.index("--") + 1 :]) if "--" in argv else (argv, [])
    args = parser.parse_args(ours)
    build = ROOT / "build"
    per_language = args.builder in PER_LANGUAGE
    if args.out is None:
        args.out = build / args.builder / args.language if per_language else build / args.builder
    if args.doctrees is None:
        args.doctrees = build / "doctrees" / (args.language if per_language else args.builder)
    result = run(
        args.builder,
        args.out,
        args.language,
        doctrees=args.doctrees,
        tags=args.tag,
        options=options,
        live=args.live,
    )
    return result.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
