// @ts-check
// The saved-replies library of the options page (the settings field `saved_replies`,
// form kind 'saved'): the list (title, language, tags, the coach's findings), an editor
// to add or change one, delete, and "Add the starter set". Every change is saved with the
// rest of the settings at once (the page's `save`), and every saved reply is coached
// (the engine's lintSavedReplies, through the worker): its findings are shown under it in
// the interface language, and one with an error finding is marked until it is fixed.
// The texts are set with textContent only.
import { t, tn, localise } from '../shared/i18n.js';
import { LANGS, checkSavedReply, savedKey, MAX_SAVED, MAX_SAVED_TEXT, MAX_SAVED_TITLE } from '../shared/settings.js';
import { plainSources } from '../shared/sources.js';

/** @typedef {import('reply-coach-engine').SavedReply} SavedReply */
/** @typedef {import('reply-coach-engine').LintedReply} LintedReply */
/** @typedef {import('reply-coach-engine').Lang} Lang */

/**
 * What the library asks of the page.
 * @typedef {object} LibraryHost
 * @property {() => string} lang  the interface language now
 * @property {() => Promise<boolean>} save  saves the settings with the library as it is now (false: not saved)
 * @property {(replies: SavedReply[], lang: string) => Promise<LintedReply[] | null>} lint  null: the engine could not
 * @property {(lang: string) => Promise<SavedReply[] | null>} starter
 */

/**
 * @param {Document} doc
 * @param {string} tag
 * @param {Record<string, string>} [attrs]  `text` sets the text content
 * @param {...Node} children
 */
function el(doc, tag, attrs = {}, ...children) {
  const e = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
}

export class SavedLibrary {
  /**
   * @param {Document} doc
   * @param {LibraryHost} host
   */
  constructor(doc, host) {
    this.doc = doc;
    this.host = host;
    /** @type {SavedReply[]} */
    this.items = [];
    /** @type {(LintedReply | null)[]} the coach's findings, by index (null: not known) */
    this.linted = [];
    /** @type {number | null} the index being edited (-1: a new one; null: none) */
    this.editing = null;
    this.lintSeq = 0;
    this.list = el(doc, 'ul', { id: 'saved_replies', class: 'saved-list', 'data-testid': 'saved-list' });
    this.empty = el(doc, 'p', { class: 'help', id: 'saved-empty', 'data-i18n': 'savedEmpty' });
    this.title = /** @type {HTMLInputElement} */ (el(doc, 'input', { id: 'saved-title', maxlength: String(MAX_SAVED_TITLE) }));
    this.language = /** @type {HTMLSelectElement} */ (el(doc, 'select', { id: 'saved-language' },
      el(doc, 'option', { value: '', 'data-i18n': 'ruleAnyLanguage' }),
      ...LANGS.map((l) => el(doc, 'option', { value: l, 'data-i18n': l === 'nl' ? 'languageNl' : 'languageEn' }))));
    this.tags = /** @type {HTMLInputElement} */ (el(doc, 'input', { id: 'saved-tags', 'aria-describedby': 'saved-tags-help' }));
    this.text = /** @type {HTMLTextAreaElement} */ (el(doc, 'textarea', {
      id: 'saved-text', rows: '5', maxlength: String(MAX_SAVED_TEXT), 'aria-describedby': 'saved-text-help',
    }));
    this.editorStatus = el(doc, 'p', { class: 'saved-error', id: 'saved-editor-status', role: 'alert' });
    const saveBtn = el(doc, 'button', { type: 'button', id: 'saved-save', class: 'primary', 'data-i18n': 'savedSave' });
    const cancelBtn = el(doc, 'button', { type: 'button', id: 'saved-cancel', 'data-i18n': 'savedCancel' });
    this.editorHeading = el(doc, 'h3', { id: 'saved-editor-title', tabindex: '-1' });
    this.editor = el(doc, 'div', { class: 'saved-editor', id: 'saved-editor', hidden: '', role: 'group', 'aria-labelledby': 'saved-editor-title' },
      this.editorHeading,
      el(doc, 'label', {}, el(doc, 'span', { 'data-i18n': 'savedTitle' }), this.title),
      el(doc, 'label', {}, el(doc, 'span', { 'data-i18n': 'savedLanguage' }), this.language),
      el(doc, 'div', { class: 'field' }, el(doc, 'label', {}, el(doc, 'span', { 'data-i18n': 'savedTags' }), this.tags),
        el(doc, 'p', { class: 'help field-help', id: 'saved-tags-help', 'data-i18n': 'savedTagsHelp' })),
      el(doc, 'label', { class: 'block', for: 'saved-text' }, el(doc, 'span', { 'data-i18n': 'savedText' })),
      this.text,
      el(doc, 'p', { class: 'help', id: 'saved-text-help', 'data-i18n': 'savedTextHelp' }),
      this.editorStatus,
      el(doc, 'div', { class: 'save-bar' }, saveBtn, cancelBtn));
    this.addBtn = el(doc, 'button', { type: 'button', id: 'saved-add', 'data-i18n': 'savedAdd' });
    this.starterBtn = el(doc, 'button', { type: 'button', id: 'saved-starter', 'data-i18n': 'savedStarter' });
    this.status = el(doc, 'p', { id: 'saved-status', role: 'status', 'aria-live': 'polite' });
    saveBtn.addEventListener('click', () => { this.commit(); });
    cancelBtn.addEventListener('click', () => this.closeEditor());
    this.addBtn.addEventListener('click', () => this.openEditor(-1));
    this.starterBtn.addEventListener('click', () => { this.addStarter(); });
    this.editor.addEventListener('keydown', (e) => {
      // Enter in a one-line field saves this reply (not the whole form); Escape cancels
      if (e.key === 'Enter' && e.target instanceof HTMLInputElement) { e.preventDefault(); this.commit(); }
      if (e.key === 'Escape') { e.preventDefault(); this.closeEditor(); }
    });
    this.list.addEventListener('click', (e) => {
      const btn = /** @type {HTMLElement | null} */ (/** @type {Element} */ (e.target).closest('button[data-saved-action]'));
      if (!btn) return;
      const index = Number(btn.dataset.index);
      if (btn.dataset.savedAction === 'edit') this.openEditor(index);
      else if (btn.dataset.savedAction === 'delete') this.remove(index);
    });
  }

  /** @returns {Node[]} what the form's fieldset shows */
  nodes() {
    return [this.list, this.empty, this.editor, el(this.doc, 'div', { class: 'save-bar' }, this.addBtn, this.starterBtn), this.status];
  }

  /** @param {SavedReply[]} items */
  write(items) {
    const same = JSON.stringify(items) === JSON.stringify(this.items);
    this.items = items.map((r) => ({ ...r }));
    if (!same) this.linted = [];
    this.render();
    if (!same || this.linted.length !== items.length) this.lint();
  }

  /** @returns {SavedReply[]} */
  read() {
    return this.items.map((r) => ({ ...r }));
  }

  /** The interface language changed: texts and findings in the new one. */
  relocalise() {
    this.render();
    this.lint();
  }

  /** @param {number} index  -1: a new one */
  openEditor(index) {
    const lang = this.host.lang();
    const r = index >= 0 ? this.items[index] : null;
    this.editing = index;
    this.title.value = r?.title ?? '';
    this.language.value = r?.language ?? (index < 0 ? lang : '');
    this.tags.value = (r?.tags ?? []).join(', ');
    this.text.value = r?.text ?? '';
    this.editorStatus.textContent = '';
    this.editorHeading.textContent = r ? t(lang, 'savedEditing', r.title) : t(lang, 'savedNew');
    this.editor.hidden = false;
    localise(this.editor, lang);
    this.title.focus();
  }

  closeEditor() {
    const was = this.editing;
    this.editing = null;
    this.editor.hidden = true;
    const back = was !== null && was >= 0 ? this.list.querySelector(`button[data-saved-action="edit"][data-index="${was}"]`) : this.addBtn;
    /** @type {HTMLElement | null} */ (back)?.focus();
  }

  // The editor's reply into the library, then saved and coached.
  async commit() {
    const lang = this.host.lang();
    const tags = this.tags.value.split(',').map((s) => s.trim()).filter(Boolean);
    const raw = { title: this.title.value, text: this.text.value, language: this.language.value || null, tags };
    const reply = checkSavedReply(raw);
    const say = (/** @type {string} */ key, /** @type {HTMLElement} */ focus) => {
      this.editorStatus.textContent = t(lang, key);
      focus.focus();
    };
    if (!raw.title.trim()) return say('savedNeedsTitle', this.title);
    if (!raw.text.trim()) return say('savedNeedsText', this.text);
    if (!reply) return say('savedInvalid', this.tags);
    const index = this.editing ?? -1;
    const clash = this.items.findIndex((r, i) => i !== index && savedKey(r) === savedKey(reply));
    if (clash >= 0) return say('savedTitleTaken', this.title);
    if (index < 0 && this.items.length >= MAX_SAVED) return say('savedTooMany', this.title);
    const before = this.items;
    this.items = index >= 0 ? this.items.map((r, i) => (i === index ? reply : r)) : [...this.items, reply];
    this.linted = index >= 0 ? this.linted.map((l, i) => (i === index ? null : l)) : [...this.linted, null];
    if (!(await this.host.save())) {
      this.items = before;
      this.linted = this.linted.slice(0, before.length);
      this.render();
      return;
    }
    const at = index >= 0 ? index : this.items.length - 1;
    this.editing = null;
    this.editor.hidden = true;
    this.render();
    this.status.textContent = t(lang, 'savedSaved', reply.title);
    /** @type {HTMLElement | null} */ (this.list.querySelector(`button[data-saved-action="edit"][data-index="${at}"]`))?.focus();
    await this.lint();
  }

  /** @param {number} index */
  async remove(index) {
    const r = this.items[index];
    if (!r) return;
    const before = this.items;
    const beforeLint = this.linted;
    this.items = this.items.filter((_, i) => i !== index);
    this.linted = this.linted.filter((_, i) => i !== index);
    if (!(await this.host.save())) {
      this.items = before;
      this.linted = beforeLint;
      this.render();
      return;
    }
    if (this.editing !== null) this.closeEditor();
    this.render();
    this.status.textContent = t(this.host.lang(), 'savedDeleted', r.title);
    const next = /** @type {HTMLElement | null} */ (this.list.querySelector(`button[data-saved-action="edit"][data-index="${Math.min(index, this.items.length - 1)}"]`));
    (next ?? this.addBtn).focus();
  }

  // The engine's starter set in the interface language: those whose title is not in the
  // library yet are added (the user may delete them).
  async addStarter() {
    const lang = this.host.lang();
    const starter = await this.host.starter(lang);
    if (!starter) { this.status.textContent = t(lang, 'engineUnavailable'); return; }
    const have = new Set(this.items.map(savedKey));
    const add = starter.map(checkSavedReply).filter((r) => r !== null && !have.has(savedKey(r)))
      .slice(0, Math.max(0, MAX_SAVED - this.items.length));
    if (!add.length) { this.status.textContent = t(lang, 'savedStarterHave'); return; }
    const before = this.items;
    this.items = [...this.items, .../** @type {SavedReply[]} */ (add)];
    this.linted = [...this.linted, ...add.map(() => null)];
    if (!(await this.host.save())) {
      this.items = before;
      this.linted = this.linted.slice(0, before.length);
      this.render();
      return;
    }
    this.render();
    this.status.textContent = tn(lang, 'savedStarterAdded', add.length);
    await this.lint();
  }

  // Every saved reply coached again; the answer to an older request is dropped.
  async lint() {
    const seq = ++this.lintSeq;
    const items = this.items;
    if (!items.length) { this.linted = []; this.render(); return; }
    const results = await this.host.lint(items, this.host.lang());
    if (seq !== this.lintSeq || items !== this.items) return;
    this.linted = results && results.length === items.length ? results : items.map(() => null);
    this.render();
  }

  render() {
    const doc = this.doc;
    const lang = this.host.lang();
    this.empty.hidden = this.items.length > 0;
    this.list.replaceChildren(...this.items.map((r, i) => {
      const linted = this.linted[i] ?? null;
      const findings = linted?.findings ?? [];
      const error = findings.some((f) => f.severity === 'error');
      const li = el(doc, 'li', { class: 'saved-item', 'data-index': String(i), 'data-title': r.title });
      li.dataset.coached = linted ? 'yes' : 'no';
      if (error) li.dataset.error = '';
      const meta = [r.language ? t(lang, r.language === 'nl' ? 'languageNl' : 'languageEn') : t(lang, 'ruleAnyLanguage'),
        ...(r.tags ?? [])].join(' · ');
      const head = el(doc, 'div', { class: 'saved-head' },
        el(doc, 'span', { class: 'saved-title', text: r.title }),
        el(doc, 'span', { class: 'saved-meta', text: meta }));
      if (error) head.append(el(doc, 'span', { class: 'sev sev-error saved-mark', 'data-testid': 'saved-error', text: t(lang, 'savedHasError') }));
      else if (linted && !findings.length) head.append(el(doc, 'span', { class: 'saved-ok', text: t(lang, 'savedClean') }));
      li.append(head, el(doc, 'p', { class: 'saved-text', text: r.text }));
      if (findings.length) {
        li.append(el(doc, 'ul', { class: 'saved-findings', 'aria-label': t(lang, 'savedFindings', r.title) },
          ...findings.map((f) => el(doc, 'li', { 'data-rule': f.rule, 'data-severity': f.severity },
            el(doc, 'span', { class: `sev sev-${f.severity}`, text: t(lang, `severity_${f.severity}`) }),
            doc.createTextNode(' '),
            el(doc, 'span', { class: 'saved-finding-msg', text: plainSources(f.message, lang) })))));
      }
      li.append(el(doc, 'div', { class: 'save-bar' },
        el(doc, 'button', { type: 'button', 'data-saved-action': 'edit', 'data-index': String(i), text: t(lang, 'savedEdit'), 'aria-label': t(lang, 'savedEditNamed', r.title) }),
        el(doc, 'button', { type: 'button', 'data-saved-action': 'delete', 'data-index': String(i), text: t(lang, 'savedDelete'), 'aria-label': t(lang, 'savedDeleteNamed', r.title) })));
      return li;
    }));
  }
}
