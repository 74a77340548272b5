"""A MyST-aware check of the handbook's Markdown pages.

Checks what a generic Markdown linter cannot: colon fences open and close in pairs,
headings do not skip levels and each page has exactly one H1, recipe pages keep their
sections in order, and no line carries trailing whitespace or tabs.
Usage: python tools/lint_markdown.py FILE.md [...]; exit status 1 on any problem.
"""

import re
import sys
from pathlib import Path

RECIPE_SECTIONS = [
    "Miksi",
    "Ainekset",
    "Valmistus",
    "Onnistumisen merkit",
    "Kumppanuusprosessin vaiheet",
    "Muutoshistoria",
]
FENCE = re.compile(r"^(:{3,})(\{[\w:-]+\})?")
CODE = re.compile(r"^(`{3,}|~{3,})")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")


def problems(path: Path) -> list[str]:
    found: list[str] = []
    fences: list[tuple[str, int]] = []
    code_fence = ""
    headings: list[tuple[int, str, int]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path}:{number}"
        if line != line.rstrip():
            found.append(f"{where}: trailing whitespace")
        if "\t" in line:
            found.append(f"{where}: tab character; indent with spaces")
        if code := CODE.match(line):
            code_fence = "" if code_fence and line.startswith(code_fence) else code_fence or code[1]
            continue
        if code_fence:
            continue
        if fence := FENCE.match(line):
            colons, name = fence[1], fence[2]
            if name:
                fences.append((colons, number))
            elif fences and fences[-1][0] == colons:
                fences.pop()
            else:
                found.append(f"{where}: closing '{colons}' matches no open directive")
        elif heading := HEADING.match(line):
            headings.append((len(heading[1]), heading[2], number))
    found += [f"{path}:{line}: directive opened with '{colons}' is never closed" for colons, line in fences]
    if sum(1 for level, _t, _n in headings if level == 1) != 1:
        found.append(f"{path}: a page needs exactly one level-1 heading")
    for (previous, _t, _n), (level, title, number) in zip(headings, headings[1:], strict=False):
        if level > previous + 1:
            found.append(f"{path}:{number}: heading '{title}' skips a level")
    if path.parent.name == "recipes" and path.name not in ("index.md", "muutokset.md"):
        sections = [title for level, title, _n in headings if level == 2]
        if sections != RECIPE_SECTIONS:
            found.append(f"{path}: recipe sections must be {RECIPE_SECTIONS}, found {sections}")
    return found


def main(paths: list[str]) -> int:
    found = [problem for path in paths for problem in problems(Path(path))]
    for problem in found:
        print(problem)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
