"""The limits of a progress file, in one place. The browser scripts read them from the page
(`page_texts`, the ``recipes-limits`` meta tag), the refusal messages name them, and
``schemas/progress.schema.json`` states the same (tests/test_progress_limits.py compares).
"""

PROGRESS_LIMITS = {
    "bytes": 1_000_000,  # a larger file is refused before it is read
    "items": 5000,  # ticked or planned items in one file
    "name": 80,  # characters of the progress's name
    "who": 100,  # characters of an item's responsible person
    "note": 500,  # characters of an item's note
}
