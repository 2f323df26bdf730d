/* sphinxext-httpstatus: tooltips for status-code references.
 *
 * Progressive enhancement: without this script every reference is a plain link whose `title`
 * carries the meaning. With it, the same text shows on hover *and* keyboard focus in one shared
 * tooltip that meets WCAG 1.4.13: Esc dismisses it, the pointer can move onto it, and it stays
 * while hovered or focused. Text is only ever set with textContent, never parsed as HTML.
 */
(function () {
  "use strict";
  var HIDE_DELAY_MS = 300;
  var tip = null;
  var owner = null;
  var hideTimer = null;

  function cancelHide() {
    if (hideTimer !== null) {
      clearTimeout(hideTimer);
      hideTimer = null;
    }
  }

  function hide() {
    cancelHide();
    if (tip) tip.hidden = true;
    if (owner) owner.removeAttribute("aria-describedby");
    owner = null;
  }

  function scheduleHide() {
    cancelHide();
    hideTimer = setTimeout(hide, HIDE_DELAY_MS);
  }

  function tooltip() {
    if (!tip) {
      tip = document.createElement("div");
      tip.id = "httpstatus-tooltip";
      tip.className = "httpstatus-tooltip";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      tip.addEventListener("mouseenter", cancelHide);
      tip.addEventListener("mouseleave", scheduleHide);
      document.body.appendChild(tip);
    }
    return tip;
  }

  function place(link, element) {
    var box = link.getBoundingClientRect();
    var root = document.documentElement;
    var width = Math.min(element.offsetWidth, root.clientWidth - 16);
    var left = Math.max(8, Math.min(box.left, root.clientWidth - width - 8));
    var top = box.bottom + 6;
    if (top + element.offsetHeight > root.clientHeight && box.top > element.offsetHeight + 6) {
      top = box.top - element.offsetHeight - 6; // no room below: show it above the link
    }
    element.style.left = left + window.scrollX + "px";
    element.style.top = top + window.scrollY + "px";
  }

  function show(link) {
    cancelHide();
    var element = tooltip();
    element.textContent = link.getAttribute("data-httpstatus-tip");
    element.hidden = false;
    owner = link;
    link.setAttribute("aria-describedby", element.id);
    place(link, element);
  }

  function enhance(link) {
    var text = link.getAttribute("title");
    if (!text) return;
    // The custom tooltip replaces the native one; two at once would overlap.
    link.setAttribute("data-httpstatus-tip", text);
    link.removeAttribute("title");
    link.addEventListener("mouseenter", function () { show(link); });
    link.addEventListener("mouseleave", scheduleHide);
    link.addEventListener("focus", function () { show(link); });
    link.addEventListener("blur", hide);
  }

  function init() {
    var links = document.querySelectorAll("a.httpstatus-ref[title]");
    for (var i = 0; i < links.length; i++) enhance(links[i]);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && owner) hide();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
