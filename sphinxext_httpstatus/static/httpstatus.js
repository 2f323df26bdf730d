/* sphinxext-httpstatus: tooltips for status-code references.
 *
 * Progressive enhancement: without this script every reference is a plain link whose `title`
 * carries the meaning. With it, the same text shows on hover *and* keyboard focus in one shared
 * tooltip that meets WCAG 1.4.13: Esc dismisses it, the pointer can move onto it, and it stays
 * while hovered or focused. Text is only ever set with textContent, never parsed as HTML.
 *
 * Focus and hover: hovering link B while link A has keyboard focus shows B's text for as long as
 * the pointer stays; only the link whose text is shown has aria-describedby. When the pointer
 * leaves, the tooltip returns to A (its text, its aria-describedby) instead of vanishing.
 */
(function () {
  "use strict";
  var HIDE_DELAY_MS = 300;
  var tip = null;
  var owner = null; // the link whose text the tooltip shows
  var focused = null; // the link with keyboard focus, if any
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

  // The pointer left: back to the focused link's own text, or nothing.
  function settle() {
    hideTimer = null;
    if (focused && focused !== owner) {
      show(focused);
    } else if (!focused) {
      hide();
    }
  }

  function scheduleHide() {
    cancelHide();
    hideTimer = setTimeout(settle, HIDE_DELAY_MS);
  }

  // Inside the page's main landmark, so assistive technology finds it with the content it
  // describes; the body only for a theme without one.
  function container() {
    return document.querySelector("main, [role='main']") || document.body;
  }

  // Where (0, 0) of the tooltip's positioning box is, in viewport coordinates.
  function origin(element) {
    var parent = element.offsetParent;
    if (!parent || (parent === document.body && getComputedStyle(parent).position === "static")) {
      return { left: -window.scrollX, top: -window.scrollY };
    }
    var box = parent.getBoundingClientRect();
    return {
      left: box.left + parent.clientLeft - parent.scrollLeft,
      top: box.top + parent.clientTop - parent.scrollTop,
    };
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
      container().appendChild(tip);
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
    var zero = origin(element);
    element.style.left = left - zero.left + "px";
    element.style.top = top - zero.top + "px";
  }

  function show(link) {
    cancelHide();
    var element = tooltip();
    element.textContent = link.getAttribute("data-httpstatus-tip");
    element.hidden = false;
    if (owner && owner !== link) owner.removeAttribute("aria-describedby");
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
    link.addEventListener("focus", function () {
      focused = link;
      show(link);
    });
    link.addEventListener("blur", function () {
      if (focused === link) focused = null;
      if (owner === link) hide();
    });
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
