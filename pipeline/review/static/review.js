// forcewatch review window: select words in the article -> the "add a missed fact" form gets their
// offsets in the stored text. Every text piece of the article sits in a <span data-o="OFFSET">, so an
// offset is that piece's start plus the position inside it, counted in code points like Python's str.
(function () {
  "use strict";

  function codePoints(text) {
    return Array.from(text).length;
  }

  // The stored-text offset of a DOM position (node, offset) inside the article, or null.
  function storedOffset(root, node, offset) {
    if (node.nodeType !== Node.TEXT_NODE) {
      // A position between child nodes: the start of the child at `offset`, or the end of the last one.
      var child = node.childNodes[offset];
      if (child) {
        var first = child.nodeType === Node.TEXT_NODE ? child : document.createTreeWalker(child, NodeFilter.SHOW_TEXT).nextNode();
        return first ? storedOffset(root, first, 0) : null;
      }
      var walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT), last = null, t;
      while ((t = walker.nextNode())) { last = t; }
      return last ? storedOffset(root, last, last.data.length) : null;
    }
    var piece = node.parentElement && node.parentElement.closest("[data-o]");
    if (!piece || !root.contains(piece)) { return null; }
    return Number(piece.dataset.o) + codePoints(node.data.slice(0, offset));
  }

  function showFieldsFor(kind) {
    document.querySelectorAll("fieldset.add-fields").forEach(function (fs) {
      fs.hidden = fs.dataset.kind !== kind;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var root = document.getElementById("text");
    var form = document.getElementById("add-form");
    if (!root || !form) { return; }
    var kind = document.getElementById("add-kind");
    showFieldsFor(kind.value);
    kind.addEventListener("change", function () { showFieldsFor(kind.value); });

    function takeSelection() {
      var sel = window.getSelection();
      if (!sel || sel.rangeCount === 0 || sel.isCollapsed) { return; }
      var range = sel.getRangeAt(0);
      if (!root.contains(range.commonAncestorContainer)) { return; }
      var start = storedOffset(root, range.startContainer, range.startOffset);
      var end = storedOffset(root, range.endContainer, range.endOffset);
      if (start === null || end === null || end <= start) { return; }
      var text = range.toString();
      // Trim spaces the reader's selection picked up at either end.
      var lead = text.length - text.replace(/^\s+/, "").length;
      var trail = text.length - text.replace(/\s+$/, "").length;
      text = text.trim();
      if (!text) { return; }
      start += codePoints(range.toString().slice(0, lead));
      end -= codePoints(range.toString().slice(range.toString().length - trail));
      document.getElementById("add-start").value = start;
      document.getElementById("add-end").value = end;
      document.getElementById("add-text").value = text;
    }

    root.addEventListener("mouseup", takeSelection);
    root.addEventListener("keyup", takeSelection);
    document.addEventListener("selectionchange", function () {
      var sel = window.getSelection();
      if (sel && sel.rangeCount && root.contains(sel.getRangeAt(0).commonAncestorContainer)) { takeSelection(); }
    });
  });
})();
