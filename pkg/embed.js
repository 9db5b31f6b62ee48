// reply-widget embed: mounts the widget on the elements marked data-reply-widget="outline",
// "figures" and "article". Where WebAssembly is missing or the module cannot load, the page's
// own static text stays as it is and one console warning says why.
const parts = {};
for (const el of document.querySelectorAll("[data-reply-widget]")) {
  parts[el.getAttribute("data-reply-widget")] = el;
}

async function start() {
  if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
    console.warn("reply-widget: this browser has no WebAssembly; the static text of the reply is shown instead.");
    return null;
  }
  try {
    const widget = await import("./reply_widget.js");
    await widget.default();
    return widget.mount({ outline: parts.outline, figures: parts.figures, article: parts.article });
  } catch (e) {
    console.warn("reply-widget: could not start (" + (e && e.message ? e.message : e) + "); the static text of the reply is shown instead.");
    return null;
  }
}

export const ready = Object.keys(parts).length ? start() : Promise.resolve(null);
