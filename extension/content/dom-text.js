// Reads the plain text of a Draft.js or Lexical editor from its DOM, exactly as the
// editor's model holds it (one line per block, "\n" between blocks and for line-break
// nodes), and maps text offsets (UTF-16, like the engine's spans) back to DOM positions
// so a range can be selected for replacement.

// A block map: [{el, start, end, items:[{type:'text', node, start, len} | {type:'br', node, start}], anchor}]

function textNodesIn(el) {
  const out = [];
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n);
  return out;
}

// Draft.js: blocks are [data-block="true"], leaves are [data-text="true"] (a span with
// one text node, or a <br data-text="true"> in an empty block).
export function mapDraft(editor) {
  const blocks = [];
  let pos = 0;
  const blockEls = [...editor.querySelectorAll('[data-block="true"]')].filter((b) => !b.parentElement.closest('[data-block="true"]'));
  for (const el of blockEls) {
    const start = pos;
    const items = [];
    let anchor = null;
    for (const leaf of el.querySelectorAll('[data-text="true"]')) {
      if (leaf.tagName === 'BR') {
        anchor = anchor ?? leaf.parentNode;
        continue;
      }
      for (const node of textNodesIn(leaf)) {
        items.push({ type: 'text', node, start: pos, len: node.data.length });
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
export function mapLexical(editor) {
  const blocks = [];
  let pos = 0;
  const blockEls = [...editor.children].filter((c) => c.nodeType === 1 && !c.hasAttribute('data-lexical-decorator'));
  for (const el of blockEls) {
    const start = pos;
    const items = [];
    const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
      acceptNode: (n) => {
        if (n.nodeType === 3) return NodeFilter.FILTER_ACCEPT;
        if (n.tagName === 'BR') return NodeFilter.FILTER_ACCEPT;
        if (n.getAttribute('contenteditable') === 'false') return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_SKIP;
      },
    });
    const raw = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) raw.push(n);
    // Drop Lexical's managed trailing <br>.
    if (raw.length && raw[raw.length - 1].nodeType === 1) {
      const prev = raw[raw.length - 2];
      if (!prev || prev.nodeType === 1) raw.pop();
    }
    for (const node of raw) {
      if (node.nodeType === 3) {
        items.push({ type: 'text', node, start: pos, len: node.data.length });
        pos += node.data.length;
      } else {
        items.push({ type: 'br', node, start: pos });
        pos += 1;
      }
    }
    blocks.push({ el, start, end: pos, items, anchor: el });
    pos += 1;
  }
  return blocks;
}

export function textOf(blocks) {
  let out = '';
  blocks.forEach((b, i) => {
    if (i) out += '\n';
    for (const it of b.items) out += it.type === 'text' ? it.node.data : '\n';
  });
  return out;
}

function indexIn(node) {
  return Array.prototype.indexOf.call(node.parentNode.childNodes, node);
}

// DOM position {node, offset} for a text offset. `side` says which node to prefer at a
// boundary between two leaves: 'start' of a range takes the later leaf, 'end' the earlier.
export function pointAt(blocks, offset, side = 'start') {
  if (!blocks.length) return null;
  let block = blocks.find((b) => offset >= b.start && offset <= b.end);
  if (!block) block = offset < blocks[0].start ? blocks[0] : blocks[blocks.length - 1];
  const items = block.items;
  if (!items.length) return { node: block.anchor, offset: 0 };
  offset = Math.max(block.start, Math.min(block.end, offset));
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (it.type === 'text') {
      const end = it.start + it.len;
      if (offset < end || (offset === end && (side === 'end' || i === items.length - 1 || items[i + 1].type === 'br'))) {
        if (offset >= it.start) return { node: it.node, offset: offset - it.start };
      }
    } else if (offset === it.start) {
      return { node: it.node.parentNode, offset: indexIn(it.node) };
    }
  }
  const last = items[items.length - 1];
  if (last.type === 'br') return { node: last.node.parentNode, offset: indexIn(last.node) + 1 };
  return { node: last.node, offset: last.len };
}

export function selectOffsets(editor, blocks, start, end) {
  const doc = editor.ownerDocument;
  const a = pointAt(blocks, start, 'start');
  const b = pointAt(blocks, end, start === end ? 'start' : 'end');
  if (!a || !b) return false;
  const sel = doc.getSelection();
  const range = doc.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  sel.removeAllRanges();
  sel.addRange(range);
  return true;
}

// The text as users and engines compare it: no NBSPs, no zero-width characters, \n lines.
export function normalise(s) {
  return String(s ?? '').replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ').replace(/[\u200b\u200c\ufeff]/g, '');
}

// Visible text of a post element: text nodes, emoji <img alt>, <br> as a line break.
export function visibleText(el) {
  if (!el) return '';
  let out = '';
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === 3) out += n.data;
    else if (n.tagName === 'IMG' && n.getAttribute('alt')) out += n.getAttribute('alt');
    else if (n.tagName === 'BR') out += '\n';
  }
  return normalise(out).trim();
}

// Age in minutes from a <time datetime>, <abbr data-utime> or a short relative label
// ("35m", "2 u", "3h", "1 d", "5 min", "2 hrs").
export function ageFromElement(root, now = Date.now()) {
  if (!root) return null;
  const time = root.querySelector('time[datetime]');
  if (time) {
    const ms = Date.parse(time.getAttribute('datetime'));
    if (Number.isFinite(ms)) return Math.max(0, (now - ms) / 60000);
  }
  const abbr = root.querySelector('abbr[data-utime]');
  if (abbr) {
    const s = Number(abbr.getAttribute('data-utime'));
    if (Number.isFinite(s) && s > 0) return Math.max(0, (now - s * 1000) / 60000);
  }
  return null;
}

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
