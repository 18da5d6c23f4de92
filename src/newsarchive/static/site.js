// newsarchive: the marks switch and quote clicks. The page reads fully without this script.
(function () {
  "use strict";
  var KEY = "newsarchive-marks";
  var root = document.documentElement;

  function store(value) {
    try { localStorage.setItem(KEY, value); } catch (e) { /* private mode or file:// without storage */ }
  }

  function setMarks(on) {
    root.classList.toggle("marks-off", !on);
    var button = document.getElementById("marks-toggle");
    if (button) {
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.textContent = on ? "Marks shown" : "Marks hidden";
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var button = document.getElementById("marks-toggle");
    if (button) {
      button.hidden = false;
      setMarks(!root.classList.contains("marks-off"));
      button.addEventListener("click", function () {
        var on = root.classList.contains("marks-off");
        setMarks(on);
        store(on ? "on" : "off");
      });
    }
    var body = document.getElementById("article-body");
    if (!body) { return; }
    function speakerPage(target) {
      var quote = target.closest ? target.closest("q[data-href]") : null;
      if (!quote || root.classList.contains("marks-off")) { return null; }
      return quote.getAttribute("data-href");
    }
    body.addEventListener("click", function (event) {
      if (event.target.closest("a")) { return; }
      var selection = window.getSelection ? String(window.getSelection()) : "";
      var href = speakerPage(event.target);
      if (href && !selection) { window.location.href = href; }
    });
    body.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" || event.target.tagName !== "Q") { return; }
      var href = speakerPage(event.target);
      if (href) { window.location.href = href; }
    });
  });
}());
