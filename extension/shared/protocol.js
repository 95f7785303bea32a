// @ts-check
// Every message between the extension's parts and the engine's worker, in one place:
// the content script (over the long-lived port of shared/messaging.js), the popup and the
// options page (runtime.sendMessage) send a Request; the worker (background.js) answers
// with the Response of that type, or a Failure. `Messages` lists them; `parseRequest`
// is how the worker reads one (whatever arrives is untrusted: a content script runs
// beside the page); `serve` dispatches it; `EngineClient` is the one client every sender
// uses.
//
// Adding a message: its entry in `Messages` (request and response typedefs), its reader
// in `READERS`, a method on `EngineClient`, and its handler in background.js (the
// type check fails until the handler exists).

import { MAX_SAVED, MAX_SAVED_TEXT } from './settings.js';

/** @typedef {import('reply-coach-engine').Lang} Lang */
/** @typedef {import('reply-coach-engine').Platform} Platform */
/** @typedef {import('reply-coach-engine').Post} Post */
/** @typedef {import('reply-coach-engine').Report} Report */
/** @typedef {import('reply-coach-engine').RuleDoc} RuleDoc */
/** @typedef {import('reply-coach-engine').SavedReply} SavedReply */
/** @typedef {import('reply-coach-engine').LintedReply} LintedReply */

/**
 * Analyse a draft with the user's settings.
 * @typedef {object} AnalyzeRequest
 * @property {'analyze'} type
 * @property {Post | null} post  the post being answered, when the page shows one
 * @property {string} draft  the whole draft (the engine windows long input itself)
 * @property {Platform} platform
 * @property {boolean} [reloadSettings]  read the settings from storage again first (the
 *   sender saw them change; the worker's own storage event may still be on the way)
 * @property {boolean} [measureRewrite]  also measure the suggested reply's length as the
 *   platform counts it (one more analysis: asked only while a panel shows it)
 */
/**
 * @typedef {object} AnalyzeResponse
 * @property {true} ok
 * @property {Report} report
 * @property {Lang} uiLanguage  the interface language of the settings used
 * @property {string[] | null} settingsNotice  stored settings that were invalid and
 *   replaced by defaults (field names, or "storage" when they could not be read)
 * @property {{counted: number, limit: number} | null} [rewriteLength]  the suggested
 *   reply's length, when asked for and there is one
 */
/**
 * Every rule's documentation, in `lang` (default: the interface language set).
 * @typedef {{type: 'rules', lang?: Lang}} RulesRequest
 */
/** @typedef {{ok: true, rules: RuleDoc[]}} RulesResponse */
/**
 * The engine's version.
 * @typedef {{type: 'version'}} VersionRequest
 */
/** @typedef {{ok: true, version: string}} VersionResponse */
/**
 * The keyboard shortcut of the panel as the browser has it now ('' when the user
 * removed it), from the manifest's `commands`.
 * @typedef {{type: 'shortcut'}} ShortcutRequest
 */
/** @typedef {{ok: true, shortcut: string}} ShortcutResponse */
/**
 * Open the settings page, at a field (its id on the options page) or none.
 * @typedef {{type: 'openSettings', field: string}} OpenSettingsRequest
 */
/** @typedef {{ok: true}} OpenSettingsResponse */
/**
 * A saved reply's placeholders filled (the engine's fillSavedReply) for the post being
 * answered, with the user's settings and the values the agent typed (by placeholder
 * name). `missing`: the placeholders still to ask for; `text` goes into the box only when
 * it is empty.
 * @typedef {object} FillSavedRequest
 * @property {'fillSaved'} type
 * @property {Post | null} post
 * @property {string} text  the saved reply's text
 * @property {Record<string, string>} values
 * @property {Platform} platform
 */
/** @typedef {{ok: true, text: string, missing: string[]}} FillSavedResponse */
/**
 * Coach saved replies (the engine's lintSavedReplies) with the user's settings, the
 * findings in `lang`: one result per reply, in order. Replies that are not valid saved
 * replies (blank title or text) are refused whole.
 * @typedef {{type: 'lintSaved', replies: SavedReply[], lang?: Lang}} LintSavedRequest
 */
/** @typedef {{ok: true, results: LintedReply[]}} LintSavedResponse */
/**
 * The engine's starter set of saved replies in one language.
 * @typedef {{type: 'starterReplies', lang: Lang}} StarterRepliesRequest
 */
/** @typedef {{ok: true, replies: SavedReply[]}} StarterRepliesResponse */
/** @typedef {{ok: false, error: string}} Failure */

/**
 * @typedef {object} Messages
 * @property {{request: AnalyzeRequest, response: AnalyzeResponse}} analyze
 * @property {{request: RulesRequest, response: RulesResponse}} rules
 * @property {{request: VersionRequest, response: VersionResponse}} version
 * @property {{request: ShortcutRequest, response: ShortcutResponse}} shortcut
 * @property {{request: OpenSettingsRequest, response: OpenSettingsResponse}} openSettings
 * @property {{request: FillSavedRequest, response: FillSavedResponse}} fillSaved
 * @property {{request: LintSavedRequest, response: LintSavedResponse}} lintSaved
 * @property {{request: StarterRepliesRequest, response: StarterRepliesResponse}} starterReplies
 */
/** @typedef {keyof Messages} MessageType */
/** @typedef {Messages[MessageType]['request']} Request */
/** @typedef {Messages[MessageType]['response'] | Failure} Response */
/**
 * What the worker implements: one handler per message type.
 * @typedef {{[K in MessageType]: (request: Messages[K]['request']) => Promise<Messages[K]['response']>}} Handlers
 */

/** The port the content script opens to the worker (shared/messaging.js). */
export const PORT_NAME = 'reply-coach-engine';
/**
 * On the port, requests and answers are matched by id, in any order.
 * @typedef {{id: number, msg: Request}} PortRequest
 * @typedef {{id: number, resp: Response}} PortAnswer
 */

/** The most of a post's text and author the worker passes on. */
export const MAX_POST_TEXT = 20000;
export const MAX_AUTHOR = 200;

/** @param {unknown} v @returns {v is Record<string, unknown>} */
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/** @param {unknown} v @param {number} max */
const clip = (v, max) => (typeof v === 'string' ? v.slice(0, max) : '');
/** @param {unknown} v @returns {v is Lang} */
const isLang = (v) => v === 'nl' || v === 'en';

/** A placeholder's name, as the engine writes them: letters, digits, "_" and "-". */
export const PLACEHOLDER_NAME = /^[\p{L}\p{N}_-]{1,60}$/u;
/** A placeholder left in a text: `{name}`. */
export const RAW_PLACEHOLDER = /\{[\p{L}\p{N}_-]+\}/u;
const MAX_VALUES = 20;
const MAX_VALUE = 200;

/**
 * The values the agent typed for a saved reply's placeholders: names as the engine
 * writes them, values short text without braces (a value never brings a placeholder in).
 * @param {unknown} raw
 * @returns {Record<string, string>}
 */
function readValues(raw) {
  /** @type {Record<string, string>} */
  const out = {};
  if (!isObject(raw)) return out;
  for (const [k, v] of Object.entries(raw).slice(0, MAX_VALUES)) {
    if (PLACEHOLDER_NAME.test(k) && typeof v === 'string' && v.trim() && !/[{}]/.test(v)) out[k] = v.trim().slice(0, MAX_VALUE);
  }
  return out;
}

/** @param {unknown} raw @returns {Post | null} */
function readPost(raw) {
  if (!isObject(raw) || typeof raw.text !== 'string' || !raw.text.trim()) return null;
  const age = raw.age_minutes;
  return {
    text: clip(raw.text, MAX_POST_TEXT),
    author: typeof raw.author === 'string' ? clip(raw.author, MAX_AUTHOR) : null,
    age_minutes: typeof age === 'number' && Number.isFinite(age) && age >= 0 ? age : null,
  };
}

/**
 * How the worker reads each message: every field checked and normalised, nothing else
 * kept.
 * @type {{[K in MessageType]: (raw: Record<string, unknown>) => Messages[K]['request']}}
 */
const READERS = {
  fillSaved: (raw) => ({
    type: 'fillSaved',
    post: readPost(raw.post),
    text: clip(raw.text, MAX_SAVED_TEXT),
    values: readValues(raw.values),
    platform: raw.platform === 'facebook' ? 'facebook' : 'x',
  }),
  lintSaved: (raw) => ({
    type: 'lintSaved',
    // checked by the worker (checkSavedReply): one that is not a saved reply refuses all
    replies: Array.isArray(raw.replies) ? raw.replies.slice(0, MAX_SAVED) : [],
    ...(isLang(raw.lang) ? { lang: raw.lang } : {}),
  }),
  starterReplies: (raw) => ({ type: 'starterReplies', lang: isLang(raw.lang) ? raw.lang : 'en' }),
  analyze: (raw) => ({
    type: 'analyze',
    post: readPost(raw.post),
    // The whole draft, never a slice: a draft cut here would come back with a rewrite of
    // its start only, and applying that rewrite (it replaces the whole draft) would
    // delete the rest. The engine windows long input and then offers no rewrite.
    draft: typeof raw.draft === 'string' ? raw.draft : '',
    platform: raw.platform === 'facebook' ? 'facebook' : 'x',
    ...(raw.reloadSettings === true ? { reloadSettings: true } : {}),
    ...(raw.measureRewrite === true ? { measureRewrite: true } : {}),
  }),
  rules: (raw) => (isLang(raw.lang) ? { type: 'rules', lang: raw.lang } : { type: 'rules' }),
  version: () => ({ type: 'version' }),
  shortcut: () => ({ type: 'shortcut' }),
  // a field id of the options page: letters, digits, "_" and "-" only
  openSettings: (raw) => ({
    type: 'openSettings', field: typeof raw.field === 'string' && /^[A-Za-z0-9_-]{0,80}$/.test(raw.field) ? raw.field : '',
  }),
};

/**
 * A message as the worker may act on it, or null for anything that is not one.
 * @param {unknown} raw
 * @returns {Request | null}
 */
export function parseRequest(raw) {
  if (!isObject(raw) || typeof raw.type !== 'string' || !Object.hasOwn(READERS, raw.type)) return null;
  return READERS[/** @type {MessageType} */ (raw.type)](raw);
}

/** @param {unknown} e  what was thrown @returns {Failure} */
export function failure(e) {
  const message = e !== null && typeof e === 'object' && 'message' in e ? e.message : undefined;
  return { ok: false, error: String(message ?? e) };
}

/**
 * The worker's side: reads a message, runs its handler, and always resolves, to the
 * handler's answer or a Failure.
 * @param {Handlers} handlers
 * @returns {(raw: unknown) => Promise<Response>}
 */
export function serve(handlers) {
  return async (raw) => {
    const request = parseRequest(raw);
    if (!request) return { ok: false, error: 'unknown message' };
    // (one handler per type; TypeScript cannot follow the pairing through the union)
    const handler = /** @type {(r: Request) => Promise<Response>} */ (handlers[request.type]);
    try {
      return await handler(request);
    } catch (e) {
      return failure(e);
    }
  };
}

/**
 * Whether an answer has the shape of a Response to `type`.
 * @param {MessageType} type
 * @param {unknown} resp
 * @returns {boolean}
 */
function wellFormed(type, resp) {
  if (!isObject(resp)) return false;
  if (resp.ok === false) return typeof resp.error === 'string';
  if (resp.ok !== true) return false;
  switch (type) {
    case 'analyze': return isObject(resp.report) && isLang(resp.uiLanguage)
      && (resp.settingsNotice === null || Array.isArray(resp.settingsNotice))
      && (resp.rewriteLength === undefined || resp.rewriteLength === null || isObject(resp.rewriteLength));
    case 'rules': return Array.isArray(resp.rules);
    case 'version': return typeof resp.version === 'string';
    case 'shortcut': return typeof resp.shortcut === 'string';
    case 'openSettings': return true;
    case 'fillSaved': return typeof resp.text === 'string' && Array.isArray(resp.missing);
    case 'lintSaved': return Array.isArray(resp.results);
    case 'starterReplies': return Array.isArray(resp.replies);
    default: return false;
  }
}

/**
 * Sends one message and resolves to the answer; resolves to `undefined` when the other
 * end went away before answering (a stopped worker), and throws when it cannot be reached
 * at all.
 * @typedef {(request: Request) => Promise<unknown>} Transport
 */

/**
 * The one client of the worker, used by the content script, the popup and the options
 * page; only the transport differs. Every call resolves, never throws: to the answer or
 * to a Failure. The worker may be asleep or just restarted: a request that got no answer
 * is sent once more.
 */
export class EngineClient {
  /** @param {Transport} transport */
  constructor(transport) {
    this.transport = transport;
  }

  /**
   * @template {Request} R
   * @param {R} request
   * @returns {Promise<Messages[R['type']]['response'] | Failure>}
   */
  async call(request) {
    for (let attempt = 0; ; attempt++) {
      /** @type {unknown} */
      let resp;
      try {
        resp = await this.transport(request);
      } catch (e) {
        if (attempt === 0) continue;
        return failure(e);
      }
      if (resp === undefined) {
        if (attempt === 0) continue;
        return { ok: false, error: 'no response' };
      }
      if (!wellFormed(request.type, resp)) return { ok: false, error: 'malformed response' };
      return /** @type {Messages[R['type']]['response'] | Failure} */ (resp);
    }
  }

  /**
   * @param {{post: Post | null, draft: string, platform: Platform, reloadSettings?: boolean, measureRewrite?: boolean}} what
   * @returns {Promise<AnalyzeResponse | Failure>}
   */
  analyze({ post, draft, platform, reloadSettings = false, measureRewrite = false }) {
    /** @type {AnalyzeRequest} */
    const request = { type: 'analyze', post, draft, platform };
    if (reloadSettings) request.reloadSettings = true;
    if (measureRewrite) request.measureRewrite = true;
    return this.call(request);
  }

  /** @returns {Promise<ShortcutResponse | Failure>} */
  shortcut() {
    return this.call({ type: 'shortcut' });
  }

  /**
   * @param {string} field  the id of a field on the options page ('' for the top)
   * @returns {Promise<OpenSettingsResponse | Failure>}
   */
  openSettings(field) {
    return this.call({ type: 'openSettings', field });
  }

  /**
   * @param {Lang} [lang]
   * @returns {Promise<RulesResponse | Failure>}
   */
  rules(lang) {
    return this.call(lang ? { type: 'rules', lang } : { type: 'rules' });
  }

  /**
   * @param {{post: Post | null, text: string, values?: Record<string, string>, platform: Platform}} what
   * @returns {Promise<FillSavedResponse | Failure>}
   */
  fillSaved({ post, text, values = {}, platform }) {
    return this.call({ type: 'fillSaved', post, text, values, platform });
  }

  /**
   * @param {SavedReply[]} replies
   * @param {Lang} [lang]
   * @returns {Promise<LintSavedResponse | Failure>}
   */
  lintSaved(replies, lang) {
    return this.call(lang ? { type: 'lintSaved', replies, lang } : { type: 'lintSaved', replies });
  }

  /**
   * @param {Lang} lang
   * @returns {Promise<StarterRepliesResponse | Failure>}
   */
  starterReplies(lang) {
    return this.call({ type: 'starterReplies', lang });
  }

  /** @returns {Promise<VersionResponse | Failure>} */
  version() {
    return this.call({ type: 'version' });
  }
}
