// The engine as the service worker imports it: the wasm-bindgen package that
// `make wasm` writes to target/pkg/ (reply_coach.js + reply_coach_bg.wasm). The build
// (scripts/extension/build.mjs) resolves the name 'reply-coach-engine' to that file; the
// generated reply_coach.d.ts types every value as `any`, so the shapes are written out
// here, field for field, from the engine's JSON contract: src/model.rs (Exchange,
// Profile, Report) and src/rules.rs (RuleDoc). A change there changes this file.
declare module 'reply-coach-engine' {
  export type Lang = 'nl' | 'en';
  export type Platform = 'x' | 'facebook';
  /** 'organisation': the team signs with Profile.organisation (an engine from before it
   *  refuses the value, and the worker then sends 'dash'). */
  export type SignatureStyle = 'caret' | 'dash' | 'greeting' | 'organisation';
  /** The register a Dutch reply is written in. */
  export type Register = 'informal' | 'formal';
  export type Severity = 'error' | 'warning' | 'suggestion';
  /** [start, end) in UTF-16 code units of the reply (JavaScript string indexes). */
  export type Span = [number, number];

  /** A phrase from the user's profile: banned (no replacement) or preferred. */
  export interface CustomRule {
    phrase: string;
    replacement: string | null;
    message: string | null;
    language: Lang | null;
  }

  export interface Profile {
    agent_name: string | null;
    agent_initials: string | null;
    signature_style: SignatureStyle;
    organisation: string | null;
    response_time_norm_minutes: number;
    platform: Platform;
    ui_language: Lang;
    custom_rules: CustomRule[];
    /** Rule ids switched off by the user (the engine reports none of their findings and
     *  its rewrite applies none of their fixes). */
    disabled_rules: string[];
    /** The team's je/u house style, for when the customer's own form does not decide
     *  (not yet in the engine's contract; an engine that does not know it ignores it). */
    house_register?: Register;
    /** The team's saved replies (absent: none). */
    saved_replies?: SavedReply[];
  }

  /**
   * A saved reply (src/model.rs `SavedReply`). `text` may hold placeholders: `{first_name}`,
   * `{agent}`, `{agent_initials}`, `{signature}`, `{organisation}` (filled by the engine) and
   * any other `{name}` (letters, digits, `_`, `-`; asked of the agent). A missing or blank
   * `title` or `text` makes the whole profile invalid (the engine throws, naming which).
   */
  export interface SavedReply {
    title: string;
    text: string;
    /** The language it is written in; absent: as the engine reads it. */
    language?: Lang | null;
    /** Kinds of post it fits: 'complaint' | 'question' | 'compliment' | 'late' (past the norm); others are the team's own. */
    tags?: string[];
  }

  /** A saved reply with its placeholders filled (src/saved.rs `Filled`). */
  export interface FilledReply {
    /** Every placeholder with a value filled in; those in `missing` are still in it. */
    text: string;
    /** Placeholder names (as written, each once, in order) to ask the agent for. Insert `text` only when empty. */
    missing: string[];
  }

  /** The coach's findings on one saved reply (src/saved.rs `Linted`). */
  export interface LintedReply {
    title: string;
    /** The kind of the sample post it was coached against; null: no post. */
    post: 'complaint' | 'question' | 'compliment' | null;
    /** Spans in UTF-16 units of the saved reply's text; without "already done" findings. */
    findings: Finding[];
  }

  export interface Post {
    text: string;
    author: string | null;
    age_minutes: number | null;
  }

  export interface Exchange {
    post: Post | null;
    reply: string;
    platform: Platform;
    profile: Profile;
  }

  export interface Incoming {
    language: Lang | null;
    kind: 'complaint' | 'question' | 'compliment' | 'remark';
    sentiment: 'negative' | 'neutral' | 'positive';
    reason: 'personal_experience' | 'organisation_action' | 'factual_statement' | null;
    advice: 'respond' | 'dont_respond';
    advice_reason: 'abuse' | 'trolling' | 'ironic_or_provocative' | 'emotion_only' | 'consumers_among_themselves' | null;
    advice_message: string;
    register: 'informal' | 'formal' | 'unknown';
    first_name: string | null;
    age_minutes: number | null;
    response_time_norm_minutes: number;
    late: boolean;
    asks_commercial: boolean;
    /** How sure the reading of `kind` is (absent in reports of older engines). */
    certainty?: 'sure' | 'unsure';
    /** What in the post the reading rests on; spans in UTF-16 units of the post text. */
    signals?: { id: string; span: [number, number]; weight: number }[];
    /** What went wrong for the customer, when the post says so. */
    trouble?: 'waiting' | 'not_working' | 'charged' | 'other' | null;
  }

  export interface Occurrence {
    id: string;
    span: Span;
  }

  export interface Finding {
    rule: string;
    severity: Severity;
    message: string;
    explanation: string;
    span: Span | null;
    /** Text to put in place of `span` ("" deletes it), when a fix exists. */
    replacement: string | null;
  }

  export interface Report {
    language: Lang;
    incoming: Incoming;
    recommended_strategies: { strategy: string; message: string }[];
    strategies: string[];
    strategy_occurrences: Occurrence[];
    voice: { score: number; elements: string[]; occurrences: Occurrence[] };
    findings: Finding[];
    rewrite: string | null;
    /** When the draft has findings but no rewrite is offered: why, and what to change by hand (interface language). */
    rewrite_note?: string | null;
    length: { counted: number; limit: number };
    truncated: { reply_analysed: number; reply_total: number; post_analysed: number; post_total: number } | null;
  }

  /** One example of a rule (src/rules.rs `Example`). */
  export interface RuleExample {
    lang: Lang;
    post: string;
    reply: string;
    author: string | null;
    agent: string | null;
    age_minutes: number | null;
    platform: Platform | null;
    fires: boolean;
  }

  /** A rule's documentation in one interface language (src/rules.rs `RuleDoc`). */
  export interface RuleDoc {
    id: string;
    family: string;
    severity: Severity;
    /** A short name in plain words, in the interface language. */
    title: string;
    message: string;
    explanation: string;
    /** What the explanation cites. */
    source: string;
    fix: string | null;
    /** Absent in the wasm build (the rules' examples are the CLI's and the tests'). */
    examples?: RuleExample[];
  }

  /** Compiles and instantiates the wasm; resolves once the functions below may be called. */
  export default function init(options: { module_or_path: string | URL }): Promise<unknown>;
  /** One analysis. Throws (a JsError) on an exchange it cannot read. */
  export function analyze(exchange: Exchange): Report;
  export function rules(uiLanguage: Lang): RuleDoc[];
  /**
   * Fills a saved reply's placeholders from `exchange.post` and `exchange.profile` (its `reply`
   * is not used) and the agent's `values` (by placeholder name, any case; they win over the
   * engine's). Throws on an exchange or values it cannot read.
   */
  export function fillSavedReply(
    exchange: Exchange,
    text: string,
    values?: Record<string, string> | null,
  ): FilledReply;
  /** Coaches every saved reply of the profile, against a sample post of the kind its tags name. */
  export function lintSavedReplies(profile: Profile): LintedReply[];
  /** The starter set of saved replies in one language. */
  export function starterReplies(lang: Lang): SavedReply[];
  export function version(): string;
}
