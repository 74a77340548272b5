"""The workshop edition's own words: written here in Finnish, the source language, and
translated in the gettext catalogues ``locales/<code>/LC_MESSAGES/workshop-ui.po``. The
date pattern and the hyphenation language come from the language registry
(tools/languages.py)."""

import functools

from tools.languages import LanguageError, registry, translator

FINNISH = {
    "origin_chapter": "Kirjasesta: luku {title}",
    "origin_part": "Kirjasesta: {title}",
    "origin_handbook": "Käsikirjan ehdotus",
    "files": ("kumppanuuden-reseptikirja-tyopajaversio.pdf", "kumppanuuden-reseptikirja-reseptit.pdf"),
    "page": "s.",
    "continued": "{title} (jatkuu)",
    "recipes": "Reseptit",
    "kicker": "Kaupunkien ja valtion kumppanuus kaupunkipolitiikassa",
    "edition": "Työpajaversio",
    "recipes_edition": "Reseptit työpajaan",
    "meta": "Painos {date} · versio {version}",
    "online": "Verkossa:",
    "licence": "Sisältö CC BY 4.0. Perustuu kaupunkipolitiikan kumppanuuskirjaseen; teksti on "
    "kirjoitettu omin sanoin.",
    "contents": "Sisällys",
    "canvas": "Kumppanuuden prosessi – työpohja",
    "canvas_lead": "Kirjatkaa jokaiseen vaiheeseen, mitä teillä on jo ja mitä vielä tarvitaan. "
    "Vaiheet on kuvattu tarkemmin sivustolla.",
    "prompts": {
        "kokonaiskuva": "Mitkä yhteistyösuhteet, foorumit ja yhteiset teemat kuuluvat kokonaisuuteen?",
        "tilannekuva": "Missä olemme nyt, mitkä ovat suurimmat haasteet ja mitä tietoa vielä puuttuu?",
        "tahtotila": "Mihin pyrimme yhdessä, mitä kumpikin hyötyy ja mistä tunnistamme onnistumisen?",
        "ratkaisut": "Mitä valmistelemme yhdessä, kuka tekee mitä ja mikä on yhteinen viestimme?",
        "seuranta": "Miten ja milloin seuraamme vaikutuksia, ja mitä muutamme seuraavalla kierroksella?",
    },
    "layer_cake": "Kumppanuuden kerroskakku",
    "participants": "Osallistujat",
    "steps": "Prosessin vaiheet",
    "columns": ("Työvaihe", "Vastuuhenkilö", "Määräaika"),
    "notes": "Muistiinpanot: {title}",
    "blank_notes": "Muistiinpanot",
    "recipe_online": "Resepti verkossa:",
    "qr": "QR-koodi reseptin verkkosivulle {url}",
    "chapters": "Luvut lyhyesti",
    "chapters_lead": "Luvut tiivistettyinä: kunkin luvun ydin sekä ratkaisut ja resepti. Koko "
    "analyysi ja haastattelujen havainnot ovat sivustolla.",
    "sources": "Haastatellut ja lähde",
}


@functools.cache
def labels(code: str) -> dict:
    """The words of the edition in language ``code``: every Finnish label translated, plus
    the registry's ``date`` (CLDR pattern), ``locale`` and ``hyphenation``.

    Raises LanguageError (saying which catalogue or message to add) when ``code`` is not
    in the registry or its workshop-ui.po lacks a label."""
    languages = registry()
    if code not in languages:
        raise LanguageError(f"no language {code!r} in pyproject.toml; known: {', '.join(languages)}")
    language = languages[code]
    _ = translator(language, "workshop-ui")

    def translated(value):
        if isinstance(value, dict):
            return {key: translated(item) for key, item in value.items()}
        if isinstance(value, tuple):
            return tuple(translated(item) for item in value)
        return _(value)

    return translated(FINNISH) | {
        "date": language.date,
        "locale": language.locale,
        "hyphenation": language.hyphenation,
    }
