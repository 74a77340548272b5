Documentation.addTranslations({
    "locale": "fi",
    "messages": {
        ", in ": ", sivulla ",
        "Hide Search Matches": "Piilota hakuosumat",
        "Preparing search...": "Valmistellaan hakua…",
        "Search Results": "Hakutulokset",
        "Searching": "Haetaan",
        "Search finished, found one page matching the search query.": [
            "Haku valmis: hakua vastaa yksi sivu.",
            "Haku valmis: hakua vastaa ${resultCount} sivua."
        ],
        "Your search did not match any documents. Please make sure that all words are spelled correctly and that you've selected enough categories.": "Haku ei löytänyt yhtään sivua. Tarkista sanojen kirjoitusasu tai kokeile toista sanaa."
    },
    "plural_expr": "(n != 1) ? 1 : 0"
});
