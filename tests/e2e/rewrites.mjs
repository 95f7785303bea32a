// Issue 12's patterns of bad rewrites, on the demo pages, in both browsers (sites.test.mjs:
// Chromium; firefox.test.mjs: Firefox), written once against the driver of scenarios.mjs.
// Each situation is one page: the post being answered, its author and its age are set
// through the demo's query (post, author, handle, age). Each draft of a situation is typed
// into the reply box (the box emptied in between), the coach waited for, and then either
//   - the rewrite the panel shows is applied with "Use this reply": the editor's model
//     must hold exactly the text the panel offered, the pattern's property must hold on
//     it, and the panel, which reads it as the new draft, must list no point the rewrite
//     was meant to fix (pattern 9 is checked after every rewrite); or
//   - the engine refuses: no rewrite and no button, the note (rewrite_note) in its place,
//     and the draft in the editor untouched.
// The drafts are written here (not taken from ../shared/eval). Where the engine still gets
// a pattern wrong, the case is in KNOWN_BAD: the same check, skipped, with what it does.
import assert from 'node:assert/strict';
import { EDITOR, openBox, typeDraft, waitSettled, openPanel, model, waitModel, shownPost } from './scenarios.mjs';

/** @typedef {import('./scenarios.mjs').Driver} Driver */

export const SETTINGS = { ui_language: 'en', agent_name: 'Pim', agent_initials: 'PK' };

// --- properties ------------------------------------------------------------------------

// Sympathy and apology, as an opener says it (the sentence that holds one counts once).
const FEELING = {
  en: /\b(sorry|apolog\w*|unfortunately|what a pain|annoying|frustrating|that's a shame)\b/i,
  nl: /\b(sorry|excuses|vervelend\w*|balen|jammer|rot|spijt)\b/i,
};
const sentences = (text) => text.split(/(?<=[.!?])\s+/).map((s) => s.trim()).filter(Boolean);
const feelingSentences = (text, lang) => sentences(text).filter((s) => FEELING[lang].test(s));
// Words, lower-cased: a word or a pair of words said twice in a row ("nog even nog even").
function repeated(text) {
  const w = text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
  for (let i = 0; i + 1 < w.length; i++) {
    if (w[i] === w[i + 1]) return w[i];
    if (i + 3 < w.length && w[i] === w[i + 2] && w[i + 1] === w[i + 3]) return `${w[i]} ${w[i + 1]}`;
  }
  return null;
}
// "Hi Sarah, Yeah, …": a greeting glued before a sentence that keeps its capital.
const GLUED = /^(Hi|Hey|Hello|Dear|Hoi|Hallo|Hee|Beste|Goedemiddag|Goedemorgen)\b[^,.!?]*, (?!I\b)\p{Lu}/u;
// Where the DM goes: into the clause that asks for the data, not after the next one
// ("send me your phone number so I can call you via DM").
function dmPlacement(text, dataWord) {
  const at = text.toLowerCase().indexOf(dataWord);
  assert.ok(at >= 0, `the request for ${dataWord} is still there: ${text}`);
  const after = text.slice(at);
  const dm = after.search(/\b(via|in|by|per) (a |een )?(DM|PM|direct message|privébericht)\b/i);
  assert.ok(dm >= 0, `the request for ${dataWord} moves to a DM: ${text}`);
  assert.ok(!/[,;:]|\b(so|then|and|dan|zodat|en)\b/i.test(after.slice(dataWord.length, dm)),
    `the DM is asked in the clause that asks for ${dataWord}, not glued after the next clause: ${text}`);
  assert.equal(text.match(/\bDM\b/g)?.length ?? 0, 1, `one DM, on the sentence that asks for private data: ${text}`);
}

// --- the situations ----------------------------------------------------------------------

/**
 * @typedef {object} Draft
 * @property {string} pattern  the pattern of issue 12 it shows ("1", "2+9", …) and what
 * @property {string} text  the draft typed into the box
 * @property {(rw: string, draft: string) => void} [rewrite]  the rewrite is offered, and this holds on it
 * @property {{rule?: string, note: RegExp}} [refuse]  no rewrite: the note (and the finding named)
 * @property {(after: PanelState) => void} [after]  on the panel once the rewrite is in the editor
 * @property {(before: PanelState) => void} [before]  on the panel before anything is applied
 *
 * @typedef {object} Situation
 * @property {string} box  a box of scenarios.mjs (x, facebook)
 * @property {'en'|'nl'} lang
 * @property {{text: string, author: string, age: number}} post
 * @property {Draft[]} drafts
 *
 * @typedef {{rewrite: string|null, apply: boolean, note: string|null, empty: string|null,
 *   findings: {rule: string, severity: string, message: string}[]}} PanelState
 */

const handle = (author) => author.toLowerCase().replace(/[^a-z]/g, '');

const noFeeling = (lang) => (rw, draft) => {
  assert.deepEqual(feelingSentences(draft, lang), [], 'the draft says no sorry');
  assert.deepEqual(feelingSentences(rw, lang), [], `no sympathy or apology pasted on: ${rw}`);
};
const oneOpener = (lang) => (rw) => {
  const openers = feelingSentences(rw, lang);
  assert.ok(openers.length <= 1, `one opener, not stacked: ${JSON.stringify(openers)}`);
};
// 2 on a late complaint: exactly one opener acknowledges the wait or the complaint, and
// the agent's answer stays word for word.
const lateAcknowledged = (lang) => (rw, draft) => {
  oneOpener(lang)(rw);
  assert.equal(feelingSentences(rw, lang).length, 1, `the wait or the complaint is acknowledged: ${rw}`);
  assert.ok(rw.includes(draft), 'the answer is kept word for word');
};
// 2 on a complaint that names the thing it is about: the opener names it too, in the
// reply's words ("your parcel", "je pakket"), not a stock "sorry about the trouble".
const namesTheThing = (lang, thing) => (rw, draft) => {
  lateAcknowledged(lang)(rw, draft);
  const [opener] = feelingSentences(rw, lang);
  assert.ok(opener.toLowerCase().includes(thing), `the opener names ${thing}: ${rw}`);
};
// Pattern 9 on a late reply: once the rewrite is in, late-reply is left only as its
// "you acknowledge the wait" suggestion, and nothing else (no-empathy, no-next-step, …).
const lateSettled = (after) => {
  for (const f of after.findings) {
    assert.ok(f.rule === 'late-reply' && f.severity === 'suggestion',
      `after the rewrite the coach flags it: ${f.rule} (${f.severity}) "${f.message}"`);
  }
};

/** @type {Record<string, Situation>} */
export const SITUATIONS = {
  // 1: a happy customer, a cheerful reply
  compliment: {
    box: 'facebook', lang: 'nl',
    post: { text: 'Vandaag mijn nieuwe fiets opgehaald bij jullie winkel in Utrecht, super geholpen! Top service 👍', author: 'Sonja de Vries', age: 5 },
    drafts: [
      { pattern: '1: no sympathy on a compliment', text: 'Wat leuk om te horen, veel fietsplezier!', rewrite: noFeeling('nl') },
    ],
  },
  // 1: a polite question, a short answer; 7: "Yeah, …" after the greeting
  question: {
    box: 'x', lang: 'en',
    post: { text: 'Hi! Are you open on Sunday as well? Thanks in advance', author: 'Sarah Miller', age: 5 },
    drafts: [
      { pattern: '1: no sympathy on a short answer to a polite question', text: 'Yes, from 12 to 5.', rewrite: noFeeling('en') },
      {
        pattern: '7: no "Hi," glued before "Yeah, …" with its capital',
        text: 'Yeah, we\'re open on Sunday from 12 to 5, see you then!',
        rewrite: (rw) => {
          assert.ok(!GLUED.test(rw), `greeting glued before a capital: ${rw}`);
          assert.match(rw, /we're open on Sunday from 12 to 5, see you then!/, 'the answer is kept');
        },
      },
    ],
  },
  // 2 and 9: a late complaint, a draft without an opener
  lateEn: {
    box: 'x', lang: 'en',
    post: { text: 'My parcel has been stuck for three days and nobody answers my emails. This is ridiculous!', author: 'Sarah Miller', age: 300 },
    drafts: [
      {
        pattern: '2+9: one opener on a late complaint, naming the parcel; no late-reply, no-empathy or no-next-step left',
        text: 'I\'ve checked your order and it leaves our warehouse tomorrow morning.',
        rewrite: namesTheThing('en', 'your parcel'),
        after: lateSettled,
      },
      {
        pattern: '2+9: sympathy already there and the wait not acknowledged: no second opener, a note (no rewrite the coach would flag)',
        text: 'Sorry to hear that! I\'ve checked your order and it leaves our warehouse tomorrow morning.',
        refuse: { rule: 'late-reply', note: /acknowledge the wait/ },
      },
    ],
  },
  lateNl: {
    box: 'facebook', lang: 'nl',
    post: { text: 'Al drie dagen wacht ik op mijn pakket en niemand reageert op mijn mails. Echt belachelijk dit!', author: 'Sonja de Vries', age: 300 },
    drafts: [
      {
        pattern: '2+9: one opener on a late complaint, naming the parcel; no late-reply, no-empathy or no-next-step left',
        text: 'Ik heb je bestelling nagekeken: hij gaat morgenochtend de deur uit.',
        rewrite: namesTheThing('nl', 'je pakket'),
        after: lateSettled,
      },
      {
        pattern: '2+9: "Wat vervelend!" already there: no apology for the wait stacked on it, a note',
        text: 'Wat vervelend! Ik heb je bestelling nagekeken: hij gaat morgenochtend de deur uit.',
        refuse: { rule: 'late-reply', note: /acknowledge the wait/ },
      },
    ],
  },
  // 3: a denial and an irritated brush-off get a note, no warm opener
  denial: {
    box: 'x', lang: 'en',
    post: { text: 'Third time this week the self checkouts at your Leeds store are out of order. Sort it out!', author: 'Sarah Miller', age: 20 },
    drafts: [
      { pattern: '3: a denial gets no opener pasted in front, a note instead', text: 'Our self checkouts in Leeds are working fine.', refuse: { rule: 'denial', note: /"are working fine"/ } },
      { pattern: '3: "work perfectly" is a denial too', text: 'The self checkouts in Leeds work perfectly.', refuse: { rule: 'denial', note: /denies/ } },
    ],
  },
  irritation: {
    box: 'facebook', lang: 'nl',
    post: { text: 'Waarom kan ik nergens vinden hoe ik mijn abonnement opzeg?? Echt slecht geregeld.', author: 'Sonja de Vries', age: 20 },
    drafts: [
      {
        pattern: '3: an irritated reply gets no opener pasted in front, a note instead',
        text: 'Zoals wij al eerder aangaven, staat dat gewoon in onze veelgestelde vragen.',
        refuse: { rule: 'irritation', note: /"Zoals wij al eerder aangaven"/ },
      },
      {
        pattern: '3: "Zoals we al vaker hebben uitgelegd" is irritated too',
        text: 'Zoals we al vaker hebben uitgelegd: opzeggen kan gewoon via Mijn Account.',
        refuse: { rule: 'irritation', note: /irritated/ },
      },
    ],
  },
  // 4: shortening for X keeps the remedy and whole sentences, or leaves it to the agent
  tooLong: {
    box: 'x', lang: 'nl',
    post: { text: 'Mijn binnenband is na twee dagen alweer lek, terwijl ik hem net bij jullie heb laten vervangen. Hoe kan dat??', author: 'Sonja de Vries', age: 20 },
    drafts: [
      {
        pattern: '4: the cut for X keeps the remedy, whole sentences only',
        text: 'Hoi Sonja, wat vervelend dat je band na twee dagen alweer lek is, dat is natuurlijk niet de bedoeling. Vaak zit er nog een klein stukje glas in de buitenband. Kom maar langs, dan plakken we hem gratis! We hopen je hiermee voldoende te hebben geïnformeerd en wensen je nog een hele fijne dag verder. ^PK',
        rewrite: (rw, draft) => {
          assert.ok(rw.includes('Kom maar langs, dan plakken we hem gratis!'), `the remedy is kept: ${rw}`);
          const kept = sentences(draft);
          for (const s of sentences(rw)) assert.ok(kept.includes(s), `a whole sentence of the draft, no fragment: "${s}"`);
          assert.ok(rw.length < draft.length, 'shorter');
        },
        before: (p) => assert.ok(p.findings.some((f) => f.rule === 'too-long'), 'the draft is too long for X'),
      },
      {
        pattern: '4: no cut that would take the answer: a note',
        text: 'Hoi Sonja, wat ontzettend vervelend om te horen dat je band na twee dagen alweer lek is, terwijl je hem net bij ons hebt laten vervangen, dat is natuurlijk helemaal niet de bedoeling. Meestal komt dat doordat er nog een klein stukje glas of een scherp steentje in de buitenband is blijven zitten. Kom maar langs, dan plakken we hem gratis! ^PK',
        refuse: { rule: 'too-long', note: /\bX\b.*\b280\b/ },
      },
    ],
  },
  // 5, 7, 8, 10 in English on X
  chargedTwice: {
    box: 'x', lang: 'en',
    post: { text: 'You charged me twice for the same order!! Fix this now.', author: 'Sarah Miller', age: 20 },
    drafts: [
      {
        pattern: '5: the promise goes, the refund stays',
        text: 'Sorry about that! We refund the second payment today and make sure this never happens again.',
        rewrite: (rw) => {
          assert.match(rw, /\bWe refund the second payment today\b/, `the refund is kept: ${rw}`);
          assert.doesNotMatch(rw, /never happens again/, 'the unkeepable promise is gone');
        },
        before: (p) => assert.ok(p.findings.some((f) => f.rule === 'unkeepable-promise')),
      },
      {
        pattern: '7: "via DM" only on the sentence that asks for private data',
        text: 'Sorry about that! Could you send me your order number and home address? Then I\'ll refund the second payment today.',
        rewrite: (rw) => {
          dmPlacement(rw, 'home address');
          assert.match(rw, /Then I'll refund the second payment today\./, 'the next sentence is untouched');
        },
      },
      {
        pattern: '8: the organisation\'s own number is not masked',
        text: 'Sorry to hear that! Give us a ring on 020 7946 0123 and we\'ll sort out the refund together.',
        rewrite: (rw) => assert.ok(rw.includes('020 7946 0123'), `the number, unmasked: ${rw}`),
        before: (p) => assert.ok(!p.findings.some((f) => f.rule === 'personal-data-exposed'), 'our own number is no personal data'),
      },
      {
        pattern: '8: a customer\'s number: no masked rewrite, a note',
        text: 'Sorry to hear that! I see your number is 07700 900123, I\'ll call you this afternoon.',
        refuse: { rule: 'personal-data-exposed', note: /personal data/ },
      },
      {
        pattern: '10: repeated words are a point, not "Nice reply"; the rewrite takes them out',
        text: 'Sorry Sarah! Your refund is on its way and will will reach you tomorrow. ^PK',
        rewrite: (rw) => assert.equal(repeated(rw), null, `no word said twice: ${rw}`),
        before: (p) => {
          assert.equal(p.empty, null, `no "Nice reply" on a draft with a defect: ${p.empty}`);
          assert.ok(p.findings.some((f) => f.rule === 'repeated-words'), 'the repeated words are a point');
        },
      },
    ],
  },
  // 5, 7, 8, 10 in Dutch on Facebook
  waitingNl: {
    box: 'facebook', lang: 'nl',
    post: { text: 'Hoe lang duurt het nog voordat mijn bestelling er is? Ik wacht al een week.', author: 'Sonja de Vries', age: 20 },
    drafts: [
      {
        pattern: '10: repeated words are a point, not "Nice reply"; the rewrite takes them out',
        text: 'Hoi Sonja, sorry dat het zo lang duurt! Ik vraag je nog even nog even geduld: je pakket komt morgen. ^PK',
        rewrite: (rw) => {
          assert.equal(repeated(rw), null, `no words said twice: ${rw}`);
          assert.match(rw, /je pakket komt morgen/);
        },
        before: (p) => {
          assert.equal(p.empty, null, `no "Nice reply" on a draft with a defect: ${p.empty}`);
          assert.ok(p.findings.some((f) => f.rule === 'repeated-words'), 'the repeated words are a point');
        },
      },
      {
        pattern: '5: the promise goes, the new parcel stays',
        text: 'Wat vervelend! We sturen vandaag een nieuw pakket en zorgen dat dit nooit meer gebeurt.',
        rewrite: (rw) => {
          assert.match(rw, /\bWe sturen vandaag een nieuw pakket\b/, `the commitment is kept: ${rw}`);
          assert.doesNotMatch(rw, /nooit meer/, 'the unkeepable promise is gone');
        },
        before: (p) => assert.ok(p.findings.some((f) => f.rule === 'unkeepable-promise')),
      },
      {
        pattern: '7: "via DM" only on the sentence that asks for private data',
        text: 'Wat vervelend! Wil je me je ordernummer en je adres sturen? Dan zoek ik uit waar hij gebleven is.',
        rewrite: (rw) => {
          dmPlacement(rw, 'adres');
          assert.match(rw, /Dan zoek ik uit waar hij gebleven is\./, 'the next sentence is untouched');
        },
      },
      {
        pattern: '8: the organisation\'s own number is not masked',
        text: 'Wat vervelend! Bel ons gerust op 06-12345678, dan zoeken we samen uit waar je pakket is.',
        rewrite: (rw) => assert.ok(rw.includes('06-12345678'), `the number, unmasked: ${rw}`),
        before: (p) => assert.ok(!p.findings.some((f) => f.rule === 'personal-data-exposed'), 'our own number is no personal data'),
      },
    ],
  },
  // 6: je → u, with verbs that agree, and no informal greeting
  formal: {
    box: 'facebook', lang: 'nl',
    post: { text: 'Goedemiddag, kunt u mij vertellen hoe ik de automatische verlenging van mijn abonnement uitzet? Met vriendelijke groet, Henk Bakker', author: 'Henk Bakker', age: 20 },
    drafts: [
      {
        pattern: '6: je → u with agreeing verbs, no "Hoi" with "u"',
        text: 'Je kunt dat uitzetten in de app onder Instellingen. Als je nog vragen hebt, hoor ik het graag! ^PK',
        rewrite: (rw) => formalThroughout(rw, [/\bu kunt dat uitzetten\b/i, /\bals u nog vragen (hebt|heeft)\b/i]),
      },
      {
        pattern: '6: "Hoi Henk" with "u" becomes the formal greeting',
        text: 'Hoi Henk, dat schakel je uit in de app onder Instellingen. Lukt het niet, dan kun je ons een bericht sturen. ^PK',
        rewrite: (rw) => formalThroughout(rw, [/\bschakelt u uit\b/i, /\bkunt u ons\b/i]),
      },
    ],
  },
  // 7: the DM goes on the data asked for, not after the clause that follows it
  neverArrived: {
    box: 'x', lang: 'en',
    post: { text: 'My order never arrived and I\'ve been waiting two weeks. Fed up!', author: 'Sarah Miller', age: 20 },
    drafts: [
      {
        pattern: '7: the DM on the request, not on "so I can call you"',
        text: 'Sorry to hear that! Which courier delivered it? Could you also send me your phone number so I can call you?',
        rewrite: (rw) => dmPlacement(rw, 'phone number'),
      },
    ],
  },
  // 1: praise that mentions what was broken is still praise: no apology for the wait
  shoutout: {
    box: 'x', lang: 'en',
    post: { text: 'Shoutout to the lady at your Bristol branch who sorted my broken phone screen in 20 minutes. Legend!', author: 'Sarah Miller', age: 90 },
    drafts: [{ pattern: '1: no sorry on a compliment', text: 'Love to hear it, we\'ll pass it on to her!', rewrite: noFeeling('en') }],
  },
  // 6: u → je, with verbs that agree ("schakelt u" → "schakel je")
  informal: {
    box: 'x', lang: 'nl',
    post: { text: 'Hee! Weten jullie hoe ik de automatische verlenging van mijn abonnement uitzet? Heb je daar een linkje voor?', author: 'Lisa de Boer', age: 20 },
    drafts: [
      {
        pattern: '6: u → je with agreeing verbs ("schakelt u" → "schakel je")',
        text: 'Dat schakelt u uit in de app onder Instellingen. Heeft u nog vragen, dan hoor ik het graag! ^PK',
        rewrite: (rw) => {
          assert.doesNotMatch(rw, /\b(u|uw)\b/i, `no "u" left: ${rw}`);
          assert.match(rw, /\bschakel je uit\b/i, `"schakel je", not "schakelt je": ${rw}`);
          assert.match(rw, /\bheb je nog vragen\b/i, `"heb je", not "heeft je": ${rw}`);
          assert.doesNotMatch(rw, /\b(schakelt|heeft|kunt|wilt) je\b/i, 'an inverted verb loses its -t');
          assert.doesNotMatch(rw, /^(beste|geachte)\b/i, 'no formal greeting with "je"');
        },
      },
    ],
  },
  // 7: the agent's own reaction ("Haha, …") gets no opener in front and no greeting glued
  // on with a comma; an emoticon keeps its eyes ("done! :)")
  reactionNl: {
    box: 'facebook', lang: 'nl',
    post: { text: "Wie bedenkt er bij jullie de namen van de taarten? 'Chocoladebom 3000' 😂", author: 'Bo van Dongen', age: 20 },
    drafts: [
      {
        pattern: '7: no opener before "Haha, …", the greeting a sentence of its own',
        text: 'Haha, dat is onze bakker Kees, die heeft daar veel plezier in 😄',
        rewrite: (rw, draft) => {
          noFeeling('nl')(rw, draft);
          assert.doesNotMatch(rw, /, haha/i, `greeting glued onto the laugh: ${rw}`);
          assert.ok(rw.includes(draft), 'the joke is kept word for word');
        },
      },
    ],
  },
  reactionEn: {
    box: 'x', lang: 'en',
    post: { text: 'Hi! I sent you my booking number and passport picture by DM, thanks so much for the quick action', author: 'Sarah Miller', age: 20 },
    drafts: [
      {
        pattern: '7: an emoticon keeps its colon and its space',
        text: 'Correction done! :) See you on board!',
        rewrite: (rw, draft) => {
          noFeeling('en')(rw, draft);
          assert.ok(rw.includes('Correction done! :) See you on board!'), `the emoticon is kept: ${rw}`);
        },
      },
    ],
  },
};

/** "u" throughout: no je/jij/jouw, the verbs in `agree`, no informal greeting. */
function formalThroughout(rw, agree) {
  assert.doesNotMatch(rw, /\b(je|jij|jou|jouw)\b/i, `no "je" left beside "u": ${rw}`);
  for (const re of agree) assert.match(rw, re, `the verb agrees with "u": ${rw}`);
  assert.doesNotMatch(rw, /\b(schakel|heb|kun|wil) u\b/i, 'an inverted verb with "u" keeps its -t');
  assert.doesNotMatch(rw, /^(hoi|hey|hee|hallo|hi)\b/i, `no informal greeting with "u": ${rw}`);
}

/**
 * What the engine still gets wrong: each case runs the same check as above and is skipped
 * (E2E_KNOWN_BAD=1 runs them) until the engine gets it right, then moves into SITUATIONS.
 * Empty now: the seven found when these tests were written (a late-reply left on the
 * rewrite, stacked openers, "work perfectly" and "Zoals we al vaker hebben uitgelegd" not
 * recognised, "Hoi" with "u", "via DM" after the wrong clause, praise read as a complaint)
 * are fixed in the engine and checked in SITUATIONS.
 * @type {{name: string, bug: string, situation: Situation}[]}
 */
export const KNOWN_BAD = [];

// --- the flow ------------------------------------------------------------------------------

/** A text with its durations ("5h", "5h 1min", "1u 30min", "45 min") made alike. */
const withoutAges = (text) => text?.replace(/\b\d+ ?(d|h|u|min)\b( \d+ ?(h|u|min)\b)?/g, '<age>') ?? text;

const platformOf = (box) => (box.startsWith('x') ? 'x' : 'facebook');

/** The panel as the person sees it (null while closed). */
const panelState = (d) => d.evaluate(() => {
  const p = /** @type {HTMLElement | null | undefined} */ (document.querySelector('[data-reply-coach="host"]')?.shadowRoot?.querySelector('[data-reply-coach="panel"]'));
  if (!p || p.hidden) return null;
  const rw = p.querySelector('[data-part="rewrite"] [data-rewrite]');
  const note = p.querySelector('[data-part="rewrite-note"] .rewrite-note');
  return {
    rewrite: rw ? rw.textContent : null,
    apply: p.querySelector('[data-action="apply-rewrite"]') !== null,
    note: note ? note.textContent : null,
    empty: p.querySelector('[data-part="findings"] .empty')?.textContent ?? null,
    findings: [...p.querySelectorAll('[data-part="findings"] li[data-rule]')].map((li) => ({
      rule: li.getAttribute('data-rule') ?? '', severity: li.getAttribute('data-severity') ?? '',
      message: li.querySelector('.finding-msg')?.textContent ?? '',
    })),
  };
});

/** Waits until the open panel shows `report` (its rewrite or note, and its findings). */
async function panelFor(d, report) {
  const want = { rewrite: report.rewrite ?? null, note: report.rewrite_note ?? null, n: report.findings.length };
  await d.waitFor((w) => {
    const p = /** @type {HTMLElement | null | undefined} */ (document.querySelector('[data-reply-coach="host"]')?.shadowRoot?.querySelector('[data-reply-coach="panel"]'));
    if (!p || p.hidden) return false;
    const rw = p.querySelector('[data-part="rewrite"] [data-rewrite]')?.textContent ?? null;
    const note = p.querySelector('[data-part="rewrite-note"] .rewrite-note')?.textContent ?? null;
    const n = p.querySelectorAll('[data-part="findings"] li[data-rule]').length;
    return n === w.n && (w.rewrite !== null ? rw === w.rewrite : rw === null && (w.note === null || note === w.note));
  }, want, 10000).catch(() => {});
  return panelState(d);
}

/** Empties the reply box through the keyboard (the editor's own path). */
async function clearBox(d, box) {
  await d.click(EDITOR[box]);
  await d.press('Control+a');
  await d.press('Backspace');
  assert.equal(await waitModel(d, box, ''), '', 'the box is empty before the next draft');
}

/**
 * One situation: its page, then each draft typed, coached and checked (see the top of
 * this file). `each(pattern, fn)` runs a draft's check (a node:test subtest, so each
 * pattern is reported by name).
 * @param {Driver} d
 * @param {Situation} s
 * @param {(pattern: string, fn: () => Promise<void>) => Promise<unknown>} each
 */
export async function runSituation(d, s, each) {
  await d.settings(SETTINGS);
  await openBox(d, s.box, { lang: s.lang, query: { post: s.post.text, author: s.post.author, handle: handle(s.post.author), age: String(s.post.age) } });
  let first = true;
  for (const dr of s.drafts) {
    await each(dr.pattern, async () => {
      if (!first) await clearBox(d, s.box);
      first = false;
      await typeDraft(d, s.box, dr.text);
      assert.equal(await model(d, s.box), dr.text, 'typing reaches the editor model');
      await waitSettled(d);
      const post = await shownPost(d);
      assert.equal(post.text, s.post.text, 'the demo shows the post of the situation');
      const report = await d.engine({ type: 'analyze', post, draft: dr.text, platform: platformOf(s.box) });
      await openPanel(d);
      const before = await panelFor(d, report);
      assert.ok(before, 'the panel is open');
      dr.before?.(before);
      if (dr.refuse) {
        assert.equal(report.rewrite ?? null, null, `the engine offers no rewrite (it offers ${JSON.stringify(report.rewrite)})`);
        assert.equal(before.rewrite, null, 'the panel shows no rewrite');
        assert.equal(before.apply, false, 'and no "Use this reply"');
        assert.ok(before.note, 'the note is shown in its place');
        // (the post's age may tick a minute between the panel's analysis and this one)
        assert.equal(withoutAges(before.note), withoutAges(report.rewrite_note), 'the engine\'s note');
        assert.match(before.note, dr.refuse.note, 'the note says what to change by hand');
        if (dr.refuse.rule) assert.ok(before.findings.some((f) => f.rule === dr.refuse?.rule), `the panel lists ${dr.refuse.rule}`);
        await new Promise((r) => setTimeout(r, 300));
        assert.equal(await model(d, s.box), dr.text, 'the draft in the editor is untouched');
        return;
      }
      assert.ok(report.rewrite, `the engine offers a rewrite (its note: ${report.rewrite_note})`);
      assert.equal(before.rewrite, report.rewrite, 'the panel shows the engine\'s rewrite');
      assert.ok(before.apply, '"Use this reply" is offered');
      const shown = before.rewrite ?? '';
      assert.ok(!shown.includes('•'), `nothing masked in a rewrite: ${shown}`);
      dr.rewrite?.(shown, dr.text);
      await d.clickCoach('[data-reply-coach="panel"] [data-action="apply-rewrite"]');
      assert.equal(await waitModel(d, s.box, shown), shown, 'the editor model holds exactly the rewrite the panel offered');
      // the coach reads the rewrite as the new draft: nothing it was meant to fix is left
      await waitSettled(d);
      const again = await d.engine({ type: 'analyze', post, draft: shown, platform: platformOf(s.box) });
      await openPanel(d);
      const after = await panelFor(d, again);
      assert.ok(after, 'the panel is open');
      const left = after.findings.filter((f) => !(f.rule === 'late-reply' && f.severity === 'suggestion'));
      assert.deepEqual(left.map((f) => `${f.rule}: ${f.message}`), [], 'the coach flags nothing in its own rewrite');
      assert.ok(after.rewrite === null || after.rewrite === shown, `no second rewrite of the rewrite: ${after.rewrite}`);
      dr.after?.(after);
    });
  }
}
