"""The handbook's Markdown read the way MyST reads it, for tools that look at pages without
a Sphinx build (the page lint, the recipe scaffold): MyST's own markdown-it parser with
the page's extensions, so a heading or a directive block is what the build sees.

Directive blocks are read into as well: a colon fence inside a recipe or an admonition
is found, with its line in the page. Front matter is read as MyST reads it, as YAML.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

import yaml
from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser

EXTENSIONS = {"colon_fence", "deflist"}  # as conf.py's myst_enable_extensions
NAME = re.compile(r"^\{(?P<name>[^}\s]+)\}\s*(?P<argument>.*)$")
OPTION = re.compile(r"^:(?P<key>[\w-]+):\s*(?P<value>.*)$")
KEY = re.compile(r"^(?P<key>[A-Za-z][\w-]*)\s*:")


@dataclass(frozen=True)
class Heading:
    level: int
    title: str
    line: int  # 1-based, in the page


@dataclass(frozen=True)
class Directive:
    """A colon-fence block; ``name`` is empty for a bare fence (a closing marker that
    closes nothing opens one of those)."""

    name: str
    argument: str
    line: int
    closed: bool
    options: dict[str, str] = field(default_factory=dict)


@dataclass
class Page:
    headings: list[Heading] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)


@cache
def parser() -> MarkdownIt:
    return create_md_parser(MdParserConfig(enable_extensions=EXTENSIONS), RendererHTML)


def read(text: str) -> Page:
    page = Page()
    _read(text, 0, page)
    page.headings.sort(key=lambda heading: heading.line)
    page.directives.sort(key=lambda directive: directive.line)
    return page


def _read(text: str, offset: int, page: Page) -> None:
    lines = text.splitlines()
    tokens = parser().parse(text)
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.map:
            title = tokens[index + 1].content.strip()
            page.headings.append(Heading(int(token.tag[1]), title, offset + token.map[0] + 1))
        elif token.type == "colon_fence" and token.map:
            start, end = token.map
            last = lines[end - 1].strip() if end - 1 > start else ""
            closed = bool(last) and set(last) == {":"} and len(last) >= len(token.markup)
            named = NAME.match(token.info.strip())
            body = token.content.splitlines()
            options = {}
            for line in body:
                if not (option := OPTION.match(line)):
                    break
                options[option["key"]] = option["value"].strip()
            page.directives.append(
                Directive(
                    named["name"] if named else "",
                    named["argument"].strip() if named else "",
                    offset + start + 1,
                    closed,
                    options,
                )
            )
            if named:
                _read(token.content, offset + start + 1, page)


def front_matter(text: str) -> tuple[dict[str, str], dict[str, int]]:
    """The page's front matter: its top-level scalar values as text (a date as ISO) and
    the line of each key. A page without front matter, or with front matter that is not
    valid YAML (the build reports that), gives two empty dicts."""
    tokens = parser().parse(text)
    if not tokens or tokens[0].type != "front_matter" or not tokens[0].map:
        return {}, {}
    token = tokens[0]
    try:
        data = yaml.safe_load(token.content)
    except yaml.YAMLError:
        return {}, {}
    if not isinstance(data, dict):
        return {}, {}
    scalars = str | int | float | date
    values = {str(key): str(value) for key, value in data.items() if isinstance(value, scalars)}
    numbers = {}
    for index, line in enumerate(token.content.splitlines()):
        if (key := KEY.match(line)) and key["key"] in values:
            numbers.setdefault(key["key"], token.map[0] + 2 + index)
    return values, numbers
