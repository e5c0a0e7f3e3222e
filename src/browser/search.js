// Puts Pagefind's search box into the search page. Without JavaScript the page shows links to browse instead (noscript).
/* global PagefindUI */
(function startSearch() {
  const container = document.getElementById("search");
  if (!container || typeof PagefindUI !== "function") return;
  const ui = new PagefindUI({ element: "#search", showSubResults: true, showImages: false, autofocus: true });
  const query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
})();
