// Globals the extension uses beyond the DOM and @types/chrome.

// Firefox's promise-based `browser` namespace. Only what chrome.* also has is used, so
// it is typed as chrome's; `globalThis.browser ?? globalThis.chrome` picks the one present.
declare var browser: typeof chrome | undefined;

// main.js: the content script starts once per page, even when injected twice.
declare var __replyCoachStarted: boolean | undefined;
