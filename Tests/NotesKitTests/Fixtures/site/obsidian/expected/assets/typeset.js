// notesc: math with KaTeX and code with highlight.js, both copied from Debian's packages.
document.addEventListener("DOMContentLoaded", function () {
  if (window.katex) {
    document.querySelectorAll(".math").forEach(function (el) {
      try {
        katex.render(el.textContent, el, { displayMode: el.classList.contains("math-display"), throwOnError: false });
      } catch (e) {
        el.classList.add("math-error");
      }
    });
  }
  if (window.hljs) {
    document.querySelectorAll("pre code[class*='language-']").forEach(function (el) {
      if (el.parentElement.classList.contains("mermaid")) return;
      try { hljs.highlightBlock(el); } catch (e) { /* a language highlight.js does not know */ }
    });
  }
});
