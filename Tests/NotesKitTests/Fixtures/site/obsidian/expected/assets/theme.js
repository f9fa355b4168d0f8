// The reader's light or dark choice, remembered in localStorage; without one
// the page follows the system (style.css picks colours with light-dark()).
// Loaded in <head> without `defer`, so a chosen theme applies before the
// first paint instead of flashing the other one.
(function () {
  "use strict";
  var KEY = "notesc-theme";
  var root = document.documentElement;
  var NAMES = { system: "System", light: "Light", dark: "Dark" };
  var NEXT = { system: "light", light: "dark", dark: "system" };

  function stored() {
    try {
      var value = localStorage.getItem(KEY);
      return value === "light" || value === "dark" ? value : "system";
    } catch (e) {
      return "system";  // storage refused (a private window, file:// in some browsers)
    }
  }

  function apply(choice) {
    if (choice === "system") root.removeAttribute("data-theme");
    else root.setAttribute("data-theme", choice);
    // highlight.js has one stylesheet per scheme, chosen by media query:
    // a reader's choice overrides the query.
    var sheets = document.querySelectorAll("link[data-scheme]");
    for (var i = 0; i < sheets.length; i++) {
      var scheme = sheets[i].getAttribute("data-scheme");
      sheets[i].media = choice === "system" ? "(prefers-color-scheme: " + scheme + ")" : (choice === scheme ? "all" : "not all");
    }
    var button = document.getElementById("theme-toggle");
    if (button) {
      button.textContent = "Theme: " + NAMES[choice];
      button.setAttribute("aria-label", "Colour theme: " + NAMES[choice] + " (change to " + NAMES[NEXT[choice]] + ")");
      button.setAttribute("data-choice", choice);
    }
  }

  apply(stored());
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.getElementById("theme-toggle");
    if (!button) return;
    button.hidden = false;
    apply(stored());
    button.addEventListener("click", function () {
      var choice = NEXT[button.getAttribute("data-choice")] || "system";
      try {
        if (choice === "system") localStorage.removeItem(KEY);
        else localStorage.setItem(KEY, choice);
      } catch (e) { /* the choice lasts for this page only */ }
      apply(choice);
    });
  });
})();
