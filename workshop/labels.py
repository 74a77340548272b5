"""The workshop edition's own words, in each language of the handbook."""

LABELS = {
    "fi": {
        "kicker": "Kaupunkien ja valtion kumppanuus kaupunkipolitiikassa",
        "edition": "Työpajaversio",
        "recipes_edition": "Reseptit työpajaan",
        "meta": "Painos {date} · versio {version}",
        "online": "Verkossa: {url}",
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
        "recipe_online": "Resepti verkossa:",
        "qr": "QR-koodi reseptin verkkosivulle {url}",
        "chapters": "Luvut lyhyesti",
        "chapters_lead": "Luvut tiivistettyinä: kunkin luvun ydin sekä ratkaisut ja resepti. Koko "
        "analyysi ja haastattelujen havainnot ovat sivustolla.",
        "sources": "Haastatellut ja lähde",
    },
    "sv": {
        "kicker": "Partnerskapet mellan städerna och staten i stadspolitiken",
        "edition": "Workshopversion",
        "recipes_edition": "Recept för workshoppen",
        "meta": "Upplaga {date} · version {version}",
        "online": "På webben: {url}",
        "licence": "Innehåll CC BY 4.0. Bygger på häftet om partnerskap inom stadspolitiken; texten "
        "är skriven med egna ord.",
        "contents": "Innehåll",
        "canvas": "Partnerskapsprocessen – arbetsmall",
        "canvas_lead": "Skriv för varje skede vad ni redan har och vad som ännu behövs. Skedena "
        "beskrivs närmare på webbplatsen.",
        "prompts": {
            "kokonaiskuva": "Vilka samarbetsrelationer, forum och gemensamma teman hör till helheten?",
            "tilannekuva": "Var står vi nu, vilka är de största utmaningarna och vilken information saknas?",
            "tahtotila": "Vad strävar vi efter tillsammans, vad vinner båda och hur känner vi igen framgång?",
            "ratkaisut": "Vad bereder vi tillsammans, vem gör vad och vilket är vårt gemensamma budskap?",
            "seuranta": "Hur och när följer vi upp effekterna, och vad ändrar vi i nästa omgång?",
        },
        "layer_cake": "Partnerskapets lagertårta",
        "participants": "Deltagare",
        "steps": "Processens skeden",
        "columns": ("Arbetsskede", "Ansvarsperson", "Tidsfrist"),
        "notes": "Anteckningar: {title}",
        "recipe_online": "Receptet på webben:",
        "qr": "QR-kod till receptets webbsida {url}",
        "chapters": "Kapitlen i korthet",
        "chapters_lead": "Kapitlen i sammandrag: kärnan i varje kapitel samt lösningar och recept. "
        "Hela analysen och iakttagelserna från intervjuerna finns på webbplatsen.",
        "sources": "Intervjuade och källa",
    },
    "en": {
        "kicker": "The partnership between cities and the state in urban policy",
        "edition": "Workshop edition",
        "recipes_edition": "Recipes for the workshop",
        "meta": "Edition {date} · version {version}",
        "online": "Online: {url}",
        "licence": "Content CC BY 4.0. Based on the urban policy partnership booklet; the text is "
        "written in our own words.",
        "contents": "Contents",
        "canvas": "The partnership process – worksheet",
        "canvas_lead": "For each step, write down what you already have and what is still needed. "
        "The steps are described in more detail on the website.",
        "prompts": {
            "kokonaiskuva": "Which partnerships, forums and shared themes belong to the big picture?",
            "tilannekuva": "Where are we now, what are the main challenges, what do we still need to know?",
            "tahtotila": "What do we aim for together, what does each side gain, how do we see success?",
            "ratkaisut": "What will we prepare together, who does what, and what is our shared message?",
            "seuranta": "How and when do we follow up the impact, and what will we change next round?",
        },
        "layer_cake": "The partnership layer cake",
        "participants": "Participants",
        "steps": "Process steps",
        "columns": ("Step", "Responsible", "Deadline"),
        "notes": "Notes: {title}",
        "recipe_online": "This recipe online:",
        "qr": "QR code to the recipe's web page {url}",
        "chapters": "The chapters in brief",
        "chapters_lead": "The chapters in summary: the core of each chapter with its solutions and "
        "recipe. The full analysis and the insights from the interviews are on the website.",
        "sources": "People interviewed and source",
    },
}
