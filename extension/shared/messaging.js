// @ts-check
// The two ways a message reaches the engine's worker, as transports for the one client
// (EngineClient in shared/protocol.js):
//
// - `sendMessage`: runtime.sendMessage, for the popup and the options page.
// - `EnginePort`: the content script's long-lived port (runtime.connect). A one-time
//   message opens a channel through the browser process, dispatches it to the worker and
//   closes it again, on every keystroke; on a port each request is one message each way.
//
// The port closes when the worker stops (the browser may stop it at any time), when the
// extension is reloaded, or after IDLE_MS without requests (so an idle tab holds no
// channel to the worker); the next request opens a new one, which also starts the worker.
// A request whose port closed before the answer came resolves to `undefined`, as
// runtime.sendMessage does when nobody answered, and the client retries once.
import { PORT_NAME } from './protocol.js';

/** @typedef {import('./protocol.js').Request} Request */
/** @typedef {import('./protocol.js').PortRequest} PortRequest */
/** @typedef {import('./protocol.js').PortAnswer} PortAnswer */

const IDLE_MS = 30000;

function runtime() {
  return (globalThis.browser ?? globalThis.chrome).runtime;
}

/**
 * @param {Request} request
 * @returns {Promise<unknown>}
 */
export function sendMessage(request) {
  return runtime().sendMessage(request);
}

export class EnginePort {
  constructor() {
    /** @type {chrome.runtime.Port | null} */
    this.port = null;
    this.nextId = 1;
    /** @type {Map<number, (answer: unknown) => void>} requests on the current port */
    this.waiting = new Map();
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.idleTimer = undefined;
    this.closeIdle = () => { if (!this.waiting.size) this.close(); };
  }

  connect() {
    const port = runtime().connect({ name: PORT_NAME });
    /** @type {Map<number, (answer: unknown) => void>} */
    const waiting = new Map();
    port.onMessage.addListener((/** @type {PortAnswer} */ m) => {
      const resolve = waiting.get(m?.id);
      if (!resolve) return;
      waiting.delete(m.id);
      resolve(m.resp);
      this.armIdle();
    });
    port.onDisconnect.addListener(() => {
      void runtime().lastError; // read, so the browser does not report it as unchecked
      if (this.port === port) this.port = null;
      for (const resolve of waiting.values()) resolve(undefined);
      waiting.clear();
    });
    this.port = port;
    this.waiting = waiting;
    return port;
  }

  close() {
    const port = this.port;
    if (!port) return;
    this.port = null;
    for (const resolve of this.waiting.values()) resolve(undefined);
    this.waiting.clear();
    try { port.disconnect(); } catch { /* already gone */ }
  }

  armIdle() {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(this.closeIdle, IDLE_MS);
  }

  /**
   * Resolves to the worker's answer, or `undefined` when the port closed first. Throws
   * when no port can be opened (the extension was reloaded or removed).
   * @param {Request} msg
   * @returns {Promise<unknown>}
   */
  request(msg) {
    const port = this.port ?? this.connect();
    const waiting = this.waiting;
    const id = this.nextId++;
    clearTimeout(this.idleTimer);
    return new Promise((resolve) => {
      waiting.set(id, resolve);
      try {
        port.postMessage(/** @type {PortRequest} */ ({ id, msg }));
      } catch {
        // disconnected between the check and the post
        waiting.delete(id);
        if (this.port === port) this.port = null;
        resolve(undefined);
      }
    });
  }
}
