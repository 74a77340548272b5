"""A MyST-aware check of the handbook's Markdown pages.

Checks what a generic Markdown linter cannot, on the page as MyST reads it
(``recipes.markdown_reader``): colon fences open and close in pairs,
headings do not skip levels and each page has exactly one H1, recipe pages keep their
sections in order, and no line carries trailing whitespace or tabs.
Usage: python tools/lint_markdown.py FILE.md [...]; exit status 1 on any problem.
"""

import sys
from pathlib import Path

from recipes import markdown_reader

RECIPE_SECTIONS = [
    "Miksi",
    "Ainekset",
    "Valmistus",
    "Onnistumisen merkit",
    "Kumppanuusprosessin vaiheet",
    "Muutoshistoria",
]


def problems(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    found: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        if line != line.rstrip():
            found.append(f"{path}:{number}: trailing whitespace")
        if "\t" in line:
            found.append(f"{path}:{number}: tab character; indent with spaces")
    page = markdown_reader.read(text)
    for directive in page.directives:
        if not directive.name:
            found.append(f"{path}:{directive.line}: closing fence matches no open directive")
        elif not directive.closed:
            found.append(f"{path}:{directive.line}: directive {{{directive.name}}} is never closed")
    headings = page.headings
    if sum(1 for heading in headings if heading.level == 1) != 1:
        found.append(f"{path}: a page needs exactly one level-1 heading")
    for previous, heading in zip(headings, headings[1:], strict=False):
        if heading.level > previous.level + 1:
            found.append(f"{path}:{heading.line}: heading '{heading.title}' skips a level")
    if path.parent.name == "recipes" and path.name not in ("index.md", "muutokset.md"):
        sections = [heading.title for heading in headings if heading.level == 2]
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
