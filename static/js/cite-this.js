// "Cite this article": a copy button beside each citation. The buttons are hidden in the markup, so a
// reader without JavaScript sees no button that does nothing; the citations are plain text to select.
(function () {
  var status = document.querySelector(".cite-this .copy-status");

  function say(message) {
    if (status) {
      status.textContent = message;
    }
  }

  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function copy(button) {
    var citation = document.getElementById(button.getAttribute("data-copy"));
    if (!citation) {
      return;
    }
    var text = citation.textContent.trim();
    var done = function () {
      say("Citation copied.");
      button.firstChild.textContent = "Copied";
      window.setTimeout(function () { button.firstChild.textContent = "Copy"; }, 2000);
    };
    var failed = function () {
      selectText(citation);
      say("Could not copy: the citation is selected, copy it with your keyboard.");
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, failed);
    } else {
      failed();
    }
  }

  var buttons = document.querySelectorAll(".cite-this .copy-citation");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener("click", function (event) { copy(event.currentTarget); });
  }
})();
