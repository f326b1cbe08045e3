//! Execution cases of Go's own tests (text/template/exec_test.go, Go 1.26, /usr/local/go/src) that
//! need no Go-typed data: the `execTests` entries run with nil or 0 as data whose functions are
//! builtins (or `typeOf`, which Sprig defines as Go's test does, fmt.Sprintf("%T")), and the
//! `cmpTests` comparisons without struct fields or complex numbers, run as Go's TestComparison
//! runs them: `{{if EXPR}}true{{else}}false{{end}}`.

use gotemplate::{Templates, Value};

/// (name, input, output, ok).
const EXEC_TESTS: &[(&str, &str, &str, bool)] = &[
    (r#"empty"#, r#""#, r#""#, true),
    (r#"text"#, r#"some text"#, r#"some text"#, true),
    (r#"nil action"#, r#"{{nil}}"#, r#""#, false),
    (r#"ideal int"#, r#"{{typeOf 3}}"#, r#"int"#, true),
    (r#"ideal float"#, r#"{{typeOf 1.0}}"#, r#"float64"#, true),
    (r#"ideal exp float"#, r#"{{typeOf 1e1}}"#, r#"float64"#, true),
    (r#"ideal int"#, r#"{{typeOf 0x7fffffffffffffff}}"#, r#"int"#, true),
    (r#"ideal too big"#, r#"{{typeOf 0x8000000000000000}}"#, r#""#, false),
    (r#"ideal nil without type"#, r#"{{nil}}"#, r#""#, false),
    (r#"unparenthesized non-function"#, r#"{{1 2}}"#, r#""#, false),
    (r#"parenthesized non-function"#, r#"{{(1) 2}}"#, r#""#, false),
    (r#"parenthesized non-function with no args"#, r#"{{(1)}}"#, r#"1"#, true),
    (
        r#"html"#,
        r#"{{html "<script>alert(\"XSS\");</script>"}}"#,
        r#"&lt;script&gt;alert(&#34;XSS&#34;);&lt;/script&gt;"#,
        true,
    ),
    (
        r#"html pipeline"#,
        r#"{{printf "<script>alert(\"XSS\");</script>" | html}}"#,
        r#"&lt;script&gt;alert(&#34;XSS&#34;);&lt;/script&gt;"#,
        true,
    ),
    (r#"urlquery"#, r#"{{"http://www.example.org/"|urlquery}}"#, r#"http%3A%2F%2Fwww.example.org%2F"#, true),
    (r#"not"#, r#"{{not true}} {{not false}}"#, r#"false true"#, true),
    (r#"and"#, r#"{{and false 0}} {{and 1 0}} {{and 0 true}} {{and 1 1}}"#, r#"false 0 0 1"#, true),
    (r#"or"#, r#"{{or 0 0}} {{or 1 0}} {{or 0 true}} {{or 1 1}}"#, r#"0 1 true 1"#, true),
    (r#"and pipe-true"#, r#"{{1 | and 1}}"#, r#"1"#, true),
    (r#"and pipe-false"#, r#"{{0 | and 1}}"#, r#"0"#, true),
    (r#"or pipe-true"#, r#"{{1 | or 0}}"#, r#"1"#, true),
    (r#"or pipe-false"#, r#"{{0 | or 0}}"#, r#"0"#, true),
    (r#"boolean if not"#, r#"{{if and true 1 `hi` | not}}TRUE{{else}}FALSE{{end}}"#, r#"FALSE"#, true),
    (r#"boolean if pipe"#, r#"{{if true | not | and 1}}TRUE{{else}}FALSE{{end}}"#, r#"FALSE"#, true),
];

/// (expression, result, ok).
const CMP_TESTS: &[(&str, &str, bool)] = &[
    (r#"eq true true"#, r#"true"#, true),
    (r#"eq true false"#, r#"false"#, true),
    (r#"eq 1.5 1.5"#, r#"true"#, true),
    (r#"eq 1.5 2.5"#, r#"false"#, true),
    (r#"eq 1 1"#, r#"true"#, true),
    (r#"eq 1 2"#, r#"false"#, true),
    (r#"eq `xy` `xy`"#, r#"true"#, true),
    (r#"eq `xy` `xyz`"#, r#"false"#, true),
    (r#"eq 3 4 5 6 3"#, r#"true"#, true),
    (r#"eq 3 4 5 6 7"#, r#"false"#, true),
    (r#"ne true true"#, r#"false"#, true),
    (r#"ne true false"#, r#"true"#, true),
    (r#"ne 1.5 1.5"#, r#"false"#, true),
    (r#"ne 1.5 2.5"#, r#"true"#, true),
    (r#"ne 1 1"#, r#"false"#, true),
    (r#"ne 1 2"#, r#"true"#, true),
    (r#"ne `xy` `xy`"#, r#"false"#, true),
    (r#"ne `xy` `xyz`"#, r#"true"#, true),
    (r#"lt 1.5 1.5"#, r#"false"#, true),
    (r#"lt 1.5 2.5"#, r#"true"#, true),
    (r#"lt 1 1"#, r#"false"#, true),
    (r#"lt 1 2"#, r#"true"#, true),
    (r#"lt `xy` `xy`"#, r#"false"#, true),
    (r#"lt `xy` `xyz`"#, r#"true"#, true),
    (r#"le 1.5 1.5"#, r#"true"#, true),
    (r#"le 1.5 2.5"#, r#"true"#, true),
    (r#"le 2.5 1.5"#, r#"false"#, true),
    (r#"le 1 1"#, r#"true"#, true),
    (r#"le 1 2"#, r#"true"#, true),
    (r#"le 2 1"#, r#"false"#, true),
    (r#"le `xy` `xy`"#, r#"true"#, true),
    (r#"le `xy` `xyz`"#, r#"true"#, true),
    (r#"le `xyz` `xy`"#, r#"false"#, true),
    (r#"gt 1.5 1.5"#, r#"false"#, true),
    (r#"gt 1.5 2.5"#, r#"false"#, true),
    (r#"gt 1 1"#, r#"false"#, true),
    (r#"gt 2 1"#, r#"true"#, true),
    (r#"gt 1 2"#, r#"false"#, true),
    (r#"gt `xy` `xy`"#, r#"false"#, true),
    (r#"gt `xy` `xyz`"#, r#"false"#, true),
    (r#"ge 1.5 1.5"#, r#"true"#, true),
    (r#"ge 1.5 2.5"#, r#"false"#, true),
    (r#"ge 2.5 1.5"#, r#"true"#, true),
    (r#"ge 1 1"#, r#"true"#, true),
    (r#"ge 1 2"#, r#"false"#, true),
    (r#"ge 2 1"#, r#"true"#, true),
    (r#"ge `xy` `xy`"#, r#"true"#, true),
    (r#"ge `xy` `xyz`"#, r#"false"#, true),
    (r#"ge `xyz` `xy`"#, r#"true"#, true),
    (r#"eq (index `x` 0) 'x'"#, r#"true"#, true),
    (r#"eq (index `x` 0) 'y'"#, r#"false"#, true),
    (r#"eq `xy` 1"#, r#""#, false),
    (r#"eq 2 2.0"#, r#""#, false),
    (r#"lt true true"#, r#""#, false),
];

fn run(name: &str, text: &str) -> Result<String, String> {
    let mut t = Templates::new();
    t.parse(name, text).map_err(|e| e.to_string())?;
    t.execute(name, &Value::Null).map_err(|e| e.to_string())
}

#[test]
fn exec_tests_from_go() {
    let mut wrong = Vec::new();
    for (name, input, output, ok) in EXEC_TESTS {
        let got = run(name, input);
        let same = match (&got, ok) {
            (Ok(out), true) => out == output,
            (Err(_), false) => true,
            _ => false,
        };
        if !same {
            wrong.push(format!("{name:?} {input:?}: Go {:?} (ok={ok}), ours {got:?}", output));
        }
    }
    assert!(wrong.is_empty(), "{} of {} differ:\n{}", wrong.len(), EXEC_TESTS.len(), wrong.join("\n"));
}

#[test]
fn comparison_tests_from_go() {
    let mut wrong = Vec::new();
    for (expr, truth, ok) in CMP_TESTS {
        let got = run("empty", &format!("{{{{if {expr}}}}}true{{{{else}}}}false{{{{end}}}}"));
        let same = match (&got, ok) {
            (Ok(out), true) => out == truth,
            (Err(_), false) => true,
            _ => false,
        };
        if !same {
            wrong.push(format!("{expr:?}: Go {truth:?} (ok={ok}), ours {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{} of {} differ:\n{}", wrong.len(), CMP_TESTS.len(), wrong.join("\n"));
}
