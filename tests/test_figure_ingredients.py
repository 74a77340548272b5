"""The two figures and the introduction agree: the layer cake's ingredient layer lists
the ingredients of the ingredients diagram, and the text names as many layers as the
cake has."""

import re
import xml.etree.ElementTree as ET

from conftest import ROOT

FIGURES = ROOT / "docs" / "kuvat"
SVG = "{http://www.w3.org/2000/svg}"
INTRODUCTION = ROOT / "docs" / "johdanto.md"


def ingredient_labels() -> list[str]:
    """The boxes around the centre of ainesosat.svg, each label joined from its lines."""
    root = ET.parse(FIGURES / "ainesosat.svg").getroot()
    boxes: dict[str, list[str]] = {}
    for text in root.iter(f"{SVG}text"):
        if text.get("fill") != "#ffffff":  # the centre circle is white on blue
            boxes.setdefault(text.get("x"), []).append(text.text)
    return [" ".join(lines) for lines in boxes.values()]


def core(label: str) -> str:
    """What every list must mention of an ingredient, without the diagram's gloss."""
    label = label.lower().replace(" lähtökohtana", "").replace(": molemmat hyötyvät", "")
    return label.replace("kumppanuus mielentilana", "mielentila")


def cake_layers() -> list[list[str]]:
    root = ET.parse(FIGURES / "kerroskakku.svg").getroot()
    texts = [(float(t.get("y")), t.text) for t in root.iter(f"{SVG}text")]
    layers = []
    for rect in root.iter(f"{SVG}rect"):
        if rect.get("x") == "100" and rect.get("width") == "720":  # a layer spans the cake
            top, bottom = float(rect.get("y")), float(rect.get("y")) + float(rect.get("height"))
            layers.append([text for y, text in texts if top < y < bottom])
    return layers


def introduction_cake_list() -> list[str]:
    section = INTRODUCTION.read_text(encoding="utf-8").split("## Kerroskakku", 1)[1]
    section = section.split("kerroksia on neljä", 1)[1].split("\n\n", 2)[1]
    return [" ".join(item.split()) for item in section.split("\n- ")]


def test_diagram_has_trust_at_the_centre_and_seven_ingredients():
    assert len(ingredient_labels()) == 7


def test_cake_has_four_layers_and_the_text_says_so():
    layers = cake_layers()
    assert len(layers) == 4
    assert len(introduction_cake_list()) == 4
    assert "kerroksia on neljä" in INTRODUCTION.read_text(encoding="utf-8")


def test_cake_ingredient_layer_lists_the_diagrams_ingredients():
    (layer,) = [lines for lines in cake_layers() if lines[0] == "Kumppanuuden ainekset"]
    listed = [item for item in re.split(r",\s*", " ".join(layer[1:])) if item]
    assert listed[0] == "luottamus"
    assert [core(label) for label in ingredient_labels()] == listed[1:]


def test_introduction_lists_the_same_ingredients():
    (item,) = [line for line in introduction_cake_list() if "kumppanuuden ainekset" in line]
    text = item.lower()
    assert "luottamus" in text
    for label in ingredient_labels():
        assert core(label) in text, label
