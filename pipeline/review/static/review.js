// pressfacts review: keys and highlight selection on top of the plain HTML forms.
// Every action still goes through the page's own forms (POST with their CSRF field).
"use strict";

(function () {
  const text = document.getElementById("text");
  if (!text) return;
  const claims = text.dataset.claims ? text.dataset.claims.split(" ") : [];
  const panels = Array.from(document.querySelectorAll("[data-panel]"));
  let selected = text.dataset.selected || "";

  function select(id, scroll) {
    const panel = document.getElementById("p-" + id);
    if (!panel) return;
    selected = id;
    panels.forEach((p) => { p.hidden = p !== panel; });
    document.querySelectorAll(".hl.selected").forEach((h) => h.classList.remove("selected"));
    document.querySelectorAll('.hl[data-sel="' + CSS.escape(id) + '"]').forEach((h) => h.classList.add("selected"));
    const url = new URL(location.href);
    url.searchParams.set("sel", id);
    url.hash = "";
    history.replaceState(null, "", url);
    const mark = document.getElementById("t-" + id);
    if (scroll && mark) mark.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }

  function step(delta) {
    if (!claims.length) return;
    const at = claims.indexOf(selected);
    const next = at < 0 ? (delta > 0 ? 0 : claims.length - 1)
      : Math.min(claims.length - 1, Math.max(0, at + delta));
    select(claims[next], true);
  }

  function submit(selector) {
    const form = document.querySelector(selector);
    if (form) form.requestSubmit();
  }

  function correct() {
    const details = document.querySelector("#p-" + CSS.escape(selected) + " details.correct");
    if (!details) return;
    details.open = true;
    details.querySelector("input:not([type=hidden]), select").focus();
  }

  document.addEventListener("click", (event) => {
    const link = event.target.closest("[data-sel]");
    if (!link || event.metaKey || event.ctrlKey || !window.getSelection().isCollapsed) return;
    event.preventDefault();
    select(link.dataset.sel, true);
  });

  document.addEventListener("keydown", (event) => {
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    const field = event.target.closest("input, select, textarea");
    if (field) {
      if (event.key === "Escape") field.blur();
      return;
    }
    const panel = "#p-" + CSS.escape(selected);
    const keys = {
      j: () => step(1),
      k: () => step(-1),
      a: () => submit(panel + " form.accept"),
      x: () => submit(panel + " form.reject"),
      e: correct,
      u: () => submit("#undo"),
    };
    if (keys[event.key]) {
      event.preventDefault();
      keys[event.key]();
    }
  });

  // Selecting text in the release fills the "add a missed claim" form with its text and offset
  // (counted in Unicode code points, as the server counts them).
  text.addEventListener("mouseup", () => {
    const sel = window.getSelection();
    if (sel.isCollapsed || !sel.rangeCount) return;
    const range = sel.getRangeAt(0);
    if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) return;
    const before = document.createRange();
    before.setStart(text, 0);
    before.setEnd(range.startContainer, range.startOffset);
    const raw = range.toString();
    const chosen = raw.trim();
    if (!chosen) return;
    const lead = raw.length - raw.trimStart().length;
    const start = Array.from(before.toString() + raw.slice(0, lead)).length;
    const form = document.querySelector("#add form");
    form.elements.text.value = chosen;
    form.elements.start.value = String(start);
    const number = chosen.replace(/[\s,\u00a0\u202f]/g, "").match(/-?\d+(\.\d+)?/);
    if (number) form.elements.value.value = number[0];
    document.getElementById("add").open = true;
  });
})();
