//! `toYaml` as Helm prints it: sigs.k8s.io/yaml.Marshal, which encodes to JSON and re-emits the
//! result with go.yaml.in/yaml/v2 (v2.4.4). The emitter below follows that library's emitterc.go
//! (block styles, 2-space indent, indentless sequences under keys, 80-column folding of plain and
//! quoted scalars) and its encode.go/resolve.go choice of when a string needs quotes.

use std::sync::OnceLock;

use crate::value::V;

const BEST_WIDTH: usize = 80;
const BEST_INDENT: i32 = 2;

/// sigs.k8s.io/yaml.Marshal(v): the JSON round trip first (integral floats become ints, numbers
/// keep JSON's precision), then yaml.v2's emitter.
pub(crate) fn marshal(v: &V) -> Option<String> {
    let j = json_round_trip(v)?;
    let mut e = Emitter {
        out: String::new(),
        column: 0,
        whitespace: true,
        indention: true,
        indent: -1,
        indents: Vec::new(),
    };
    e.node(&j, Ctx::Root);
    // emit_document_end: write_indent. (yaml.v2 never writes the "..." of an open-ended stream
    // here: the document end is implicit.)
    e.write_indent();
    Some(e.out)
}

/// The value yaml.v2 sees after sigs.k8s.io/yaml's JSON step: a number is an int when its JSON
/// text parses as one (resolve.go), otherwise a float64.
#[derive(Debug, Clone)]
enum J {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    List(Vec<J>),
    Map(Vec<(String, J)>),
}

/// `None` where yaml.v2 cannot read the JSON back: its reader refuses control characters that
/// encoding/json leaves unescaped (readerc.go yaml_parser_update_buffer).
fn json_round_trip(v: &V) -> Option<J> {
    Some(match v {
        V::Missing | V::Nil => J::Null,
        V::Bool(b) => J::Bool(*b),
        V::Int(i) | V::I64(i) => J::Int(*i),
        V::Float(f) => {
            let text = crate::json::float_json(*f);
            match text.parse::<i64>() {
                Ok(i) => J::Int(i),
                Err(_) => J::Float(*f),
            }
        }
        V::Str(s) => J::Str(json_string_as_yaml(s)?),
        V::List(l) => J::List(l.iter().map(json_round_trip).collect::<Option<_>>()?),
        V::Map(m) => map_entries(m.borrow().iter())?,
        V::Object(o) => map_entries(o.fields.iter())?,
    })
}

/// A string as yaml.v2 reads it back from encoding/json's text: JSON escapes control characters,
/// U+2028 and U+2029 but leaves U+0085 (NEL) raw, which YAML folds like a line break in a quoted
/// scalar; U+007F..U+009F (but NEL), U+FFFE and U+FFFF are not accepted at all.
fn json_string_as_yaml(s: &str) -> Option<String> {
    if s.chars().any(|c| matches!(c as u32, 0x7f..=0x84 | 0x86..=0x9f | 0xfffe | 0xffff)) {
        return None;
    }
    if !s.contains('\u{85}') {
        return Some(s.to_string());
    }
    // scannerc.go yaml_parser_scan_flow_scalar: spaces around a run of breaks are dropped; one
    // break becomes a space, n breaks become n-1 newlines.
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == ' ' || chars[i] == '\u{85}' {
            let mut j = i;
            let mut breaks = 0;
            while j < chars.len() && (chars[j] == ' ' || chars[j] == '\u{85}') {
                if chars[j] == '\u{85}' {
                    breaks += 1;
                }
                j += 1;
            }
            if breaks == 0 {
                out.extend(&chars[i..j]);
            } else if breaks == 1 {
                out.push(' ');
            } else {
                out.extend(std::iter::repeat_n('\n', breaks - 1));
            }
            i = j;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    Some(out)
}

fn map_entries<'a>(it: impl Iterator<Item = (&'a String, &'a V)>) -> Option<J> {
    // A key is a simple key in the JSON text, and simple keys cannot span a (NEL) line break.
    let entries: Vec<(String, J)> = it
        .map(|(k, v)| {
            if k.contains('\u{85}') {
                return None;
            }
            Some((json_string_as_yaml(k)?, json_round_trip(v)?))
        })
        .collect::<Option<_>>()?;
    Some(J::Map(merge_sort(entries)))
}

/// A stable sort by `key_less` that tolerates its inconsistencies (it is not a total order for
/// some mixes of digits and letters, where Go's result depends on map iteration order anyway).
fn merge_sort(mut v: Vec<(String, J)>) -> Vec<(String, J)> {
    if v.len() <= 1 {
        return v;
    }
    let right = v.split_off(v.len() / 2);
    let (left, right) = (merge_sort(v), merge_sort(right));
    let mut out = Vec::with_capacity(left.len() + right.len());
    let (mut l, mut r) = (left.into_iter().peekable(), right.into_iter().peekable());
    while let (Some(a), Some(b)) = (l.peek(), r.peek()) {
        if key_less(&b.0, &a.0) {
            out.extend(r.next());
        } else {
            out.extend(l.next());
        }
    }
    out.extend(l);
    out.extend(r);
    out
}

/// yaml.v2 sorter.go keyList.Less for string keys: runs of digits compare as numbers, letters
/// sort after non-letters.
fn key_less(a: &str, b: &str) -> bool {
    let ar: Vec<char> = a.chars().collect();
    let br: Vec<char> = b.chars().collect();
    let mut i = 0;
    while i < ar.len() && i < br.len() {
        if ar[i] == br[i] {
            i += 1;
            continue;
        }
        let al = ar[i].is_alphabetic();
        let bl = br[i].is_alphabetic();
        if al && bl {
            return ar[i] < br[i];
        }
        if al || bl {
            return bl;
        }
        let mut an: i64 = 0;
        let mut bn: i64 = 0;
        if ar[i] == '0' || br[i] == '0' {
            let mut j = i;
            while j > 0 && ar[j - 1].is_ascii_digit() {
                j -= 1;
                if ar[j] != '0' {
                    an = 1;
                    bn = 1;
                    break;
                }
            }
        }
        let mut ai = i;
        while ai < ar.len() && ar[ai].is_ascii_digit() {
            an = an.wrapping_mul(10).wrapping_add(ar[ai] as i64 - '0' as i64);
            ai += 1;
        }
        let mut bi = i;
        while bi < br.len() && br[bi].is_ascii_digit() {
            bn = bn.wrapping_mul(10).wrapping_add(br[bi] as i64 - '0' as i64);
            bi += 1;
        }
        if an != bn {
            return an < bn;
        }
        if ai != bi {
            return ai < bi;
        }
        return ar[i] < br[i];
    }
    ar.len() < br.len()
}

#[derive(Clone, Copy, PartialEq)]
enum Ctx {
    Root,
    /// A sequence item.
    Seq,
    /// A simple mapping key.
    Key,
    /// A "? " mapping key.
    ComplexKey,
    /// A mapping value.
    Value,
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Style {
    Plain,
    Single,
    Double,
    Literal,
}

struct Emitter {
    out: String,
    column: usize,
    whitespace: bool,
    indention: bool,
    indent: i32,
    indents: Vec<i32>,
}

impl Emitter {
    fn put(&mut self, c: char) {
        self.out.push(c);
        self.column += 1;
    }

    fn put_break(&mut self) {
        self.out.push('\n');
        self.column = 0;
    }

    /// emitterc.go write_break: a '\n' is a newline, other breaks are copied as they are.
    fn write_break(&mut self, c: char) {
        if c == '\n' {
            self.put_break();
        } else {
            self.out.push(c);
            self.column = 0;
        }
    }

    fn write_str(&mut self, s: &str) {
        for c in s.chars() {
            self.put(c);
        }
    }

    fn increase_indent(&mut self, flow: bool, indentless: bool) {
        self.indents.push(self.indent);
        if self.indent < 0 {
            self.indent = if flow { BEST_INDENT } else { 0 };
        } else if !indentless {
            self.indent += BEST_INDENT;
        }
    }

    fn pop_indent(&mut self) {
        self.indent = self.indents.pop().unwrap_or(-1);
    }

    fn write_indent(&mut self) {
        let indent = self.indent.max(0) as usize;
        if !self.indention || self.column > indent || (self.column == indent && !self.whitespace) {
            self.put_break();
        }
        while self.column < indent {
            self.put(' ');
        }
        self.whitespace = true;
        self.indention = true;
    }

    fn write_indicator(&mut self, ind: &str, need_whitespace: bool, is_whitespace: bool, is_indention: bool) {
        if need_whitespace && !self.whitespace {
            self.put(' ');
        }
        self.write_str(ind);
        self.whitespace = is_whitespace;
        self.indention = self.indention && is_indention;
    }

    fn node(&mut self, v: &J, ctx: Ctx) {
        match v {
            J::List(items) if !items.is_empty() => self.block_sequence(items, ctx),
            J::Map(entries) if !entries.is_empty() => self.block_mapping(entries),
            J::List(_) => self.flow_empty("[", "]"),
            J::Map(_) => self.flow_empty("{", "}"),
            J::Null => self.scalar("null", Style::Plain, ctx),
            J::Bool(b) => self.scalar(if *b { "true" } else { "false" }, Style::Plain, ctx),
            J::Int(i) => self.scalar(&i.to_string(), Style::Plain, ctx),
            J::Float(f) => {
                let s = if f.is_nan() {
                    ".nan".to_string()
                } else if f.is_infinite() {
                    if *f > 0.0 { ".inf".to_string() } else { "-.inf".to_string() }
                } else {
                    crate::fmt::format_float_g(*f, -1)
                };
                self.scalar(&s, Style::Plain, ctx)
            }
            J::Str(s) => {
                // encode.go stringv.
                let can_use_plain = resolves_to_str(s) && !is_base60_float(s);
                let style = if s.contains('\n') {
                    Style::Literal
                } else if can_use_plain {
                    Style::Plain
                } else {
                    Style::Double
                };
                self.scalar(s, style, ctx)
            }
        }
    }

    fn flow_empty(&mut self, open: &str, close: &str) {
        // emit_flow_sequence_item / mapping_key with first and END: "[" then "]".
        self.write_indicator(open, true, true, false);
        self.write_indicator(close, false, false, false);
    }

    fn block_sequence(&mut self, items: &[J], ctx: Ctx) {
        let mapping_context = matches!(ctx, Ctx::Value | Ctx::ComplexKey);
        let indentless = mapping_context && !self.indention;
        self.increase_indent(false, indentless);
        for item in items {
            self.write_indent();
            self.write_indicator("-", true, false, true);
            self.node(item, Ctx::Seq);
        }
        self.pop_indent();
    }

    fn block_mapping(&mut self, entries: &[(String, J)]) {
        self.increase_indent(false, false);
        for (k, v) in entries {
            self.write_indent();
            // emitterc.go yaml_emitter_check_simple_key: multi-line keys and keys longer than 128
            // bytes are written as "? key" then ": value".
            if k.contains(is_break) || k.len() > 128 {
                self.write_indicator("?", true, false, true);
                self.node(&J::Str(k.clone()), Ctx::ComplexKey);
                self.write_indent();
                self.write_indicator(":", true, false, true);
            } else {
                self.node(&J::Str(k.clone()), Ctx::Key);
                self.write_indicator(":", false, false, false);
            }
            self.node(v, Ctx::Value);
        }
        self.pop_indent();
    }

    fn scalar(&mut self, value: &str, requested: Style, ctx: Ctx) {
        let simple_key = ctx == Ctx::Key;
        let a = analyze(value);
        // emitterc.go yaml_emitter_select_scalar_style.
        let mut style = requested;
        if simple_key && a.multiline {
            style = Style::Double;
        }
        if style == Style::Plain {
            if !a.block_plain_allowed {
                style = Style::Single;
            }
            if value.is_empty() && simple_key {
                style = Style::Single;
            }
        }
        if style == Style::Single && !a.single_quoted_allowed {
            style = Style::Double;
        }
        if style == Style::Literal && (!a.block_allowed || simple_key) {
            style = Style::Double;
        }
        self.increase_indent(true, false);
        let allow_breaks = !simple_key;
        match style {
            Style::Plain => self.write_plain(value, allow_breaks),
            Style::Single => self.write_single(value, allow_breaks),
            Style::Double => self.write_double(value, allow_breaks),
            Style::Literal => self.write_literal(value),
        }
        self.pop_indent();
    }

    fn write_plain(&mut self, value: &str, allow_breaks: bool) {
        if !self.whitespace {
            self.put(' ');
        }
        let chars: Vec<char> = value.chars().collect();
        let mut spaces = false;
        let mut breaks = false;
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c == ' ' {
                if allow_breaks && !spaces && self.column > BEST_WIDTH && chars.get(i + 1) != Some(&' ') {
                    self.write_indent();
                } else {
                    self.put(c);
                }
                spaces = true;
            } else if is_break(c) {
                if !breaks && c == '\n' {
                    self.put_break();
                }
                self.write_break(c);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                self.put(c);
                self.indention = false;
                spaces = false;
                breaks = false;
            }
            i += 1;
        }
        self.whitespace = false;
        self.indention = false;
    }

    fn write_single(&mut self, value: &str, allow_breaks: bool) {
        self.write_indicator("'", true, false, false);
        let chars: Vec<char> = value.chars().collect();
        let mut spaces = false;
        let mut breaks = false;
        let n = chars.len();
        let mut i = 0;
        while i < n {
            let c = chars[i];
            if c == ' ' {
                if allow_breaks
                    && !spaces
                    && self.column > BEST_WIDTH
                    && i > 0
                    && i < n - 1
                    && chars.get(i + 1) != Some(&' ')
                {
                    self.write_indent();
                } else {
                    self.put(c);
                }
                spaces = true;
            } else if is_break(c) {
                if !breaks && c == '\n' {
                    self.put_break();
                }
                self.write_break(c);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                if c == '\'' {
                    self.put('\'');
                }
                self.put(c);
                self.indention = false;
                spaces = false;
                breaks = false;
            }
            i += 1;
        }
        self.write_indicator("'", false, false, false);
        self.whitespace = false;
        self.indention = false;
    }

    fn write_double(&mut self, value: &str, allow_breaks: bool) {
        self.write_indicator("\"", true, false, false);
        let chars: Vec<char> = value.chars().collect();
        let n = chars.len();
        let mut spaces = false;
        let mut i = 0;
        while i < n {
            let c = chars[i];
            if !is_printable(c) || c == '\u{feff}' || is_break(c) || c == '"' || c == '\\' {
                self.put('\\');
                match c {
                    '\0' => self.put('0'),
                    '\x07' => self.put('a'),
                    '\x08' => self.put('b'),
                    '\t' => self.put('t'),
                    '\n' => self.put('n'),
                    '\x0b' => self.put('v'),
                    '\x0c' => self.put('f'),
                    '\r' => self.put('r'),
                    '\x1b' => self.put('e'),
                    '"' => self.put('"'),
                    '\\' => self.put('\\'),
                    '\u{85}' => self.put('N'),
                    '\u{a0}' => self.put('_'),
                    '\u{2028}' => self.put('L'),
                    '\u{2029}' => self.put('P'),
                    c => {
                        let v = c as u32;
                        let s = if v <= 0xff {
                            format!("x{v:02X}")
                        } else if v <= 0xffff {
                            format!("u{v:04X}")
                        } else {
                            format!("U{v:08X}")
                        };
                        self.write_str(&s);
                    }
                }
                spaces = false;
            } else if c == ' ' {
                if allow_breaks && !spaces && self.column > BEST_WIDTH && i > 0 && i < n - 1 {
                    self.write_indent();
                    if chars.get(i + 1) == Some(&' ') {
                        self.put('\\');
                    }
                } else {
                    self.put(c);
                }
                spaces = true;
            } else {
                self.put(c);
                spaces = false;
            }
            i += 1;
        }
        self.write_indicator("\"", false, false, false);
        self.whitespace = false;
        self.indention = false;
    }

    fn write_literal(&mut self, value: &str) {
        self.write_indicator("|", true, false, false);
        // yaml_emitter_write_block_scalar_hints.
        let first = value.chars().next();
        if first.is_some_and(|c| c == ' ' || is_break(c)) {
            self.write_indicator(&BEST_INDENT.to_string(), false, false, false);
        }
        let chars: Vec<char> = value.chars().collect();
        let chomp = match chars.last() {
            None => Some("-"),
            Some(c) if !is_break(*c) => Some("-"),
            Some(_) if chars.len() == 1 => Some("+"),
            Some(_) => {
                if is_break(chars[chars.len() - 2]) {
                    Some("+")
                } else {
                    None
                }
            }
        };
        if let Some(h) = chomp {
            self.write_indicator(h, false, false, false);
        }
        self.put_break();
        self.indention = true;
        self.whitespace = true;
        let mut breaks = true;
        for c in chars {
            if is_break(c) {
                self.write_break(c);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                self.put(c);
                self.indention = false;
                breaks = false;
            }
        }
    }
}

fn is_break(c: char) -> bool {
    matches!(c, '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// emitterc.go is_printable, for the characters of valid UTF-8.
fn is_printable(c: char) -> bool {
    let v = c as u32;
    v == 0x0a
        || (0x20..=0x7e).contains(&v)
        || (0xa0..=0xd7ff).contains(&v)
        || ((0xe000..=0xfffd).contains(&v) && v != 0xfeff)
}

struct Analysis {
    multiline: bool,
    block_plain_allowed: bool,
    single_quoted_allowed: bool,
    block_allowed: bool,
}

/// emitterc.go yaml_emitter_analyze_scalar (block context only: flow_plain_allowed is unused).
fn analyze(value: &str) -> Analysis {
    if value.is_empty() {
        return Analysis {
            multiline: false,
            block_plain_allowed: true,
            single_quoted_allowed: true,
            block_allowed: false,
        };
    }
    let chars: Vec<char> = value.chars().collect();
    let n = chars.len();
    let mut block_indicators = false;
    let mut line_breaks = false;
    let mut special = false;
    let (mut leading_space, mut leading_break, mut trailing_space, mut trailing_break) =
        (false, false, false, false);
    let (mut break_space, mut space_break) = (false, false);
    let (mut previous_space, mut previous_break) = (false, false);
    if value.starts_with("---") || value.starts_with("...") {
        block_indicators = true;
    }
    let mut preceded_by_ws = true;
    for i in 0..n {
        let c = chars[i];
        let followed_by_ws = i + 1 >= n || matches!(chars[i + 1], ' ' | '\t') || is_break(chars[i + 1]);
        if i == 0 {
            match c {
                '#' | ',' | '[' | ']' | '{' | '}' | '&' | '*' | '!' | '|' | '>' | '\'' | '"' | '%' | '@'
                | '`' => block_indicators = true,
                '?' | ':' | '-' if followed_by_ws => block_indicators = true,
                _ => {}
            }
        } else {
            match c {
                ':' if followed_by_ws => block_indicators = true,
                '#' if preceded_by_ws => block_indicators = true,
                _ => {}
            }
        }
        if !is_printable(c) {
            special = true;
        }
        if c == ' ' {
            if i == 0 {
                leading_space = true;
            }
            if i + 1 == n {
                trailing_space = true;
            }
            if previous_break {
                break_space = true;
            }
            previous_space = true;
            previous_break = false;
        } else if is_break(c) {
            line_breaks = true;
            if i == 0 {
                leading_break = true;
            }
            if i + 1 == n {
                trailing_break = true;
            }
            if previous_space {
                space_break = true;
            }
            previous_space = false;
            previous_break = true;
        } else {
            previous_space = false;
            previous_break = false;
        }
        preceded_by_ws = matches!(c, ' ' | '\t' | '\0') || is_break(c);
    }
    let mut a = Analysis {
        multiline: line_breaks,
        block_plain_allowed: true,
        single_quoted_allowed: true,
        block_allowed: true,
    };
    if leading_space || leading_break || trailing_space || trailing_break {
        a.block_plain_allowed = false;
    }
    if trailing_space {
        a.block_allowed = false;
    }
    if break_space {
        a.block_plain_allowed = false;
        a.single_quoted_allowed = false;
    }
    if space_break || special {
        a.block_plain_allowed = false;
        a.single_quoted_allowed = false;
        a.block_allowed = false;
    }
    if line_breaks {
        a.block_plain_allowed = false;
    }
    if block_indicators {
        a.block_plain_allowed = false;
    }
    a
}

/// resolve.go resolve("", s) == "!!str": would the plain scalar read back as a string?
fn resolves_to_str(s: &str) -> bool {
    const SPECIAL: &[&str] = &[
        "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON", "n", "N", "no", "No", "NO",
        "false", "False", "FALSE", "off", "Off", "OFF", "", "~", "null", "Null", "NULL", ".nan", ".NaN",
        ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
    ];
    if SPECIAL.contains(&s) {
        return false;
    }
    let first = s.as_bytes()[0];
    match first {
        b'.' => go_parse_float(s).is_none(),
        b'+' | b'-' | b'0'..=b'9' => {
            if is_timestamp(s) {
                return false;
            }
            let plain: String = s.chars().filter(|c| *c != '_').collect();
            if go_parse_int(&plain) {
                return false;
            }
            if yaml_style_float(&plain) && go_parse_float(&plain).is_some() {
                return false;
            }
            if let Some(rest) = plain.strip_prefix("0b").or_else(|| plain.strip_prefix("-0b"))
                && !rest.is_empty()
                && rest.chars().all(|c| c == '0' || c == '1')
            {
                return false;
            }
            true
        }
        _ => true,
    }
}

/// strconv.ParseInt(s, 0, 64) or ParseUint succeeds.
fn go_parse_int(s: &str) -> bool {
    let (_, body) = match s.strip_prefix('-').or_else(|| s.strip_prefix('+')) {
        Some(b) => (true, b),
        None => (false, s),
    };
    if body.is_empty() {
        return false;
    }
    let lower = body.to_ascii_lowercase();
    let (digits, radix) = if let Some(h) = lower.strip_prefix("0x") {
        (h.to_string(), 16)
    } else if let Some(o) = lower.strip_prefix("0o") {
        (o.to_string(), 8)
    } else if let Some(b) = lower.strip_prefix("0b") {
        (b.to_string(), 2)
    } else if lower.len() > 1 && lower.starts_with('0') {
        (lower[1..].to_string(), 8)
    } else {
        (lower.clone(), 10)
    };
    !digits.is_empty() && u64::from_str_radix(&digits, radix).is_ok()
}

/// resolve.go yamlStyleFloat: `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`.
fn yaml_style_float(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    if i < b.len() && (b[i] == b'-' || b[i] == b'+') {
        i += 1;
    }
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    if i < b.len() && b[i] == b'.' {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    } else {
        if digits(&mut i) == 0 {
            return false;
        }
        if i < b.len() && b[i] == b'.' {
            i += 1;
            digits(&mut i);
        }
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'-' || b[i] == b'+') {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// strconv.ParseFloat(s, 64) for the forms resolve.go can reach.
fn go_parse_float(s: &str) -> Option<f64> {
    let lower = s.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    if matches!(body, "inf" | "infinity" | "nan") {
        return Some(0.0);
    }
    if body.starts_with("0x") {
        return None;
    }
    if !body.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | '+' | '-' | '_')) {
        return None;
    }
    s.parse::<f64>().ok()
}

/// resolve.go parseTimestamp: "YYYY-" then one of the accepted layouts.
fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits != 4 || b.len() == 4 || b[4] != b'-' {
        return false;
    }
    // Layouts: 2006-1-2T15:4:5.999999999Z07:00, 2006-1-2t15:4:5.999999999Z07:00,
    // 2006-1-2 15:4:5.999999999, 2006-1-2.
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(
            r"^\d{4}-\d{1,2}-\d{1,2}(([Tt]\d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))|( \d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?))?$",
        )
        .expect("timestamp pattern")
    });
    if !re.is_match(s) {
        return false;
    }
    // time.Parse validates ranges: month 1-12, day 1-31 (and per month).
    let parts: Vec<&str> = s[..s.find(['T', 't', ' ']).unwrap_or(s.len())].split('-').collect();
    let month: u32 = parts.get(1).and_then(|m| m.parse().ok()).unwrap_or(0);
    let day: u32 = parts.get(2).and_then(|d| d.parse().ok()).unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// encode.go isBase60Float.
fn is_base60_float(s: &str) -> bool {
    let Some(c) = s.chars().next() else { return false };
    if !(c == '+' || c == '-' || c.is_ascii_digit()) || !s.contains(':') {
        return false;
    }
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(r"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$").expect("base60 pattern")
    })
    .is_match(s)
}

/// sigs.k8s.io/yaml.Unmarshal into `interface{}`: YAML to JSON, then JSON numbers are float64.
pub(crate) fn unmarshal(s: &str) -> Result<V, String> {
    let v: serde_json::Value = serde_saphyr::from_str(s).map_err(|e| e.to_string())?;
    Ok(V::from_data(&v))
}
