// Simulates a browser without WebAssembly (runs before embed.js: module scripts run in order).
delete globalThis.WebAssembly;
