// Search filters start folded on narrow screens, where they sit above the results; without this script
// they stay open (the <details> works on its own).
(function () {
  var panel = document.querySelector("details.filter-panel");
  if (panel && window.matchMedia("(max-width: 60rem)").matches) {
    panel.open = false;
  }
})();
