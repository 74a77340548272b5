"""The tools' Markdown reader (recipes/markdown_reader.py) reads a page as MyST does:
front matter as YAML with each key's line, directive blocks with their options, nested
blocks at their lines in the page. The page lint's checks: test_lint_markdown.py."""

from recipes.markdown_reader import front_matter, read

PAGE = """---
reviewed: 2026-11-28
review-by: "12 months"
tags: [a, b]
---

# Sivu

::::{recipe} leipoa
:title: Leivo
:retired: vanha-1, vanha-2

:::{tip}
Vinkki.
:::
::::
"""


def test_front_matter_is_yaml_with_the_line_of_each_key():
    values, lines = front_matter(PAGE)
    assert values == {"reviewed": "2026-11-28", "review-by": "12 months"}  # a list is not a scalar
    assert lines == {"reviewed": 2, "review-by": 3}


def test_a_page_without_front_matter_or_with_broken_yaml_has_none():
    assert front_matter("# Sivu\n") == ({}, {})
    assert front_matter("---\nreviewed: [2026\n---\n# Sivu\n") == ({}, {})


def test_directives_nested_with_their_lines_and_options():
    page = read(PAGE)
    recipe, tip = page.directives
    assert (recipe.name, recipe.argument, recipe.line, recipe.closed) == ("recipe", "leipoa", 9, True)
    assert recipe.options == {"title": "Leivo", "retired": "vanha-1, vanha-2"}
    assert (tip.name, tip.line, tip.closed) == ("tip", 13, True)
    assert [(h.level, h.title, h.line) for h in page.headings] == [(1, "Sivu", 7)]
