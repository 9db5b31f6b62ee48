// Test lab: loads the widget module and exposes it, so tests drive the JS API directly.
import init, * as rw from "../../pkg/reply_widget.js";
window.rwWasm = await init();
window.rw = rw;
document.documentElement.dataset.ready = "1";
