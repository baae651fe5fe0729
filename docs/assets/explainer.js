/* Reader aids: claim previews on article pages and the claims index filter.
 *
 * Vanilla JavaScript, no library, no request to any host: the previews' data is a JSON
 * block the generator put in the page. Every value in it comes from an annotation, so
 * it only ever reaches the page through textContent, never as HTML. Without this
 * script every page still works: claims are links, and the index lists every claim.
 *
 * The script's own words are in the site's language: another JSON block of the page
 * (#explainer-messages, generator/pages/script_messages.py) holds them, each plural one per
 * CLDR plural category. Without that block (a site built by another engine) they are English.
 */
(function () {
  "use strict";

  var TIP_ID = "explainer-preview";
  var HIDE_DELAY = 200; // ms: time to move the pointer from a claim into its preview

  var ENGLISH = {
    open_claim_page: "Open the claim page",
    claimant: "Claimant: {name}",
    showing_claims: { one: "Showing {shown} of {n} claim.", other: "Showing {shown} of {n} claims." }
  };

  var words = null; // the page's messages, read once per page (init)

  function messages() {
    if (words !== null) return words;
    words = ENGLISH;
    var block = document.getElementById("explainer-messages");
    if (!block) return words;
    try {
      var found = JSON.parse(block.textContent);
      if (found && typeof found === "object") words = found;
    } catch (error) {
      // English words rather than a broken page
    }
    return words;
  }

  function language() {
    return document.documentElement.lang || "en";
  }

  function formatNumber(n) {
    try {
      return new Intl.NumberFormat(language()).format(n);
    } catch (error) {
      return String(n);
    }
  }

  // A message with its {placeholders} filled: the result is text, for textContent only.
  function withValues(text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function say(key, values) {
    var text = messages()[key];
    if (typeof text !== "string") text = ENGLISH[key];
    return withValues(text, values || {});
  }

  // The form of a plural message for the count n, as the page's language counts.
  function sayCount(key, n, values) {
    var forms = messages()[key];
    if (!forms || typeof forms !== "object") forms = ENGLISH[key];
    var category = "other";
    try {
      category = new Intl.PluralRules(language()).select(n);
    } catch (error) {
      category = "other";
    }
    var text = forms[category];
    if (typeof text !== "string") text = forms.other;
    if (typeof text !== "string") text = ENGLISH[key][n === 1 ? "one" : "other"];
    var all = { n: formatNumber(n) };
    Object.keys(values || {}).forEach(function (name) { all[name] = values[name]; });
    return withValues(text, all);
  }

  // The page's direction: Material writes it on <body> (`dir="rtl"` for Arabic, Hebrew, Persian,
  // Urdu), a page may write it on <html>; the preview, a child of <body>, reads the same way.
  function rightToLeft() {
    return document.dir === "rtl" || document.documentElement.getAttribute("dir") === "rtl" ||
      window.getComputedStyle(document.body).direction === "rtl";
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* --- previews -------------------------------------------------------------- */

  function setupPreviews() {
    var block = document.getElementById("explainer-previews");
    if (!block) return;
    var previews;
    try {
      previews = JSON.parse(block.textContent);
    } catch (error) {
      return; // no previews rather than a broken page
    }
    var old = document.getElementById(TIP_ID);
    if (old) old.remove();

    var tip = element("div", "explainer-preview");
    tip.id = TIP_ID;
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    var verdict = element("p", "explainer-preview-verdict");
    var icon = element("span", "explainer-preview-icon");
    icon.setAttribute("aria-hidden", "true");
    var label = element("span", "explainer-preview-label");
    verdict.append(icon, label);
    var claimant = element("p", "explainer-preview-claimant");
    var summary = element("p", "explainer-preview-summary");
    var more = element("a", "explainer-preview-more", say("open_claim_page"));
    // The claim itself is the keyboard's link to its page; this one is for the pointer.
    more.tabIndex = -1;
    tip.append(verdict, claimant, summary, more);
    document.body.append(tip);

    var current = null;
    var hideTimer = 0;

    function fill(data) {
      verdict.className = "explainer-preview-verdict verdict-" + String(data.verdict);
      icon.textContent = String(data.icon);
      label.textContent = String(data.label);
      claimant.textContent = say("claimant", { name: String(data.claimant) });
      summary.textContent = String(data.summary);
      more.setAttribute("href", String(data.url));
    }

    function place(link, pointerX, pointerY) {
      var rects = Array.prototype.slice.call(link.getClientRects());
      if (!rects.length) return;
      // Keyboard: below the whole claim, so none of it is hidden. Pointer: below the line it is on.
      var rect = rects[rects.length - 1];
      if (pointerY !== undefined) {
        rects.forEach(function (r) {
          if (pointerY >= r.top && pointerY <= r.bottom && pointerX >= r.left && pointerX <= r.right) rect = r;
        });
      }
      var viewport = document.documentElement.clientWidth;
      var width = tip.getBoundingClientRect().width; // not offsetWidth, rounded: the right edges line up to the subpixel
      var height = tip.offsetHeight;
      // Under the claim's start: its left edge, or its right edge in a right-to-left page; kept 8px inside the viewport.
      var left = rightToLeft()
        ? Math.min(viewport - width - 8, Math.max(8, rect.right - width))
        : Math.max(8, Math.min(rect.left, viewport - width - 8));
      var top = rect.bottom + 8;
      if (top + height > window.innerHeight && rect.top - height - 8 > 0) top = rect.top - height - 8;
      tip.style.left = left + window.scrollX + "px";
      tip.style.top = top + window.scrollY + "px";
    }

    function show(link, event) {
      var data = previews[link.getAttribute("data-claim")];
      if (!data) return;
      window.clearTimeout(hideTimer);
      if (current && current !== link) current.removeAttribute("aria-describedby");
      current = link;
      fill(data);
      tip.hidden = false;
      link.setAttribute("aria-describedby", TIP_ID);
      if (event && event.type === "mouseenter") place(link, event.clientX, event.clientY);
      else place(link);
    }

    function hide() {
      window.clearTimeout(hideTimer);
      tip.hidden = true;
      if (current) current.removeAttribute("aria-describedby");
      current = null;
    }

    function hideSoon() {
      window.clearTimeout(hideTimer);
      hideTimer = window.setTimeout(hide, HIDE_DELAY);
    }

    document.querySelectorAll("a.claim[data-claim]").forEach(function (link) {
      link.addEventListener("mouseenter", function (event) { show(link, event); });
      link.addEventListener("mouseleave", hideSoon);
      link.addEventListener("focus", function () { show(link); });
      link.addEventListener("blur", hide);
    });
    tip.addEventListener("mouseenter", function () { window.clearTimeout(hideTimer); });
    tip.addEventListener("mouseleave", hideSoon);
    hidePreview = function () { if (!tip.hidden) hide(); };
  }

  var hidePreview = function () {};
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hidePreview();
  });

  /* --- claims index filter ------------------------------------------------------ */

  function setupFilter() {
    var form = document.querySelector("form.explainer-filter");
    if (!form) return;
    var rows = Array.prototype.slice.call(document.querySelectorAll("li.claim-row"));
    var status = form.querySelector(".explainer-filter-status");
    form.hidden = false;

    function ticked(name) {
      var values = {};
      form.querySelectorAll("input[name='" + name + "']:checked").forEach(function (box) {
        values[box.value] = true;
      });
      return values;
    }

    function apply() {
      var verdicts = ticked("verdict");
      var tags = ticked("tag");
      var anyTag = Object.keys(tags).length === 0;
      var shown = 0;
      rows.forEach(function (row) {
        var rowTags = (row.getAttribute("data-tags") || "").split(" ");
        var match = verdicts[row.getAttribute("data-verdict")] === true &&
          (anyTag || rowTags.some(function (tag) { return tags[tag] === true; }));
        row.hidden = !match;
        if (match) shown += 1;
      });
      // An article whose claims are all filtered out loses its heading too.
      document.querySelectorAll(".explainer-claims").forEach(function (article) {
        var empty = article.querySelectorAll("li.claim-row:not([hidden])").length === 0;
        article.hidden = empty;
        var heading = article.previousElementSibling;
        if (heading && heading.tagName === "H2") heading.hidden = empty;
      });
      if (status) status.textContent = sayCount("showing_claims", rows.length, { shown: formatNumber(shown) });
    }

    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
  }

  function init() {
    words = null;
    setupPreviews();
    setupFilter();
  }

  // With Material's instant navigation, document$ emits on every page; without it, once.
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
