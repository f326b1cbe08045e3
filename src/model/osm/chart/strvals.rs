//! Helm's `--set` syntax (helm.sh/helm/v3 `pkg/strvals`), so that every command line written
//! for `helm install --set` or the Go `osm install --set` means the same here:
//! `a.b=c`, several pairs split by commas, `{x,y}` lists, `a[0].b=c` list indexes, `\,` `\.` `\=`
//! escapes, and `null` (which removes a key when merged over the defaults).

use serde_json::{Map, Value};

/// One `--set` argument parsed into a tree. `typed` is false for `--set-string`, where every
/// value stays a string. Errors name the key, never the value: values may be credentials.
pub fn parse(text: &str, typed: bool) -> Result<Value, String> {
    let mut root = Value::Object(Map::new());
    let chars: Vec<char> = text.chars().collect();
    let mut pos = 0;
    while pos < chars.len() {
        let (path, after_key) = read_key(&chars, pos)?;
        pos = after_key;
        let value = if chars.get(pos) == Some(&'{') {
            let (items, after) = read_list(&chars, pos + 1, typed)?;
            pos = after;
            Value::Array(items)
        } else {
            let (raw, after) = read_until(&chars, pos, &[',']);
            pos = after;
            scalar(&raw, typed)
        };
        match chars.get(pos) {
            None => {}
            Some(',') => pos += 1,
            Some(_) => return Err(format!("unexpected text after the value of key {}", describe(&path))),
        }
        insert(&mut root, &path, value)?;
    }
    Ok(root)
}

#[derive(Debug, Clone, PartialEq)]
enum Step {
    Key(String),
    Index(usize),
}

/// The key read so far, with the part being read.
fn partial(path: &[Step], current: &str) -> String {
    let done = describe(path);
    match (done.is_empty(), current.is_empty()) {
        (true, _) => current.to_string(),
        (false, true) => done,
        (false, false) => format!("{done}.{current}"),
    }
}

fn describe(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// Reads `a.b[0].c=` and returns the path and the position after `=`.
fn read_key(chars: &[char], mut pos: usize) -> Result<(Vec<Step>, usize), String> {
    let mut path = Vec::new();
    let mut current = String::new();
    let mut after_index = false;
    loop {
        let Some(&c) = chars.get(pos) else {
            let key = partial(&path, &current);
            return Err(format!("key {key:?} has no value (write key=value)"));
        };
        match c {
            '\\' => {
                if let Some(&next) = chars.get(pos + 1) {
                    current.push(next);
                    pos += 2;
                } else {
                    return Err("a backslash ends the text".into());
                }
                continue;
            }
            '=' => {
                if !after_index {
                    if current.is_empty() {
                        return Err(format!("key {:?} has an empty part", describe(&path) + "."));
                    }
                    path.push(Step::Key(std::mem::take(&mut current)));
                }
                return Ok((path, pos + 1));
            }
            ',' => {
                let key = partial(&path, &current);
                return Err(format!("key {key:?} has no value (write key=value)"));
            }
            '.' => {
                if !after_index {
                    if current.is_empty() {
                        return Err(format!("key {:?} has an empty part", describe(&path) + "."));
                    }
                    path.push(Step::Key(std::mem::take(&mut current)));
                }
                after_index = false;
            }
            '[' => {
                if !after_index {
                    if current.is_empty() {
                        return Err("a list index needs a key before it, as in list[0]=x".into());
                    }
                    path.push(Step::Key(std::mem::take(&mut current)));
                }
                let close = chars[pos..]
                    .iter()
                    .position(|&c| c == ']')
                    .ok_or_else(|| format!("the list index after {} has no closing ]", describe(&path)))?;
                let digits: String = chars[pos + 1..pos + close].iter().collect();
                let index: usize = digits.parse().map_err(|_| {
                    format!("the list index [{digits}] after {} is not a whole number", describe(&path))
                })?;
                // Helm's own ceiling: a typo such as a[99999999] must not allocate the world.
                if index > 65536 {
                    return Err(format!("the list index [{index}] after {} is too large", describe(&path)));
                }
                path.push(Step::Index(index));
                pos += close;
                after_index = true;
            }
            c => {
                if after_index {
                    return Err(format!("unexpected {c:?} after the list index of {}", describe(&path)));
                }
                current.push(c);
            }
        }
        pos += 1;
    }
}

fn read_until(chars: &[char], mut pos: usize, stops: &[char]) -> (String, usize) {
    let mut out = String::new();
    while let Some(&c) = chars.get(pos) {
        if c == '\\'
            && let Some(&next) = chars.get(pos + 1)
        {
            out.push(next);
            pos += 2;
            continue;
        }
        if stops.contains(&c) {
            break;
        }
        out.push(c);
        pos += 1;
    }
    (out, pos)
}

fn read_list(chars: &[char], mut pos: usize, typed: bool) -> Result<(Vec<Value>, usize), String> {
    let mut items = Vec::new();
    if chars.get(pos) == Some(&'}') {
        return Ok((items, pos + 1));
    }
    loop {
        let (raw, after) = read_until(chars, pos, &[',', '}']);
        items.push(scalar(&raw, typed));
        match chars.get(after) {
            Some(',') => pos = after + 1,
            Some('}') => return Ok((items, after + 1)),
            _ => return Err("a list {a,b} has no closing }".into()),
        }
    }
}

/// Helm's `typedVal`: true/false/null in any case, whole numbers without a leading zero as
/// integers, everything else a string.
fn scalar(raw: &str, typed: bool) -> Value {
    if !typed {
        return Value::String(raw.to_string());
    }
    if raw.eq_ignore_ascii_case("true") {
        return Value::Bool(true);
    }
    if raw.eq_ignore_ascii_case("false") {
        return Value::Bool(false);
    }
    if raw.eq_ignore_ascii_case("null") {
        return Value::Null;
    }
    if raw == "0" {
        return Value::from(0);
    }
    if !raw.is_empty()
        && !raw.starts_with('0')
        && let Ok(n) = raw.parse::<i64>()
    {
        return Value::from(n);
    }
    Value::String(raw.to_string())
}

fn insert(node: &mut Value, path: &[Step], value: Value) -> Result<(), String> {
    let Some((first, rest)) = path.split_first() else {
        *node = value;
        return Ok(());
    };
    match first {
        Step::Key(key) => {
            if !node.is_object() {
                *node = Value::Object(Map::new());
            }
            let map = node.as_object_mut().expect("made an object");
            let child = map.entry(key.clone()).or_insert(Value::Null);
            if rest.is_empty() {
                *child = value;
                Ok(())
            } else {
                insert(child, rest, value)
            }
        }
        Step::Index(index) => {
            if !node.is_array() {
                *node = Value::Array(Vec::new());
            }
            let list = node.as_array_mut().expect("made a list");
            while list.len() <= *index {
                list.push(Value::Null);
            }
            insert(&mut list[*index], rest, value)
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn helm_forms() {
        assert_eq!(parse("a.b=c", true).unwrap(), json!({"a": {"b": "c"}}));
        assert_eq!(
            parse("a=1,b=true,c=False,d=null", true).unwrap(),
            json!({"a": 1, "b": true, "c": false, "d": null})
        );
        assert_eq!(parse("a=007,b=0,c=1.5", true).unwrap(), json!({"a": "007", "b": 0, "c": "1.5"}));
        assert_eq!(parse("a={6379,5432}", true).unwrap(), json!({"a": [6379, 5432]}));
        assert_eq!(parse("a={}", true).unwrap(), json!({"a": []}));
        assert_eq!(parse("a={x,y},b=z", true).unwrap(), json!({"a": ["x", "y"], "b": "z"}));
        assert_eq!(parse("a[0].name=x", true).unwrap(), json!({"a": [{"name": "x"}]}));
        assert_eq!(parse("a[1]=x", true).unwrap(), json!({"a": [null, "x"]}));
        assert_eq!(parse(r"a=b\,c", true).unwrap(), json!({"a": "b,c"}));
        assert_eq!(parse(r"a\.b=c", true).unwrap(), json!({"a.b": "c"}));
        assert_eq!(parse("a=1", false).unwrap(), json!({"a": "1"}));
        assert_eq!(parse("a=x=y", true).unwrap(), json!({"a": "x=y"}));
    }

    #[test]
    fn malformed_forms_name_the_key_not_the_value() {
        let err = parse("osm.typo", true).unwrap_err();
        assert!(err.contains("osm.typo") && err.contains("no value"), "{err}");
        assert!(parse("a..b=1", true).is_err());
        assert!(parse("a[x]=1", true).is_err());
        assert!(parse("a={1,2", true).is_err());
        assert!(parse("[0]=1", true).is_err());
    }
}
