// Swaps [data-hide-from]/[data-show-from] at their instant; adds the visitor's time to online classes.
(function () {
  var swap = function () {
    var now = Date.now(), next = Infinity;
    document.querySelectorAll("[data-hide-from],[data-show-from]").forEach(function (el) {
      var at = Date.parse(el.dataset.hideFrom || el.dataset.showFrom);
      el.hidden = now >= at === !!el.dataset.hideFrom;
      if (at > now) next = Math.min(next, at);
    });
    if (next - now < 2e9) setTimeout(swap, next - now);
  };
  swap();
  if (Intl.DateTimeFormat().resolvedOptions().timeZone == "America/Denver") return;
  var time = function (iso, zone) {
    return new Date(iso).toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit", timeZoneName: zone });
  };
  document.querySelectorAll("[data-local-start]").forEach(function (el) {
    el.textContent = "Your time: " + time(el.dataset.localStart) + " \u2013 " + time(el.dataset.localEnd, "short");
    el.hidden = false;
  });
})();
