"""Checklist items read from their source lines, before Markdown parses the recipe body.

A recipe's bullets start with ``{item}`id``` and end with ``{origin}`…```. Parsed as
roles, those two cost more than the rest of the recipe together (a role look-up, a
node, and a search for it, twice per item). A body that is nothing but such lines, one
item per line (as every recipe of the handbook is), is therefore split here: the ID and
origin are taken off each line and the rest is parsed as Markdown. A body with anything
else (prose, a fence, HTML, an item running onto a second line, a numbered list) keeps
its roles and goes the general way, so it is parsed once, as before. The directive still
checks that every taken line became the first line of a checklist item (see
``ItemLines.confirmed``) and otherwise parses the body again with its roles.
"""

import re
from dataclasses import dataclass, field

from docutils import nodes
from docutils.statemachine import StringList

# "- {item}`id` text" (MyST) or "- :item:`id` text" (reStructuredText), at the top level
ITEM_LINE = re.compile(r"^(?P<bullet>[-*+] +)(?:\{item\}|:item:)`(?P<id>[^`]+)` +(?P<rest>\S.*)$")
ORIGIN_END = re.compile(r"\s+(?:\{origin\}|:origin:)`(?P<origin>[^`]+)`\s*$")
# text that would start a block of its own once the role before it is gone
NUMBERED = re.compile(r"^\d{1,9}[.)](?:\s|$)")


@dataclass
class TakenItem:
    item_id: str
    origin: str | None  # None: the line had no origin role at its end


@dataclass
class ItemLines:
    content: StringList  # the body with the taken roles removed
    items: dict[int, TakenItem] = field(default_factory=dict)  # source line -> what was taken

    def confirmed(self, body: nodes.Element) -> bool:
        """Every taken line starts an item of a top-level bullet list, as the only line
        of that paragraph when an origin was taken from it."""
        found = 0
        for bullets in body.children:
            if not isinstance(bullets, nodes.bullet_list):
                continue
            for entry in bullets.children:
                first = entry.children[0] if entry.children else None
                taken = self.items.get(getattr(first, "line", None))
                if taken is None or not isinstance(first, nodes.paragraph):
                    continue
                if taken.origin is not None and "\n" in first.rawsource:
                    return False
                found += 1
        return found == len(self.items)


def take_item_lines(content: StringList, first_line: int) -> ItemLines:
    """Take the roles off the item lines of a recipe body whose first content line is
    source line ``first_line``; nothing is taken unless every non-blank line is one."""
    lines = list(content)
    taken = ItemLines(StringList(lines, items=list(content.items)))
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        split = _split(line)
        if split is None:
            return ItemLines(content)
        taken.content[index], taken.items[first_line + index] = split
    return taken


def _split(line: str) -> tuple[str, TakenItem] | None:
    """A plain item line as the line without its roles and what they said, or None."""
    match = ITEM_LINE.match(line)
    if match is None or "`" in match["id"]:
        return None
    rest, origin = match["rest"], None
    ends = ORIGIN_END.search(rest)
    # a backtick before the origin could pair with the role's own into a code span
    if ends and "`" not in rest[: ends.start()]:
        origin, rest = ends["origin"].strip(), rest[: ends.start()]
    if not rest[:1].isalnum() or NUMBERED.match(rest):
        return None
    return match["bullet"] + rest, TakenItem(match["id"].strip(), origin)
