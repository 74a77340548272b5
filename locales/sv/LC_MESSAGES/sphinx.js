Documentation.addTranslations({
    "locale": "sv",
    "messages": {
        ", in ": ", på sidan ",
        "Hide Search Matches": "Dölj sökträffar",
        "Preparing search...": "Förbereder sökningen…",
        "Search Results": "Sökresultat",
        "Searching": "Söker",
        "Search finished, found one page matching the search query.": [
            "Sökningen är klar: en sida motsvarar sökningen.",
            "Sökningen är klar: ${resultCount} sidor motsvarar sökningen."
        ],
        "Your search did not match any documents. Please make sure that all words are spelled correctly and that you've selected enough categories.": "Sökningen gav inga träffar. Kontrollera stavningen eller pröva ett annat ord."
    },
    "plural_expr": "(n != 1) ? 1 : 0"
});
