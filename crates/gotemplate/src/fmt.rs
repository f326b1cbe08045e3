//! Go's fmt package as templates see it: `%v` of every value kind (fmt/print.go), the printf verbs
//! (fmt/format.go), strconv's shortest float formatting and strconv.Quote.

use crate::value::V;

/// What an action `{{ x }}` writes (exec.go printValue): an invalid value is `<no value>`.
pub(crate) fn print_value(v: &V) -> String {
    match v {
        V::Missing => "<no value>".to_string(),
        v => sprint_v(v),
    }
}

/// `%v` (fmt.Sprint of one operand).
pub(crate) fn sprint_v(v: &V) -> String {
    let mut s = String::new();
    write_v(&mut s, v, false);
    s
}

fn write_v(out: &mut String, v: &V, nested: bool) {
    match v {
        V::Missing | V::Nil => out.push_str("<nil>"),
        V::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        V::Int(i) | V::I64(i) => out.push_str(&i.to_string()),
        V::Float(f) => out.push_str(&format_float_g(*f, -1)),
        V::Str(s) => out.push_str(s),
        V::List(l) => {
            out.push('[');
            for (i, x) in l.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                write_v(out, x, true);
            }
            out.push(']');
        }
        V::Map(m) => {
            out.push_str("map[");
            for (i, (k, x)) in m.borrow().iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                out.push_str(k);
                out.push(':');
                write_v(out, x, true);
            }
            out.push(']');
        }
        V::Object(o) => {
            let _ = nested;
            out.push('{');
            for (i, (_, x)) in o.fields.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                write_v(out, x, true);
            }
            out.push('}');
        }
    }
}

/// Shortest decimal digits and the decimal exponent of `f` (f = 0.d1d2... x 10^dp), as strconv's
/// shortest formatting finds them.
fn shortest_digits(f: f64) -> (String, i32) {
    // Rust's `{:e}` prints the shortest round-tripping digits, like Go's strconv with precision -1.
    let s = format!("{:e}", f.abs());
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits = digits.trim_end_matches('0').to_string();
    let digits = if digits.is_empty() { "0".to_string() } else { digits };
    (digits, exp + 1)
}

/// Digits rounded to `n` significant digits (strconv with an explicit precision).
fn rounded_digits(f: f64, n: usize) -> (String, i32) {
    let n = n.max(1);
    let s = format!("{:.*e}", n - 1, f.abs());
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let exp: i32 = exp.parse().unwrap_or(0);
    (digits, exp + 1)
}

fn exp_suffix(out: &mut String, exp: i32, upper: bool) {
    out.push(if upper { 'E' } else { 'e' });
    out.push(if exp < 0 { '-' } else { '+' });
    let a = exp.unsigned_abs();
    if a < 10 {
        out.push('0');
    }
    out.push_str(&a.to_string());
}

fn special(f: f64) -> Option<String> {
    if f.is_nan() {
        Some("NaN".into())
    } else if f.is_infinite() {
        Some(if f > 0.0 { "+Inf".into() } else { "-Inf".into() })
    } else {
        None
    }
}

/// strconv.FormatFloat(f, 'g', prec, 64); prec -1 is the shortest representation, which is also
/// what `%v` prints.
pub(crate) fn format_float_g(f: f64, prec: i32) -> String {
    format_float_g_case(f, prec, false)
}

fn format_float_g_case(f: f64, prec: i32, upper: bool) -> String {
    if let Some(s) = special(f) {
        return s;
    }
    let shortest = prec < 0;
    let (digits, dp) = if shortest {
        shortest_digits(f)
    } else {
        let p = if prec == 0 { 1 } else { prec as usize };
        let (d, dp) = rounded_digits(f, p);
        (d.trim_end_matches('0').to_string().max("0".to_string()), dp)
    };
    let digits = if digits.is_empty() { "0".to_string() } else { digits };
    let nd = digits.len() as i32;
    let mut eprec = if shortest {
        6
    } else if prec == 0 {
        1
    } else {
        prec
    };
    if !shortest && eprec > nd && nd >= dp {
        eprec = nd;
    }
    let exp = if f == 0.0 { 0 } else { dp - 1 };
    let mut out = String::new();
    if f.is_sign_negative() {
        out.push('-');
    }
    if f != 0.0 && (exp < -4 || exp >= eprec) {
        out.push_str(&digits[..1]);
        if nd > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        exp_suffix(&mut out, exp, upper);
        return out;
    }
    if f == 0.0 {
        out.push('0');
        return out;
    }
    // %f with the digits we have.
    if dp <= 0 {
        out.push_str("0.");
        for _ in 0..(-dp) {
            out.push('0');
        }
        out.push_str(&digits);
    } else if dp >= nd {
        out.push_str(&digits);
        for _ in 0..(dp - nd) {
            out.push('0');
        }
    } else {
        out.push_str(&digits[..dp as usize]);
        out.push('.');
        out.push_str(&digits[dp as usize..]);
    }
    out
}

/// strconv.FormatFloat(f, 'e', prec, 64).
fn format_float_e(f: f64, prec: i32, upper: bool) -> String {
    if let Some(s) = special(f) {
        return s;
    }
    let (digits, dp) = if prec < 0 { shortest_digits(f) } else { rounded_digits(f, prec as usize + 1) };
    let exp = if f == 0.0 { 0 } else { dp - 1 };
    let mut out = String::new();
    if f.is_sign_negative() {
        out.push('-');
    }
    out.push_str(&digits[..1]);
    if digits.len() > 1 {
        out.push('.');
        out.push_str(&digits[1..]);
    }
    exp_suffix(&mut out, exp, upper);
    out
}

/// strconv.FormatFloat(f, 'f', prec, 64).
pub(crate) fn format_float_f(f: f64, prec: i32) -> String {
    if let Some(s) = special(f) {
        return s;
    }
    if prec < 0 {
        let (digits, dp) = shortest_digits(f);
        let nd = digits.len() as i32;
        let mut out = String::new();
        if f.is_sign_negative() {
            out.push('-');
        }
        if f == 0.0 {
            out.push('0');
        } else if dp <= 0 {
            out.push_str("0.");
            for _ in 0..(-dp) {
                out.push('0');
            }
            out.push_str(&digits);
        } else if dp >= nd {
            out.push_str(&digits);
            for _ in 0..(dp - nd) {
                out.push('0');
            }
        } else {
            out.push_str(&digits[..dp as usize]);
            out.push('.');
            out.push_str(&digits[dp as usize..]);
        }
        return out;
    }
    format!("{:.*}", prec as usize, f)
}

/// strconv.Quote: Go escapes, printable Unicode kept.
pub(crate) fn go_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        quote_char(&mut out, c, '"');
    }
    out.push('"');
    out
}

fn quote_char(out: &mut String, c: char, quote: char) {
    match c {
        '\x07' => out.push_str("\\a"),
        '\x08' => out.push_str("\\b"),
        '\x0c' => out.push_str("\\f"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\x0b' => out.push_str("\\v"),
        '\\' => out.push_str("\\\\"),
        c if c == quote => {
            out.push('\\');
            out.push(c);
        }
        c if is_go_print(c) => out.push(c),
        c if (c as u32) < 0x80 => out.push_str(&format!("\\x{:02x}", c as u32)),
        c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
        c => out.push_str(&format!("\\U{:08x}", c as u32)),
    }
}

/// An approximation of strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the
/// ASCII space.
fn is_go_print(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_control() {
        return false;
    }
    let u = c as u32;
    // Unicode spaces other than U+0020, format characters and private use are not printable.
    if c.is_whitespace() {
        return false;
    }
    !matches!(u, 0xad | 0x600..=0x605 | 0x200b..=0x200f | 0x2028..=0x202e | 0x2060..=0x206f | 0xfeff | 0xfff9..=0xfffb | 0xe000..=0xf8ff | 0xd800..=0xdfff)
}

fn quote_rune(r: i64) -> String {
    let c = char::from_u32(r as u32).unwrap_or('\u{fffd}');
    let mut out = String::from("'");
    quote_char(&mut out, c, '\'');
    out.push('\'');
    out
}

/// fmt.Sprint: a space between operands when neither side is a string.
pub(crate) fn sprint(args: &[V]) -> String {
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 && !matches!(a, V::Str(_)) && !matches!(args[i - 1], V::Str(_)) {
            out.push(' ');
        }
        out.push_str(&sprint_v(a));
    }
    out
}

/// fmt.Sprintln.
pub(crate) fn sprintln(args: &[V]) -> String {
    let mut out = args.iter().map(sprint_v).collect::<Vec<_>>().join(" ");
    out.push('\n');
    out
}

#[derive(Default, Clone, Copy)]
struct Flags {
    minus: bool,
    plus: bool,
    sharp: bool,
    space: bool,
    zero: bool,
}

fn pad(s: String, width: Option<usize>, flags: Flags, numeric: bool) -> String {
    let Some(w) = width else { return s };
    let len = s.chars().count();
    if len >= w {
        return s;
    }
    let fill = w - len;
    if flags.minus {
        return s + &" ".repeat(fill);
    }
    if flags.zero && numeric {
        // Zeros go after the sign.
        let (sign, rest) = if s.starts_with(['-', '+', ' ']) { s.split_at(1) } else { ("", s.as_str()) };
        return format!("{sign}{}{rest}", "0".repeat(fill));
    }
    if flags.zero && !numeric {
        return "0".repeat(fill) + &s;
    }
    " ".repeat(fill) + &s
}

fn bad_verb(verb: char, v: &V) -> String {
    match v {
        V::Missing | V::Nil => format!("%!{verb}(<nil>)"),
        v => format!("%!{verb}({}={})", v.type_name(), sprint_v(v)),
    }
}

fn sign_int(i: i64, flags: Flags) -> String {
    if i >= 0 && flags.plus {
        format!("+{i}")
    } else if i >= 0 && flags.space {
        format!(" {i}")
    } else {
        i.to_string()
    }
}

fn hex_bytes(s: &str, upper: bool, sharp: bool, space: bool) -> String {
    let mut out = String::new();
    for (i, b) in s.bytes().enumerate() {
        if space && i > 0 {
            out.push(' ');
        }
        if sharp && (space || i == 0) {
            out.push_str(if upper { "0X" } else { "0x" });
        }
        if upper {
            out.push_str(&format!("{b:02X}"));
        } else {
            out.push_str(&format!("{b:02x}"));
        }
    }
    out
}

fn format_one(verb: char, v: &V, flags: Flags, width: Option<usize>, prec: Option<usize>) -> String {
    if let (V::I64(i), false) = (v, verb == 'T') {
        return format_one(verb, &V::Int(*i), flags, width, prec);
    }
    let s = match (verb, v) {
        ('v', V::Float(f)) => {
            let mut s = format_float_g(*f, prec.map(|p| p as i32).unwrap_or(-1));
            if flags.plus && *f >= 0.0 {
                s.insert(0, '+');
            }
            return pad(s, width, flags, true);
        }
        ('v', V::Int(i)) | ('d', V::Int(i)) => return pad(sign_int(*i, flags), width, flags, true),
        ('v', V::Str(s)) | ('s', V::Str(s)) => {
            let s: String = match prec {
                Some(p) => s.chars().take(p).collect(),
                None => s.to_string(),
            };
            return pad(s, width, flags, false);
        }
        ('v', v) => sprint_v(v),
        ('s', V::List(_) | V::Map(_) | V::Bool(_)) => {
            // %s applies to the elements; non-strings inside print as bad verbs. Booleans are bad.
            if let V::Bool(_) = v { bad_verb('s', v) } else { sprint_v(v) }
        }
        ('t', V::Bool(b)) => b.to_string(),
        ('T', V::Missing | V::Nil) => "<nil>".to_string(),
        ('T', v) => v.type_name().to_string(),
        ('q', V::Str(s)) => go_quote(s),
        ('q', V::Int(i)) => quote_rune(*i),
        ('c', V::Int(i)) => char::from_u32(*i as u32).unwrap_or('\u{fffd}').to_string(),
        ('U', V::Int(i)) => format!("U+{:04X}", i),
        ('x', V::Int(i)) => {
            let mut s = if *i < 0 { format!("-{:x}", i.unsigned_abs()) } else { format!("{i:x}") };
            if flags.sharp {
                s = if *i < 0 { format!("-0x{}", &s[1..]) } else { format!("0x{s}") };
            }
            return pad(s, width, flags, true);
        }
        ('X', V::Int(i)) => {
            let s = if *i < 0 { format!("-{:X}", i.unsigned_abs()) } else { format!("{i:X}") };
            return pad(s, width, flags, true);
        }
        ('o', V::Int(i)) => format!("{i:o}"),
        ('b', V::Int(i)) => format!("{i:b}"),
        ('x', V::Str(s)) => hex_bytes(s, false, flags.sharp, flags.space),
        ('X', V::Str(s)) => hex_bytes(s, true, flags.sharp, flags.space),
        ('f' | 'F', V::Float(f)) => {
            let mut s = format_float_f(*f, prec.map(|p| p as i32).unwrap_or(6));
            if flags.plus && *f >= 0.0 {
                s.insert(0, '+');
            }
            return pad(s, width, flags, true);
        }
        ('e' | 'E', V::Float(f)) => {
            let mut s = format_float_e(*f, prec.map(|p| p as i32).unwrap_or(6), verb == 'E');
            if flags.plus && *f >= 0.0 {
                s.insert(0, '+');
            }
            return pad(s, width, flags, true);
        }
        ('g' | 'G', V::Float(f)) => {
            let mut s = format_float_g_case(*f, prec.map(|p| p as i32).unwrap_or(-1), verb == 'G');
            if flags.plus && *f >= 0.0 {
                s.insert(0, '+');
            }
            return pad(s, width, flags, true);
        }
        (_, v) => bad_verb(verb, v),
    };
    pad(s, width, flags, false)
}

/// fmt.Sprintf with the verbs templates use.
pub(crate) fn sprintf(format: &str, args: &[V]) -> String {
    let mut out = String::new();
    let mut argi = 0;
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut flags = Flags::default();
        while let Some(&f) = chars.peek() {
            match f {
                '-' => flags.minus = true,
                '+' => flags.plus = true,
                '#' => flags.sharp = true,
                ' ' => flags.space = true,
                '0' => flags.zero = !flags.minus,
                _ => break,
            }
            chars.next();
        }
        let mut width = None;
        if chars.peek() == Some(&'*') {
            chars.next();
            if let Some(V::Int(w)) = args.get(argi) {
                width = Some(*w as usize);
            }
            argi += 1;
        } else {
            let mut w = String::new();
            while let Some(&d) = chars.peek() {
                if d.is_ascii_digit() {
                    w.push(d);
                    chars.next();
                } else {
                    break;
                }
            }
            if !w.is_empty() {
                width = w.parse().ok();
            }
        }
        let mut prec = None;
        if chars.peek() == Some(&'.') {
            chars.next();
            if chars.peek() == Some(&'*') {
                chars.next();
                if let Some(V::Int(p)) = args.get(argi) {
                    prec = Some(*p as usize);
                }
                argi += 1;
            } else {
                let mut p = String::new();
                while let Some(&d) = chars.peek() {
                    if d.is_ascii_digit() {
                        p.push(d);
                        chars.next();
                    } else {
                        break;
                    }
                }
                prec = Some(p.parse().unwrap_or(0));
            }
        }
        let Some(verb) = chars.next() else {
            out.push_str("%!(NOVERB)");
            break;
        };
        if verb == '%' {
            out.push('%');
            continue;
        }
        let Some(arg) = args.get(argi) else {
            out.push_str(&format!("%!{verb}(MISSING)"));
            continue;
        };
        argi += 1;
        out.push_str(&format_one(verb, arg, flags, width, prec));
    }
    if argi < args.len() {
        out.push_str("%!(EXTRA ");
        let extra: Vec<String> = args[argi..]
            .iter()
            .map(|a| match a {
                V::Missing | V::Nil => "<nil>".to_string(),
                a => format!("{}={}", a.type_name(), sprint_v(a)),
            })
            .collect();
        out.push_str(&extra.join(", "));
        out.push(')');
    }
    out
}
