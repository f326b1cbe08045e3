//! encoding/json's Marshal and MarshalIndent of `interface{}` values: sorted map keys, HTML-safe
//! string escaping (encode.go appendString), and float formatting (encode.go floatEncoder).

use crate::value::V;

pub(crate) fn float_json(f: f64) -> String {
    let abs = f.abs();
    // encode.go floatEncoder.encode: 'e' format outside [1e-6, 1e21).
    if abs != 0.0 && !(1e-6..1e21).contains(&abs) {
        let mut s = crate::fmt::format_float_g(f, -1);
        if !s.contains('e') {
            s = format!("{f:e}");
        }
        // Go's 'e' shortest: "1e+21"; clean "e-07" to "e-7".
        if let Some(idx) = s.find("e-0") {
            s.replace_range(idx..idx + 3, "e-");
        }
        s
    } else {
        crate::fmt::format_float_f(f, -1)
    }
}

pub(crate) fn quote_json(s: &str, escape_html: bool, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' | '>' | '&' if escape_html => out.push_str(&format!("\\u00{:02x}", c as u32)),
            '\u{2028}' | '\u{2029}' => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u00{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

pub(crate) fn marshal(v: &V, escape_html: bool) -> String {
    let mut out = String::new();
    write(v, escape_html, None, 0, &mut out);
    out
}

pub(crate) fn marshal_indent(v: &V, indent: &str) -> String {
    let mut out = String::new();
    write(v, true, Some(indent), 0, &mut out);
    out
}

fn newline(out: &mut String, indent: Option<&str>, depth: usize) {
    if let Some(ind) = indent {
        out.push('\n');
        for _ in 0..depth {
            out.push_str(ind);
        }
    }
}

fn write(v: &V, html: bool, indent: Option<&str>, depth: usize, out: &mut String) {
    match v {
        V::Missing | V::Nil => out.push_str("null"),
        V::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        V::Int(i) | V::I64(i) => out.push_str(&i.to_string()),
        V::Float(f) => out.push_str(&float_json(*f)),
        V::Str(s) => quote_json(s, html, out),
        V::List(l) => {
            if l.is_empty() {
                out.push_str("[]");
                return;
            }
            out.push('[');
            for (i, x) in l.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent, depth + 1);
                write(x, html, indent, depth + 1, out);
            }
            newline(out, indent, depth);
            out.push(']');
        }
        V::Map(m) => write_map(m.borrow().iter(), html, indent, depth, out),
        V::Object(o) => write_map(o.fields.iter(), html, indent, depth, out),
    }
}

fn write_map<'a>(
    entries: impl Iterator<Item = (&'a String, &'a V)>,
    html: bool,
    indent: Option<&str>,
    depth: usize,
    out: &mut String,
) {
    let entries: Vec<_> = entries.collect();
    if entries.is_empty() {
        out.push_str("{}");
        return;
    }
    out.push('{');
    for (i, (k, x)) in entries.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        newline(out, indent, depth + 1);
        quote_json(k, html, out);
        out.push(':');
        if indent.is_some() {
            out.push(' ');
        }
        write(x, html, indent, depth + 1, out);
    }
    newline(out, indent, depth);
    out.push('}');
}

/// json.Unmarshal into `interface{}`: numbers are float64.
pub(crate) fn unmarshal(s: &str) -> Result<V, String> {
    let v: serde_json::Value = serde_json::from_str(s).map_err(|e| e.to_string())?;
    Ok(V::from_data(&v))
}
