//! The JSON of the contract without serde_json, for the wasm build, where serde_json's
//! parser, its error machinery and its float formatting were 70 KB (26 KB gzipped) of
//! the file every user downloads.
//!
//! - [`to_string`]: any `Serialize` type as compact JSON, through the types' own serde
//!   derives, so field names, order, `null` and the fields left out are those of the
//!   CLI's serde_json output; the text is byte for byte serde_json's but for
//!   non-integral floats, written by JavaScript's `Number.prototype.toString` in the
//!   wasm build (the same number once parsed);
//! - [`Exchange::from_js_json`], [`read_profile`], [`read_saved_replies`]: the input
//!   read with the defaults and checks of the serde derives in `model` (a missing field
//!   takes its default, an unknown one is ignored, a wrong type, an unknown variant or
//!   a saved reply without a title is an error that names the field). JavaScript strings
//!   may hold lone surrogates (half an emoji, cut by a slice), which `JSON.stringify`
//!   writes as `\uD83D`-style escapes and which no Rust string can hold: each becomes
//!   U+FFFD, one UTF-16 unit like the surrogate, so spans still line up with the text in
//!   the page (the same replacement `TextEncoder` makes).
//!
//! The native CLI reads and writes with serde_json; the tests below hold the two to the
//! same results.

use std::borrow::Cow;
use std::fmt;

use serde::ser::{self, Serialize};

use crate::model::{
    CustomRule, Exchange, Lang, Platform, Post, Profile, SavedReply, SignatureStyle,
};

/// Why a JSON text could not be read or written: the message, after the path of the
/// field it is about (`profile.saved_replies[0]: …`). Boxed: one word to pass back.
#[derive(Debug, Clone, PartialEq)]
pub struct Error(Box<ErrorText>);

#[derive(Debug, Clone, PartialEq)]
struct ErrorText {
    path: String,
    message: String,
}

impl Error {
    fn new(message: impl Into<String>) -> Error {
        Error(Box::new(ErrorText {
            path: String::new(),
            message: message.into(),
        }))
    }

    /// The error of a value read as `key` of an object.
    fn in_field(self, key: &str) -> Error {
        self.under(key)
    }

    /// The error of a value read as item `i` of an array.
    fn in_item(self, i: usize) -> Error {
        self.under(&format!("[{i}]"))
    }

    fn under(mut self, head: &str) -> Error {
        let path = &mut self.0.path;
        let sep = if path.is_empty() || path.starts_with('[') {
            ""
        } else {
            "."
        };
        *path = format!("{head}{sep}{path}");
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.0.path.is_empty() {
            write!(f, "{}: ", self.0.path)?;
        }
        f.write_str(&self.0.message)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Error {
        Error::new(msg.to_string())
    }
}

// --- writing -----------------------------------------------------------------------

/// `value` as compact JSON, as serde_json writes it (see the module's notes on floats).
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    let mut w = Writer {
        out: String::with_capacity(512),
    };
    value.serialize(&mut w)?;
    Ok(w.out)
}

struct Writer {
    out: String,
}

fn push_u64(out: &mut String, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.push_str(std::str::from_utf8(&buf[i..]).unwrap_or_default());
}

fn push_i64(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    push_u64(out, n.unsigned_abs());
}

/// A float as JSON: `null` when not finite (as serde_json), an integral value as
/// `72.0`, any other as the shortest text that reads back as the same number.
fn push_f64(out: &mut String, x: f64) {
    if !x.is_finite() {
        out.push_str("null");
    } else if x.trunc() == x && x.abs() < 9_007_199_254_740_992.0 {
        if x.is_sign_negative() {
            out.push('-');
        }
        push_u64(out, x.abs() as u64);
        out.push_str(".0");
    } else {
        push_fraction(out, x);
    }
}

/// JavaScript's own text of the number (the wasm build has no float formatting of its
/// own: Rust's is 15–20 KB).
#[cfg(target_arch = "wasm32")]
fn push_fraction(out: &mut String, x: f64) {
    match js_sys::Number::from(x).to_string_with_radix(10) {
        Ok(text) => out.push_str(&String::from(text)),
        Err(_) => out.push_str("null"),
    }
}

/// serde_json's own text (natively, where it is linked anyway), so that this module's
/// output is serde_json's byte for byte.
#[cfg(not(target_arch = "wasm32"))]
fn push_fraction(out: &mut String, x: f64) {
    out.push_str(&serde_json::to_string(&x).unwrap_or_default());
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// A byte that a JSON string cannot hold as it is: `"`, `\`, a control character.
#[inline]
fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// Whether one of the 8 bytes of `x` may need an escape: never false when one does
/// (the zero-byte tests of "Bit Twiddling Hacks"), so text is skipped 8 bytes at a time.
#[inline]
fn may_need_escape(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero_byte = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    let control = x.wrapping_sub(ONES * 0x20) & !x & HIGH;
    let quote = zero_byte(x ^ (ONES * u64::from(b'"')));
    let backslash = zero_byte(x ^ (ONES * u64::from(b'\\')));
    (control | quote | backslash) != 0
}

/// The index of the first byte from `i` on that [`needs_escape`] (`bytes.len()`: none).
#[inline]
fn plain_until(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        if may_need_escape(u64::from_le_bytes(word)) {
            break;
        }
        i += 8;
    }
    while i < bytes.len() && !needs_escape(bytes[i]) {
        i += 1;
    }
    i
}

/// `s` as a JSON string: `"` and `\` escaped, control characters as serde_json writes
/// them, everything else as it is.
fn push_str(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    let bytes = s.as_bytes();
    let mut copied = 0;
    loop {
        let i = plain_until(bytes, copied);
        out.push_str(&s[copied..i]);
        let Some(&b) = bytes.get(i) else {
            break;
        };
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x08 => out.push_str("\\b"),
            0x0c => out.push_str("\\f"),
            _ => {
                out.push_str("\\u00");
                out.push(HEX[(b >> 4) as usize] as char);
                out.push(HEX[(b & 15) as usize] as char);
            }
        }
        copied = i + 1;
    }
    out.push('"');
}

/// An array or object being written: whether an item was written yet.
struct Compound<'w> {
    w: &'w mut Writer,
    first: bool,
}

impl Compound<'_> {
    fn comma(&mut self) {
        if !self.first {
            self.w.out.push(',');
        }
        self.first = false;
    }

    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.comma();
        value.serialize(&mut *self.w)
    }

    /// A field's name: a Rust name (or a serde rename), which needs no escape.
    fn key(&mut self, key: &str) {
        self.comma();
        let out = &mut self.w.out;
        out.push('"');
        out.push_str(key);
        out.push_str("\":");
    }

    fn close(self, c: char) -> Result<(), Error> {
        self.w.out.push(c);
        Ok(())
    }
}

fn unsupported(what: &str) -> Error {
    Error::new(format!("{what} cannot be written as JSON"))
}

impl<'w> ser::Serializer for &'w mut Writer {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'w>;
    type SerializeTuple = Compound<'w>;
    type SerializeTupleStruct = Compound<'w>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = Compound<'w>;
    type SerializeStruct = Compound<'w>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        push_i64(&mut self.out, v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        push_u64(&mut self.out, v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        push_f64(&mut self.out, v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        push_str(&mut self.out, v);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Err(unsupported("bytes"))
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.out.push_str("null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, v: &'static str) -> Result<(), Error> {
        self.serialize_str(v)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let mut c = self.serialize_map(Some(1))?;
        c.key(variant);
        value.serialize(&mut *c.w)?;
        c.close('}')
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'w>, Error> {
        self.out.push('[');
        Ok(Compound {
            w: self,
            first: true,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'w>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Compound<'w>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(unsupported("a tuple variant"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'w>, Error> {
        self.out.push('{');
        Ok(Compound {
            w: self,
            first: true,
        })
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Compound<'w>, Error> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(unsupported("a struct variant"))
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.item(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close(']')
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.item(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close(']')
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.item(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close(']')
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.comma();
        let at = self.w.out.len();
        key.serialize(&mut *self.w)?;
        if !self.w.out[at..].starts_with('"') {
            return Err(unsupported("a map key that is not a string"));
        }
        self.w.out.push(':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Error> {
        self.close('}')
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.key(key);
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Error> {
        self.close('}')
    }
}

// --- reading -----------------------------------------------------------------------

/// A parsed JSON value; strings and numbers borrow the text where they can.
#[derive(Debug, Clone, PartialEq)]
enum Value<'a> {
    Null,
    Bool(bool),
    /// The number as written (valid JSON number syntax).
    Number(&'a str),
    String(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

/// How deep arrays and objects may nest (serde_json's limit): deeper input is refused
/// before it can exhaust the stack.
const MAX_DEPTH: u32 = 128;

struct Parser<'a> {
    text: &'a str,
    at: usize,
    depth: u32,
}

/// The whole of `text` as one JSON value.
fn parse(text: &str) -> Result<Value<'_>, Error> {
    let mut p = Parser {
        text,
        at: 0,
        depth: 0,
    };
    let value = p.value()?;
    p.skip_space();
    if p.at < text.len() {
        return Err(p.error("trailing characters"));
    }
    Ok(value)
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    /// `message` at the current position (line and column, as serde_json counts them).
    fn error(&self, message: &str) -> Error {
        let before = &self.text.as_bytes()[..self.at.min(self.text.len())];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let column = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
        Error::new(format!("{message} at line {line} column {column}"))
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn value(&mut self) -> Result<Value<'a>, Error> {
        self.skip_space();
        match self.peek() {
            Some(b'{') => self.nested(Parser::object),
            Some(b'[') => self.nested(Parser::array),
            Some(b'"') => Ok(Value::String(self.string()?)),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(_) => Err(self.error("expected value")),
            None => Err(self.error("EOF while parsing a value")),
        }
    }

    fn literal(&mut self, word: &str, value: Value<'a>) -> Result<Value<'a>, Error> {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error("expected value"))
        }
    }

    fn nested(
        &mut self,
        read: fn(&mut Parser<'a>) -> Result<Value<'a>, Error>,
    ) -> Result<Value<'a>, Error> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("recursion limit exceeded"));
        }
        self.at += 1; // the `[` or `{`
        let value = read(self)?;
        self.depth -= 1;
        Ok(value)
    }

    /// After `close`, or a comma and another item: whether another item follows.
    fn next_item(&mut self, close: u8, first: bool) -> Result<bool, Error> {
        self.skip_space();
        match self.peek() {
            Some(c) if c == close => {
                self.at += 1;
                Ok(false)
            }
            Some(b',') if !first => {
                self.at += 1;
                Ok(true)
            }
            _ if first => Ok(true),
            None => Err(self.error("EOF while parsing a list or an object")),
            _ => Err(self.error("expected `,` or the end of a list or an object")),
        }
    }

    fn array(&mut self) -> Result<Value<'a>, Error> {
        let mut items = Vec::new();
        while self.next_item(b']', items.is_empty())? {
            items.push(self.value()?);
        }
        Ok(Value::Array(items))
    }

    fn object(&mut self) -> Result<Value<'a>, Error> {
        let mut fields = Vec::new();
        while self.next_item(b'}', fields.is_empty())? {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(self.error("key must be a string"));
            }
            let key = self.string()?;
            self.skip_space();
            if self.peek() != Some(b':') {
                return Err(self.error("expected `:`"));
            }
            self.at += 1;
            fields.push((key, self.value()?));
        }
        Ok(Value::Object(fields))
    }

    /// The string at the opening quote: borrowed from the text when it has no escapes.
    fn string(&mut self) -> Result<Cow<'a, str>, Error> {
        self.at += 1;
        let mut owned: Option<String> = None;
        let mut copied = self.at;
        loop {
            self.at = plain_until(self.text.as_bytes(), self.at);
            match self.peek() {
                Some(b'"') => {
                    let rest = &self.text[copied..self.at];
                    self.at += 1;
                    return Ok(match owned {
                        Some(mut s) => {
                            s.push_str(rest);
                            Cow::Owned(s)
                        }
                        None => Cow::Borrowed(rest),
                    });
                }
                Some(b'\\') => {
                    let mut s = owned.take().unwrap_or_default();
                    s.push_str(&self.text[copied..self.at]);
                    self.at += 1;
                    s.push(self.escape()?);
                    owned = Some(s);
                    copied = self.at;
                }
                Some(_) => {
                    return Err(self.error("control character (\\u0000-\\u001F) in a string"))
                }
                None => return Err(self.error("EOF while parsing a string")),
            }
        }
    }

    /// The character of the escape after a backslash.
    fn escape(&mut self) -> Result<char, Error> {
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.at += 1;
                return self.unicode_escape();
            }
            _ => return Err(self.error("invalid escape")),
        };
        self.at += 1;
        Ok(c)
    }

    /// Four hex digits at the current position, consumed.
    fn hex4(&mut self) -> Result<u16, Error> {
        let digits = self.text.get(self.at..self.at + 4).unwrap_or("");
        match u16::from_str_radix(digits, 16) {
            Ok(n) if digits.bytes().all(|b| b.is_ascii_hexdigit()) => {
                self.at += 4;
                Ok(n)
            }
            _ => Err(self.error("invalid \\u escape")),
        }
    }

    /// The character of `\uXXXX` (after the `\u`): a surrogate pair as one character, a
    /// lone surrogate as U+FFFD.
    fn unicode_escape(&mut self) -> Result<char, Error> {
        let n = self.hex4()?;
        if (0xD800..0xDC00).contains(&n) && self.text[self.at..].starts_with("\\u") {
            let back = self.at;
            self.at += 2;
            let low = self.hex4()?;
            if (0xDC00..0xE000).contains(&low) {
                let c = 0x10000 + ((u32::from(n) - 0xD800) << 10) + (u32::from(low) - 0xDC00);
                return Ok(char::from_u32(c).unwrap_or('\u{FFFD}'));
            }
            self.at = back; // not a pair: the next escape is read on its own
        }
        Ok(char::from_u32(u32::from(n)).unwrap_or('\u{FFFD}'))
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Result<Value<'a>, Error> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let leading_zero = self.peek() == Some(b'0');
        match self.digits() {
            0 => return Err(self.error("invalid number")),
            n if leading_zero && n > 1 => return Err(self.error("invalid number")),
            _ => {}
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err(self.error("invalid number"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("invalid number"));
            }
        }
        Ok(Value::Number(&self.text[start..self.at]))
    }
}

/// A number written without a fraction or an exponent.
fn is_integer(number: &str) -> bool {
    !number.bytes().any(|b| matches!(b, b'.' | b'e' | b'E'))
}

/// `value` as serde names what it found: "integer `3`", "string \"x\"".
fn found(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(n) if is_integer(n) => format!("integer `{n}`"),
        Value::Number(n) => format!("floating point `{n}`"),
        Value::String(s) => format!("string {s:?}"),
        Value::Array(_) => "a sequence".into(),
        Value::Object(_) => "a map".into(),
    }
}

fn invalid_type(value: &Value, expected: &str) -> Error {
    Error::new(format!(
        "invalid type: {}, expected {expected}",
        found(value)
    ))
}

/// Exact powers of ten as `f64` (10^22 is the last one that is).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// A JSON number as the nearest `f64`. Most numbers (integers, and decimals of at most
/// 15 digits and a small exponent) are exact by one multiplication or division; the
/// rest are read by the platform (JavaScript's `parseFloat` in the wasm build).
fn to_f64(number: &str) -> f64 {
    let (mut mantissa, mut digits, mut scale) = (0u64, 0u32, 0i32);
    let mut bytes = number.bytes();
    let mut fraction = false;
    for b in bytes.by_ref() {
        match b {
            b'0'..=b'9' => {
                if mantissa > 0 || b != b'0' {
                    digits += 1;
                }
                if digits > 15 {
                    return parse_float(number);
                }
                mantissa = mantissa * 10 + u64::from(b - b'0');
                scale -= i32::from(fraction);
            }
            b'.' => fraction = true,
            b'e' | b'E' => break,
            _ => {} // the sign
        }
    }
    let (mut exponent, mut negative_exponent) = (0i32, false);
    for b in bytes {
        match b {
            b'-' => negative_exponent = true,
            b'0'..=b'9' => exponent = (exponent * 10 + i32::from(b - b'0')).min(100_000),
            _ => {}
        }
    }
    scale += if negative_exponent {
        -exponent
    } else {
        exponent
    };
    let Some(&p) = POW10.get(scale.unsigned_abs() as usize) else {
        return parse_float(number);
    };
    let m = mantissa as f64;
    let value = if scale < 0 { m / p } else { m * p };
    if number.starts_with('-') {
        -value
    } else {
        value
    }
}

#[cfg(target_arch = "wasm32")]
fn parse_float(number: &str) -> f64 {
    js_sys::Number::parse_float(number)
}

#[cfg(not(target_arch = "wasm32"))]
fn parse_float(number: &str) -> f64 {
    number.parse().unwrap_or(f64::NAN)
}

/// A type read from a JSON value, with the defaults and checks of its serde derive.
trait FromJson<'a>: Sized {
    fn from_json(value: Value<'a>) -> Result<Self, Error>;
}

impl<'a> FromJson<'a> for String {
    fn from_json(value: Value<'a>) -> Result<String, Error> {
        match value {
            Value::String(s) => Ok(s.into_owned()),
            other => Err(invalid_type(&other, "a string")),
        }
    }
}

impl<'a, T: FromJson<'a>> FromJson<'a> for Option<T> {
    fn from_json(value: Value<'a>) -> Result<Option<T>, Error> {
        match value {
            Value::Null => Ok(None),
            other => T::from_json(other).map(Some),
        }
    }
}

impl<'a, T: FromJson<'a>> FromJson<'a> for Vec<T> {
    fn from_json(value: Value<'a>) -> Result<Vec<T>, Error> {
        match value {
            Value::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, v) in items.into_iter().enumerate() {
                    out.push(T::from_json(v).map_err(|e| e.in_item(i))?);
                }
                Ok(out)
            }
            other => Err(invalid_type(&other, "a sequence")),
        }
    }
}

impl<'a> FromJson<'a> for u32 {
    fn from_json(value: Value<'a>) -> Result<u32, Error> {
        match value {
            Value::Number(n) if is_integer(n) => {
                let digits = n.strip_prefix('-').unwrap_or(n);
                match digits.parse::<u32>() {
                    Ok(0) => Ok(0),
                    Ok(v) if !n.starts_with('-') => Ok(v),
                    _ => Err(Error::new(format!(
                        "invalid value: integer `{n}`, expected u32"
                    ))),
                }
            }
            other => Err(invalid_type(&other, "u32")),
        }
    }
}

impl<'a> FromJson<'a> for f64 {
    fn from_json(value: Value<'a>) -> Result<f64, Error> {
        match value {
            Value::Number(n) => match to_f64(n) {
                x if x.is_finite() => Ok(x),
                _ => Err(Error::new(format!("number out of range: {n}"))),
            },
            other => Err(invalid_type(&other, "f64")),
        }
    }
}

/// Which of `names` the value names (a unit variant's name in the JSON).
fn variant(value: Value, names: &[&str]) -> Result<usize, Error> {
    let Value::String(name) = &value else {
        return Err(invalid_type(&value, "a string"));
    };
    if let Some(i) = names.iter().position(|n| *n == name.as_ref()) {
        return Ok(i);
    }
    let names: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    let expected = match names.as_slice() {
        [a, b] => format!("{a} or {b}"),
        _ => format!("one of {}", names.join(", ")),
    };
    Err(Error::new(format!(
        "unknown variant `{name}`, expected {expected}"
    )))
}

impl<'a> FromJson<'a> for Lang {
    fn from_json(value: Value<'a>) -> Result<Lang, Error> {
        let i = variant(value, &["nl", "en"])?;
        Ok([Lang::Nl, Lang::En][i])
    }
}

impl<'a> FromJson<'a> for Platform {
    fn from_json(value: Value<'a>) -> Result<Platform, Error> {
        let i = variant(value, &["x", "facebook"])?;
        Ok([Platform::X, Platform::Facebook][i])
    }
}

impl<'a> FromJson<'a> for SignatureStyle {
    fn from_json(value: Value<'a>) -> Result<SignatureStyle, Error> {
        use SignatureStyle::*;
        let i = variant(value, &["caret", "dash", "greeting", "organisation"])?;
        Ok([Caret, Dash, Greeting, Organisation][i])
    }
}

/// The fields of an object, taken one by one.
struct Fields<'a>(Vec<(Cow<'a, str>, Value<'a>)>);

impl<'a> Fields<'a> {
    /// The fields of `value`, which must be an object (`what`: "struct Profile").
    fn of(value: Value<'a>, what: &str) -> Result<Fields<'a>, Error> {
        match value {
            Value::Object(fields) => Ok(Fields(fields)),
            other => Err(invalid_type(&other, what)),
        }
    }

    /// The value of `key`, taken out of the object (`None`: it has no such field).
    fn take(&mut self, key: &str) -> Result<Option<Value<'a>>, Error> {
        let mut value = None;
        for (k, v) in &mut self.0 {
            if k == key {
                if value.is_some() {
                    return Err(Error::new(format!("duplicate field `{key}`")));
                }
                value = Some(std::mem::replace(v, Value::Null));
            }
        }
        Ok(value)
    }

    /// `key`'s value read into `slot`, which keeps its default when there is none.
    fn set<T: FromJson<'a>>(&mut self, key: &str, slot: &mut T) -> Result<(), Error> {
        if let Some(v) = self.take(key)? {
            *slot = T::from_json(v).map_err(|e| e.in_field(key))?;
        }
        Ok(())
    }
}

impl<'a> FromJson<'a> for Exchange {
    fn from_json(value: Value<'a>) -> Result<Exchange, Error> {
        let mut f = Fields::of(value, "struct Exchange")?;
        let mut ex = Exchange::default();
        f.set("post", &mut ex.post)?;
        f.set("reply", &mut ex.reply)?;
        f.set("platform", &mut ex.platform)?;
        f.set("profile", &mut ex.profile)?;
        Ok(ex)
    }
}

impl<'a> FromJson<'a> for Post {
    fn from_json(value: Value<'a>) -> Result<Post, Error> {
        let mut f = Fields::of(value, "struct Post")?;
        let mut post = Post::default();
        f.set("text", &mut post.text)?;
        f.set("author", &mut post.author)?;
        f.set("age_minutes", &mut post.age_minutes)?;
        Ok(post)
    }
}

impl<'a> FromJson<'a> for Profile {
    fn from_json(value: Value<'a>) -> Result<Profile, Error> {
        let mut f = Fields::of(value, "struct Profile")?;
        let mut p = Profile::default();
        f.set("agent_name", &mut p.agent_name)?;
        f.set("agent_initials", &mut p.agent_initials)?;
        f.set("signature_style", &mut p.signature_style)?;
        f.set("organisation", &mut p.organisation)?;
        f.set(
            "response_time_norm_minutes",
            &mut p.response_time_norm_minutes,
        )?;
        f.set("platform", &mut p.platform)?;
        f.set("ui_language", &mut p.ui_language)?;
        f.set("custom_rules", &mut p.custom_rules)?;
        f.set("disabled_rules", &mut p.disabled_rules)?;
        f.set("saved_replies", &mut p.saved_replies)?;
        Ok(p)
    }
}

impl<'a> FromJson<'a> for CustomRule {
    fn from_json(value: Value<'a>) -> Result<CustomRule, Error> {
        let mut f = Fields::of(value, "struct CustomRule")?;
        let mut phrase: Option<String> = None;
        f.set("phrase", &mut phrase)?;
        let mut rule = CustomRule {
            phrase: phrase.ok_or_else(|| Error::new("missing field `phrase`"))?,
            replacement: None,
            message: None,
            language: None,
        };
        f.set("replacement", &mut rule.replacement)?;
        f.set("message", &mut rule.message)?;
        f.set("language", &mut rule.language)?;
        Ok(rule)
    }
}

impl<'a> FromJson<'a> for SavedReply {
    fn from_json(value: Value<'a>) -> Result<SavedReply, Error> {
        let mut f = Fields::of(value, "struct SavedReplyFields")?;
        let (mut title, mut text, mut language, mut tags) = (None, None, None, Vec::new());
        f.set("title", &mut title)?;
        f.set("text", &mut text)?;
        f.set("language", &mut language)?;
        f.set("tags", &mut tags)?;
        SavedReply::checked(title, text, language, tags).map_err(Error::new)
    }
}

impl Exchange {
    /// Reads an exchange from the JSON that JavaScript's `JSON.stringify` wrote (lone
    /// surrogates become U+FFFD; see the module's notes).
    pub fn from_js_json(json: &str) -> Result<Exchange, Error> {
        Exchange::from_json(parse(json)?)
    }
}

/// Reads a profile from JSON, as [`Exchange::from_js_json`] reads an exchange.
pub fn read_profile(json: &str) -> Result<Profile, Error> {
    Profile::from_json(parse(json)?)
}

/// Reads a profile's `saved_replies` from JSON.
pub fn read_saved_replies(json: &str) -> Result<Vec<SavedReply>, Error> {
    Vec::<SavedReply>::from_json(parse(json)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Report, Severity};

    /// Every rule example's exchange, and a few more with every field of the contract.
    fn exchanges() -> Vec<Exchange> {
        let mut out: Vec<Exchange> = crate::rulebook::rules()
            .iter()
            .flat_map(|r| r.examples.iter().map(|e| e.exchange()))
            .collect();
        let mut full = out[0].clone();
        full.platform = Some(Platform::Facebook);
        full.profile = every_field();
        full.post.as_mut().unwrap().age_minutes = Some(0.1 + 0.2);
        out.push(full);
        out
    }

    /// A profile with every field set, none to its default (a field added to `Profile`
    /// must be set here, and then read by `FromJson for Profile`).
    fn every_field() -> Profile {
        Profile {
            agent_name: Some("Pim \"P\" Kramer\n".into()),
            agent_initials: Some("PK".into()),
            signature_style: SignatureStyle::Organisation,
            organisation: Some("FietsPlaats ✓".into()),
            response_time_norm_minutes: 90,
            platform: Platform::Facebook,
            ui_language: Lang::Nl,
            custom_rules: vec![CustomRule {
                phrase: "helaas".into(),
                replacement: Some("jammer genoeg".into()),
                message: Some("Zeg het positief \\ graag".into()),
                language: Some(Lang::Nl),
            }],
            disabled_rules: vec!["too-long".into()],
            saved_replies: vec![SavedReply {
                title: "Bestelnummer".into(),
                text: "Hoi {first_name}! 👍 {signature}".into(),
                language: Some(Lang::Nl),
                tags: vec!["complaint".into(), "late".into()],
            }],
        }
    }

    #[test]
    fn reads_what_serde_json_writes() {
        for ex in exchanges() {
            let json = serde_json::to_string(&ex).unwrap();
            assert_eq!(Exchange::from_js_json(&json).unwrap(), ex, "{json}");
            let pretty = serde_json::to_string_pretty(&ex).unwrap();
            assert_eq!(Exchange::from_js_json(&pretty).unwrap(), ex, "{pretty}");
        }
        let p = every_field();
        assert_eq!(
            read_profile(&serde_json::to_string(&p).unwrap()).unwrap(),
            p
        );
    }

    #[test]
    fn writes_what_serde_json_writes() {
        let reports: Vec<Report> = exchanges().iter().map(crate::analyze).collect();
        assert!(reports.iter().any(|r| !r.incoming.signals.is_empty()));
        for r in &reports {
            assert_eq!(to_string(r).unwrap(), serde_json::to_string(r).unwrap());
        }
        for lang in Lang::ALL {
            let docs = crate::rules::docs(lang);
            assert_eq!(
                to_string(&docs).unwrap(),
                serde_json::to_string(&docs).unwrap()
            );
        }
        let ex = &exchanges()[0];
        assert_eq!(to_string(ex).unwrap(), serde_json::to_string(ex).unwrap());
        let odd = (
            "\u{0}\u{1f}\u{7f}\"\\/\u{8}\u{c}\n\r\t\u{2028}é😀",
            [-0.0, 1e-7, 1.5e300, f64::NAN, -3.0, 72.0, 0.85],
            (u64::MAX, i64::MIN, Severity::Error, None::<u8>),
        );
        assert_eq!(
            to_string(&odd).unwrap(),
            serde_json::to_string(&odd).unwrap()
        );
    }

    #[test]
    fn defaults_nulls_and_unknown_fields_as_serde() {
        let ex = Exchange::from_js_json(
            r#"{"reply":"hi","post":null,"platform":null,"extra":{"a":[1,2,{"b":null}]},
                "profile":{"agent_name":null,"house_register":"u"}}"#,
        )
        .unwrap();
        assert_eq!(ex.reply, "hi");
        assert_eq!(ex.post, None);
        assert_eq!(ex.profile, Profile::default());
        assert_eq!(Exchange::from_js_json("{}").unwrap(), Exchange::default());
        let ex = Exchange::from_js_json(r#"{"post":{"age_minutes":25},"reply":"x"}"#).unwrap();
        assert_eq!(ex.post.unwrap().age_minutes, Some(25.0));
    }

    #[test]
    fn numbers_read_as_the_nearest_f64() {
        for n in [
            "0",
            "-0",
            "25",
            "1.5",
            "0.1",
            "-2.25",
            "1e3",
            "1E-3",
            "2.5e+2",
            "123456789012345",
            "1234567890123456789",
            "0.30000000000000004",
            "1e300",
            "4.9e-324",
            "1e-400",
            "17976931348623157e292",
        ] {
            let json = format!(r#"{{"post":{{"age_minutes":{n}}}}}"#);
            let ours = Exchange::from_js_json(&json)
                .unwrap()
                .post
                .unwrap()
                .age_minutes;
            let theirs: f64 = n.parse().unwrap();
            assert_eq!(ours, Some(theirs), "{n}");
        }
        let norm = |n: &str| {
            read_profile(&format!(r#"{{"response_time_norm_minutes":{n}}}"#))
                .map(|p| p.response_time_norm_minutes)
                .map_err(|e| e.to_string())
        };
        assert_eq!(norm("4294967295"), Ok(u32::MAX));
        assert_eq!(norm("-0"), Ok(0));
        for bad in ["4294967296", "-1", "60.0", "6e1", "\"60\"", "null"] {
            assert!(norm(bad).is_err(), "{bad}");
        }
        assert!(Exchange::from_js_json(r#"{"post":{"age_minutes":1e400}}"#).is_err());
    }

    #[test]
    fn lone_surrogates_from_javascript_become_replacement_characters() {
        let text = |s: &str| {
            Exchange::from_js_json(&format!(r#"{{"reply":"{s}"}}"#))
                .unwrap()
                .reply
        };
        // a lone high, a lone low, a pair, an escaped backslash before "ud83d"
        assert_eq!(text(r"a\ud83d"), "a\u{FFFD}");
        assert_eq!(text(r"\udc4d b"), "\u{FFFD} b");
        assert_eq!(text(r"\ud83d\udc4d"), "👍");
        assert_eq!(text(r"\\ud83d"), "\\ud83d");
        assert_eq!(text(r"\ud83d\ud83d\udc4d"), "\u{FFFD}👍");
        assert_eq!(text(r"\ud83d\n"), "\u{FFFD}\n");
        assert_eq!(text(r#"\n\"\u00e9\/"#), "\n\"é/");
        // a half emoji at the end of a post: read, with one unit in its place
        let ex =
            Exchange::from_js_json(r#"{"post":{"text":"ok \ud83d"},"reply":"\udc4d hi"}"#).unwrap();
        assert_eq!(ex.post.unwrap().text, "ok \u{FFFD}");
        assert_eq!(ex.reply, "\u{FFFD} hi");
    }

    #[test]
    fn errors_name_the_field_and_what_is_wrong() {
        let err = |json: &str| Exchange::from_js_json(json).unwrap_err().to_string();
        assert_eq!(
            err(r#"{"reply": 3}"#),
            "reply: invalid type: integer `3`, expected a string"
        );
        assert_eq!(
            err(r#"{"profile": {"signature_style": "organization"}}"#),
            "profile.signature_style: unknown variant `organization`, expected one of \
             `caret`, `dash`, `greeting`, `organisation`"
        );
        assert_eq!(
            err(r#"{"profile": {"custom_rules": [{"phrase": "a"}, {"replacement": "b"}]}}"#),
            "profile.custom_rules[1]: missing field `phrase`"
        );
        assert_eq!(
            err(r#"{"profile": {"saved_replies": [{"title": "Hi", "text": " "}]}}"#),
            "profile.saved_replies[0]: the saved reply \"Hi\" has no \"text\""
        );
        assert_eq!(
            err(r#"{"profile": {"ui_language": "de"}}"#),
            "profile.ui_language: unknown variant `de`, expected `nl` or `en`"
        );
        assert_eq!(
            err(r#"{"reply": "a", "reply": "b"}"#),
            "duplicate field `reply`"
        );
        assert_eq!(
            err("[]"),
            "invalid type: a sequence, expected struct Exchange"
        );
        assert_eq!(
            err(r#"{"post": 1.5}"#),
            "post: invalid type: floating point `1.5`, expected struct Post"
        );
        assert_eq!(
            err("{\"reply\": \"a\"\n  x"),
            "expected `,` or the end of a list or an object at line 2 column 3"
        );
        for bad in [
            "",
            "{",
            "{\"reply\"}",
            "{\"reply\": \"a\",}",
            "[1,]",
            "01",
            "1.",
            "-",
            "1e",
            "\"\u{1}\"",
            "\"\\x\"",
            "\"\\u12\"",
            "tru",
            "{} {}",
            "{\"a\": 1} x",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
        let deep = "[".repeat(200) + &"]".repeat(200);
        assert!(err(&deep).contains("recursion limit"));
        assert!(parse(&("[".repeat(100) + &"]".repeat(100))).is_ok());
    }
}
