// Turns the search page's fallback into Pagefind's search box. Without JavaScript the fallback stays: links to browse.
/* global PagefindUI */
(function startSearch() {
  const container = document.getElementById("search");
  const fallback = document.getElementById("search-fallback");
  if (!container || typeof PagefindUI !== "function") return;
  const ui = new PagefindUI({ element: "#search", showSubResults: true, showImages: false, autofocus: true });
  if (fallback) fallback.hidden = true;
  const query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
})();
