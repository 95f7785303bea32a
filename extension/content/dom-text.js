// @ts-check
// Reads the plain text of a Draft.js or Lexical editor from its DOM, exactly as the
// editor's model holds it (one line per block, "\n" between blocks and for line-break
// nodes), and maps text offsets (UTF-16, like the engine's spans) back to DOM positions
// so a range can be selected for replacement.

/**
 * One block of the editor (a line of its model) in a block map: where its text starts and
 * ends in the draft, its text nodes and line breaks, and where an empty one is selected.
 * @typedef {{el: Element, start: number, end: number, items: Item[], anchor: Node, anchorOffset?: number}} Block
 * @typedef {{type: 'text', node: Text, start: number, len: number, from: number} | {type: 'br', node: Element, start: number}} Item
 *   a text item covers node.data.slice(from, from + len) (from > 0 only where the draft
 *   starts inside a node: after a reply box's leading mention)
 */

/** @param {Element} el */
function textNodesIn(el) {
  /** @type {Text[]} */
  const out = [];
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(/** @type {Text} */ (n));
  return out;
}

// Draft.js: blocks are [data-block="true"], leaves are [data-text="true"] (a span with
// one text node, or a <br data-text="true"> in an empty block).
/** @param {Element} editor @returns {Block[]} */
export function mapDraft(editor) {
  /** @type {Block[]} */
  const blocks = [];
  let pos = 0;
  const blockEls = [...editor.querySelectorAll('[data-block="true"]')].filter((b) => !b.parentElement?.closest('[data-block="true"]'));
  for (const el of blockEls) {
    const start = pos;
    /** @type {Item[]} */
    const items = [];
    /** @type {Node | null} */
    let anchor = null;
    for (const leaf of el.querySelectorAll('[data-text="true"]')) {
      if (leaf.tagName === 'BR') {
        anchor = anchor ?? leaf.parentNode;
        continue;
      }
      for (const node of textNodesIn(leaf)) {
        items.push({ type: 'text', node, start: pos, len: node.data.length, from: 0 });
        pos += node.data.length;
      }
    }
    blocks.push({ el, start, end: pos, items, anchor: anchor ?? el });
    pos += 1; // the "\n" between blocks
  }
  return blocks;
}

// Lexical: blocks are the root's element children (p, h1…, blockquote, li…); text lives
// in [data-lexical-text] spans, a LineBreakNode is a <br>. Lexical adds one extra
// <br> of its own at the end of a block that is empty or ends in a line break.
// `skip`: an element at the very start of the first block that is not part of the draft
// (a reply box's leading mention of the person answered): its text, and the spaces right
// after it, are left out, so offset 0 is the first character the agent wrote.
/** @param {Element} editor @param {{skip?: Element | null}} [options] @returns {Block[]} */
export function mapLexical(editor, { skip = null } = {}) {
  /** @type {Block[]} */
  const blocks = [];
  let pos = 0;
  const blockEls = [...editor.children].filter((c) => c.nodeType === 1 && !c.hasAttribute('data-lexical-decorator'));
  for (const el of blockEls) {
    const start = pos;
    /** @type {Item[]} */
    const items = [];
    const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
      acceptNode: (n) => {
        if (n.nodeType === 3) return NodeFilter.FILTER_ACCEPT;
        const e = /** @type {Element} */ (n);
        if (e.tagName === 'BR') return NodeFilter.FILTER_ACCEPT;
        if (e.getAttribute('contenteditable') === 'false') return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_SKIP;
      },
    });
    /** @type {Node[]} */
    const raw = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) raw.push(n);
    // Drop Lexical's managed trailing <br>.
    if (raw.length && raw[raw.length - 1].nodeType === 1) {
      const prev = raw[raw.length - 2];
      if (!prev || prev.nodeType === 1) raw.pop();
    }
    let skipping = Boolean(skip) && !blocks.length;
    /** @type {{node: Node, offset: number} | null} where an empty draft after the skipped part starts */
    let after = null;
    for (const node of raw) {
      if (node.nodeType === 3) {
        const text = /** @type {Text} */ (node);
        let from = 0;
        if (skipping) {
          from = skip?.contains(text) ? text.data.length : 0;
          while (from < text.data.length && (text.data[from] === ' ' || text.data[from] === '\u00a0')) from++;
          if (from === text.data.length) { after = { node: text, offset: from }; continue; }
          skipping = false;
        }
        items.push({ type: 'text', node: text, start: pos, len: text.data.length - from, from });
        pos += text.data.length - from;
      } else {
        skipping = false;
        items.push({ type: 'br', node: /** @type {Element} */ (node), start: pos });
        pos += 1;
      }
    }
    blocks.push(after && !items.length ? { el, start, end: pos, items, anchor: after.node, anchorOffset: after.offset } : { el, start, end: pos, items, anchor: el });
    pos += 1;
  }
  return blocks;
}

/** @param {Block[]} blocks  @returns {string} the draft as the editor's model holds it */
export function textOf(blocks) {
  let out = '';
  blocks.forEach((b, i) => {
    if (i) out += '\n';
    for (const it of b.items) out += it.type === 'text' ? it.node.data.slice(it.from, it.from + it.len) : '\n';
  });
  return out;
}

/** @param {Node} node */
function parentOf(node) {
  if (!node.parentNode) throw new Error('a detached node in the block map');
  return node.parentNode;
}

/** @param {Node} node */
function indexIn(node) {
  return Array.prototype.indexOf.call(parentOf(node).childNodes, node);
}

// DOM position {node, offset} for a text offset. `side` says which node to prefer at a
// boundary between two leaves: 'start' of a range takes the later leaf, 'end' the earlier.
/**
 * @param {Block[]} blocks
 * @param {number} offset
 * @param {'start' | 'end'} [side]
 * @returns {{node: Node, offset: number} | null}
 */
export function pointAt(blocks, offset, side = 'start') {
  if (!blocks.length) return null;
  let block = blocks.find((b) => offset >= b.start && offset <= b.end);
  if (!block) block = offset < blocks[0].start ? blocks[0] : blocks[blocks.length - 1];
  const items = block.items;
  if (!items.length) return { node: block.anchor, offset: block.anchorOffset ?? 0 };
  offset = Math.max(block.start, Math.min(block.end, offset));
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (it.type === 'text') {
      const end = it.start + it.len;
      if (offset < end || (offset === end && (side === 'end' || i === items.length - 1 || items[i + 1].type === 'br'))) {
        if (offset >= it.start) return { node: it.node, offset: it.from + offset - it.start };
      }
    } else if (offset === it.start) {
      return { node: parentOf(it.node), offset: indexIn(it.node) };
    }
  }
  const last = items[items.length - 1];
  if (last.type === 'br') return { node: parentOf(last.node), offset: indexIn(last.node) + 1 };
  return { node: last.node, offset: last.from + last.len };
}

/**
 * Selects [start, end) of the draft in the editor.
 * @param {Element} editor
 * @param {Block[]} blocks
 * @param {number} start
 * @param {number} end
 */
export function selectOffsets(editor, blocks, start, end) {
  const doc = editor.ownerDocument;
  const a = pointAt(blocks, start, 'start');
  const b = pointAt(blocks, end, start === end ? 'start' : 'end');
  if (!a || !b) return false;
  const sel = doc.getSelection();
  if (!sel) return false;
  const range = doc.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  sel.removeAllRanges();
  sel.addRange(range);
  return true;
}

// The text as users and engines compare it: no NBSPs, no zero-width characters, \n lines.
/** @param {string | null | undefined} s */
export function normalise(s) {
  return String(s ?? '').replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ').replace(/[\u200b\u200c\ufeff]/g, '');
}

// Visible text of a post element: text nodes, emoji <img alt>, <br> as a line break, and
// a line break between block elements (Facebook writes each line of a post or comment as
// its own div[dir="auto"], with no "\n" between them). Whitespace-only text with a line
// break in it, directly in a block element, is the page source's indentation, not text.
const BLOCKS = new Set(['DIV', 'P', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER']);

/** @param {Element | null | undefined} el */
export function visibleText(el) {
  if (!el) return '';
  let out = '';
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === 3) {
      const data = /** @type {Text} */ (n).data;
      const parent = n.parentElement;
      if (parent && BLOCKS.has(parent.tagName) && /^\s*$/.test(data) && /[\n\r]/.test(data)) continue;
      out += data;
      continue;
    }
    const e = /** @type {Element} */ (n);
    if (BLOCKS.has(e.tagName) && out && !out.endsWith('\n')) out += '\n';
    if (e.tagName === 'IMG' && e.getAttribute('alt')) out += e.getAttribute('alt');
    else if (e.tagName === 'BR') out += '\n';
  }
  return normalise(out).replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

// Age in minutes from a <time datetime> or an <abbr data-utime>.
/**
 * @param {Element | null | undefined} root
 * @param {number} [now]
 * @returns {number | null}
 */
export function ageFromElement(root, now = Date.now()) {
  if (!root) return null;
  const time = root.querySelector('time[datetime]');
  if (time) {
    const ms = Date.parse(time.getAttribute('datetime') ?? '');
    if (Number.isFinite(ms)) return Math.max(0, (now - ms) / 60000);
  }
  const abbr = root.querySelector('abbr[data-utime]');
  if (abbr) {
    const s = Number(abbr.getAttribute('data-utime'));
    if (Number.isFinite(s) && s > 0) return Math.max(0, (now - s * 1000) / 60000);
  }
  return null;
}

/**
 * Minutes from a short relative label ("35m", "2 u", "3h", "1 d", "5 min", "2 hrs").
 * @param {string | null | undefined} text
 * @returns {number | null}
 */
export function parseRelative(text) {
  const m = String(text ?? '').trim().toLowerCase().match(/^(\d+)\s*(s|sec|m|min|mins|u|uur|h|hr|hrs|hour|hours|d|dag|dagen|day|days|w|wk|wkn|week|weeks|weken)\.?$/);
  if (!m) return null;
  const n = Number(m[1]);
  const unit = m[2];
  if (unit.startsWith('s')) return n / 60;
  if (unit.startsWith('m')) return n;
  if (['u', 'uur', 'h', 'hr', 'hrs', 'hour', 'hours'].includes(unit)) return n * 60;
  if (unit.startsWith('d')) return n * 1440;
  return n * 10080;
}
