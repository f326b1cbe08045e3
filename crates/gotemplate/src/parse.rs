//! Lexer and parser for Go's template language, following text/template/parse/lex.go and
//! parse.go: the same tokens, trim markers, keywords and tree shapes.

use std::sync::Arc;

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Text(String),
    Left,
    Right,
    Space,
    Ident(String),
    Field(String),
    Variable(String),
    Dot,
    Str(String),
    Char(i64),
    Number(String),
    Bool(bool),
    Nil,
    LParen,
    RParen,
    Pipe,
    Declare,
    Assign,
    Comma,
    Keyword(&'static str),
    Eof,
}

#[derive(Debug, Clone)]
struct Item {
    tok: Tok,
    pos: usize,
    line: usize,
}

const KEYWORDS: &[&str] =
    &["block", "break", "continue", "define", "else", "end", "if", "range", "template", "with"];

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

fn is_alnum(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

struct Lexer<'a> {
    line_cache: std::cell::Cell<(usize, usize)>,
    name: &'a str,
    src: &'a str,
    pos: usize,
    items: Vec<Item>,
    paren_depth: usize,
}

impl<'a> Lexer<'a> {
    /// The 1-based line of a byte offset; offsets mostly grow, so counting resumes from the last.
    fn line_at(&self, pos: usize) -> usize {
        let (last_pos, last_line) = self.line_cache.get();
        let line = if pos >= last_pos {
            last_line + self.src[last_pos..pos].matches('\n').count()
        } else {
            1 + self.src[..pos].matches('\n').count()
        };
        self.line_cache.set((pos, line));
        line
    }

    fn push(&mut self, tok: Tok, pos: usize) {
        let line = self.line_at(pos);
        self.items.push(Item { tok, pos, line });
    }

    fn err(&self, pos: usize, msg: String) -> (usize, String) {
        (self.line_at(pos), msg)
    }

    fn run(mut self) -> Result<Vec<Item>, (usize, String)> {
        loop {
            let rest = &self.src[self.pos..];
            let Some(idx) = rest.find("{{") else {
                if !rest.is_empty() {
                    self.push(Tok::Text(rest.to_string()), self.pos);
                }
                self.push(Tok::Eof, self.src.len());
                return Ok(self.items);
            };
            let mut text = &rest[..idx];
            let delim_pos = self.pos + idx;
            let after = &self.src[delim_pos + 2..];
            // lex.go hasLeftTrimMarker: "-" followed by a space character.
            let left_trim = after.starts_with('-') && after[1..].starts_with(is_space);
            if left_trim {
                text = text.trim_end_matches(is_space);
            }
            if !text.is_empty() {
                self.push(Tok::Text(text.to_string()), self.pos);
            }
            let mut p = delim_pos + 2;
            if left_trim {
                p += 2;
            }
            // Comments: "{{/*" directly after the delimiter (and trim marker).
            if self.src[p..].starts_with("/*") {
                let Some(end) = self.src[p..].find("*/") else {
                    return Err(self.err(p, "unclosed comment".into()));
                };
                let mut q = p + end + 2;
                let mut right_trim = false;
                if self.src[q..].starts_with(" -}}")
                    || self.src[q..].starts_with("\t-}}")
                    || self.src[q..].starts_with("\n-}}")
                    || self.src[q..].starts_with("\r-}}")
                {
                    right_trim = true;
                    q += 4;
                } else if self.src[q..].starts_with("}}") {
                    q += 2;
                } else {
                    return Err(self.err(p, "comment ends before closing delimiter".into()));
                }
                if right_trim {
                    let rest = &self.src[q..];
                    q += rest.len() - rest.trim_start_matches(is_space).len();
                }
                self.pos = q;
                continue;
            }
            self.push(Tok::Left, delim_pos);
            self.pos = p;
            let start_line = self.line_at(delim_pos);
            self.lex_action().map_err(|(line, msg)| {
                // parse.go unexpected: an error on a later line than its action's start says
                // where the action started.
                if line == start_line {
                    (line, msg)
                } else if msg.ends_with(" action") {
                    (line, format!("{msg} started at {}:{start_line}", self.name))
                } else {
                    (line, format!("{msg} in action started at {}:{start_line}", self.name))
                }
            })?;
        }
    }

    fn at_right_delim(&self) -> Option<(bool, usize)> {
        let r = &self.src[self.pos..];
        // lex.go atRightDelim: " -}}" trims, "}}" does not.
        if r.len() >= 4 && r.starts_with(is_space) && r[1..].starts_with("-}}") {
            return Some((true, 4));
        }
        if r.starts_with("}}") {
            return Some((false, 2));
        }
        None
    }

    fn lex_action(&mut self) -> Result<(), (usize, String)> {
        loop {
            if let Some((trim, len)) = self.at_right_delim() {
                if self.paren_depth > 0 {
                    return Err(self.err(self.pos, "unclosed left paren".into()));
                }
                self.push(Tok::Right, self.pos);
                self.pos += len;
                if trim {
                    let rest = &self.src[self.pos..];
                    self.pos += rest.len() - rest.trim_start_matches(is_space).len();
                }
                return Ok(());
            }
            let start = self.pos;
            let Some(c) = self.src[self.pos..].chars().next() else {
                return Err(self.err(start, "unclosed action".into()));
            };
            match c {
                c if is_space(c) => {
                    let rest = &self.src[self.pos..];
                    let n = rest.len() - rest.trim_start_matches([' ', '\t', '\r', '\n']).len();
                    // A space before "-}}" belongs to the trim marker.
                    let mut end = self.pos + n;
                    if self.src[end..].starts_with("-}}") && n >= 1 {
                        end -= 1;
                    }
                    if end > self.pos {
                        self.push(Tok::Space, start);
                        self.pos = end;
                    } else {
                        // Only the trim marker's space remains.
                        continue;
                    }
                }
                '=' => {
                    self.push(Tok::Assign, start);
                    self.pos += 1;
                }
                ':' => {
                    if !self.src[self.pos + 1..].starts_with('=') {
                        return Err(self.err(start, "expected :=".into()));
                    }
                    self.push(Tok::Declare, start);
                    self.pos += 2;
                }
                '|' => {
                    self.push(Tok::Pipe, start);
                    self.pos += 1;
                }
                ',' => {
                    self.push(Tok::Comma, start);
                    self.pos += 1;
                }
                '(' => {
                    self.paren_depth += 1;
                    self.push(Tok::LParen, start);
                    self.pos += 1;
                }
                ')' => {
                    if self.paren_depth == 0 {
                        return Err(self.err(start, "unexpected right paren".into()));
                    }
                    self.paren_depth -= 1;
                    self.push(Tok::RParen, start);
                    self.pos += 1;
                }
                '"' => {
                    let s = self.lex_quote()?;
                    self.push(Tok::Str(s), start);
                }
                '`' => {
                    let Some(end) = self.src[self.pos + 1..].find('`') else {
                        return Err(self.err(start, "unterminated raw quoted string".into()));
                    };
                    let s = self.src[self.pos + 1..self.pos + 1 + end].to_string();
                    self.push(Tok::Str(s), start);
                    self.pos += end + 2;
                }
                '\'' => {
                    let c = self.lex_char()?;
                    self.push(Tok::Char(c), start);
                }
                '$' => {
                    let name = self.scan_word(1);
                    self.push(Tok::Variable(format!("${name}")), start);
                    self.pos += 1 + name.len();
                }
                '.' => {
                    let next = self.src[self.pos + 1..].chars().next();
                    if next.is_some_and(|c| c.is_ascii_digit()) {
                        self.lex_number()?;
                    } else {
                        let name = self.scan_word(1);
                        if name.is_empty() {
                            self.push(Tok::Dot, start);
                            self.pos += 1;
                        } else {
                            self.push(Tok::Field(name.clone()), start);
                            self.pos += 1 + name.len();
                        }
                    }
                }
                '+' | '-' | '0'..='9' => self.lex_number()?,
                c if is_alnum(c) => {
                    let word = self.scan_word(0);
                    self.pos += word.len();
                    let tok = if KEYWORDS.contains(&word.as_str()) {
                        Tok::Keyword(KEYWORDS.iter().find(|k| **k == word).copied().unwrap_or("end"))
                    } else if word == "true" {
                        Tok::Bool(true)
                    } else if word == "false" {
                        Tok::Bool(false)
                    } else if word == "nil" {
                        Tok::Nil
                    } else {
                        Tok::Ident(word)
                    };
                    self.push(tok, start);
                }
                c => {
                    return Err(self.err(start, format!("unrecognized character in action: {c:?}")));
                }
            }
        }
    }

    fn scan_word(&self, skip: usize) -> String {
        self.src[self.pos + skip..].chars().take_while(|c| is_alnum(*c)).collect()
    }

    fn lex_number(&mut self) -> Result<(), (usize, String)> {
        let start = self.pos;
        let b = self.src.as_bytes();
        let mut i = self.pos;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        let mut digits: &[u8] = b"0123456789_";
        if i + 1 < b.len() && b[i] == b'0' && matches!(b[i + 1], b'x' | b'X') {
            i += 2;
            digits = b"0123456789abcdefABCDEF_";
        } else if i + 1 < b.len() && b[i] == b'0' && matches!(b[i + 1], b'o' | b'O') {
            i += 2;
            digits = b"01234567_";
        } else if i + 1 < b.len() && b[i] == b'0' && matches!(b[i + 1], b'b' | b'B') {
            i += 2;
            digits = b"01_";
        }
        while i < b.len() && digits.contains(&b[i]) {
            i += 1;
        }
        if i < b.len() && b[i] == b'.' {
            i += 1;
            while i < b.len() && digits.contains(&b[i]) {
                i += 1;
            }
        }
        if digits.len() == 11 && i < b.len() && matches!(b[i], b'e' | b'E') {
            i += 1;
            if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
                i += 1;
            }
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
        }
        // Imaginary literals ("3.2i") end in 'i'.
        if i < b.len() && b[i] == b'i' && !(i + 1 < b.len() && (b[i + 1] as char).is_alphanumeric()) {
            i += 1;
        }
        if i < b.len() && (b[i] as char).is_alphanumeric() {
            let bad: String = self.src[start..]
                .chars()
                .take_while(|c| is_alnum(*c) || *c == '.' || *c == '+' || *c == '-')
                .collect();
            return Err(self.err(start, format!("bad number syntax: {bad:?}")));
        }
        let text = self.src[start..i].to_string();
        if text == "+" || text == "-" {
            return Err(self.err(start, format!("bad number syntax: {text:?}")));
        }
        self.push(Tok::Number(text), start);
        self.pos = i;
        Ok(())
    }

    fn lex_quote(&mut self) -> Result<String, (usize, String)> {
        let start = self.pos;
        let mut out = String::new();
        let mut chars = self.src[self.pos + 1..].char_indices();
        loop {
            let Some((i, c)) = chars.next() else {
                return Err(self.err(start, "unterminated quoted string".into()));
            };
            match c {
                '"' => {
                    self.pos = self.pos + 1 + i + 1;
                    return Ok(out);
                }
                '\n' => return Err(self.err(start, "unterminated quoted string".into())),
                '\\' => {
                    let rest = &self.src[self.pos + 1 + i + 1..];
                    let (ch, used) = unescape(rest, '"').map_err(|m| self.err(start, m))?;
                    if let Some(ch) = ch {
                        out.push(ch);
                    }
                    for _ in 0..used {
                        chars.next();
                    }
                }
                c => out.push(c),
            }
        }
    }

    fn lex_char(&mut self) -> Result<i64, (usize, String)> {
        let start = self.pos;
        let rest = &self.src[self.pos + 1..];
        let mut it = rest.chars();
        let c = it.next().ok_or_else(|| self.err(start, "unterminated character constant".into()))?;
        let (ch, used) = if c == '\\' {
            let (ch, used) = unescape(&rest[1..], '\'').map_err(|m| self.err(start, m))?;
            (ch.unwrap_or('\0'), 1 + rest[1..].chars().take(used).map(char::len_utf8).sum::<usize>())
        } else {
            (c, c.len_utf8())
        };
        if !rest[used..].starts_with('\'') {
            return Err(self.err(start, "unterminated character constant".into()));
        }
        self.pos += 1 + used + 1;
        Ok(ch as i64)
    }
}

/// One escape after a backslash, as strconv.UnquoteChar reads it; returns the char and how many
/// chars of `rest` it used.
fn unescape(rest: &str, quote: char) -> Result<(Option<char>, usize), String> {
    let mut it = rest.chars();
    let c = it.next().ok_or("unterminated quoted string")?;
    let simple = match c {
        'a' => Some('\x07'),
        'b' => Some('\x08'),
        'f' => Some('\x0c'),
        'n' => Some('\n'),
        'r' => Some('\r'),
        't' => Some('\t'),
        'v' => Some('\x0b'),
        '\\' => Some('\\'),
        c if c == quote => Some(c),
        _ => None,
    };
    if let Some(s) = simple {
        return Ok((Some(s), 1));
    }
    let hex = |n: usize| -> Result<(Option<char>, usize), String> {
        let digits: String = rest[1..].chars().take(n).collect();
        if digits.len() != n {
            return Err("invalid syntax".into());
        }
        let v = u32::from_str_radix(&digits, 16).map_err(|_| "invalid syntax".to_string())?;
        let ch = char::from_u32(v).ok_or("invalid syntax")?;
        Ok((Some(ch), 1 + n))
    };
    match c {
        'x' => hex(2),
        'u' => hex(4),
        'U' => hex(8),
        '0'..='7' => {
            let digits: String = rest.chars().take(3).collect();
            let v = u32::from_str_radix(&digits, 8).map_err(|_| "invalid syntax".to_string())?;
            Ok((char::from_u32(v), 3))
        }
        _ => Err("invalid syntax".into()),
    }
}

// ---------------------------------------------------------------------------------------------
// The tree.

#[derive(Debug)]
pub(crate) enum Node {
    Text(String),
    Action(Pipe),
    If(Branch),
    Range(Branch),
    With(Branch),
    Template { pos: usize, name: String, pipe: Option<Pipe> },
    Break,
    Continue,
}

#[derive(Debug)]
pub(crate) struct Branch {
    pub pipe: Pipe,
    pub list: Vec<Node>,
    pub else_list: Option<Vec<Node>>,
}

#[derive(Debug)]
pub(crate) struct Pipe {
    pub is_assign: bool,
    pub decl: Vec<String>,
    pub cmds: Vec<Cmd>,
}

#[derive(Debug)]
pub(crate) struct Cmd {
    pub pos: usize,
    pub text: String,
    pub args: Vec<Arg>,
}

#[derive(Debug)]
pub(crate) enum ArgKind {
    /// `.a.b`: fields of dot.
    Field(Vec<String>),
    /// `$x.a.b`.
    Variable(String, Vec<String>),
    Dot,
    Nil,
    Bool(bool),
    Number(Number),
    Str(Arc<str>),
    /// A function name.
    Ident(String),
    /// `(pipeline).a.b`.
    Pipe(Box<Pipe>, Vec<String>),
}

#[derive(Debug)]
pub(crate) struct Arg {
    pub pos: usize,
    pub text: String,
    pub kind: ArgKind,
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum Number {
    Int(i64),
    Float(f64),
    /// An imaginary literal such as `1i`: parsed like Go, not evaluated.
    Imaginary,
}

pub(crate) struct Parsed {
    pub root: Vec<Node>,
    pub defines: Vec<(String, Vec<Node>)>,
    /// The line each define's `{{end}}` is on, for parse.go's "multiple definition" error.
    pub define_lines: Vec<usize>,
}

struct Parser<'a> {
    has_func: &'a dyn Fn(&str) -> bool,
    name: &'a str,
    src: &'a str,
    items: Vec<Item>,
    i: usize,
    defines: Vec<(String, Vec<Node>)>,
    define_lines: Vec<usize>,
    range_depth: usize,
    vars: Vec<String>,
}

type PResult<T> = Result<T, String>;

pub(crate) fn parse(name: &str, src: &str, has_func: &dyn Fn(&str) -> bool) -> Result<Parsed, String> {
    let lexer = Lexer {
        line_cache: std::cell::Cell::new((0, 1)),
        name,
        src,
        pos: 0,
        items: Vec::new(),
        paren_depth: 0,
    };
    let items = lexer.run().map_err(|(line, msg)| format!("template: {name}:{line}: {msg}"))?;
    let mut p = Parser {
        has_func,
        name,
        src,
        items,
        i: 0,
        defines: Vec::new(),
        define_lines: Vec::new(),
        range_depth: 0,
        vars: vec!["$".into()],
    };
    let (root, end) = p.item_list(true)?;
    if end != Stop::Eof {
        return Err(p.error_at(p.i.saturating_sub(1), &format!("unexpected {}", end.describe())));
    }
    Ok(Parsed { root, defines: p.defines, define_lines: p.define_lines })
}

#[derive(Debug, PartialEq)]
enum Stop {
    Eof,
    End,
    Else,
}

impl Stop {
    fn describe(&self) -> &'static str {
        match self {
            Stop::Eof => "EOF",
            Stop::End => "{{end}}",
            Stop::Else => "{{else}}",
        }
    }
}

impl<'a> Parser<'a> {
    fn peek(&self) -> &Tok {
        &self.items[self.i].tok
    }

    fn next(&mut self) -> Item {
        let it = self.items[self.i].clone();
        if self.i + 1 < self.items.len() {
            self.i += 1;
        }
        it
    }

    fn skip_space(&mut self) {
        while *self.peek() == Tok::Space {
            self.next();
        }
    }

    fn next_non_space(&mut self) -> Item {
        self.skip_space();
        self.next()
    }

    fn peek_non_space(&mut self) -> &Tok {
        self.skip_space();
        self.peek()
    }

    fn error_at(&self, idx: usize, msg: &str) -> String {
        let line = self.items.get(idx).map(|i| i.line).unwrap_or(1);
        format!("template: {}:{}: {}", self.name, line, msg)
    }

    fn err(&self, msg: &str) -> String {
        self.error_at(self.i, msg)
    }

    fn pos(&self) -> usize {
        self.items[self.i].pos
    }

    /// Parses nodes until EOF, `{{end}}` or `{{else`; the delimiter's closing is left to the caller
    /// for `else` (which may continue as `else if`).
    fn item_list(&mut self, top: bool) -> PResult<(Vec<Node>, Stop)> {
        let mut list = Vec::new();
        loop {
            let it = self.next();
            match it.tok {
                Tok::Eof if !top => return Err(self.err("unexpected EOF")),
                Tok::Eof => return Ok((list, Stop::Eof)),
                Tok::Text(t) => list.push(Node::Text(t)),
                Tok::Left => {
                    let save = self.i;
                    match self.peek_non_space().clone() {
                        Tok::Keyword("end") => {
                            self.next();
                            self.expect_right("end")?;
                            return Ok((list, Stop::End));
                        }
                        Tok::Keyword("else") => {
                            self.next();
                            return Ok((list, Stop::Else));
                        }
                        Tok::Keyword("define") => {
                            if !top {
                                return Err(self.err("unexpected <define> in command"));
                            }
                            self.next();
                            self.parse_define()?;
                        }
                        _ => {
                            self.i = save;
                            list.push(self.action()?);
                        }
                    }
                }
                other => return Err(self.error_at(self.i, &format!("unexpected {other:?}"))),
            }
        }
    }

    fn expect_right(&mut self, ctx: &str) -> PResult<()> {
        let it = self.next_non_space();
        if it.tok != Tok::Right {
            return Err(self.err(&format!("unexpected {:?} in {ctx}", it.tok)));
        }
        Ok(())
    }

    fn parse_define(&mut self) -> PResult<()> {
        let it = self.next_non_space();
        let Tok::Str(name) = it.tok else {
            return Err(self.err("unexpected token in define clause"));
        };
        self.expect_right("define clause")?;
        let saved_vars = std::mem::replace(&mut self.vars, vec!["$".into()]);
        let (list, end) = self.item_list(false)?;
        self.vars = saved_vars;
        if end != Stop::End {
            return Err(self.err(&format!("unexpected {} in define clause", end.describe())));
        }
        self.define_lines.push(self.items[self.i.saturating_sub(1)].line);
        self.defines.push((name, list));
        Ok(())
    }

    fn action(&mut self) -> PResult<Node> {
        let tok = self.peek_non_space().clone();
        match tok {
            Tok::Keyword("if") => {
                self.next();
                Ok(Node::If(self.branch("if", true)?))
            }
            Tok::Keyword("range") => {
                self.next();
                self.range_depth += 1;
                let b = self.branch("range", false);
                self.range_depth -= 1;
                Ok(Node::Range(b?))
            }
            Tok::Keyword("with") => {
                self.next();
                Ok(Node::With(self.branch("with", true)?))
            }
            Tok::Keyword("template") | Tok::Keyword("block") => {
                self.next();
                let is_block = tok == Tok::Keyword("block");
                let it = self.next_non_space();
                let Tok::Str(name) = it.tok else {
                    return Err(self.err(&format!("unexpected {:?} in template clause", it.tok)));
                };
                // parse.go templateControl: the node sits at the name's position.
                let pos = it.pos;
                let pipe = if *self.peek_non_space() != Tok::Right {
                    Some(self.pipeline("template", false)?)
                } else if is_block {
                    return Err(self.err("missing value for block clause"));
                } else {
                    self.next();
                    None
                };
                if is_block {
                    let saved_vars = std::mem::replace(&mut self.vars, vec!["$".into()]);
                    let (list, end) = self.item_list(false)?;
                    self.vars = saved_vars;
                    if end != Stop::End {
                        return Err(self.err("unexpected else in block clause"));
                    }
                    self.define_lines.push(self.items[self.i.saturating_sub(1)].line);
                    self.defines.push((name.clone(), list));
                }
                Ok(Node::Template { pos, name, pipe })
            }
            Tok::Keyword("break") | Tok::Keyword("continue") => {
                self.next();
                let word = if tok == Tok::Keyword("break") { "break" } else { "continue" };
                if self.range_depth == 0 {
                    return Err(self.err(&format!("{{{{{word}}}}} outside {{{{range}}}}")));
                }
                self.expect_right(word)?;
                Ok(if word == "break" { Node::Break } else { Node::Continue })
            }
            Tok::Keyword(k) => Err(self.err(&format!("unexpected <{k}> in command"))),
            _ => Ok(Node::Action(self.pipeline("command", true)?)),
        }
    }

    /// if/range/with: pipeline, list, optional else (possibly `else if`/`else with` chains).
    fn branch(&mut self, ctx: &'static str, allow_else_chain: bool) -> PResult<Branch> {
        let vars_len = self.vars.len();
        let pipe = self.pipeline(ctx, false)?;
        let (list, end) = self.item_list(false)?;
        let else_list = match end {
            Stop::End => None,
            Stop::Else => {
                let next = self.peek_non_space().clone();
                if allow_else_chain && (next == Tok::Keyword("if") || next == Tok::Keyword("with")) {
                    // parse.go: "{{else if ...}}" is "{{else}}{{if ...}}...{{end}}{{end}}" with one
                    // shared {{end}}.
                    if next == Tok::Keyword(ctx) || ctx == "if" || ctx == "with" {
                        self.next();
                        let inner =
                            self.branch(if next == Tok::Keyword("if") { "if" } else { "with" }, true)?;
                        let node =
                            if next == Tok::Keyword("if") { Node::If(inner) } else { Node::With(inner) };
                        self.vars.truncate(vars_len);
                        return Ok(Branch { pipe, list, else_list: Some(vec![node]) });
                    }
                }
                self.expect_right("else")?;
                // parse.go rangeControl: {{break}} and {{continue}} belong to the loop body, not
                // to its {{else}}.
                let depth = self.range_depth;
                if ctx == "range" {
                    self.range_depth -= 1;
                }
                let parsed = self.item_list(false);
                self.range_depth = depth;
                let (else_list, end) = parsed?;
                if end != Stop::End {
                    return Err(self.err(&format!("expected end; found {}", end.describe())));
                }
                Some(else_list)
            }
            Stop::Eof => return Err(self.err("unexpected EOF")),
        };
        self.vars.truncate(vars_len);
        Ok(Branch { pipe, list, else_list })
    }

    fn pipeline(&mut self, ctx: &str, _is_action: bool) -> PResult<Pipe> {
        let mut decl = Vec::new();
        let mut is_assign = false;
        // Declarations: "$x :=", "$x =", "$i, $v :=".
        let save = self.i;
        if let Tok::Variable(v) = self.peek_non_space().clone() {
            self.next();
            let after = self.peek_non_space().clone();
            match after {
                Tok::Declare | Tok::Assign => {
                    self.next();
                    is_assign = after == Tok::Assign;
                    decl.push(v);
                }
                Tok::Comma if ctx == "range" => {
                    self.next();
                    if let Tok::Variable(v2) = self.peek_non_space().clone() {
                        self.next();
                        let t = self.peek_non_space().clone();
                        if t == Tok::Declare || t == Tok::Assign {
                            self.next();
                            is_assign = t == Tok::Assign;
                            decl.push(v);
                            decl.push(v2);
                        } else {
                            return Err(self.err("missing := or = after range variables"));
                        }
                    } else {
                        return Err(self.err("range can only initialize variables"));
                    }
                }
                _ => self.i = save,
            }
        }
        // parse.go pipeline: declared and assigned names both join the scope; assigning an
        // undeclared variable fails when executed.
        for d in &decl {
            self.vars.push(d.clone());
        }
        let mut cmds: Vec<Cmd> = Vec::new();
        loop {
            let t = self.peek_non_space().clone();
            match t {
                Tok::Right | Tok::RParen => {
                    if t == Tok::Right {
                        self.next();
                    }
                    if cmds.is_empty() {
                        return Err(self.err(&format!("missing value for {ctx}")));
                    }
                    // parse.go checkPipeline: only the first command may start with a constant.
                    for (i, c) in cmds.iter().enumerate().skip(1) {
                        if matches!(
                            c.args[0].kind,
                            ArgKind::Bool(_)
                                | ArgKind::Dot
                                | ArgKind::Nil
                                | ArgKind::Number(_)
                                | ArgKind::Str(_)
                        ) {
                            return Err(
                                self.err(&format!("non executable command in pipeline stage {}", i + 1))
                            );
                        }
                    }
                    return Ok(Pipe { is_assign, decl, cmds });
                }
                Tok::Eof => return Err(self.err("unclosed action")),
                _ => cmds.push(self.command()?),
            }
        }
    }

    fn command(&mut self) -> PResult<Cmd> {
        self.skip_space();
        let pos = self.pos();
        let mut args = Vec::new();
        loop {
            self.skip_space();
            if let Some(arg) = self.operand()? {
                args.push(arg);
            }
            match self.peek().clone() {
                Tok::Space => {
                    self.next();
                    continue;
                }
                Tok::Right | Tok::RParen => break,
                Tok::Pipe => {
                    self.next();
                    break;
                }
                t => return Err(self.err(&format!("unexpected {t:?} in operand"))),
            }
        }
        if args.is_empty() {
            return Err(self.err("empty command"));
        }
        let end = self.pos();
        let text = self.src[pos..end.max(pos)].trim().trim_end_matches('|').trim().to_string();
        Ok(Cmd { pos, text, args })
    }

    fn operand(&mut self) -> PResult<Option<Arg>> {
        let start = self.pos();
        let Some(kind) = self.term()? else {
            return Ok(None);
        };
        // parse.go operand: a chain's position is that of its first added field.
        let chain_pos = self.pos();
        let mut fields = Vec::new();
        while let Tok::Field(f) = self.peek().clone() {
            self.next();
            fields.push(f);
        }
        let fields_added = !fields.is_empty();
        let kind = if fields.is_empty() {
            kind
        } else {
            match kind {
                ArgKind::Field(mut f) => {
                    f.extend(fields);
                    ArgKind::Field(f)
                }
                ArgKind::Variable(v, mut f) => {
                    f.extend(fields);
                    ArgKind::Variable(v, f)
                }
                ArgKind::Pipe(p, mut f) => {
                    f.extend(fields);
                    ArgKind::Pipe(p, f)
                }
                ArgKind::Dot | ArgKind::Nil | ArgKind::Bool(_) | ArgKind::Number(_) | ArgKind::Str(_) => {
                    let text = self.src[start..self.pos()].to_string();
                    return Err(self.err(&format!("unexpected . after term {text:?}")));
                }
                ArgKind::Ident(name) => {
                    return Err(self.err(&format!("unexpected . after term {name:?}")));
                }
            }
        };
        let text = self.src[start..self.pos()].to_string();
        let pos = if fields_added { chain_pos } else { start };
        Ok(Some(Arg { pos, text, kind }))
    }

    fn term(&mut self) -> PResult<Option<ArgKind>> {
        let it = self.next();
        Ok(Some(match it.tok {
            Tok::Ident(name) => {
                if !(self.has_func)(&name) {
                    return Err(self.error_at(self.i - 1, &format!("function {name:?} not defined")));
                }
                ArgKind::Ident(name)
            }
            Tok::Dot => ArgKind::Dot,
            Tok::Nil => ArgKind::Nil,
            Tok::Variable(v) => {
                if !self.vars.contains(&v) {
                    return Err(self.error_at(self.i - 1, &format!("undefined variable {v:?}")));
                }
                ArgKind::Variable(v, Vec::new())
            }
            Tok::Field(f) => ArgKind::Field(vec![f]),
            Tok::Bool(b) => ArgKind::Bool(b),
            Tok::Char(c) => ArgKind::Number(Number::Int(c)),
            Tok::Number(text) => ArgKind::Number(parse_number(&text).map_err(|m| self.err(&m))?),
            Tok::Str(s) => ArgKind::Str(Arc::from(s.as_str())),
            Tok::LParen => {
                let pipe = self.pipeline("parenthesized pipeline", false)?;
                let close = self.next();
                if close.tok != Tok::RParen {
                    return Err(self.err("unclosed left paren"));
                }
                ArgKind::Pipe(Box::new(pipe), Vec::new())
            }
            _ => {
                self.i -= 1;
                return Ok(None);
            }
        }))
    }
}

/// parse.go newNumber and exec.go idealConstant: a literal with '.', 'e' or 'p' (not hex) is a
/// float64, anything else an int.
fn parse_number(text: &str) -> Result<Number, String> {
    if text.ends_with('i') {
        return Ok(Number::Imaginary);
    }
    let clean: String = text.chars().filter(|c| *c != '_').collect();
    let (neg, body) = match clean.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, clean.strip_prefix('+').unwrap_or(&clean)),
    };
    let lower = body.to_ascii_lowercase();
    let radix_int = if let Some(h) = lower.strip_prefix("0x") {
        Some(i64::from_str_radix(h, 16))
    } else if let Some(o) = lower.strip_prefix("0o") {
        Some(i64::from_str_radix(o, 8))
    } else if let Some(b) = lower.strip_prefix("0b") {
        Some(i64::from_str_radix(b, 2))
    } else if lower.len() > 1 && lower.starts_with('0') && lower.chars().all(|c| c.is_ascii_digit()) {
        Some(i64::from_str_radix(&lower[1..], 8))
    } else {
        None
    };
    if let Some(r) = radix_int {
        let v = r.map_err(|_| format!("illegal number syntax: {text:?}"))?;
        return Ok(Number::Int(if neg { -v } else { v }));
    }
    if !lower.contains(['.', 'e']) {
        return match clean.parse::<i64>() {
            Ok(v) => Ok(Number::Int(v)),
            Err(_) => Err(format!("integer overflow: {text:?}")),
        };
    }
    clean.parse::<f64>().map(Number::Float).map_err(|_| format!("illegal number syntax: {text:?}"))
}
