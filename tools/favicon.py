"""Write _static/favicon.ico from _static/favicon.svg (run again when the SVG changes).

Browsers and feed readers still ask for /favicon.ico at the top of a site; the handbook's
icon is the SVG. Chromium (the browser the tests drive) draws the SVG at 16, 32 and 48 px
and the three PNG images go into one ICO file (ICO may hold PNG images since Windows Vista).

Usage: .venv/bin/python -m tools.favicon
"""

import struct
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "_static" / "favicon.svg"
ICO = ROOT / "_static" / "favicon.ico"
SIZES = (16, 32, 48)


def ico(images: dict[int, bytes]) -> bytes:
    """An ICO file holding one PNG image per size."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, data = b"", b""
    for size, png in images.items():
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png), offset + len(data))
        data += png
    return header + entries + data


def main() -> None:
    from playwright.sync_api import sync_playwright

    from tools.local_browser import CHROMIUM, CHROMIUM_FLAGS

    svg = SVG.read_text(encoding="utf-8")
    images = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        for size in SIZES:
            page = browser.new_page(viewport={"width": size, "height": size})
            page.set_content(
                f"<style>*{{margin:0}}svg{{display:block;width:{size}px;height:{size}px}}</style>{svg}"
            )
            images[size] = page.screenshot(omit_background=True)
        browser.close()
    ICO.write_bytes(ico(images))


if __name__ == "__main__":
    main()
