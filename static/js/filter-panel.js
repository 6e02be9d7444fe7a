// Search filters are folded in the markup, so that on a phone, where they sit above the results,
// nothing moves once the page is shown. On wide screens, where they take the side column, open them
// (the stylesheet already shows them in browsers that support ::details-content).
(function () {
  var panel = document.querySelector("details.filter-panel");
  if (panel && window.matchMedia("(min-width: 60.01rem)").matches) {
    panel.open = true;
  }
})();
