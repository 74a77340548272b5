// @ts-check
/* Search page only: compound queries and one result per page (see _ext/compound_search).
 * - A query word the index does not know is split into pieces it does know, compared by
 *   their stems, longest first piece first; with data-linking="s" (Swedish) a linking -s-
 *   between pieces is dropped: "partnerskapsavtal" searches "partnerskap avtal". A
 *   compound the index knows is searched both whole and by its pieces.
 * - Sphinx lists a page once per matching title, object and text: each page is kept once,
 *   at its best place, and a page whose own title holds the query's words (or the pieces
 *   of a compound query word) ranks higher, the more so the rarer the word in the handbook.
 * - The query's words are highlighted on the next page only when it is a followed result.
 * Runs after searchtools.js and the index (defer), before Sphinx starts the search.
 * Sphinx has no public hook for this: Scorer.score() gets no query (sphinx-doc/sphinx#13649),
 * so Search._parseQuery and Search._performSearch are wrapped; tests/test_upstream_patches.py
 * checks them against the pinned Sphinx. */
/* global Search, Stemmer, splitQuery:writable */
(function () {
  "use strict";
  const MIN_PART = 4;
  const script = /** @type {HTMLScriptElement} */ (document.currentScript);
  const linking = (script && script.dataset.linking) || "";
  const stemmer = new Stemmer();
  const known = (/** @type {string} */ piece) => {
    if (piece.length < MIN_PART) return false;
    const stem = stemmer.stemWord(piece);
    const index = Search._index;
    return Object.hasOwn(index.terms, stem) || Object.hasOwn(index.titleterms, stem);
  };
  /** @returns {string[] | null} */
  const pieces = (/** @type {string} */ word) => {
    for (let end = word.length - MIN_PART; end >= MIN_PART; end--) {
      const head = word.slice(0, end), tail = word.slice(end);
      const heads = linking && head.endsWith(linking) ? [head, head.slice(0, -linking.length)] : [head];
      for (const first of heads) {
        if (!known(first)) continue;
        if (known(tail)) return [first, tail];
        const rest = pieces(tail);
        if (rest) return [first, ...rest];
      }
    }
    return null;
  };
  const piecesOf = new Map(); // query word's stem -> the stems of its pieces
  const plainSplit = splitQuery;
  splitQuery = (/** @type {string} */ query) =>
    plainSplit(query).flatMap((word) => {
      const lower = word.toLowerCase();
      if (!Search._index) return [word];
      const split = pieces(lower);
      if (split) piecesOf.set(stemmer.stemWord(lower), split.map((piece) => stemmer.stemWord(piece)));
      return split && !known(lower) ? split : [word];
    });

  // the stems of a title's words and of the pieces of its compounds
  const titleStems = (/** @type {string} */ title) =>
    new Set(
      plainSplit(title.toLowerCase())
        .flatMap((word) => [word, ...(pieces(word) || [])])
        .map((word) => stemmer.stemWord(word)),
    );
  // Sphinx stores the query for the next page to highlight, whichever page that is: the
  // words are kept here instead and handed on only when a result is followed.
  const HIGHLIGHT = "sphinx_highlight_terms";
  let highlight = "";
  const parseQuery = Search._parseQuery;
  Search._parseQuery = (/** @type {string} */ query) => {
    const parsed = parseQuery(query);
    try {
      highlight = localStorage.getItem(HIGHLIGHT) || "";
      localStorage.removeItem(HIGHLIGHT);
    } catch (error) {
      highlight = "";
    }
    return parsed;
  };
  document.addEventListener("click", (event) => {
    const target = /** @type {Element} */ (event.target);
    if (!highlight || !target.closest || !target.closest("#search-results a")) return;
    try {
      localStorage.setItem(HIGHLIGHT, highlight);
    } catch (error) {
      /* no storage: no highlight */
    }
  });

  const performSearch = Search._performSearch;
  Search._performSearch = (query, searchTerms, excludedTerms, highlightTerms, objectTerms) => {
    const results = performSearch(query, searchTerms, excludedTerms, highlightTerms, objectTerms);
    // a compound the index knows is also searched by its pieces: pages that use the pieces
    // but never the compound itself are found too
    if ([...searchTerms].some((term) => piecesOf.has(term))) {
      const byPieces = new Set([...searchTerms].flatMap((term) => piecesOf.get(term) || [term]));
      results.push(...performSearch(query, byPieces, excludedTerms, highlightTerms, objectTerms));
      results.sort((a, b) => a[4] - b[4]);
    }
    const { docnames, titles, terms, titleterms } = Search._index;
    const pages = (/** @type {any} */ files) => (files === undefined ? [] : [].concat(files));
    // rarer words count more: log2(pages / pages that have the word)
    const weight = (/** @type {string} */ stem) => {
      const having = new Set([...pages(terms[stem]), ...pages(titleterms[stem])]).size;
      return Math.log2(docnames.length / Math.max(1, having));
    };
    // a page whose own title holds a query word (or a piece of a compound query word) ranks higher
    const inTitle = (/** @type {string} */ docname) => {
      const stems = titleStems(titles[docnames.indexOf(docname)] || "");
      let bonus = 0;
      for (const term of searchTerms) {
        const matched = [term, ...(piecesOf.get(term) || [])].filter((stem) => stems.has(stem));
        bonus += matched.length ? Math.max(...matched.map(weight)) : 0;
      }
      return bonus;
    };
    const best = new Map(); // docname -> its best result; results are sorted best last
    for (const result of results) best.set(result[0], result);
    const once = [...best.values()];
    once.forEach((result) => (result[4] += Math.round(5 * inTitle(result[0]))));
    return once.sort((a, b) => a[4] - b[4] || (a[1] > b[1] ? -1 : 1));
  };
})();
