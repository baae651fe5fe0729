/* Material's search box, answered from Pagefind's chunked index instead of Material's lunr index.
 *
 * Material runs its search in a web worker whose URL the page's configuration names, and
 * documents that a site may bring its own worker speaking the same messages
 * (overrides/main.html names this one). Material posts SETUP (0) once, then QUERY (2) with
 * the search box's text at each keystroke; it waits for READY (1), and takes each RESULT (3),
 * `{items: [[{location, title, text, score, terms}]]}`, as HTML it shows as it is. So every
 * title is escaped here; Pagefind's excerpts are the page's text, escaped by Pagefind, with
 * the matched words in <mark>.
 *
 * Lunr needed its whole index (16 MB at 1,000 articles) fetched and built on every page
 * view. Pagefind fetches only the chunks of the index that hold the words typed, then one
 * small fragment per result shown (benchmarks/search.py measures both).
 *
 * Words like `verdict:misleading`, `person:"José Núñez-Pérez"`, `source:…` and `tag:…`
 * narrow the search to pages with that value (the generator's `data-pagefind-filter`s);
 * a value matches whatever its case and accents. A search of filters alone lists every page
 * that has them. Nothing is fetched from another host: Pagefind's files are the site's own.
 */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
// Fragments fetched per search: one request each, so a reader's first search stays small.
// Material shows 10 results and more as the list scrolls; more words narrow the rest.
var SHOWN = 20;
// A query still being typed is not searched: each search fetches index chunks and fragments.
var PAUSE = 100; // ms
var FILTER_NAMED = /(^|\s)(verdict|person|source|tag):/i;
var FILTER_WORD = /(^|\s)(verdict|person|source|tag):("([^"]*)"?|(\S*))/gi;

var pagefind = null; // a promise of the loaded module, made once
var language = "en";
var filterValues = null; // a promise of {name: {value: count}}
var latest = 0; // only the newest query's results are sent

function load() {
  if (pagefind === null) {
    var url = new URL("../pagefind/pagefind.js", self.location.href).href;
    pagefind = import(url).then(function (module) {
      return module.options({ basePath: new URL("../pagefind/", self.location.href).pathname }).then(function () {
        return module.init(language);
      }).then(function () {
        return module;
      });
    });
    pagefind.catch(function () {
      pagefind = null; // not there yet (`mkdocs serve` writes it after a build): try again at the next query
    });
  }
  return pagefind;
}

// As Pagefind folds the words searched: accents and case aside; `mostly-accurate` is "Mostly accurate".
function fold(text) {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[\s_-]+/g, " ").trim();
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
  });
}

// The query's filter words as Pagefind filters, each typed value matched to the index's own
// spelling of it; a value no page has leaves the filter impossible, not ignored.
function parse(query, known) {
  var filters = {};
  var text = query.replace(FILTER_WORD, function (all, before, name, _quoted, inQuotes, bare) {
    var typed = fold(inQuotes !== undefined ? inQuotes : bare);
    if (!typed) return before;
    name = name.toLowerCase();
    var values = Object.keys(known[name] || {});
    var exact = values.filter(function (value) { return fold(value) === typed; });
    var partial = exact.length ? exact : values.filter(function (value) { return fold(value).indexOf(typed) !== -1; });
    filters[name] = { any: partial.length ? partial : [typed + "\u0000"] };
    return before;
  });
  return { text: text.replace(/\s+/g, " ").trim(), filters: filters };
}

var ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

// The words to highlight on the page opened (Material's `?h=`): those typed, and the page's
// own spelling of what matched them, which Material's highlighter needs (`economía` for `economia`).
function highlighted(typed, excerpt) {
  var terms = {};
  typed.forEach(function (word) { terms[word] = true; });
  (excerpt.match(/<mark>[^<]*<\/mark>/g) || []).forEach(function (marked) {
    var word = marked.slice(6, -7).replace(/&(amp|lt|gt|quot|#39);/g, function (entity) { return ENTITIES[entity]; });
    word = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    if (word) terms[word] = true;
  });
  return terms;
}

function item(result, data, typed) {
  return {
    location: data.url,
    title: escapeHtml((data.meta && data.meta.title) || data.url),
    // Pagefind escapes the page's text in its excerpts; any `<` that does not open its <mark> is made text all the same.
    text: (data.excerpt || "").replace(/<(?!\/?mark>)/g, "&lt;"),
    score: result.score,
    terms: highlighted(typed, data.excerpt || ""),
  };
}

// A newer query came: this one's results would never be shown, so nothing more is fetched for it.
function unlessStale(id, value) {
  if (id !== latest) throw new Error("a newer query came");
  return value;
}

function search(id, query) {
  new Promise(function (resolve) { setTimeout(resolve, PAUSE); }).then(function () {
    return unlessStale(id, load());
  }).then(function (module) {
    // The filters' values are fetched only for a query that names one.
    var named = FILTER_NAMED.test(query);
    if (named && filterValues === null) filterValues = module.filters();
    return Promise.resolve(named ? filterValues : {}).then(function (known) {
      var parsed = parse(query, known);
      var hasFilters = Object.keys(parsed.filters).length > 0;
      if (!parsed.text && !hasFilters) return [];
      return module.search(parsed.text || null, { filters: parsed.filters }).then(function (found) {
        unlessStale(id);
        var typed = parsed.text.split(" ").filter(Boolean);
        return Promise.all(found.results.slice(0, SHOWN).map(function (result) {
          return result.data().then(function (data) { return [item(result, data, typed)]; });
        }));
      });
    });
  }).then(function (items) {
    if (id === latest) self.postMessage({ type: RESULT, data: { items: items } });
  }, function () {
    if (id === latest) self.postMessage({ type: RESULT, data: { items: [] } });
  });
}

self.addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === SETUP) {
    var lang = message.data && message.data.config && message.data.config.lang;
    if (Array.isArray(lang) && lang.length) language = String(lang[0]);
    // The index's entry and WebAssembly (about 70 KB) load now, while the reader reads;
    // the chunks of words come with the first query.
    load();
    self.postMessage({ type: READY });
  } else if (message.type === QUERY) {
    latest += 1;
    search(latest, String(message.data || ""));
  }
});
