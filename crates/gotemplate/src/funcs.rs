//! The function map: text/template's builtins (funcs.go), Sprig v3 (functions.go and the files it
//! points to) and Helm's engine functions (helm.sh/helm/v3 pkg/engine/funcs.go, engine.go).

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use crate::exec::{Flow, State, TemplateDef};
use crate::fmt::{go_quote, sprint, sprint_v, sprintf, sprintln};
use crate::value::{Map, V, deep_equal};
use crate::{Error, Func};

#[derive(Clone)]
pub(crate) enum FuncImpl {
    Builtin(&'static str),
    User(Func),
}

pub(crate) enum CallError {
    /// "error calling NAME: MSG".
    Msg(String),
    /// An argument check text/template makes before calling (no "error calling").
    Bare(String),
    /// An error from a nested execution (include, tpl), passed on as is.
    Exec(Error),
}

type CR<T> = Result<T, CallError>;

impl From<String> for CallError {
    fn from(s: String) -> Self {
        CallError::Msg(s)
    }
}

pub(crate) const BUILTINS: &[&str] = &[
    // text/template funcs.go builtins.
    "and",
    "or",
    "not",
    "len",
    "index",
    "slice",
    "print",
    "printf",
    "println",
    "eq",
    "ne",
    "lt",
    "le",
    "gt",
    "ge",
    "html",
    "js",
    "urlquery",
    "call",
    // Sprig: strings.
    "hello",
    "trunc",
    "trim",
    "upper",
    "lower",
    "title",
    "untitle",
    "substr",
    "repeat",
    "trimall",
    "trimAll",
    "trimSuffix",
    "trimPrefix",
    "nospace",
    "initials",
    "swapcase",
    "snakecase",
    "camelcase",
    "kebabcase",
    "wrap",
    "wrapWith",
    "contains",
    "hasPrefix",
    "hasSuffix",
    "quote",
    "squote",
    "cat",
    "indent",
    "nindent",
    "replace",
    "plural",
    "toString",
    "atoi",
    "int64",
    "int",
    "float64",
    "seq",
    "split",
    "splitList",
    "splitn",
    "toStrings",
    "until",
    "untilStep",
    "abbrev",
    "abbrevboth",
    // Sprig: math.
    "add1",
    "add",
    "sub",
    "div",
    "mod",
    "mul",
    "biggest",
    "max",
    "min",
    "maxf",
    "minf",
    "ceil",
    "floor",
    "round",
    "add1f",
    "addf",
    "subf",
    "mulf",
    "divf",
    // Sprig: lists, defaults, dicts.
    "join",
    "sortAlpha",
    "default",
    "empty",
    "coalesce",
    "all",
    "any",
    "compact",
    "mustCompact",
    "ternary",
    "deepCopy",
    "mustDeepCopy",
    "typeOf",
    "typeIs",
    "typeIsLike",
    "kindOf",
    "kindIs",
    "deepEqual",
    "env",
    "expandenv",
    "base",
    "dir",
    "clean",
    "ext",
    "isAbs",
    "osBase",
    "osClean",
    "osDir",
    "osExt",
    "osIsAbs",
    "b64enc",
    "b64dec",
    "b32enc",
    "b32dec",
    "tuple",
    "list",
    "dict",
    "get",
    "set",
    "unset",
    "hasKey",
    "pluck",
    "keys",
    "pick",
    "omit",
    "merge",
    "mergeOverwrite",
    "mustMerge",
    "mustMergeOverwrite",
    "values",
    "append",
    "push",
    "mustAppend",
    "mustPush",
    "prepend",
    "mustPrepend",
    "first",
    "mustFirst",
    "rest",
    "mustRest",
    "last",
    "mustLast",
    "initial",
    "mustInitial",
    "reverse",
    "mustReverse",
    "uniq",
    "mustUniq",
    "without",
    "mustWithout",
    "has",
    "mustHas",
    "concat",
    "dig",
    "chunk",
    "mustChunk",
    "fail",
    "regexMatch",
    "mustRegexMatch",
    "regexFindAll",
    "mustRegexFindAll",
    "regexFind",
    "mustRegexFind",
    "regexReplaceAll",
    "mustRegexReplaceAll",
    "regexReplaceAllLiteral",
    "mustRegexReplaceAllLiteral",
    "regexSplit",
    "mustRegexSplit",
    "regexQuoteMeta",
    "toJson",
    "mustToJson",
    "toPrettyJson",
    "mustToPrettyJson",
    "toRawJson",
    "mustToRawJson",
    "fromJson",
    "mustFromJson",
    "semverCompare",
    "semver",
    "sha256sum",
    "sha1sum",
    "adler32sum",
    "toDecimal",
    // Helm engine.
    "toYaml",
    "mustToYaml",
    "toYamlPretty",
    "fromYaml",
    "fromYamlArray",
    "fromJsonArray",
    "include",
    "tpl",
    "required",
    "lookup",
];

pub(crate) fn default_funcs() -> HashMap<String, FuncImpl> {
    BUILTINS.iter().map(|n| (n.to_string(), FuncImpl::Builtin(n))).collect()
}

pub(crate) fn call(s: &mut State, f: &FuncImpl, name: &str, args: Vec<V>) -> CR<V> {
    match f {
        FuncImpl::User(func) => {
            let json: Vec<serde_json::Value> = args.iter().map(V::to_json).collect();
            func(&json).map(|v| V::from_result(&v)).map_err(CallError::Msg)
        }
        // include and tpl recurse into the executor: they stay out of `builtin`, whose large
        // frame would otherwise sit on the stack once per nesting level.
        FuncImpl::Builtin("include") => include(s, name, &args),
        FuncImpl::Builtin("tpl") => {
            arity(name, &args, 2)?;
            let text = string(&args[0])?;
            Ok(V::str(tpl(s, &text, args[1].clone())?))
        }
        FuncImpl::Builtin(b @ ("fail" | "required")) if s.set.helm_errors => {
            // Helm's engine (engine.go warnWrap) marks these messages so that cleanupExecError
            // can report them alone.
            builtin(b, name, args).map_err(|e| match e {
                CallError::Msg(m) => CallError::Msg(format!("{HELM_ERR_START}{m}{HELM_ERR_END}")),
                other => other,
            })
        }
        FuncImpl::Builtin(b) => builtin(b, name, args),
    }
}

pub(crate) const HELM_ERR_START: &str = "HELM_ERR_START";
pub(crate) const HELM_ERR_END: &str = "HELM_ERR_END";

/// Helm's include (engine.go includeFun): the named template's output as a string.
fn include(s: &State, name: &str, a: &[V]) -> CR<V> {
    arity(name, a, 2)?;
    let tname = string(&a[0])?;
    match s.execute_named(&tname, a[1].clone()) {
        Ok(out) => Ok(V::str(out)),
        Err(Flow::Err(e)) => Err(CallError::Exec(e)),
        Err(_) => Err(CallError::Msg("break or continue outside range".into())),
    }
}

// ---------------------------------------------------------------------------------------------
// Argument conversion, as reflect.Value.Call's type checks in exec.go validateType see them.

fn arity(name: &str, args: &[V], n: usize) -> CR<()> {
    if args.len() != n {
        return Err(CallError::Bare(format!("wrong number of args for {name}: want {n} got {}", args.len())));
    }
    Ok(())
}

fn at_least(name: &str, args: &[V], n: usize) -> CR<()> {
    if args.len() < n {
        return Err(CallError::Bare(format!(
            "wrong number of args for {name}: want at least {n} got {}",
            args.len()
        )));
    }
    Ok(())
}

fn want(expected: &str, v: &V) -> CallError {
    match v {
        V::Missing | V::Nil => CallError::Bare(format!("invalid value; expected {expected}")),
        v => CallError::Bare(format!("wrong type for value; expected {expected}; got {}", v.type_name())),
    }
}

fn string(v: &V) -> CR<String> {
    match v {
        V::Str(s) => Ok(s.to_string()),
        v => Err(want("string", v)),
    }
}

fn int(v: &V) -> CR<i64> {
    match v {
        V::Int(i) => Ok(*i),
        v => Err(want("int", v)),
    }
}

fn boolean(v: &V) -> CR<bool> {
    match v {
        V::Bool(b) => Ok(*b),
        v => Err(want("bool", v)),
    }
}

/// A `map[string]interface{}` parameter: nil is a nil map (reads as empty).
fn map(v: &V) -> CR<Map> {
    match v {
        V::Map(m) => Ok(m.clone()),
        V::Missing | V::Nil => Ok(Map::default()),
        v => Err(want("map[string]interface {}", v)),
    }
}

/// Sprig's strval (strings.go).
pub(crate) fn strval(v: &V) -> String {
    match v {
        V::Str(s) => s.to_string(),
        v => sprint_v(v),
    }
}

/// Sprig's strslice.
fn strslice(v: &V) -> Vec<String> {
    match v {
        V::List(l) => l.iter().filter(|x| !x.is_nil()).map(strval).collect(),
        V::Missing | V::Nil => Vec::new(),
        v => vec![strval(v)],
    }
}

/// spf13/cast ToInt64E as Sprig's toInt64 uses it (errors become 0).
pub(crate) fn to_int64(v: &V) -> i64 {
    match v {
        V::Int(i) | V::I64(i) => *i,
        V::Float(f) => *f as i64,
        V::Bool(b) => i64::from(*b),
        V::Str(s) => {
            let t = trim_zero_decimal(s);
            parse_go_int(&t).unwrap_or(0)
        }
        _ => 0,
    }
}

fn trim_zero_decimal(s: &str) -> String {
    // cast's trimZeroDecimal: "10.00" -> "10".
    if let Some((a, b)) = s.split_once('.')
        && !a.is_empty()
        && b.chars().all(|c| c == '0')
    {
        return a.to_string();
    }
    s.to_string()
}

fn parse_go_int(s: &str) -> Option<i64> {
    let (neg, body) = match s.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let lower = body.to_ascii_lowercase();
    let v = if let Some(h) = lower.strip_prefix("0x") {
        i64::from_str_radix(h, 16).ok()?
    } else if let Some(b) = lower.strip_prefix("0b") {
        i64::from_str_radix(b, 2).ok()?
    } else if let Some(o) = lower.strip_prefix("0o") {
        i64::from_str_radix(o, 8).ok()?
    } else if lower.len() > 1 && lower.starts_with('0') {
        i64::from_str_radix(&lower[1..], 8).ok()?
    } else {
        lower.parse::<i64>().ok()?
    };
    Some(if neg { -v } else { v })
}

fn to_float64(v: &V) -> f64 {
    match v {
        V::Int(i) | V::I64(i) => *i as f64,
        V::Float(f) => *f,
        V::Bool(b) => f64::from(u8::from(*b)),
        V::Str(s) => s.parse().unwrap_or(0.0),
        _ => 0.0,
    }
}

fn list_of(name: &str, v: &V) -> CR<Vec<V>> {
    match v {
        V::List(l) => Ok(l.to_vec()),
        V::Missing | V::Nil => Ok(Vec::new()),
        v => Err(CallError::Msg(format!("Cannot {name} on type {}", v.type_name()))),
    }
}

// ---------------------------------------------------------------------------------------------

/// text/template funcs.go basicKind: the comparison classes of eq/lt; containers and nil are
/// "invalid" (with errBadComparisonType for lt).
#[derive(PartialEq, Clone, Copy)]
enum Kind {
    Invalid,
    Bool,
    Int,
    Float,
    Str,
}

fn kind(v: &V) -> Kind {
    match v {
        V::Bool(_) => Kind::Bool,
        V::Int(_) | V::I64(_) => Kind::Int,
        V::Float(_) => Kind::Float,
        V::Str(_) => Kind::Str,
        _ => Kind::Invalid,
    }
}

/// funcs.go eq.
fn eq(args: &[V]) -> CR<bool> {
    let Some((a, rest)) = args.split_first() else {
        return Err(CallError::Msg("missing argument for comparison".into()));
    };
    if rest.is_empty() {
        return Err(CallError::Msg("missing argument for comparison".into()));
    }
    let k1 = kind(a);
    for b in rest {
        let k2 = kind(b);
        let truth = if k1 != k2 {
            if !a.is_nil() && !b.is_nil() {
                return Err(CallError::Msg(format!(
                    "incompatible types for comparison: {} and {}",
                    a.type_name(),
                    b.type_name()
                )));
            }
            false
        } else {
            match (a, b) {
                (V::Bool(x), V::Bool(y)) => x == y,
                (V::Int(x) | V::I64(x), V::Int(y) | V::I64(y)) => x == y,
                (V::Float(x), V::Float(y)) => x == y,
                (V::Str(x), V::Str(y)) => x == y,
                (x, y) => {
                    let same_kind = std::mem::discriminant(x) == std::mem::discriminant(y);
                    if !(same_kind || x.is_nil() || y.is_nil()) {
                        return Err(CallError::Msg(format!(
                            "non-comparable types {}: {}, {}: {}",
                            sprint_v(x),
                            x.type_name(),
                            y.type_name(),
                            sprint_v(y)
                        )));
                    }
                    if x.is_nil() || y.is_nil() {
                        x.is_nil() == y.is_nil()
                    } else if matches!(y, V::List(_) | V::Map(_)) {
                        return Err(CallError::Msg(format!(
                            "non-comparable type {}: {}",
                            sprint_v(y),
                            y.type_name()
                        )));
                    } else {
                        deep_equal(x, y)
                    }
                }
            }
        };
        if truth {
            return Ok(true);
        }
    }
    Ok(false)
}

/// funcs.go lt.
fn lt(a: &V, b: &V) -> CR<bool> {
    let bad = || CallError::Msg("invalid type for comparison".into());
    let (k1, k2) = (kind(a), kind(b));
    if k1 == Kind::Invalid || k2 == Kind::Invalid {
        return Err(bad());
    }
    if k1 != k2 {
        return Err(CallError::Msg(format!(
            "incompatible types for comparison: {} and {}",
            a.type_name(),
            b.type_name()
        )));
    }
    match (a, b) {
        (V::Int(x) | V::I64(x), V::Int(y) | V::I64(y)) => Ok(x < y),
        (V::Float(x), V::Float(y)) => Ok(x < y),
        (V::Str(x), V::Str(y)) => Ok(x < y),
        _ => Err(bad()),
    }
}

fn le(a: &V, b: &V) -> CR<bool> {
    if lt(a, b)? {
        return Ok(true);
    }
    eq(&[a.clone(), b.clone()])
}

fn html_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '\0' => out.push('\u{fffd}'),
            '"' => out.push_str("&#34;"),
            '\'' => out.push_str("&#39;"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

fn js_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '"' => out.push_str("\\\""),
            '<' => out.push_str("\\u003C"),
            '>' => out.push_str("\\u003E"),
            '&' => out.push_str("\\u0026"),
            '=' => out.push_str("\\u003D"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

fn query_escape(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            b' ' => out.push('+'),
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// funcs.go evalArgs: one string argument is used as is, anything else goes through fmt.Sprint.
fn eval_args(args: &[V]) -> String {
    if let [V::Str(s)] = args {
        return s.to_string();
    }
    sprint(args)
}

/// mergo.Merge of map[string]interface{} values (with or without WithOverride), as Sprig's
/// merge/mergeOverwrite call it (dario.cat/mergo merge.go deepMerge, the map case).
pub(crate) fn mergo(dst: &Map, src: &Map, overwrite: bool) {
    if std::rc::Rc::ptr_eq(dst, src) {
        return;
    }
    let src_entries: Vec<(String, V)> = src.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    for (k, sv) in src_entries {
        let dv = dst.borrow().get(&k).cloned();
        match &sv {
            V::Nil | V::Missing => {
                if overwrite {
                    dst.borrow_mut().insert(k, V::Nil);
                }
                continue;
            }
            V::Map(sm) => {
                if let Some(V::Map(dm)) = &dv {
                    mergo(dm, sm, overwrite);
                    if !dm.borrow().is_empty() {
                        continue;
                    }
                }
            }
            V::List(_) => {
                if let Some(d) = &dv
                    && d.truth()
                {
                    if overwrite {
                        dst.borrow_mut().insert(k, sv.clone());
                    }
                    continue;
                }
            }
            _ => {}
        }
        let dst_empty = dv.as_ref().is_none_or(|d| !d.truth());
        if overwrite || dst_empty {
            dst.borrow_mut().insert(k, sv);
        }
    }
}

fn regex(pat: &str) -> CR<regex::Regex> {
    regex::Regex::new(pat).map_err(|e| CallError::Msg(format!("error parsing regexp: {e}")))
}

/// Go's regexp replacement template ($1, ${name}) to the regex crate's (${1}).
fn go_replacement(repl: &str) -> String {
    // Both use $name and ${name}; Go's $1x means group "1x" like the regex crate. Same syntax.
    repl.to_string()
}

fn b64_encode(data: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(data)
}

fn b64_decode(s: &str) -> String {
    use base64::Engine;
    match base64::engine::general_purpose::STANDARD.decode(s) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => format!("illegal base64 data at input byte {}", b64_err_offset(&e)),
    }
}

fn b64_err_offset(e: &base64::DecodeError) -> usize {
    match e {
        base64::DecodeError::InvalidByte(i, _) => *i,
        base64::DecodeError::InvalidLastSymbol(i, _) => *i,
        _ => 0,
    }
}

fn sha256_hex(data: &[u8]) -> String {
    // FIPS 180-4 SHA-256, enough for Sprig's sha256sum.
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];
    let mut h: [u32; 8] =
        [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    let mut msg = data.to_vec();
    let bit_len = (data.len() as u64).wrapping_mul(8);
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&bit_len.to_be_bytes());
    for chunk in msg.chunks(64) {
        let mut w = [0u32; 64];
        for i in 0..16 {
            w[i] = u32::from_be_bytes([chunk[4 * i], chunk[4 * i + 1], chunk[4 * i + 2], chunk[4 * i + 3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
        }
        let mut v = h;
        for i in 0..64 {
            let s1 = v[4].rotate_right(6) ^ v[4].rotate_right(11) ^ v[4].rotate_right(25);
            let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
            let t1 = v[7].wrapping_add(s1).wrapping_add(ch).wrapping_add(K[i]).wrapping_add(w[i]);
            let s0 = v[0].rotate_right(2) ^ v[0].rotate_right(13) ^ v[0].rotate_right(22);
            let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            let t2 = s0.wrapping_add(maj);
            v = [t1.wrapping_add(t2), v[0], v[1], v[2], v[3].wrapping_add(t1), v[4], v[5], v[6]];
        }
        for i in 0..8 {
            h[i] = h[i].wrapping_add(v[i]);
        }
    }
    h.iter().map(|x| format!("{x:08x}")).collect()
}

const B32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// encoding/base32 StdEncoding.EncodeToString.
fn b32_encode(data: &[u8]) -> String {
    let mut out = String::new();
    for chunk in data.chunks(5) {
        let mut buf = [0u8; 5];
        buf[..chunk.len()].copy_from_slice(chunk);
        let n = u64::from_be_bytes([0, 0, 0, buf[0], buf[1], buf[2], buf[3], buf[4]]);
        let chars = match chunk.len() {
            1 => 2,
            2 => 4,
            3 => 5,
            4 => 7,
            _ => 8,
        };
        for i in 0..8 {
            if i < chars {
                out.push(B32[((n >> (35 - 5 * i)) & 31) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// encoding/base32 StdEncoding.DecodeString, or Go's error text as Sprig returns it.
fn b32_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    if !bytes.len().is_multiple_of(8) {
        return format!("illegal base32 data at input byte {}", bytes.len() / 8 * 8);
    }
    let mut out = Vec::new();
    for (ci, chunk) in bytes.chunks(8).enumerate() {
        let data_len = chunk.iter().position(|c| *c == b'=').unwrap_or(8);
        if chunk[data_len..].iter().any(|c| *c != b'=') || !matches!(data_len, 2 | 4 | 5 | 7 | 8) {
            return format!("illegal base32 data at input byte {}", ci * 8 + data_len);
        }
        let mut n: u64 = 0;
        for (i, c) in chunk[..data_len].iter().enumerate() {
            let Some(v) = B32.iter().position(|b| b == c) else {
                return format!("illegal base32 data at input byte {}", ci * 8 + i);
            };
            n |= (v as u64) << (35 - 5 * i);
        }
        let nbytes = match data_len {
            2 => 1,
            4 => 2,
            5 => 3,
            7 => 4,
            _ => 5,
        };
        let be = n.to_be_bytes();
        out.extend_from_slice(&be[3..3 + nbytes]);
        if data_len < 8 && ci * 8 + 8 != bytes.len() {
            return format!("illegal base32 data at input byte {}", ci * 8 + data_len);
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// FIPS 180-4 SHA-1, for Sprig's sha1sum.
fn sha1_hex(data: &[u8]) -> String {
    let mut h: [u32; 5] = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0];
    let mut msg = data.to_vec();
    let bit_len = (data.len() as u64).wrapping_mul(8);
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&bit_len.to_be_bytes());
    for chunk in msg.chunks(64) {
        let mut w = [0u32; 80];
        for i in 0..16 {
            w[i] = u32::from_be_bytes([chunk[4 * i], chunk[4 * i + 1], chunk[4 * i + 2], chunk[4 * i + 3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let (mut a, mut b, mut c, mut d, mut e) = (h[0], h[1], h[2], h[3], h[4]);
        for (i, wi) in w.iter().enumerate() {
            let (f, k) = match i {
                0..=19 => ((b & c) | (!b & d), 0x5A827999),
                20..=39 => (b ^ c ^ d, 0x6ED9EBA1),
                40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1BBCDC),
                _ => (b ^ c ^ d, 0xCA62C1D6),
            };
            let t = a.rotate_left(5).wrapping_add(f).wrapping_add(e).wrapping_add(k).wrapping_add(*wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        h[0] = h[0].wrapping_add(a);
        h[1] = h[1].wrapping_add(b);
        h[2] = h[2].wrapping_add(c);
        h[3] = h[3].wrapping_add(d);
        h[4] = h[4].wrapping_add(e);
    }
    h.iter().map(|x| format!("{x:08x}")).collect()
}

/// Go's s[lo:hi] on a string's bytes: a cut inside a UTF-8 sequence leaves invalid bytes in Go,
/// U+FFFD here; out-of-range bounds are Go's runtime panic, which the template reports.
fn go_slice(s: &str, lo: i64, hi: i64) -> CR<String> {
    let len = s.len() as i64;
    // Go's runtime panic texts (runtime/error.go boundsError).
    let bounds = if hi > len || hi < 0 {
        Some(format!("[:{hi}] with length {len}"))
    } else if lo < 0 || lo > hi {
        Some(format!("[{lo}:{hi}]"))
    } else {
        None
    };
    if let Some(b) = bounds {
        return Err(CallError::Msg(format!("runtime error: slice bounds out of range {b}")));
    }
    Ok(String::from_utf8_lossy(&s.as_bytes()[lo as usize..hi as usize]).into_owned())
}

fn path_clean(p: &str) -> String {
    // path.Clean.
    if p.is_empty() {
        return ".".into();
    }
    let rooted = p.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for seg in p.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|l| *l != "..") {
                    parts.pop();
                } else if !rooted {
                    parts.push("..");
                }
            }
            s => parts.push(s),
        }
    }
    let joined = parts.join("/");
    match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".into(),
        (false, false) => joined,
    }
}

fn path_base(p: &str) -> String {
    if p.is_empty() {
        return ".".into();
    }
    let t = p.trim_end_matches('/');
    if t.is_empty() {
        return "/".into();
    }
    t.rsplit('/').next().unwrap_or(t).to_string()
}

fn path_dir(p: &str) -> String {
    let dir = match p.rfind('/') {
        Some(i) => &p[..=i],
        None => "",
    };
    path_clean(dir)
}

fn path_ext(p: &str) -> String {
    for (i, c) in p.char_indices().rev() {
        if c == '/' {
            break;
        }
        if c == '.' {
            return p[i..].to_string();
        }
    }
    String::new()
}

fn go_title(s: &str) -> String {
    // strings.Title: upper-case letters that follow a separator.
    let mut out = String::new();
    let mut prev_sep = true;
    for c in s.chars() {
        if prev_sep {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        prev_sep = !(c.is_alphanumeric() || c == '_' || c == '\'');
    }
    out
}

fn semver_parse(v: &str) -> Option<(u64, u64, u64, String)> {
    let v = v.trim().trim_start_matches('v');
    let (core, pre) = match v.split_once('-') {
        Some((c, p)) => (c, p.split('+').next().unwrap_or("").to_string()),
        None => (v.split('+').next().unwrap_or(v), String::new()),
    };
    let mut it = core.split('.');
    let major = it.next()?.parse().ok()?;
    let minor = it.next().map(|m| m.parse().ok()).unwrap_or(Some(0))?;
    let patch = it.next().map(|m| m.parse().ok()).unwrap_or(Some(0))?;
    Some((major, minor, patch, pre))
}

fn semver_cmp(a: &(u64, u64, u64, String), b: &(u64, u64, u64, String)) -> std::cmp::Ordering {
    (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)).then_with(|| match (a.3.is_empty(), b.3.is_empty()) {
        (true, true) => std::cmp::Ordering::Equal,
        (true, false) => std::cmp::Ordering::Greater,
        (false, true) => std::cmp::Ordering::Less,
        (false, false) => a.3.cmp(&b.3),
    })
}

/// Masterminds/semver constraint check for the simple forms charts use (">=1.2.3-0", "~1.2", "<2").
fn semver_compare(constraint: &str, version: &str) -> CR<bool> {
    let ver = semver_parse(version).ok_or_else(|| CallError::Msg("Invalid Semantic Version".to_string()))?;
    for alt in constraint.split("||") {
        let mut ok = true;
        for c in alt.split([',', ' ']).filter(|c| !c.is_empty()) {
            let (op, v) =
                c.find(|ch: char| ch.is_ascii_digit() || ch == 'v').map(|i| c.split_at(i)).unwrap_or((c, ""));
            let cv = semver_parse(v)
                .ok_or_else(|| CallError::Msg(format!("improper constraint: {constraint}")))?;
            let ord = semver_cmp(
                &(ver.0, ver.1, ver.2, if cv.3.is_empty() { String::new() } else { ver.3.clone() }),
                &cv,
            );
            use std::cmp::Ordering::*;
            let pass = match op.trim() {
                ">=" | "=>" => ord != Less,
                ">" => ord == Greater,
                "<=" | "=<" => ord != Greater,
                "<" => ord == Less,
                "!=" => ord != Equal,
                "" | "=" => ord == Equal,
                "~" | "~>" => ord != Less && ver.0 == cv.0 && ver.1 == cv.1,
                "^" => ord != Less && ver.0 == cv.0,
                _ => return Err(CallError::Msg(format!("improper constraint: {constraint}"))),
            };
            ok &= pass;
        }
        if ok {
            return Ok(true);
        }
    }
    Ok(false)
}

fn builtin(b: &str, name: &str, a: Vec<V>) -> CR<V> {
    let str_list = |l: Vec<String>| V::list(l.into_iter().map(V::str).collect());
    Ok(match b {
        // --- text/template builtins.
        "not" => {
            arity(name, &a, 1)?;
            V::Bool(!a[0].truth())
        }
        "len" => {
            arity(name, &a, 1)?;
            match &a[0] {
                V::Str(s) => V::Int(s.len() as i64),
                V::List(l) => V::Int(l.len() as i64),
                V::Map(m) => V::Int(m.borrow().len() as i64),
                V::Missing => {
                    return Err(CallError::Msg("reflect: call of reflect.Value.Type on zero Value".into()));
                }
                V::Nil => return Err(CallError::Msg("len of nil pointer".into())),
                v => return Err(CallError::Msg(format!("len of type {}", v.type_name()))),
            }
        }
        "index" => {
            at_least(name, &a, 1)?;
            let mut item = a[0].clone();
            for ix in &a[1..] {
                item = match (&item, ix) {
                    (V::Missing | V::Nil, _) => return Err(CallError::Msg("index of untyped nil".into())),
                    (V::List(l), V::Int(i) | V::I64(i)) => {
                        if *i < 0 || *i as usize >= l.len() {
                            return Err(CallError::Msg(format!("index out of range: {i}")));
                        }
                        l[*i as usize].clone()
                    }
                    (V::Str(st), V::Int(i) | V::I64(i)) => {
                        if *i < 0 || *i as usize >= st.len() {
                            return Err(CallError::Msg(format!("index out of range: {i}")));
                        }
                        V::Int(st.as_bytes()[*i as usize] as i64)
                    }
                    (V::List(_) | V::Str(_), ix) => {
                        return Err(CallError::Msg(format!(
                            "cannot index slice/array with type {}",
                            ix.type_name()
                        )));
                    }
                    (V::Map(m), V::Str(k)) => m.borrow().get(&**k).cloned().unwrap_or(V::Nil),
                    (V::Map(_), V::Missing | V::Nil) => V::Nil,
                    (V::Map(_), ix) => {
                        return Err(CallError::Msg(format!(
                            "value has type {}; should be string",
                            ix.type_name()
                        )));
                    }
                    (v, _) => {
                        return Err(CallError::Msg(format!("can't index item of type {}", v.type_name())));
                    }
                };
            }
            item
        }
        // Sprig's slice (list.go mustSlice) replaces the builtin in Sprig's function map.
        "slice" | "mustSlice" => {
            at_least(name, &a, 1)?;
            match &a[0] {
                V::List(l) => {
                    if l.is_empty() {
                        return Ok(V::Nil);
                    }
                    let len = l.len() as i64;
                    let lo = a.get(1).map(to_int64).unwrap_or(0);
                    let hi = a.get(2).map(to_int64).unwrap_or(len);
                    if lo < 0 || hi < lo || hi > len {
                        return Err(CallError::Msg(format!(
                            "runtime error: slice bounds out of range [{lo}:{hi}] with capacity {len}"
                        )));
                    }
                    V::list(l[lo as usize..hi as usize].to_vec())
                }
                v => {
                    return Err(CallError::Msg(format!(
                        "list should be type of slice or array but {}",
                        kind_name(v)
                    )));
                }
            }
        }
        "print" => V::str(sprint(&a)),
        "println" => V::str(sprintln(&a)),
        "printf" => {
            at_least(name, &a, 1)?;
            V::str(sprintf(&string(&a[0])?, &a[1..]))
        }
        "eq" => V::Bool(eq(&a)?),
        "ne" => {
            arity(name, &a, 2)?;
            V::Bool(!eq(&a)?)
        }
        "lt" => {
            arity(name, &a, 2)?;
            V::Bool(lt(&a[0], &a[1])?)
        }
        "le" => {
            arity(name, &a, 2)?;
            V::Bool(le(&a[0], &a[1])?)
        }
        "gt" => {
            arity(name, &a, 2)?;
            V::Bool(!le(&a[0], &a[1])?)
        }
        "ge" => {
            arity(name, &a, 2)?;
            V::Bool(!lt(&a[0], &a[1])?)
        }
        "html" => V::str(html_escape(&eval_args(&a))),
        "js" => V::str(js_escape(&eval_args(&a))),
        "urlquery" => V::str(query_escape(&eval_args(&a))),
        "call" => return Err(CallError::Msg("call of a function value is not supported".into())),

        // --- Sprig strings (strings.go, functions.go).
        "hello" => V::str("Hello!"),
        "trunc" => {
            arity(name, &a, 2)?;
            let c = int(&a[0])?;
            let st = string(&a[1])?;
            let len = st.len() as i64;
            V::str(if c < 0 && len + c > 0 {
                go_slice(&st, len + c, len)?
            } else if c >= 0 && len > c {
                go_slice(&st, 0, c)?
            } else {
                st
            })
        }
        "trim" => {
            arity(name, &a, 1)?;
            V::str(string(&a[0])?.trim())
        }
        "upper" => V::str(string(&a[0])?.to_uppercase()),
        "lower" => V::str(string(&a[0])?.to_lowercase()),
        "title" => V::str(go_title(&string(&a[0])?)),
        "untitle" => V::str(
            string(&a[0])?
                .split(' ')
                .map(|w| {
                    let mut c = w.chars();
                    match c.next() {
                        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
                        None => String::new(),
                    }
                })
                .collect::<Vec<_>>()
                .join(" "),
        ),
        "substr" => {
            arity(name, &a, 3)?;
            let (start, end) = (int(&a[0])?, int(&a[1])?);
            let st = string(&a[2])?;
            let len = st.len() as i64;
            // Sprig strings.go substring.
            V::str(if start < 0 {
                go_slice(&st, 0, end)?
            } else if end < 0 || end > len {
                go_slice(&st, start, len)?
            } else {
                go_slice(&st, start, end)?
            })
        }
        "repeat" => {
            arity(name, &a, 2)?;
            let n = int(&a[0])?;
            if n < 0 {
                return Err(CallError::Msg("strings: negative Repeat count".into()));
            }
            V::str(string(&a[1])?.repeat(n as usize))
        }
        "trimall" | "trimAll" => {
            arity(name, &a, 2)?;
            let cut = string(&a[0])?;
            V::str(string(&a[1])?.trim_matches(|c| cut.contains(c)))
        }
        "trimSuffix" => {
            arity(name, &a, 2)?;
            let suf = string(&a[0])?;
            let st = string(&a[1])?;
            V::str(st.strip_suffix(suf.as_str()).unwrap_or(&st))
        }
        "trimPrefix" => {
            arity(name, &a, 2)?;
            let pre = string(&a[0])?;
            let st = string(&a[1])?;
            V::str(st.strip_prefix(pre.as_str()).unwrap_or(&st))
        }
        "nospace" => V::str(string(&a[0])?.chars().filter(|c| !c.is_whitespace()).collect::<String>()),
        "initials" => {
            V::str(string(&a[0])?.split_whitespace().filter_map(|w| w.chars().next()).collect::<String>())
        }
        "swapcase" => V::str(
            string(&a[0])?
                .chars()
                .map(|c| {
                    if c.is_uppercase() {
                        c.to_lowercase().collect::<String>()
                    } else {
                        c.to_uppercase().collect()
                    }
                })
                .collect::<String>(),
        ),
        "snakecase" | "kebabcase" => {
            let sep = if b == "snakecase" { '_' } else { '-' };
            let st = string(&a[0])?;
            let mut out = String::new();
            let chars: Vec<char> = st.chars().collect();
            for (i, c) in chars.iter().enumerate() {
                if c.is_uppercase() {
                    if i > 0
                        && (chars[i - 1].is_lowercase() || chars.get(i + 1).is_some_and(|n| n.is_lowercase()))
                        && !out.ends_with(sep)
                    {
                        out.push(sep);
                    }
                    out.extend(c.to_lowercase());
                } else if *c == '_' || *c == '-' || *c == ' ' {
                    if !out.ends_with(sep) {
                        out.push(sep);
                    }
                } else {
                    out.push(*c);
                }
            }
            V::str(out)
        }
        "camelcase" => V::str(
            string(&a[0])?
                .split(['_', '-', ' '])
                .map(|w| {
                    let mut c = w.chars();
                    match c.next() {
                        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
                        None => String::new(),
                    }
                })
                .collect::<String>(),
        ),
        "wrap" | "wrapWith" => {
            let (width, sep, st) = if b == "wrap" {
                arity(name, &a, 2)?;
                (int(&a[0])?, "\n".to_string(), string(&a[1])?)
            } else {
                arity(name, &a, 3)?;
                (int(&a[0])?, string(&a[1])?, string(&a[2])?)
            };
            let mut out = String::new();
            let mut line_len = 0i64;
            for (i, w) in st.split(' ').enumerate() {
                if i > 0 {
                    if line_len + 1 + w.len() as i64 > width {
                        out.push_str(&sep);
                        line_len = 0;
                    } else {
                        out.push(' ');
                        line_len += 1;
                    }
                }
                out.push_str(w);
                line_len += w.len() as i64;
            }
            V::str(out)
        }
        "contains" => {
            arity(name, &a, 2)?;
            V::Bool(string(&a[1])?.contains(string(&a[0])?.as_str()))
        }
        "hasPrefix" => {
            arity(name, &a, 2)?;
            V::Bool(string(&a[1])?.starts_with(string(&a[0])?.as_str()))
        }
        "hasSuffix" => {
            arity(name, &a, 2)?;
            V::Bool(string(&a[1])?.ends_with(string(&a[0])?.as_str()))
        }
        "quote" => V::str(
            a.iter().filter(|v| !v.is_nil()).map(|v| go_quote(&strval(v))).collect::<Vec<_>>().join(" "),
        ),
        "squote" => V::str(
            a.iter()
                .filter(|v| !v.is_nil())
                .map(|v| format!("'{}'", strval(v)))
                .collect::<Vec<_>>()
                .join(" "),
        ),
        "cat" => V::str(a.iter().filter(|v| !v.is_nil()).map(sprint_v).collect::<Vec<_>>().join(" ")),
        "indent" | "nindent" => {
            arity(name, &a, 2)?;
            let n = int(&a[0])?;
            let pad = " ".repeat(n.max(0) as usize);
            let st = string(&a[1])?;
            let ind = format!("{pad}{}", st.replace('\n', &format!("\n{pad}")));
            V::str(if b == "nindent" { format!("\n{ind}") } else { ind })
        }
        "replace" => {
            arity(name, &a, 3)?;
            let (old, new, src) = (string(&a[0])?, string(&a[1])?, string(&a[2])?);
            V::str(if old.is_empty() {
                // strings.Replace with an empty old inserts between every rune.
                let mut out = new.clone();
                for c in src.chars() {
                    out.push(c);
                    out.push_str(&new);
                }
                out
            } else {
                src.replace(&old, &new)
            })
        }
        "plural" => {
            arity(name, &a, 3)?;
            V::str(if int(&a[2])? == 1 { string(&a[0])? } else { string(&a[1])? })
        }
        "toString" => {
            arity(name, &a, 1)?;
            V::str(strval(&a[0]))
        }
        "atoi" => V::Int(string(&a[0])?.parse().unwrap_or(0)),
        "int" => {
            arity(name, &a, 1)?;
            V::Int(to_int64(&a[0]))
        }
        "int64" => {
            arity(name, &a, 1)?;
            V::I64(to_int64(&a[0]))
        }
        "float64" => {
            arity(name, &a, 1)?;
            V::Float(to_float64(&a[0]))
        }
        "split" => {
            arity(name, &a, 2)?;
            let (sep, orig) = (string(&a[0])?, string(&a[1])?);
            let mut m = BTreeMap::new();
            for (i, p) in go_split(&orig, &sep).into_iter().enumerate() {
                m.insert(format!("_{i}"), V::str(p));
            }
            V::map(m)
        }
        "splitn" => {
            arity(name, &a, 3)?;
            let (sep, n, orig) = (string(&a[0])?, int(&a[1])?, string(&a[2])?);
            let mut m = BTreeMap::new();
            for (i, p) in orig.splitn(n.max(0) as usize, sep.as_str()).enumerate() {
                m.insert(format!("_{i}"), V::str(p));
            }
            V::map(m)
        }
        "splitList" => {
            arity(name, &a, 2)?;
            let (sep, orig) = (string(&a[0])?, string(&a[1])?);
            str_list(go_split(&orig, &sep))
        }
        "toStrings" => str_list(strslice(&a[0])),
        "until" => {
            let n = int(&a[0])?;
            let step = if n < 0 { -1 } else { 1 };
            V::list((0..n.abs()).map(|i| V::Int(i * step)).collect())
        }
        "untilStep" => {
            let (start, stop, step) = (int(&a[0])?, int(&a[1])?, int(&a[2])?);
            let mut v = Vec::new();
            if step > 0 && start < stop {
                let mut i = start;
                while i < stop {
                    v.push(V::Int(i));
                    i += step;
                }
            } else if step < 0 && start > stop {
                let mut i = start;
                while i > stop {
                    v.push(V::Int(i));
                    i += step;
                }
            }
            V::list(v)
        }
        "seq" => {
            let p: Vec<i64> = a.iter().map(to_int64).collect();
            let (start, step, end) = match p.as_slice() {
                [e] => (1, if *e >= 1 { 1 } else { -1 }, *e),
                [s, e] => (*s, if e >= s { 1 } else { -1 }, *e),
                [s, st, e] => (*s, *st, *e),
                _ => return Ok(V::str("")),
            };
            let mut out = Vec::new();
            if step != 0 {
                let mut i = start;
                while (step > 0 && i <= end) || (step < 0 && i >= end) {
                    out.push(i.to_string());
                    i += step;
                }
            }
            V::str(out.join(" "))
        }
        "abbrev" => {
            let (w, st) = (int(&a[0])?, string(&a[1])?);
            V::str(if (st.len() as i64) <= w || w < 4 {
                st
            } else {
                format!("{}...", go_slice(&st, 0, w - 3)?)
            })
        }
        "abbrevboth" => V::str(string(&a[2])?),

        // --- Sprig math.
        "add1" => V::I64(to_int64(&a[0]) + 1),
        "add" => V::I64(a.iter().map(to_int64).sum()),
        "sub" => {
            arity(name, &a, 2)?;
            V::I64(to_int64(&a[0]) - to_int64(&a[1]))
        }
        "div" => {
            arity(name, &a, 2)?;
            let d = to_int64(&a[1]);
            if d == 0 {
                return Err(CallError::Msg("runtime error: integer divide by zero".into()));
            }
            V::I64(to_int64(&a[0]) / d)
        }
        "mod" => {
            arity(name, &a, 2)?;
            let d = to_int64(&a[1]);
            if d == 0 {
                return Err(CallError::Msg("runtime error: integer divide by zero".into()));
            }
            V::I64(to_int64(&a[0]) % d)
        }
        "mul" => V::I64(a.iter().map(to_int64).product()),
        "max" | "biggest" => V::I64(a.iter().map(to_int64).max().unwrap_or(0)),
        "min" => V::I64(a.iter().map(to_int64).min().unwrap_or(0)),
        "maxf" => V::Float(a.iter().map(to_float64).fold(f64::NEG_INFINITY, f64::max)),
        "minf" => V::Float(a.iter().map(to_float64).fold(f64::INFINITY, f64::min)),
        "ceil" => V::Float(to_float64(&a[0]).ceil()),
        "floor" => V::Float(to_float64(&a[0]).floor()),
        "round" => {
            // Sprig numeric.go round: ceil when the fraction reaches roundOn (0.5 by default).
            let round_on = a.get(2).map(to_float64).unwrap_or(0.5);
            let pow = 10f64.powf(to_int64(&a[1]) as f64);
            let digit = pow * to_float64(&a[0]);
            let frac = digit.fract();
            V::Float(if frac >= round_on { digit.ceil() } else { digit.floor() } / pow)
        }
        "add1f" => V::Float(decimal_op(&a[0], &[V::Int(1)], DecOp::Add)),
        "addf" => V::Float(decimal_op(&V::Float(0.0), &a, DecOp::Add)),
        "subf" => V::Float(decimal_op(&a[0], &a[1..], DecOp::Sub)),
        "mulf" => V::Float(decimal_op(&a[0], &a[1..], DecOp::Mul)),
        "divf" => V::Float(decimal_op(&a[0], &a[1..], DecOp::Div)),

        // --- Sprig lists, defaults, dicts.
        "join" => {
            arity(name, &a, 2)?;
            V::str(strslice(&a[1]).join(&string(&a[0])?))
        }
        "sortAlpha" => {
            let mut l = strslice(&a[0]);
            l.sort();
            str_list(l)
        }
        "default" => {
            at_least(name, &a, 1)?;
            match a.get(1) {
                Some(g) if g.truth() => g.clone(),
                _ => a[0].clone(),
            }
        }
        "empty" => V::Bool(!a.first().is_some_and(V::truth)),
        "coalesce" => a.iter().find(|v| v.truth()).cloned().unwrap_or(V::Nil),
        "all" => V::Bool(a.iter().all(V::truth)),
        "any" => V::Bool(a.iter().any(V::truth)),
        "compact" | "mustCompact" => {
            V::list(list_of("compact", &a[0])?.into_iter().filter(V::truth).collect())
        }
        "ternary" => {
            arity(name, &a, 3)?;
            if boolean(&a[2])? { a[0].clone() } else { a[1].clone() }
        }
        "deepCopy" | "mustDeepCopy" => a[0].deep_copy(),
        "typeOf" => V::str(a[0].type_name()),
        "typeIs" => V::Bool(string(&a[0])? == a[1].type_name()),
        "typeIsLike" => {
            let t = string(&a[0])?;
            V::Bool(t == a[1].type_name() || t == format!("*{}", a[1].type_name()))
        }
        "kindOf" => V::str(kind_name(&a[0])),
        "kindIs" => V::Bool(string(&a[0])? == kind_name(&a[1])),
        "deepEqual" => V::Bool(deep_equal(&a[0], &a[1])),
        "env" => V::str(std::env::var(string(&a[0])?).unwrap_or_default()),
        "expandenv" => {
            let st = string(&a[0])?;
            let re = regex(r"\$\{([A-Za-z0-9_]+)\}|\$([A-Za-z0-9_]+)")?;
            V::str(re.replace_all(&st, |c: &regex::Captures| {
                let k = c.get(1).or(c.get(2)).map(|m| m.as_str()).unwrap_or("");
                std::env::var(k).unwrap_or_default()
            }))
        }
        "base" | "osBase" => V::str(path_base(&string(&a[0])?)),
        "dir" | "osDir" => V::str(path_dir(&string(&a[0])?)),
        "clean" | "osClean" => V::str(path_clean(&string(&a[0])?)),
        "ext" | "osExt" => V::str(path_ext(&string(&a[0])?)),
        "isAbs" | "osIsAbs" => V::Bool(string(&a[0])?.starts_with('/')),
        "b64enc" => V::str(b64_encode(strval(&a[0]).as_bytes())),
        "b64dec" => V::str(b64_decode(&strval(&a[0]))),
        "b32enc" => V::str(b32_encode(string(&a[0])?.as_bytes())),
        "b32dec" => V::str(b32_decode(&string(&a[0])?)),
        "sha256sum" => V::str(sha256_hex(string(&a[0])?.as_bytes())),
        "sha1sum" => V::str(sha1_hex(string(&a[0])?.as_bytes())),
        "adler32sum" => {
            // hash/adler32.Checksum, printed in decimal.
            let (mut x, mut y) = (1u32, 0u32);
            for byte in string(&a[0])?.bytes() {
                x = (x + u32::from(byte)) % 65521;
                y = (y + x) % 65521;
            }
            V::str(((y << 16) | x).to_string())
        }
        "toDecimal" => V::I64(i64::from_str_radix(&sprint_v(&a[0]), 8).unwrap_or(0)),
        "tuple" | "list" => V::list(a),
        "dict" => {
            let mut m = BTreeMap::new();
            let mut i = 0;
            while i < a.len() {
                let k = strval(&a[i]);
                let v = a.get(i + 1).cloned().unwrap_or_else(|| V::str(""));
                m.insert(k, v);
                i += 2;
            }
            V::map(m)
        }
        "get" => {
            arity(name, &a, 2)?;
            let m = map(&a[0])?;
            let k = string(&a[1])?;
            m.borrow().get(&k).cloned().unwrap_or_else(|| V::str(""))
        }
        "set" => {
            arity(name, &a, 3)?;
            let m = map(&a[0])?;
            m.borrow_mut().insert(string(&a[1])?, a[2].clone());
            V::Map(m)
        }
        "unset" => {
            arity(name, &a, 2)?;
            let m = map(&a[0])?;
            m.borrow_mut().remove(&string(&a[1])?);
            V::Map(m)
        }
        "hasKey" => {
            arity(name, &a, 2)?;
            let m = map(&a[0])?;
            V::Bool(m.borrow().contains_key(&string(&a[1])?))
        }
        "pluck" => {
            let k = string(&a[0])?;
            let mut out = Vec::new();
            for d in &a[1..] {
                if let Some(v) = map(d)?.borrow().get(&k) {
                    out.push(v.clone());
                }
            }
            V::list(out)
        }
        "keys" => {
            let mut out = Vec::new();
            for d in &a {
                out.extend(map(d)?.borrow().keys().map(V::str));
            }
            V::list(out)
        }
        "values" => {
            let m = map(&a[0])?;
            V::list(m.borrow().values().cloned().collect())
        }
        "pick" | "omit" => {
            at_least(name, &a, 1)?;
            let m = map(&a[0])?;
            let ks: Vec<String> = a[1..].iter().map(string).collect::<CR<_>>()?;
            let picked = m
                .borrow()
                .iter()
                .filter(|(k, _)| ks.contains(k) == (b == "pick"))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            V::map(picked)
        }
        "merge" | "mustMerge" | "mergeOverwrite" | "mustMergeOverwrite" => {
            at_least(name, &a, 1)?;
            let overwrite = b.to_lowercase().contains("overwrite");
            let dst = match &a[0] {
                V::Map(m) => m.clone(),
                V::Missing | V::Nil => match V::empty_map() {
                    V::Map(m) => m,
                    _ => unreachable!(),
                },
                v => return Err(want("map[string]interface {}", v)),
            };
            for src in &a[1..] {
                let sm = map(src)?;
                mergo(&dst, &sm, overwrite);
            }
            V::Map(dst)
        }
        "append" | "push" | "mustAppend" | "mustPush" => {
            arity(name, &a, 2)?;
            let mut l = list_of("push", &a[0])?;
            l.push(a[1].clone());
            V::list(l)
        }
        "prepend" | "mustPrepend" => {
            arity(name, &a, 2)?;
            let mut l = list_of("prepend", &a[0])?;
            l.insert(0, a[1].clone());
            V::list(l)
        }
        "first" | "mustFirst" => list_of("find first", &a[0])?.first().cloned().unwrap_or(V::Nil),
        "last" | "mustLast" => list_of("find last", &a[0])?.last().cloned().unwrap_or(V::Nil),
        "rest" | "mustRest" => {
            let l = list_of("find rest", &a[0])?;
            if l.is_empty() { V::list(vec![]) } else { V::list(l[1..].to_vec()) }
        }
        "initial" | "mustInitial" => {
            let l = list_of("find initial", &a[0])?;
            if l.is_empty() { V::list(vec![]) } else { V::list(l[..l.len() - 1].to_vec()) }
        }
        "reverse" | "mustReverse" => {
            let mut l = list_of("reverse", &a[0])?;
            l.reverse();
            V::list(l)
        }
        "uniq" | "mustUniq" => {
            let mut out: Vec<V> = Vec::new();
            for x in list_of("uniq", &a[0])? {
                if !out.iter().any(|y| deep_equal(&x, y)) {
                    out.push(x);
                }
            }
            V::list(out)
        }
        "without" | "mustWithout" => {
            at_least(name, &a, 1)?;
            let l = list_of("find without", &a[0])?;
            V::list(l.into_iter().filter(|x| !a[1..].iter().any(|y| deep_equal(x, y))).collect())
        }
        "has" | "mustHas" => {
            arity(name, &a, 2)?;
            match &a[1] {
                V::Missing | V::Nil => V::Bool(false),
                V::List(l) => V::Bool(l.iter().any(|x| deep_equal(x, &a[0]))),
                v => return Err(CallError::Msg(format!("Cannot find has on type {}", v.type_name()))),
            }
        }
        "concat" => {
            let mut out = Vec::new();
            for l in &a {
                out.extend(list_of("concat", l)?);
            }
            V::list(out)
        }
        "chunk" | "mustChunk" => {
            let size = int(&a[0])?.max(1) as usize;
            let l = list_of("chunk", &a[1])?;
            V::list(l.chunks(size).map(|c| V::list(c.to_vec())).collect())
        }
        "dig" => {
            if a.len() < 3 {
                return Err(CallError::Msg("dig needs at least three arguments".into()));
            }
            let dict = map(&a[a.len() - 1])?;
            let def = a[a.len() - 2].clone();
            let keys: Vec<String> = a[..a.len() - 2].iter().map(string).collect::<CR<_>>()?;
            let mut cur = dict;
            let mut result = def.clone();
            for (i, k) in keys.iter().enumerate() {
                let v = cur.borrow().get(k).cloned();
                match v {
                    None => {
                        result = def.clone();
                        break;
                    }
                    Some(v) if i + 1 == keys.len() => result = v,
                    Some(V::Map(m)) => cur = m,
                    Some(v) => {
                        return Err(CallError::Msg(format!(
                            "interface conversion: interface {{}} is {}, not map[string]interface {{}}",
                            v.type_name()
                        )));
                    }
                }
            }
            result
        }
        "fail" => {
            arity(name, &a, 1)?;
            return Err(CallError::Msg(string(&a[0])?));
        }
        "regexMatch" | "mustRegexMatch" => {
            arity(name, &a, 2)?;
            V::Bool(regex(&string(&a[0])?)?.is_match(&string(&a[1])?))
        }
        "regexFindAll" | "mustRegexFindAll" => {
            arity(name, &a, 3)?;
            let re = regex(&string(&a[0])?)?;
            let st = string(&a[1])?;
            let n = int(&a[2])?;
            let it = re.find_iter(&st).map(|m| m.as_str().to_string());
            str_list(if n < 0 { it.collect() } else { it.take(n as usize).collect() })
        }
        "regexFind" | "mustRegexFind" => {
            arity(name, &a, 2)?;
            let st = string(&a[1])?;
            V::str(regex(&string(&a[0])?)?.find(&st).map(|m| m.as_str()).unwrap_or(""))
        }
        "regexReplaceAll" | "mustRegexReplaceAll" => {
            arity(name, &a, 3)?;
            let st = string(&a[1])?;
            V::str(regex(&string(&a[0])?)?.replace_all(&st, go_replacement(&string(&a[2])?).as_str()))
        }
        "regexReplaceAllLiteral" | "mustRegexReplaceAllLiteral" => {
            arity(name, &a, 3)?;
            let st = string(&a[1])?;
            let rep = string(&a[2])?;
            V::str(regex(&string(&a[0])?)?.replace_all(&st, regex::NoExpand(&rep)))
        }
        "regexSplit" | "mustRegexSplit" => {
            arity(name, &a, 3)?;
            let re = regex(&string(&a[0])?)?;
            let st = string(&a[1])?;
            let n = int(&a[2])?;
            str_list(if n < 0 {
                re.split(&st).map(str::to_string).collect()
            } else {
                re.splitn(&st, n as usize).map(str::to_string).collect()
            })
        }
        "regexQuoteMeta" => V::str(regex::escape(&string(&a[0])?)),
        "semverCompare" => {
            arity(name, &a, 2)?;
            V::Bool(semver_compare(&string(&a[0])?, &string(&a[1])?)?)
        }
        "semver" => {
            let (ma, mi, pa, pre) = semver_parse(&string(&a[0])?)
                .ok_or_else(|| CallError::Msg("Invalid Semantic Version".into()))?;
            let mut m = BTreeMap::new();
            m.insert("Major".to_string(), V::Int(ma as i64));
            m.insert("Minor".to_string(), V::Int(mi as i64));
            m.insert("Patch".to_string(), V::Int(pa as i64));
            m.insert("Prerelease".to_string(), V::str(pre));
            V::map(m)
        }

        // --- JSON (Sprig's, then Helm's overrides).
        "toJson" | "mustToJson" => {
            arity(name, &a, 1)?;
            V::str(crate::json::marshal(&a[0], true))
        }
        "toRawJson" | "mustToRawJson" => {
            arity(name, &a, 1)?;
            V::str(crate::json::marshal(&a[0], false))
        }
        "toPrettyJson" | "mustToPrettyJson" => {
            arity(name, &a, 1)?;
            V::str(crate::json::marshal_indent(&a[0], "  "))
        }
        "fromJson" => {
            // Helm's fromJSON (pkg/engine/funcs.go): a map, with "Error" set on failure.
            arity(name, &a, 1)?;
            let st = string(&a[0])?;
            match crate::json::unmarshal(&st) {
                Ok(V::Map(m)) => V::Map(m),
                Ok(V::Nil) => V::empty_map(),
                Ok(other) => error_map(&format!(
                    "json: cannot unmarshal {} into Go value of type map[string]interface {{}}",
                    json_kind(&other)
                )),
                Err(e) => error_map(&e),
            }
        }
        "mustFromJson" => {
            let st = string(&a[0])?;
            crate::json::unmarshal(&st).map_err(CallError::Msg)?
        }
        "fromJsonArray" => {
            let st = string(&a[0])?;
            match crate::json::unmarshal(&st) {
                Ok(V::List(l)) => V::List(l),
                Ok(other) => V::list(vec![V::str(format!(
                    "json: cannot unmarshal {} into Go value of type []interface {{}}",
                    json_kind(&other)
                ))]),
                Err(e) => V::list(vec![V::str(e)]),
            }
        }

        // --- Helm: YAML, include, tpl, required, lookup.
        "toYaml" | "mustToYaml" | "toYamlPretty" => {
            arity(name, &a, 1)?;
            // Helm's toYAML: "" when sigs.k8s.io/yaml cannot marshal the value.
            let y = crate::yaml::marshal(&a[0]).unwrap_or_default();
            V::str(y.strip_suffix('\n').unwrap_or(&y))
        }
        "fromYaml" => {
            arity(name, &a, 1)?;
            let st = string(&a[0])?;
            match crate::yaml::unmarshal(&st) {
                Ok(V::Map(m)) => V::Map(m),
                Ok(V::Nil | V::Missing) => V::empty_map(),
                Ok(other) => error_map(&format!(
                    "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {} into Go value of type map[string]interface {{}}",
                    json_kind(&other)
                )),
                Err(e) => error_map(&e),
            }
        }
        "fromYamlArray" => {
            let st = string(&a[0])?;
            match crate::yaml::unmarshal(&st) {
                Ok(V::List(l)) => V::List(l),
                Ok(V::Nil | V::Missing) => V::list(vec![]),
                Ok(_) => V::list(vec![V::str(
                    "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go value of type []interface {}",
                )]),
                Err(e) => V::list(vec![V::str(e)]),
            }
        }
        "required" => {
            arity(name, &a, 2)?;
            let msg = string(&a[0])?;
            match &a[1] {
                V::Missing | V::Nil => return Err(CallError::Msg(msg)),
                V::Str(st) if st.is_empty() => return Err(CallError::Msg(msg)),
                v => v.clone(),
            }
        }
        "lookup" => V::empty_map(),
        other => return Err(CallError::Msg(format!("function {other:?} not defined"))),
    })
}

fn go_split(s: &str, sep: &str) -> Vec<String> {
    if sep.is_empty() {
        return s.chars().map(|c| c.to_string()).collect();
    }
    s.split(sep).map(str::to_string).collect()
}

fn error_map(msg: &str) -> V {
    let mut m = BTreeMap::new();
    m.insert("Error".to_string(), V::str(msg));
    V::map(m)
}

fn json_kind(v: &V) -> &'static str {
    match v {
        V::Str(_) => "string",
        V::Float(_) | V::Int(_) | V::I64(_) => "number",
        V::Bool(_) => "bool",
        V::List(_) => "array",
        _ => "object",
    }
}

fn kind_name(v: &V) -> &'static str {
    match v {
        V::Missing | V::Nil => "invalid",
        V::Bool(_) => "bool",
        V::Int(_) => "int",
        V::I64(_) => "int64",
        V::Float(_) => "float64",
        V::Str(_) => "string",
        V::List(_) => "slice",
        V::Map(_) => "map",
        V::Object(_) => "struct",
    }
}

/// Helm's tpl (pkg/engine/engine.go tplFun): parse the text as a new template that sees the
/// set's defines (and defines its own), execute it with the given data, drop "<no value>".
fn tpl(s: &State, text: &str, data: V) -> CR<String> {
    // engine.go tplFun: the text becomes a template named after the parent the functions were
    // bound to ("gotpl" in Helm's engine).
    let parse_name = s.set.tpl_parent.clone().unwrap_or_else(|| s.def.parse_name.clone());
    let funcs = &s.set.funcs;
    let parsed = crate::parse::parse(&parse_name, text, &|f| funcs.contains_key(f))
        .map_err(|e| CallError::Msg(format!("cannot parse template {text:?}: {e}")))?;
    let mut overlay: HashMap<String, Arc<TemplateDef>> = match &s.overlay {
        Some(o) => (**o).clone(),
        None => HashMap::new(),
    };
    let src: Arc<str> = Arc::from(text);
    for (n, nodes) in parsed.defines {
        overlay.insert(n, Arc::new(TemplateDef { parse_name: parse_name.clone(), src: src.clone(), nodes }));
    }
    let def = Arc::new(TemplateDef { parse_name: parse_name.clone(), src, nodes: parsed.root });
    let overlay = Arc::new(overlay);
    let mut out = String::new();
    let mut sub = State::new(s.set, Some(overlay), &parse_name, def, data, s.depth + 1);
    sub.run(&mut out).map_err(|e| {
        CallError::Msg(format!("error during tpl function execution for {}: {}", go_quote(text), e))
    })?;
    Ok(out.replace("<no value>", ""))
}

/// A parameter's Go type, for text/template's argument checks (exec.go evalArg, validateType).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum P {
    /// `interface{}`.
    Any,
    /// `reflect.Value` (the builtins): anything, including no value.
    Rv,
    Str,
    Int,
    Bool,
    Map,
    List,
}

impl P {
    pub(crate) fn go_name(self) -> &'static str {
        match self {
            P::Any => "interface {}",
            P::Rv => "reflect.Value",
            P::Str => "string",
            P::Int => "int",
            P::Bool => "bool",
            P::Map => "map[string]interface {}",
            P::List => "[]interface {}",
        }
    }

    pub(crate) fn can_be_nil(self) -> bool {
        matches!(self, P::Any | P::Rv | P::Map | P::List)
    }
}

/// A function's parameters: the fixed ones, then the type of a variadic tail.
pub(crate) struct Sig {
    pub fixed: &'static [P],
    pub variadic: Option<P>,
}

const fn fixed(p: &'static [P]) -> Sig {
    Sig { fixed: p, variadic: None }
}

const fn var(p: &'static [P], v: P) -> Sig {
    Sig { fixed: p, variadic: Some(v) }
}

/// The Go signature of each function (text/template funcs.go, Sprig v3.3.0, Helm's engine).
pub(crate) fn sig(name: &str) -> Sig {
    use P::*;
    match name {
        "and" | "or" => var(&[Rv], Rv),
        "not" | "len" => fixed(&[Rv]),
        "index" => var(&[Rv], Rv),
        "eq" => var(&[Rv], Rv),
        "ne" | "lt" | "le" | "gt" | "ge" => fixed(&[Rv, Rv]),
        "print" | "println" | "html" | "js" | "urlquery" | "call" => var(&[], Any),
        "printf" => var(&[Str], Any),
        "hello" => fixed(&[]),
        "abbrev" | "trunc" | "wrap" | "repeat" | "indent" | "nindent" => fixed(&[Int, Str]),
        "abbrevboth" | "substr" => fixed(&[Int, Int, Str]),
        "trim" | "upper" | "lower" | "title" | "untitle" | "nospace" | "initials" | "swapcase"
        | "snakecase" | "camelcase" | "kebabcase" | "sha1sum" | "sha256sum" | "adler32sum" | "atoi"
        | "env" | "expandenv" | "base" | "dir" | "clean" | "ext" | "isAbs" | "osBase" | "osClean"
        | "osDir" | "osExt" | "osIsAbs" | "b64enc" | "b64dec" | "b32enc" | "b32dec" | "fail"
        | "regexQuoteMeta" | "semver" | "fromJson" | "mustFromJson" | "fromYaml" | "fromYamlArray"
        | "fromJsonArray" => fixed(&[Str]),
        "wrapWith" => fixed(&[Int, Str, Str]),
        "trimall" | "trimAll" | "trimSuffix" | "trimPrefix" | "contains" | "hasPrefix" | "hasSuffix"
        | "split" | "splitList" | "regexMatch" | "mustRegexMatch" | "regexFind" | "mustRegexFind"
        | "semverCompare" => fixed(&[Str, Str]),
        "replace"
        | "regexReplaceAll"
        | "mustRegexReplaceAll"
        | "regexReplaceAllLiteral"
        | "mustRegexReplaceAllLiteral" => fixed(&[Str, Str, Str]),
        "regexFindAll" | "mustRegexFindAll" | "regexSplit" | "mustRegexSplit" => fixed(&[Str, Str, Int]),
        "plural" => fixed(&[Str, Str, Int]),
        "splitn" => fixed(&[Str, Int, Str]),
        "quote" | "squote" | "cat" | "add" | "addf" | "coalesce" | "all" | "any" | "tuple" | "list"
        | "dict" | "concat" | "dig" => var(&[], Any),
        "seq" => var(&[], Int),
        "until" => fixed(&[Int]),
        "untilStep" => fixed(&[Int, Int, Int]),
        "toString" | "int64" | "int" | "float64" | "toDecimal" | "toStrings" | "add1" | "add1f" | "ceil"
        | "floor" | "sortAlpha" | "empty" | "compact" | "mustCompact" | "toJson" | "mustToJson"
        | "toPrettyJson" | "mustToPrettyJson" | "toRawJson" | "mustToRawJson" | "deepCopy"
        | "mustDeepCopy" | "typeOf" | "kindOf" | "first" | "mustFirst" | "rest" | "mustRest" | "last"
        | "mustLast" | "initial" | "mustInitial" | "reverse" | "mustReverse" | "uniq" | "mustUniq"
        | "toYaml" | "mustToYaml" | "toYamlPretty" => fixed(&[Any]),
        "sub" | "div" | "mod" | "deepEqual" | "append" | "push" | "mustAppend" | "mustPush" | "prepend"
        | "mustPrepend" | "has" | "mustHas" => fixed(&[Any, Any]),
        "mul" | "subf" | "divf" | "mulf" | "biggest" | "max" | "min" | "maxf" | "minf" | "without"
        | "mustWithout" | "slice" | "mustSlice" => var(&[Any], Any),
        "round" => var(&[Any, Int], Any),
        "join" => fixed(&[Str, Any]),
        "default" => var(&[Any], Any),
        "ternary" => fixed(&[Any, Any, Bool]),
        "typeIs" | "typeIsLike" | "kindIs" => fixed(&[Str, Any]),
        "get" | "unset" | "hasKey" => fixed(&[Map, Str]),
        "set" => fixed(&[Map, Str, Any]),
        "pluck" => var(&[Str], Map),
        "keys" => var(&[], Map),
        "values" => fixed(&[Map]),
        "pick" | "omit" => var(&[Map], Str),
        "merge" | "mergeOverwrite" | "mustMerge" | "mustMergeOverwrite" => var(&[Map], Map),
        "chunk" | "mustChunk" => fixed(&[Int, Any]),
        "include" | "tpl" | "required" => fixed(&[Str, Any]),
        "lookup" => fixed(&[Str, Str, Str, Str]),
        _ => var(&[], Any),
    }
}

/// exec.go validateType: a computed value given to a parameter of type `p`.
pub(crate) fn validate_type(v: V, p: P) -> Result<V, String> {
    let expected = p.go_name();
    let got = match &v {
        V::Missing => {
            return match p {
                P::Rv => Ok(V::Missing),
                p if p.can_be_nil() => Ok(V::Nil),
                _ => Err(format!("invalid value; expected {expected}")),
            };
        }
        // A nil interface{} is a valid value whose type is only assignable to interface{}.
        V::Nil if matches!(p, P::Any | P::Rv) => return Ok(V::Nil),
        V::Nil => "interface {}",
        V::Bool(_) if p == P::Bool => return Ok(v),
        V::Int(_) if p == P::Int => return Ok(v),
        V::Str(_) if p == P::Str => return Ok(v),
        V::List(_) if p == P::List => return Ok(v),
        V::Map(_) if p == P::Map => return Ok(v),
        _ if matches!(p, P::Any | P::Rv) => return Ok(v),
        other => other.type_name(),
    };
    Err(format!("wrong type for value; expected {expected}; got {got}"))
}

#[derive(Clone, Copy)]
enum DecOp {
    Add,
    Sub,
    Mul,
    Div,
}

/// Sprig's execDecimalOp (numeric.go): shopspring/decimal arithmetic on the shortest decimal form
/// of each float64, so `addf 1.1 2.2` is 3.3. Division rounds to 16 places (DivisionPrecision).
fn decimal_op(first: &V, rest: &[V], op: DecOp) -> f64 {
    fn dec(f: f64) -> Option<(i128, i32)> {
        if !f.is_finite() {
            return None;
        }
        if f == 0.0 {
            return Some((0, 0));
        }
        let s = format!("{:e}", f);
        let (mant, exp) = s.split_once('e')?;
        let neg = mant.starts_with('-');
        let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
        let coef: i128 = digits.parse().ok()?;
        let exp: i32 = exp.parse().ok()?;
        Some((if neg { -coef } else { coef }, exp - (digits.len() as i32 - 1)))
    }
    fn align(a: (i128, i32), b: (i128, i32)) -> Option<(i128, i128, i32)> {
        let e = a.1.min(b.1);
        let sa = a.0.checked_mul(10i128.checked_pow((a.1 - e) as u32)?)?;
        let sb = b.0.checked_mul(10i128.checked_pow((b.1 - e) as u32)?)?;
        Some((sa, sb, e))
    }
    fn apply(a: (i128, i32), b: (i128, i32), op: DecOp) -> Option<(i128, i32)> {
        match op {
            DecOp::Add => align(a, b).and_then(|(x, y, e)| Some((x.checked_add(y)?, e))),
            DecOp::Sub => align(a, b).and_then(|(x, y, e)| Some((x.checked_sub(y)?, e))),
            DecOp::Mul => Some((a.0.checked_mul(b.0)?, a.1 + b.1)),
            DecOp::Div => {
                if b.0 == 0 {
                    return None;
                }
                // Quotient to 16 decimal places, rounded half away from zero.
                let scale = 17 + b.1 - a.1;
                let num = if scale >= 0 {
                    a.0.checked_mul(10i128.checked_pow(scale as u32)?)?
                } else {
                    a.0 / 10i128.checked_pow((-scale) as u32)?
                };
                let q = num / b.0;
                let rounded = if q >= 0 { (q + 5) / 10 } else { (q - 5) / 10 };
                Some((rounded, -16))
            }
        }
    }
    let to_f = |d: (i128, i32)| -> f64 { format!("{}e{}", d.0, d.1).parse().unwrap_or(f64::NAN) };
    let mut acc = dec(to_float64(first));
    let mut fallback = to_float64(first);
    for x in rest {
        let xf = to_float64(x);
        fallback = match op {
            DecOp::Add => fallback + xf,
            DecOp::Sub => fallback - xf,
            DecOp::Mul => fallback * xf,
            DecOp::Div => fallback / xf,
        };
        acc = match (acc, dec(xf)) {
            (Some(a), Some(b)) => apply(a, b, op),
            _ => None,
        };
    }
    match acc {
        Some(d) => to_f(d),
        None => fallback,
    }
}
