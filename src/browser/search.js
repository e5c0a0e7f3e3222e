// Puts Pagefind's search box into the search page. Without JavaScript the page shows links to browse instead (noscript).
// A large site's index is written in several bundles (src/search/search-index.ts): the first is the UI's own, the
// others are listed in a small file the box merges. If that list cannot be read, the first bundle is searched alone.
/* global PagefindUI */
(function startSearch() {
  const container = document.getElementById("search");
  if (!container || typeof PagefindUI !== "function") return;
  const list = container.dataset.bundleList;
  const bundles = list ? fetch(list).then((response) => (response.ok ? response.json() : [])) : Promise.resolve([]);
  bundles
    .catch(() => [])
    .then((paths) => {
      const mergeIndex = Array.isArray(paths) ? paths.filter((path) => typeof path === "string").map((bundlePath) => ({ bundlePath })) : [];
      const ui = new PagefindUI({ element: "#search", showSubResults: true, showImages: false, autofocus: true, mergeIndex });
      const query = new URLSearchParams(window.location.search).get("q");
      if (query) ui.triggerSearch(query);
    });
})();
