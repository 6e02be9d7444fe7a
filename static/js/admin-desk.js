/* The editor's desk: nothing typed into an article form is lost.
 *
 * - Leaving a changed form (a link, reload, closing the tab) asks first.
 * - While the form has unsaved changes, a copy of its fields is kept in this browser (localStorage) every
 *   AUTOSAVE_SECONDS and when the page is left; opening the form again offers to recover it.
 * - A copy is forgotten once the admin confirms a save.
 * - On a saved article, the whole form is also posted to the server (its autosave URL, with the CSRF
 *   token) every AUTOSAVE_SECONDS while it has unsaved changes and when the page is left; the change
 *   form then offers "Recover autosaved version from <time>" from any browser.
 * - A copy holds every input (inline rows and their order included) and the names its pickers showed;
 *   recovering adds the inline rows it needs and gives autocomplete pickers their option back, so the
 *   form shows, and saves, all of it. A file input cannot be refilled: the recovery box says so.
 * - Of this browser's copy and the server's, only the newer is offered.
 * No inline script or style: the Content-Security-Policy allows only the site's own files.
 */
(function () {
  "use strict";
  var AUTOSAVE_SECONDS = 15;
  var PREFIX = "peninsula-autosave:";
  var KEY = PREFIX + window.location.pathname;

  function read(key) {
    try { return JSON.parse(window.localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }
  function write(key, value) {
    try { window.localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* storage full or off */ }
  }

  function forgetConfirmedSaves() {
    // The admin shows a success message after a save: copies submitted before it are no longer needed.
    if (!document.querySelector(".messagelist .success")) { return; }
    for (var i = window.localStorage.length - 1; i >= 0; i--) {
      var key = window.localStorage.key(i);
      if (key && key.indexOf(PREFIX) === 0 && (read(key) || {}).submitted) { window.localStorage.removeItem(key); }
    }
  }

  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name !== "csrfmiddlewaretoken" && el.name.charAt(0) !== "_" &&
        ["file", "submit", "button", "reset"].indexOf(el.type) === -1 && el.tagName !== "BUTTON";
    });
  }

  function isEmptyFormTemplate(el) { return el.name.indexOf("__prefix__") !== -1; }

  function snapshot(form) {
    var values = {}, labels = {};
    fields(form).forEach(function (el) {
      if (isEmptyFormTemplate(el)) { return; }
      if (el.type === "checkbox" || el.type === "radio") {
        values[el.name] = el.checked;
      } else if (el.tagName === "SELECT" && el.multiple) {
        values[el.name] = Array.prototype.map.call(el.selectedOptions, function (o) { return o.value; });
      } else {
        values[el.name] = el.value;
        if (el.tagName === "SELECT" && el.value && el.selectedOptions.length) {
          labels[el.name] = el.selectedOptions[0].textContent;
        }
      }
    });
    return {values: values, labels: labels};
  }

  function addInlineRows(form, values) {
    // An inline group shows as many rows as the page was built with: click its "Add another" link
    // until it has as many as the copy (Django's inlines.js builds each row and its pickers).
    Object.keys(values).forEach(function (name) {
      var match = /^(.+)-TOTAL_FORMS$/.exec(name);
      var total = form.elements.namedItem(name);
      if (!match || !total) { return; }
      var add = document.querySelector("#" + CSS.escape(match[1]) + "-group .add-row a");
      for (var guard = 0; add && Number(total.value) < Number(values[name]) && guard < 500; guard++) { add.click(); }
    });
  }

  function choose(el, value, label) {
    // An autocomplete picker holds only its chosen option: put back the one the copy names.
    var wanted = [].concat(value);
    wanted.forEach(function (v) {
      if (v && !Array.prototype.some.call(el.options, function (o) { return o.value === v; })) {
        el.appendChild(new Option(label || v, v, false, false));
      }
    });
    Array.prototype.forEach.call(el.options, function (o) { o.selected = wanted.indexOf(o.value) !== -1; });
  }

  function restore(form, saved) {
    var values = saved.values || saved, labels = saved.labels || {};
    addInlineRows(form, values);
    fields(form).forEach(function (el) {
      if (!(el.name in values) || /-(TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS$/.test(el.name)) { return; }
      if (el.type === "checkbox" || el.type === "radio") {
        el.checked = values[el.name];
      } else if (el.tagName === "SELECT") {
        choose(el, values[el.name], labels[el.name]);
      } else {
        el.value = values[el.name];
      }
      el.dispatchEvent(new Event("input", {bubbles: true}));
      el.dispatchEvent(new Event("change", {bubbles: true}));  // select2 and the body editor listen
    });
  }

  function hasFileInput(form) { return !!form.querySelector("input[type=file]"); }

  function offerRecovery(form, saved) {
    var box = document.createElement("div");
    box.className = "desk-recover";
    box.setAttribute("role", "status");
    var text = document.createElement("p");
    text.textContent = "Unsaved changes to this form from " + new Date(saved.savedAt).toLocaleString() +
      " were kept in this browser" + (hasFileInput(form) ? " (a picture file chosen then cannot be kept: choose it again). " : ". ");
    var recover = document.createElement("button");
    recover.type = "button"; recover.className = "button"; recover.textContent = "Recover them";
    var discard = document.createElement("button");
    discard.type = "button"; discard.className = "button"; discard.textContent = "Discard them";
    text.appendChild(recover); text.appendChild(document.createTextNode(" ")); text.appendChild(discard);
    box.appendChild(text);
    form.parentNode.insertBefore(box, form);
    recover.addEventListener("click", function () {
      restore(form, saved.fields);
      box.remove();
    });
    discard.addEventListener("click", function () {
      window.localStorage.removeItem(KEY);
      box.remove();
    });
  }

  function serverAutosave(form) {
    var holder = document.getElementById("desk-drafts");
    var url = holder && holder.getAttribute("data-autosave-url");
    var lastPosted = null;
    return function post(leaving) {
      var title = form.elements.namedItem("title"), body = form.elements.namedItem("body");
      var token = form.elements.namedItem("csrfmiddlewaretoken");
      if (!url || !title || !body || !token || !title.value.trim()) { return Promise.resolve(null); }
      var copy = snapshot(form);
      delete copy.values.title; delete copy.values.body;
      var posted = JSON.stringify([title.value, body.value, copy]);
      if (posted === lastPosted) { return Promise.resolve(null); }
      var data = new FormData();
      data.append("title", title.value);
      data.append("body", body.value);
      data.append("form", JSON.stringify(copy));
      return window.fetch(url, {method: "POST", body: data, credentials: "same-origin", keepalive: !!leaving,
                                headers: {"X-CSRFToken": token.value, "Accept": "application/json"}})
        .then(function (response) { if (response.ok) { lastPosted = posted; } return response.ok; })
        .catch(function () { return false; });
    };
  }

  function offerServerCopy(form, local) {
    var box = document.querySelector(".desk-autosave");
    var data = document.getElementById("autosave-fields");
    if (!box || !data) { return false; }
    if (local && local.savedAt > Date.parse(box.getAttribute("data-saved-at"))) {
      box.remove();  // this browser's copy is newer: offer that one only
      return false;
    }
    var saved = JSON.parse(data.textContent);
    box.querySelector("[data-recover-autosave]").addEventListener("click", function () {
      restore(form, saved);
      box.remove();
    });
    box.querySelector("[data-discard-autosave]").addEventListener("click", function () {
      var holder = document.getElementById("desk-drafts");
      var body = new FormData();
      body.append("discard", "1");
      window.fetch(holder.getAttribute("data-autosave-url"), {method: "POST", body: body, credentials: "same-origin",
        headers: {"X-CSRFToken": form.elements.namedItem("csrfmiddlewaretoken").value}});
      box.remove();
    });
    return true;
  }

  function guard(form) {
    var dirty = false;
    var submitting = false;
    var saved = read(KEY);
    var local = saved && !saved.submitted && saved.fields ? saved : null;
    // One recovery box: the server's copy unless this browser's is newer.
    if (!offerServerCopy(form, local) && local) { offerRecovery(form, local); }
    var postCopy = serverAutosave(form);

    function keep(submitted, leaving) {
      write(KEY, {savedAt: Date.now(), submitted: submitted, fields: snapshot(form)});
      return submitted ? Promise.resolve(null) : postCopy(leaving);
    }
    function changed() { dirty = true; }
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", function () {
      submitting = true;
      if (dirty) { keep(true); }  // kept until the admin confirms the save
    });
    window.setInterval(function () { if (dirty && !submitting) { keep(false); } }, AUTOSAVE_SECONDS * 1000);
    window.addEventListener("beforeunload", function (event) {
      if (!dirty || submitting) { return undefined; }
      keep(false, true);
      event.preventDefault();
      event.returnValue = "";  // the browser shows its own "Leave site?" question
      return "";
    });
    window.peninsulaDesk = {autosave: function () { return keep(false); }, isDirty: function () { return dirty; }};
  }

  document.addEventListener("DOMContentLoaded", function () {
    forgetConfirmedSaves();
    var form = document.getElementById("article_form");
    if (form) { guard(form); }
  });
}());
