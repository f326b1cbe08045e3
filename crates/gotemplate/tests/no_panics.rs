//! Whatever the text, parsing and executing end in output or an error, never a panic: templates
//! come from users (istioctl's --set values go through `tpl`, injection templates are
//! ConfigMaps).

use gotemplate::Templates;
use serde_json::json;

const PIECES: &[&str] = &[
    "{{",
    "}}",
    "{{-",
    "-}}",
    " ",
    "\n",
    "é",
    "😀",
    ".",
    ".a",
    ".a.b",
    "$",
    "$x",
    ":=",
    "=",
    "|",
    "(",
    ")",
    "\"",
    "\"s\"",
    "`r`",
    "'c'",
    "'\\n'",
    "\\",
    "1",
    "-1",
    "1.5",
    "1e3",
    "0x",
    "if",
    "else",
    "end",
    "range",
    "with",
    "define",
    "template",
    "block",
    "break",
    "continue",
    "nil",
    "true",
    "printf",
    "\"%d %s %v %q %x %5.2f %-3s %\"",
    "index",
    "slice",
    "len",
    "eq",
    "lt",
    "and",
    "or",
    "not",
    "toYaml",
    "toJson",
    "fromYaml",
    "tpl",
    "include",
    "trunc",
    "substr",
    "indent",
    "quote",
    "default",
    "dict",
    "list",
    "set",
    "merge",
    "dig",
    "regexFind",
    "\"[\"",
    "/*",
    "*/",
    ",",
    "{",
    "}",
];

#[test]
fn random_templates_never_panic() {
    let data = json!({"a": {"b": [1, "é😀", null, {"c": 1e21}]}, "s": "héllo", "n": null});
    // A fixed linear congruential sequence, so a failure reproduces.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    // GOTEMPLATE_FUZZ_ITERATIONS runs a longer search.
    let iterations =
        std::env::var("GOTEMPLATE_FUZZ_ITERATIONS").ok().and_then(|v| v.parse().ok()).unwrap_or(3000);
    for _ in 0..iterations {
        let n = 1 + next() % 14;
        let text: String = (0..n).map(|_| PIECES[next() % PIECES.len()]).collect();
        let result = std::panic::catch_unwind(|| {
            let mut t = Templates::new();
            if t.parse("fuzz", &text).is_ok() {
                let _ = t.execute("fuzz", &data);
            }
        });
        assert!(result.is_ok(), "panic on {text:?}");
    }
}
