// @ts-check
// The settings form of the options page, built from the settings table (FIELDS and
// GROUPS in shared/settings.js): one control per field, by its form kind, each labelled
// with data-i18n keys that i18n.localise() fills in. `write` shows settings, `read` gives
// back what the form holds (raw: the caller checks it with sanitize()).
import { FIELDS, FIELD_KEYS, GROUPS } from '../shared/settings.js';
import { t, localise } from '../shared/i18n.js';
import { ruleTitle } from '../shared/report-view.js';
import { plainSources } from '../shared/sources.js';
import { SavedLibrary } from './saved-replies.js';

/** @typedef {import('../shared/settings.js').Settings} Settings */
/** @typedef {import('../shared/settings.js').FieldKey} FieldKey */
/** @typedef {import('../shared/settings.js').Form} Form */
/** @typedef {import('../shared/settings.js').PhraseColumn} PhraseColumn */
/** @typedef {import('reply-coach-engine').CustomRule} CustomRule */
/** @typedef {import('reply-coach-engine').RuleDoc} RuleDoc */

// The phrase table keeps the ids the page always had.
const PHRASES_BODY_ID = 'rules';
const PHRASES_ADD_ID = 'add-rule';

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

export class SettingsForm {
  /**
   * @param {HTMLElement} container  where the fieldsets go
   * @param {() => string} lang  the interface language now (for rows added later)
   * @param {Omit<import('./saved-replies.js').LibraryHost, 'lang'>} saved  what the saved-replies library asks of the page
   */
  constructor(container, lang, saved) {
    this.doc = container.ownerDocument;
    this.container = container;
    this.lang = lang;
    this.saved = new SavedLibrary(this.doc, { ...saved, lang });
    /** @type {Map<string, HTMLFieldSetElement>} */
    const sets = new Map();
    /** @type {Set<string>} the rules switched off (also those the list does not show) */
    this.disabled = new Set();
    /** @type {HTMLElement | null} the list of rule switches */
    this.ruleList = null;
    for (const g of GROUPS) {
      const fs = el(this.doc, 'fieldset', { id: `group-${g.id}` }, el(this.doc, 'legend', { 'data-i18n': g.legend }));
      if (g.help) fs.append(el(this.doc, 'p', { class: 'help', 'data-i18n': g.help }));
      sets.set(g.id, /** @type {HTMLFieldSetElement} */ (fs));
      container.append(fs);
    }
    for (const key of FIELD_KEYS) {
      const field = FIELDS[key];
      const set = sets.get(field.group);
      if (!set) throw new Error(`settings field ${key}: no group ${field.group}`);
      set.append(...this.render(key, field.label, field.form, field.help));
    }
  }

  /**
   * @param {string} key
   * @param {string} label
   * @param {Form} form
   * @param {string} [help]  a key in _locales: a line under the control
   * @returns {Node[]}
   */
  render(key, label, form, help) {
    const doc = this.doc;
    /** @param {Element} control */
    const labelled = (control) => {
      if (!help) return el(doc, 'label', {}, el(doc, 'span', { 'data-i18n': label }), control);
      control.setAttribute('aria-describedby', `${key}-help`);
      return el(doc, 'div', { class: 'field' }, el(doc, 'label', {}, el(doc, 'span', { 'data-i18n': label }), control),
        el(doc, 'p', { class: 'help field-help', id: `${key}-help`, 'data-i18n': help }));
    };
    switch (form.kind) {
      case 'text':
        return [labelled(el(doc, 'input', { id: key, name: key, ...form.attrs }))];
      case 'choice':
        return [labelled(el(doc, 'select', { id: key, name: key },
          ...form.options.map((o) => el(doc, 'option', { value: o.value, 'data-i18n': o.label }))))];
      case 'integer':
        return [labelled(el(doc, 'input', {
          id: key, name: key, type: 'number', min: String(form.min), max: String(form.max), step: '1', required: '',
        }))];
      case 'switches':
        return form.items.map((item) => el(doc, 'label', { class: 'check' },
          el(doc, 'input', { type: 'checkbox', id: `${key}_${item.key}`, name: `${key}_${item.key}` }),
          doc.createTextNode(' '), el(doc, 'span', { 'data-i18n': item.label })));
      case 'phrases': {
        this.columns = form.columns;
        const head = el(doc, 'tr', {}, ...form.columns.map((c) => el(doc, 'th', { 'data-i18n': c.label })),
          el(doc, 'th', {}, el(doc, 'span', { class: 'sr-only', 'data-i18n': 'ruleRemove' })));
        this.phraseBody = /** @type {HTMLTableSectionElement} */ (el(doc, 'tbody', { id: PHRASES_BODY_ID }));
        const add = el(doc, 'button', { type: 'button', id: PHRASES_ADD_ID, 'data-i18n': 'ruleAdd' });
        add.addEventListener('click', () => this.addPhrase().querySelector('input')?.focus());
        return [el(doc, 'table', { class: 'rules' }, el(doc, 'thead', {}, head), this.phraseBody), add];
      }
      case 'saved':
        return this.saved.nodes();
      case 'rules':
        this.ruleList = el(doc, 'ul', { id: key, class: 'rule-switches', 'data-testid': 'rule-switches' });
        return [this.ruleList];
      default:
        throw new Error(`settings field ${key}: unknown form kind`);
    }
  }

  /**
   * One switch per rule of the engine: its plain title (the engine's, else the
   * interface's), its severity in words, and what it checks and why.
   * @param {RuleDoc[]} docs
   */
  setRules(docs) {
    const list = this.ruleList;
    if (!list) return;
    const doc = this.doc;
    const lang = this.lang();
    list.replaceChildren(...docs.map((d) => {
      const box = el(doc, 'input', { type: 'checkbox', id: `rule-${d.id}`, 'data-rule': d.id });
      /** @type {HTMLInputElement} */ (box).checked = !this.disabled.has(d.id);
      box.addEventListener('change', () => {
        if (/** @type {HTMLInputElement} */ (box).checked) this.disabled.delete(d.id);
        else this.disabled.add(d.id);
      });
      return el(doc, 'li', {},
        el(doc, 'label', { class: 'check' }, box, doc.createTextNode(' '),
          el(doc, 'span', { class: 'rule-title', text: ruleTitle(lang, d.id, d.title) }),
          el(doc, 'span', { class: `sev sev-${d.severity}`, text: t(lang, `severity_${d.severity}`) })),
        el(doc, 'details', {}, el(doc, 'summary', { text: t(lang, 'ruleWhat') }),
          el(doc, 'p', { class: 'help', text: plainSources(d.explanation, lang) })));
    }));
  }

  /**
   * One row of the phrase table.
   * @param {CustomRule} [rule]
   */
  addPhrase(rule = { phrase: '', replacement: null, message: null, language: null }) {
    const doc = this.doc;
    const tr = el(doc, 'tr');
    for (const c of this.columns ?? []) {
      const value = rule[c.key] ?? '';
      const attrs = { 'data-field': c.key, 'data-i18n-attr': `aria-label:${c.label}` };
      /** @type {HTMLInputElement | HTMLSelectElement} */
      let control;
      if (c.values) {
        control = /** @type {HTMLSelectElement} */ (el(doc, 'select', attrs, ...c.values.map((v) => (v === ''
          ? el(doc, 'option', { value: '', 'data-i18n': 'ruleAnyLanguage' })
          : el(doc, 'option', { value: v, text: v.toUpperCase() })))));
      } else {
        control = /** @type {HTMLInputElement} */ (el(doc, 'input', { ...attrs, maxlength: '200' }));
      }
      control.value = value;
      tr.append(el(doc, 'td', {}, control));
    }
    const remove = el(doc, 'button', { type: 'button', class: 'remove', text: '×', 'data-i18n-attr': 'aria-label:ruleRemove' });
    remove.addEventListener('click', () => tr.remove());
    tr.append(el(doc, 'td', {}, remove));
    this.phraseBody?.append(tr);
    localise(tr, this.lang());
    return tr;
  }

  /**
   * @param {string} id
   * @returns {HTMLInputElement & HTMLSelectElement}
   */
  control(id) {
    const c = this.container.querySelector(`#${id}`);
    if (!c) throw new Error(`no control #${id}`);
    return /** @type {HTMLInputElement & HTMLSelectElement} */ (c);
  }

  /** @param {Settings} settings */
  write(settings) {
    for (const key of FIELD_KEYS) {
      const form = FIELDS[key].form;
      const value = settings[key];
      switch (form.kind) {
        case 'text': case 'choice': case 'integer':
          this.control(key).value = String(value);
          break;
        case 'switches':
          for (const item of form.items) {
            this.control(`${key}_${item.key}`).checked = /** @type {Record<string, boolean>} */ (value)[item.key];
          }
          break;
        case 'phrases':
          this.phraseBody?.replaceChildren();
          for (const rule of /** @type {CustomRule[]} */ (value)) this.addPhrase(rule);
          break;
        case 'saved':
          this.saved.write(/** @type {import('reply-coach-engine').SavedReply[]} */ (value));
          break;
        case 'rules':
          this.disabled = new Set(/** @type {string[]} */ (value));
          for (const box of this.ruleList?.querySelectorAll('input[data-rule]') ?? []) {
            /** @type {HTMLInputElement} */ (box).checked = !this.disabled.has(/** @type {HTMLElement} */ (box).dataset.rule ?? '');
          }
          break;
      }
    }
  }

  /**
   * What the form holds, field by field (not yet checked).
   * @returns {Record<FieldKey, unknown>}
   */
  read() {
    const out = /** @type {Record<FieldKey, unknown>} */ ({});
    for (const key of FIELD_KEYS) {
      const form = FIELDS[key].form;
      switch (form.kind) {
        case 'text': out[key] = this.control(key).value.trim(); break;
        case 'choice': out[key] = this.control(key).value; break;
        case 'integer': out[key] = Number(this.control(key).value); break;
        case 'switches':
          out[key] = Object.fromEntries(form.items.map((item) => [item.key, this.control(`${key}_${item.key}`).checked]));
          break;
        case 'phrases': {
          /** @type {Record<string, string | null>[]} */
          const rules = [];
          for (const row of this.phraseBody?.rows ?? []) {
            /** @param {string} f */
            const get = (f) => /** @type {HTMLInputElement | null} */ (row.querySelector(`[data-field="${f}"]`))?.value.trim() ?? '';
            if (!get('phrase')) continue;
            rules.push(Object.fromEntries(form.columns.map((c) => [c.key, get(c.key) || null])));
          }
          out[key] = rules;
          break;
        }
        case 'saved':
          out[key] = this.saved.read();
          break;
        case 'rules':
          out[key] = [...this.disabled];
          break;
      }
    }
    return out;
  }

  /**
   * Moves the focus to a field's control.
   * @param {FieldKey} key
   */
  focus(key) {
    const form = FIELDS[key].form;
    /** @type {Element | null | undefined} */
    let target;
    if (form.kind === 'switches') target = this.container.querySelector(`#${key}_${form.items[0].key}`);
    else if (form.kind === 'saved') target = this.container.querySelector('#saved_replies button') ?? this.container.querySelector('#saved-add');
    else if (form.kind === 'rules') target = this.ruleList?.querySelector('input') ?? null;
    else if (form.kind === 'phrases') target = this.phraseBody?.querySelector('input') ?? this.container.querySelector(`#${PHRASES_ADD_ID}`);
    else target = this.container.querySelector(`#${key}`);
    if (target instanceof HTMLElement) target.focus();
  }
}
