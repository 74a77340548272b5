"""Checklist items read from their source lines, before Markdown parses the recipe body.

A recipe's bullets start with ``{item}`id``` and end with ``{origin}`…```. Parsed as
roles, those two cost more than the rest of the recipe together (a role look-up, a
node, and a search for it, twice per item). The usual line, a top-level bullet whose
text follows the ID, is therefore split here: the ID and origin are taken off the line
and the rest is parsed as Markdown. Anything unusual keeps its roles and goes the
general way, and the directive checks that every line taken here became the first
line of a checklist item (see ``ItemLines.confirmed``); if not, it parses the body again
with its roles, so the result never depends on this shortcut.
"""

import re
from dataclasses import dataclass, field

from docutils import nodes
from docutils.statemachine import StringList

# "- {item}`id` text" (MyST) or "- :item:`id` text" (reStructuredText), at the top level
ITEM_LINE = re.compile(r"^(?P<bullet>[-*+] +)(?:\{item\}|:item:)`(?P<id>[^`]+)` +(?P<rest>\S.*)$")
ORIGIN_END = re.compile(r"\s+(?:\{origin\}|:origin:)`(?P<origin>[^`]+)`\s*$")
FENCE = re.compile(r"^ {0,3}(?P<marker>`{3,}|~{3,}|:{3,})")
# text that could start a block of its own once the role before it is gone
NUMBERED = re.compile(r"^\d{1,9}[.)](?:\s|$)")


@dataclass
class Item:
    item_id: str
    origin: str | None  # None: the line had no origin role at its end


@dataclass
class ItemLines:
    content: StringList  # the body with the taken roles removed
    items: dict[int, Item] = field(default_factory=dict)  # source line -> what was taken

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
    """Take the item roles off the plain item lines of a recipe body whose first content
    line is source line ``first_line``."""
    lines = list(content)
    taken = ItemLines(StringList(lines, items=list(content.items)))
    fence = ""
    html = False
    for index, line in enumerate(lines):
        opened = FENCE.match(line)
        if fence:
            if opened and opened["marker"][0] == fence[0] and len(opened["marker"]) >= len(fence):
                fence = ""
            continue
        if opened:
            fence = opened["marker"]
            continue
        stripped = line.lstrip()
        if html:
            html = bool(stripped)
            continue
        if stripped.startswith("<"):
            html = True
            continue
        match = ITEM_LINE.match(line)
        if match is None:
            continue
        rest = match["rest"]
        origin = None
        following = lines[index + 1] if index + 1 < len(lines) else ""
        ends = ORIGIN_END.search(rest)
        # the origin is taken only from an item whose paragraph ends on this line, and
        # when no backtick before it could pair with the role's own into a code span
        ends_here = not following.strip() or ITEM_LINE.match(following)
        if ends and ends_here and "`" not in rest[: ends.start()]:
            origin, rest = ends["origin"].strip(), rest[: ends.start()]
        if not rest[:1].isalnum() or NUMBERED.match(rest) or "`" in match["id"]:
            continue
        taken.content[index] = match["bullet"] + rest
        taken.items[first_line + index] = Item(match["id"].strip(), origin)
    return taken
