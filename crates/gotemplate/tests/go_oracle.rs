//! Cases whose expected result comes from Go itself: `oracle/` is a small Go program running
//! text/template with Sprig v3.3.0 and Helm's engine functions (the module versions helm v3.21.4
//! builds with). The test builds it offline from the project's Go module cache and compares every
//! case's output, or error text, with this crate's.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use gotemplate::Templates;
use serde_json::{Value, json};

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    /// Plain text/template (missingkey default).
    Go,
    /// As Helm runs it: missingkey=zero and "<no value>" removed.
    Helm,
    /// missingkey=error.
    Strict,
}

struct Case {
    template: &'static str,
    data: Value,
    mode: Mode,
}

fn go_binary() -> PathBuf {
    for p in ["/usr/local/go/bin/go", "/usr/lib/go/bin/go"] {
        if Path::new(p).exists() {
            return PathBuf::from(p);
        }
    }
    PathBuf::from("go")
}

/// Builds the oracle once per test run, offline, from the project's Go module cache.
fn oracle_binary() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("oracle");
        let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/go-oracle");
        let bin = target.join("oracle");
        let home = std::env::var("HOME").expect("HOME is set");
        let modcache = Path::new(&home).join(".cache/osm-dev-cluster/gomod");
        let go = go_binary();
        let out = Command::new(&go)
            .args(["build", "-o"])
            .arg(&bin)
            .arg(".")
            .current_dir(&dir)
            .env("GOMODCACHE", &modcache)
            .env("GOCACHE", target.join("cache"))
            .env("GOPROXY", "off")
            .env("GOFLAGS", "-mod=readonly")
            .env("GOTOOLCHAIN", "local")
            .output()
            .unwrap_or_else(|e| {
                panic!(
                    "cannot run {}: {e}. The Go oracle needs Go 1.26 at /usr/local/go/bin/go",
                    go.display()
                )
            });
        assert!(
            out.status.success(),
            "building the Go oracle failed; it needs the Sprig v3.3.0 and sigs.k8s.io/yaml v1.6.0 modules in {} \
             (`./scripts/provision-cluster.sh helm` downloads them, or run `GOMODCACHE={} go mod download` in {}):\n{}",
            modcache.display(),
            modcache.display(),
            dir.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        bin
    })
}

fn run_oracle(cases: &[Case]) -> Vec<Result<String, String>> {
    let input: Vec<Value> = cases
        .iter()
        .enumerate()
        .map(|(i, c)| {
            json!({
                "name": format!("case{i}"),
                "template": c.template,
                "data": c.data,
                "missingkey": match c.mode { Mode::Strict => "error", Mode::Helm => "zero", Mode::Go => "" },
                "helm": c.mode == Mode::Helm,
            })
        })
        .collect();
    let mut child = Command::new(oracle_binary())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the oracle binary runs");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(serde_json::to_string(&input).unwrap().as_bytes()).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "the Go oracle failed ({}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let results: Vec<Value> = serde_json::from_slice(&out.stdout).expect("oracle output is JSON");
    results
        .into_iter()
        .map(|r| match (r.get("out"), r.get("err")) {
            (Some(Value::String(o)), _) => Ok(o.clone()),
            (_, Some(Value::String(e))) => Err(e.clone()),
            _ => panic!("bad oracle result {r}"),
        })
        .collect()
}

fn run_ours(i: usize, c: &Case) -> Result<String, String> {
    let name = format!("case{i}");
    let mut t = Templates::new();
    match c.mode {
        Mode::Helm => t.set_missing_key_zero(),
        Mode::Strict => t.set_missing_key_error(true),
        Mode::Go => {}
    }
    t.parse(&name, c.template).map_err(|e| e.to_string())?;
    let out = t.execute(&name, &c.data).map_err(|e| e.to_string())?;
    Ok(if c.mode == Mode::Helm { out.replace("<no value>", "") } else { out })
}

fn check(cases: Vec<Case>) {
    let want = run_oracle(&cases);
    let mut failures = Vec::new();
    for (i, (c, w)) in cases.iter().zip(want.iter()).enumerate() {
        let got = run_ours(i, c);
        let same = match (&got, w) {
            (Ok(a), Ok(b)) => a == b,
            (Err(a), Err(b)) => a == b,
            _ => false,
        };
        if !same {
            failures.push(format!(
                "case{i}: {:?}\n  data: {}\n  go:   {:?}\n  ours: {:?}",
                c.template, c.data, w, got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ from Go:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

fn go(template: &'static str, data: Value) -> Case {
    Case { template, data, mode: Mode::Go }
}

fn helm(template: &'static str, data: Value) -> Case {
    Case { template, data, mode: Mode::Helm }
}

fn strict(template: &'static str, data: Value) -> Case {
    Case { template, data, mode: Mode::Strict }
}

#[test]
fn numbers_and_printing() {
    let d = json!({"i": 1000000, "f": 1.5, "big": 123456789, "small": 0.00001, "neg": -2.5, "zero": 0,
        "e21": 1e21, "e20": 1e20, "third": 0.3333333333333333, "s": "str", "t": true, "n": null,
        "l": [1, "a", null, true, 2.5], "m": {"b": 2, "a": "x", "c": [1, 2]}});
    check(vec![
        go(
            "{{ .i }} {{ .f }} {{ .big }} {{ .small }} {{ .neg }} {{ .zero }} {{ .e21 }} {{ .e20 }} {{ .third }}",
            d.clone(),
        ),
        go("{{ .s }} {{ .t }} {{ .n }} {{ .missing }} {{ .l }} {{ .m }}", d.clone()),
        go(
            "{{ 1 }} {{ 1.0 }} {{ 1e3 }} {{ 0x10 }} {{ 0o17 }} {{ 017 }} {{ -5 }} {{ 'a' }} {{ 1_000 }} {{ 2.50 }} {{ 1e-7 }}",
            json!(null),
        ),
        go(
            "{{ 100000.0 }} {{ 1000000.0 }} {{ 123456.7 }} {{ 1234567.0 }} {{ 0.0001 }} {{ 0.00001 }}",
            json!(null),
        ),
        go(
            "{{ print 1 2 }} {{ print \"a\" \"b\" }} {{ print 1 \"a\" 2 }} {{ print .i .f }} {{ print nil }} {{ print .l }}",
            d.clone(),
        ),
        go("{{ println 1 \"a\" .f }}", d.clone()),
        go("{{ true }} {{ false }} {{ nil | print }} {{ \"\" }}", json!(null)),
        go(
            "{{ .m.c }} {{ index .m \"c\" }} {{ index .m.c 1 }} {{ len .m }} {{ len .l }} {{ len .s }}",
            d.clone(),
        ),
        go(
            "{{ html \"<a href='x'>&\\\"\" }} {{ js \"it's <b> & \\\"q\\\" = \\n\" }} {{ urlquery \"a b&c=d/é\" }}",
            json!(null),
        ),
        go("{{ html 1 2 }} {{ js .f }} {{ urlquery .l }}", d.clone()),
    ]);
}

#[test]
fn printf_verbs() {
    let d = json!({"f": 3.24159, "i": 42, "s": "hi", "l": ["a", "b"], "m": {"k": "v"}, "n": null, "t": true});
    check(vec![
        go("{{ printf \"%s|%v|%d|%q|%t|%5s|%-5s|\" .s .s 7 .s true \"ab\" \"ab\" }}", d.clone()),
        go(
            "{{ printf \"%v %f %.2f %e %g %G %E %8.3f %-8.3f| %+.1f %08.3f\" .f .f .f .f .f .f .f .f .f .f .f }}",
            d.clone(),
        ),
        go(
            "{{ printf \"%d\" .i }} {{ printf \"%v\" .i }} {{ printf \"%x %X %o %b %c %q %U\" 255 255 8 5 65 65 65 }}",
            d.clone(),
        ),
        go("{{ printf \"%05d|%-5d|%+d|% d|%x|%#x\" 42 42 42 42 -255 255 }}", json!(null)),
        go(
            "{{ printf \"%s %v\" .l .m }} {{ printf \"%v\" .n }} {{ printf \"%s\" .n }} {{ printf \"%d\" .s }}",
            d.clone(),
        ),
        go(
            "{{ printf \"%s\" 5 }} {{ printf \"%d %d\" 1 }} {{ printf \"%d\" 1 2 }} {{ printf \"%%\" }} {{ printf \"%z\" 1 }}",
            d.clone(),
        ),
        go(
            "{{ printf \"%x\" \"hello\" }} {{ printf \"%X\" \"hi\" }} {{ printf \"%q\" \"tab\\there \\u00e9 \\x01\" }} {{ printf \"%.3s\" \"abcdef\" }}",
            d.clone(),
        ),
        go(
            "{{ printf \"%g %g %g %g\" 100000.0 1000000.0 1e21 0.00001 }} {{ printf \"%.3g %.10g\" 1234.5678 1234.5678 }}",
            d.clone(),
        ),
        go(
            "{{ printf \"%t %v\" .t .t }} {{ printf \"%s-%s\" \"a\" }} {{ printf \"%6.2f%%\" 99.5 }}",
            d.clone(),
        ),
    ]);
}

#[test]
fn json_encoding() {
    let d = json!({"html": "<a href=\"x\">&amp;</a>", "ctl": "nl\ntab\tcr\r\u{1}\u{1f}", "uni": "é ü 😀 \u{2028}\u{2029}",
        "nums": [0, 1, -1, 1.5, 1e20, 1e21, 1e-6, 1e-7, 123456789.123, 0.1, 100, 1000000],
        "nested": {"z": {"y": [1, {"b": null, "a": true}]}, "a": []}, "empty": {}});
    check(vec![
        go("{{ toJson . }}", d.clone()),
        go("{{ toPrettyJson . }}", d.clone()),
        go("{{ toRawJson . }}", d.clone()),
        go(
            "{{ toJson .missing }} {{ toJson \"s\" }} {{ toJson 1 }} {{ toJson 1.5 }} {{ toJson true }} {{ toJson list }} {{ toJson dict }}",
            d.clone(),
        ),
        go("{{ toPrettyJson .empty }} {{ toPrettyJson .nested.a }} {{ toPrettyJson 3 }}", d.clone()),
        go(
            "{{ $m := fromJson \"{\\\"a\\\": 1, \\\"b\\\": [1.5, \\\"x\\\"], \\\"c\\\": {\\\"d\\\": null}}\" }}{{ $m.a }} {{ $m.b }} {{ $m.c }} {{ toJson $m }}",
            d.clone(),
        ),
        go("{{ hasKey (fromJson \"not json\") \"Error\" }}", d.clone()),
        go("{{ fromJson \"[1,2]\" }}", d.clone()),
        go("{{ fromJsonArray \"[1,\\\"a\\\"]\" }} {{ fromJsonArray \"{}\" }}", d.clone()),
        go("{{ mustFromJson \"{\\\"a\\\":1}\" }}", d.clone()),
    ]);
}

#[test]
fn yaml_scalars() {
    let strings = Value::from(vec![
        "true",
        "True",
        "TRUE",
        "false",
        "yes",
        "Yes",
        "no",
        "NO",
        "on",
        "On",
        "off",
        "y",
        "Y",
        "n",
        "N",
        "1",
        "-1",
        "+1",
        "1.0",
        "1e3",
        "1E3",
        ".5",
        "-.5",
        "0x1F",
        "0o17",
        "017",
        "0b101",
        "-0b101",
        "1_000",
        "08",
        "0.1.2",
        "1e",
        "e1",
        "",
        " ",
        "~",
        "null",
        "Null",
        "NULL",
        "nil",
        "-",
        "--",
        "---",
        "...",
        "- a",
        "-a",
        ":",
        ":a",
        ": a",
        "a:",
        "a: b",
        "a:b",
        "a #b",
        "a#b",
        "#a",
        "?",
        "? a",
        "?a",
        "a?",
        "@a",
        "`a",
        "%a",
        "*a",
        "&a",
        "!a",
        "|a",
        ">a",
        "'a",
        "\"a",
        "[a",
        "]a",
        "{a",
        "}a",
        ",a",
        "a,b",
        "a[b]",
        "a{b}",
        "a'b",
        "a\"b",
        "a\\b",
        "lead ",
        " trail",
        "two  spaces",
        "tab\there",
        "é",
        "😀",
        "a\u{a0}b",
        "\u{feff}",
        "ctl\u{7}x",
        "del\u{7f}",
        "nel\u{85}x",
        "ls\u{2028}x",
        "2001-12-14",
        "2001-12-14t21:59:43.10-05:00",
        "2001-12-14 21:59:43.10",
        "2001-13-14",
        "2001-1-2",
        "20011214",
        "12:30",
        "1:20:30",
        "1:20:30.5",
        "190:20:30",
        ".inf",
        "-.inf",
        "+.inf",
        ".Inf",
        ".nan",
        ".NaN",
        "<<",
        "=",
        "a=b",
        "http://x.y/z?q=1#frag",
        "key: value # comment",
        "multi\nline",
        "multi\nline\n",
        "multi\nline\n\n",
        "\nleading newline",
        "trailing spaces \nline",
        "line\n trailing",
        "a\n\nb",
        "tab\tin\nmulti",
        "only\n",
        "\n",
        "\n\n",
        " lead\nmulti",
        "cr\r\nlf",
        "a very long plain string that goes on and on well past the eighty column limit of the emitter so it must be folded somewhere",
        "a very long string: with a colon space that forces quoting and goes on past the eighty column limit for sure yes",
        "averylongstringwithoutanyspacesatallthatcannotbefoldedanywherebecausethereisnowheretobreakitsoitstays",
        "another long one that has    multiple   spaces in a row past the eighty column limit of the emitter here we go again",
        "'single quoted start' followed by quite a lot of text to take it past the eighty columns limit of yaml.v2",
    ]);
    check(vec![
        go("{{ toYaml . }}", strings.clone()),
        go("{{ range . }}{{ toYaml . }}\n{{ end }}", strings.clone()),
        go("{{ range . }}{{ toYaml (dict . .) }}\n{{ end }}", strings.clone()),
        go("{{ range . }}{{ toYaml (dict \"k\" (list .)) }}\n{{ end }}", strings.clone()),
        go(
            "{{ toYaml 1 }}|{{ toYaml 1.5 }}|{{ toYaml true }}|{{ toYaml .missing }}|{{ toYaml \"s\" }}|{{ toYaml list }}|{{ toYaml dict }}",
            json!(null),
        ),
    ]);
}

#[test]
fn yaml_structures() {
    let d = json!({
        "a10": 1, "a9": 2, "a2": 3, "A": 4, "b": {"x": [1, 2, {"p": "q", "o": [true, null]}], "y": {}, "z": []},
        "1": "one", "10": "ten", "2": "two", "-x": 1, "_y": 2, "zz": [[1, 2], [], [{}], [[3]]],
        "nums": [1, 1.5, 1e20, 1e21, 1e-7, 0.1, 123456789, -0.0, 100],
        "long": {"nested": {"deeper": {"key": "a long value string that will be folded because it is longer than eighty columns at this depth"}}},
        "lit": {"block": "line one\nline two\n", "strip": "x\ny", "keep": "x\n\n", "indented": "  indented first\nsecond"},
        "list": ["a\nb", {"k": "v\nw\n"}, [" x\ny"]],
        "keys": {"true": 1, "": 2, "a b": 3, "a: b": 4, "multi\nline": 5, "-": 6, "null": 7, "1.5": 8, "x9": 9, "x10": 10, "x09": 11, "x009": 12, "xa": 14, "a1": 1, "a01": 2, "b-1": 3, "b.1": 4, "b_1": 5, "x.y": 15, "x-y": 16, "x_y": 17},
    });
    check(vec![
        go("{{ toYaml . }}", d.clone()),
        go("{{ toYaml .b | indent 4 }}", d.clone()),
        go("{{ .lit | toYaml | nindent 2 }}", d.clone()),
        go("{{ toYaml .list }}", d.clone()),
        go("{{ toYaml .keys }}", d.clone()),
        go(
            "{{ $m := fromYaml \"a: 1\\nb: [x, 2.5, true, null]\\nc: {d: e}\\nf: 'yes'\\nh: 1e3\\n\" }}{{ $m.a }} {{ $m.b }} {{ $m.c }} {{ toYaml $m }} {{ toJson $m }}",
            json!(null),
        ),
        go("{{ fromYaml \"- a\\n- b\" }}", json!(null)),
        go("{{ hasKey (fromYaml \"a: [\") \"Error\" }}", json!(null)),
        go("{{ fromYamlArray \"- a\\n- 1\" }} {{ fromYamlArray \"a: b\" }}", json!(null)),
        go("{{ fromYaml \"\" }} {{ fromYaml \"# only a comment\" }}", json!(null)),
    ]);
}

#[test]
fn template_semantics() {
    let d = json!({"a": {"b": {"c": "deep"}}, "l": ["x", "y", "z"], "m": {"k1": "v1", "k2": "v2"}, "e": [], "em": {}, "s": "str",
        "n": null, "z": 0, "f": false, "t": true, "num": 3});
    check(vec![
        go("a  {{- \" b \" -}}  c\n  {{- /* comment */ -}}\n d {{/* c2 */}} e", d.clone()),
        go(
            "{{- range $i, $v := .l }}{{ $i }}={{ $v }};{{ end }}|{{ range .l }}{{ . }}{{ end }}|{{ range $v := .l }}{{ $v }}{{ end }}",
            d.clone(),
        ),
        go(
            "{{ range $k, $v := .m }}{{ $k }}={{ $v }};{{ end }}|{{ range .m }}{{ . }}{{ end }}|{{ range .e }}x{{ else }}empty{{ end }}|{{ range .n }}x{{ else }}nil{{ end }}",
            d.clone(),
        ),
        go(
            "{{ range .num }}{{ . }}{{ end }}|{{ range $i := 3 }}{{ $i }}{{ end }}|{{ range $i, $c := .l }}{{ if eq $i 1 }}{{ continue }}{{ end }}{{ if eq $i 2 }}{{ break }}{{ end }}{{ $c }}{{ end }}",
            d.clone(),
        ),
        go(
            "{{ with .a.b }}{{ .c }}{{ end }}|{{ with .missing }}x{{ else }}none{{ end }}|{{ with $x := .s }}{{ $x }}{{ . }}{{ end }}|{{ with .n }}{{ else with .s }}{{ . }}{{ end }}",
            d.clone(),
        ),
        go(
            "{{ if .n }}1{{ else if .z }}2{{ else if .f }}3{{ else if .e }}4{{ else if .em }}5{{ else if .t }}6{{ end }}|{{ if .l }}L{{ end }}{{ if .m }}M{{ end }}{{ if .s }}S{{ end }}",
            d.clone(),
        ),
        go(
            "{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ $y := 3 }}{{ end }}{{ $x }}|{{ range .l }}{{ $x = . }}{{ end }}{{ $x }}|{{ $.s }}|{{ with .a }}{{ $.s }}{{ end }}",
            d.clone(),
        ),
        go(
            "{{ and 1 0 2 }} {{ and 1 2 }} {{ or 0 \"\" }} {{ or 0 \"x\" 3 }} {{ and .n .nope.nope }} {{ or .t .nope.nope }} {{ not .n }} {{ not 1 }}",
            d.clone(),
        ),
        go(
            "{{ eq 1 1 }} {{ eq 1 2 3 1 }} {{ eq \"a\" \"a\" }} {{ eq .s \"str\" }} {{ ne 1 2 }} {{ lt 1 2 }} {{ le 2 2 }} {{ gt \"b\" \"a\" }} {{ ge 1.5 1.5 }} {{ eq .n nil }} {{ eq .missing \"x\" }}",
            d.clone(),
        ),
        go("{{ eq .num 3 }}", d.clone()),
        go("{{ lt .num 3 }}", d.clone()),
        go("{{ eq .l .l }}", d.clone()),
        go(
            "{{ (index .l 1) }} {{ (.a).b.c }} {{ (dict \"x\" 5).x }} {{ index .a \"b\" \"c\" }} {{ slice .l 1 }} {{ slice .l 1 2 }} {{ slice .s 1 3 }} {{ index .m \"nope\" }}",
            d.clone(),
        ),
        go("{{ index .l 5 }}", d.clone()),
        go("{{ index .l 1.0 }}", d.clone()),
        go(
            "{{ define \"t1\" }}T1({{ . }}){{ end }}{{ template \"t1\" .s }}{{ template \"t1\" }}{{ block \"b1\" .num }}B{{ . }}{{ end }}",
            d.clone(),
        ),
        go(
            "{{ define \"rec\" }}{{ if gt . 0 }}{{ . }}{{ template \"rec\" (sub . 1) }}{{ end }}{{ end }}{{ template \"rec\" 3 }}",
            d.clone(),
        ),
        go("{{ template \"nope\" }}", d.clone()),
        go("{{ define \"x\" }}a{{ end }}{{ define \"x\" }}b{{ end }}", d.clone()),
        go("{{ define \"x\" }}a{{ end }}{{ define \"x\" }} {{ end }}{{ template \"x\" }}", d.clone()),
        go("{{ .s.x }}", d.clone()),
        go("{{ .n.x }}", d.clone()),
        go("{{ .missing.x }}|{{ .missing.x.y }}|{{ (.missing).x }}", d.clone()),
        go("{{ not .missing }} {{ eq .missing nil }} {{ and .missing 1 }} {{ or .missing 1 }}", d.clone()),
        go("{{ len .missing }}", d.clone()),
        go("{{ index .missing \"x\" }}", d.clone()),
        go("{{ index .n \"x\" }}", d.clone()),
        go("{{ lt .n 1 }}", d.clone()),
        go("{{ eq .l \"x\" }}", d.clone()),
        go("{{ eq .m .l }}", d.clone()),
        go("{{ trim }}", d.clone()),
        go("{{ trim \"a\" \"b\" }}", d.clone()),
        go("{{ \"a\" | trim \"b\" }}", d.clone()),
        go("{{ indent \"x\" \"y\" }}", d.clone()),
        go("{{ ternary 1 2 nil }}", d.clone()),
        go("{{ indent 1.0 \"y\" }} {{ indent 1e1 \"y\" }}", d.clone()),
        go("{{ indent 1.5 \"y\" }}", d.clone()),
        go("{{ hasKey .n \"x\" }}", d.clone()),
        go("{{ hasKey .missing \"x\" }}", d.clone()),
        go("{{ .s | hasKey .m }}", d.clone()),
        go("{{ $v := .missing }}{{ $v }}|{{ $v.x }}", d.clone()),
        go("{{ .s | printf \"%s-%s\" \"a\" }} {{ \"x\" | printf \"%s%s\" \"y\" | len }}", d.clone()),
        go("{{ .m.k1 \"arg\" }}", d.clone()),
        go("{{ 1 2 }}", d.clone()),
        go("{{ nil }}", d.clone()),
        go("{{ nope }}", d.clone()),
        go("{{ if }}", d.clone()),
        go("{{ end }}", d.clone()),
        go("{{ range .l }}", d.clone()),
        go("{{ $x }}", d.clone()),
        go("{{ break }}", d.clone()),
        go("{{ \"unterminated }}", d.clone()),
        go("{{ .a.b.c | len | printf \"%d\" }} {{ len .a.b.c | printf \"%T\" }}", d.clone()),
        go("{{ printf \"%T %T %T %T %T %T\" 1 1.5 \"s\" .l .m .n }}", d.clone()),
        go("line1\n{{ .nope.x.y }}", d.clone()),
        go("{{/* a comment */}}{{- /* trimmed */ -}}  x", d.clone()),
    ]);
}

#[test]
fn missing_key_modes() {
    let d = json!({"a": {"b": 1}, "n": null});
    check(vec![
        helm("[{{ .missing }}][{{ .a.missing }}][{{ .n }}]", d.clone()),
        helm("{{ .missing.x }}", d.clone()),
        helm("{{ (.missing).x }}|{{ $v := .missing }}{{ $v.x }}", d.clone()),
        helm("{{ .a.missing | default \"dflt\" }} {{ index .a \"nope\" | default 5 }}", d.clone()),
        helm("{{ hasKey .missing \"x\" }}", d.clone()),
        helm("{{ hasKey .a.missing \"x\" }}", d.clone()),
        helm("{{ trim .a.missing }}", d.clone()),
        helm("{{ if not .a.missing }}empty{{ end }} {{ len .a }}", d.clone()),
        strict("{{ .a.b }}", d.clone()),
        strict("{{ .missing }}", d.clone()),
        strict("{{ .a.missing }}", d.clone()),
        strict("{{ index .a \"missing\" }}", d.clone()),
        go("{{ .a.missing }}|{{ .a.missing.deeper }}", d.clone()),
    ]);
}

#[test]
fn sprig_strings() {
    let d = json!({"f": 1.5, "i": 100, "s": "Hello World", "n": null, "l": ["a", 1, 2.5, null, true], "path": "/a/b/../c.tar.gz"});
    check(vec![
        go(
            "{{ quote .s }} {{ quote .f }} {{ quote .i }} {{ quote .n }} {{ quote .missing }} {{ quote .s .f \"x\" }} {{ squote .s .i }} {{ quote true }} {{ quote .l }}",
            d.clone(),
        ),
        go("{{ quote \"a\\\"b\\\\c\\nd\\té😀\\u0001\" }}", d.clone()),
        go(
            "{{ cat \"a\" 1 .n \"b\" .f }} {{ indent 2 \"a\\nb\" }} {{ nindent 2 \"a\\nb\" }} {{ \"x\\n\\ny\" | indent 3 }}",
            d.clone(),
        ),
        go(
            "{{ replace \" \" \"-\" .s }} {{ upper .s }} {{ lower .s }} {{ title \"hello world-foo bar_baz\" }} {{ untitle \"Hello World\" }} {{ trim \"  x  \" }} {{ trimAll \"$\" \"$5.00$\" }} {{ trimSuffix \"-\" \"a-\" }} {{ trimPrefix \"-\" \"-a\" }}",
            d.clone(),
        ),
        go(
            "{{ trunc 5 .s }} {{ trunc -5 .s }} {{ trunc 50 .s }} {{ substr 0 5 .s }} {{ substr 6 -1 .s }} {{ repeat 3 \"ab\" }} {{ nospace \"a b\\tc\" }} {{ initials \"hello big world\" }}",
            d.clone(),
        ),
        go(
            "{{ contains \"World\" .s }} {{ hasPrefix \"Hell\" .s }} {{ hasSuffix \"x\" .s }} {{ plural \"one\" \"many\" 1 }} {{ plural \"one\" \"many\" 2 }}",
            d.clone(),
        ),
        go(
            "{{ split \",\" \"a,b,c\" }} {{ (split \",\" \"a,b\")._1 }} {{ splitList \",\" \"a,,b\" }} {{ splitn \",\" 2 \"a,b,c\" }} {{ join \"-\" .l }} {{ join \",\" (list 1 2.5 \"x\") }} {{ join \",\" \"solo\" }}",
            d.clone(),
        ),
        go(
            "{{ toString .f }} {{ toString .i }} {{ toString .n }} {{ toString .l }} {{ toString 5 }} {{ toString true }} {{ atoi \"42\" }} {{ atoi \"x\" }}",
            d.clone(),
        ),
        go(
            "{{ b64enc \"hello\" }} {{ b64dec \"aGVsbG8=\" }} {{ b64dec \"!!\" }} {{ sha256sum \"hello\" }} {{ b64enc .f }}",
            d.clone(),
        ),
        go(
            "{{ base .path }} {{ dir .path }} {{ clean .path }} {{ ext .path }} {{ isAbs .path }} {{ base \"\" }} {{ dir \"x\" }} {{ clean \"a//b/./c/..\" }}",
            d.clone(),
        ),
        go(
            "{{ regexMatch \"^H.*d$\" .s }} {{ regexFind \"o.\" .s }} {{ regexFindAll \"o.\" .s -1 }} {{ regexReplaceAll \"(o)(.)\" .s \"${2}$1\" }} {{ regexReplaceAllLiteral \"o\" .s \"$1\" }} {{ regexSplit \"o\" .s -1 }} {{ regexQuoteMeta \"a.b*c\" }}",
            d.clone(),
        ),
        go(
            "{{ snakecase \"HelloWorld\" }} {{ kebabcase \"HelloWorld\" }} {{ camelcase \"hello_world\" }} {{ swapcase \"Hello\" }} {{ wrap 5 \"hello world foo\" }}",
            d.clone(),
        ),
        go(
            "{{ semverCompare \">=1.20.0-0\" \"v1.32.0\" }} {{ semverCompare \"<1.20\" \"1.32.0\" }} {{ semverCompare \"~1.32\" \"1.32.5\" }} {{ semverCompare \">=1.2.3, <2\" \"1.5.0\" }}",
            d.clone(),
        ),
        go(
            "{{ sha1sum \"hello\" }} {{ sha1sum \"\" }} {{ adler32sum \"hello world\" }} {{ toDecimal \"0777\" }} {{ toDecimal 17 }} {{ toDecimal \"9\" }}",
            d.clone(),
        ),
        go(
            "{{ b32enc \"\" }}|{{ b32enc \"f\" }}|{{ b32enc \"fo\" }}|{{ b32enc \"foo\" }}|{{ b32enc \"foob\" }}|{{ b32enc \"fooba\" }}|{{ b32enc \"foobar\" }}",
            d.clone(),
        ),
        go(
            "{{ b32dec \"MZXW6YTBOI======\" }}|{{ b32dec \"MZXW6===\" }}|{{ b32dec \"MY======\" }}|{{ b32dec \"bad!\" }}|{{ b32dec \"MZXW6YQ=\" }}",
            d.clone(),
        ),
        go(
            "{{ trunc 2 \"héllo\" }}|{{ trunc -4 \"héllo\" }}|{{ substr 1 3 \"héllo\" }}|{{ substr 0 2 \"ab\" }}|{{ abbrev 5 \"hello world\" }}",
            d.clone(),
        ),
        go("{{ substr 3 1 \"hello\" }}", d.clone()),
        go("{{ trim .f }}", d.clone()),
        go("{{ trim .n }}", d.clone()),
        go("{{ indent .f \"x\" }}", d.clone()),
        go("{{ upper 5 }}", d.clone()),
    ]);
}

#[test]
fn sprig_lists_and_dicts() {
    let d = json!({"l": [3, 1, 2, 1], "sl": ["b", "a", "c"], "m": {"a": 1, "b": {"c": 2, "d": [1, 2]}, "e": "", "f": false, "g": 0},
        "o": {"b": {"c": 3, "x": 4, "d": [9]}, "e": "E", "f": true, "h": null, "i": [], "j": {}}, "n": null, "empty": []});
    check(vec![
        go(
            "{{ list 1 \"a\" .n }} {{ first .l }} {{ last .l }} {{ rest .l }} {{ initial .l }} {{ first .empty }} {{ rest .empty }} {{ reverse .l }} {{ uniq .l }} {{ without .l 1 }}",
            d.clone(),
        ),
        go(
            "{{ has 1 .l }} {{ has 5 .l }} {{ has 1 .n }} {{ compact (list 0 1 \"\" \"a\" .n false true) }} {{ append .l 9 }} {{ prepend .l 0 }} {{ concat .l .sl }} {{ sortAlpha .sl }} {{ sortAlpha .l }}",
            d.clone(),
        ),
        go(
            "{{ until 3 }} {{ until -2 }} {{ untilStep 0 10 3 }} {{ seq 3 }} {{ seq 2 5 }} {{ seq 5 2 }} {{ chunk 2 .l }}",
            d.clone(),
        ),
        go(
            "{{ dict \"a\" 1 \"b\" }} {{ dict }} {{ dict 1 2 }} {{ get .m \"a\" }} {{ get .m \"zz\" }} {{ hasKey .m \"a\" }} {{ hasKey .m \"z\" }} {{ keys .m | sortAlpha }} {{ values .o.b | len }}",
            d.clone(),
        ),
        go(
            "{{ pick .m \"a\" \"b\" \"zz\" }} {{ omit .m \"a\" \"e\" }} {{ pluck \"a\" .m .o (dict \"a\" 5) }} {{ dig \"b\" \"c\" \"dflt\" .m }} {{ dig \"b\" \"zz\" \"dflt\" .m }} {{ dig \"zz\" \"y\" 0 .m }}",
            d.clone(),
        ),
        go(
            "{{ $d := dict \"a\" 1 }}{{ $_ := set $d \"b\" 2 }}{{ $_ := unset $d \"a\" }}{{ $d }} {{ set (dict) \"k\" \"v\" }}",
            d.clone(),
        ),
        go("{{ $m := deepCopy .m }}{{ $o := deepCopy .o }}{{ merge $m $o }}|{{ $m }}", d.clone()),
        go("{{ $m := deepCopy .m }}{{ $o := deepCopy .o }}{{ mergeOverwrite $m $o }}|{{ $m }}", d.clone()),
        go(
            "{{ $m := deepCopy .m }}{{ $o := deepCopy .o }}{{ mustMergeOverwrite $o $m }}|{{ toJson $o }}",
            d.clone(),
        ),
        go("{{ merge dict .m .o | toJson }} {{ mergeOverwrite (dict) .o .m | toJson }}", d.clone()),
        go(
            "{{ $a := dict \"x\" (dict \"y\" 1) }}{{ $b := dict \"x\" (dict \"z\" 2) }}{{ $c := mergeOverwrite $a $b }}{{ toJson $a }} {{ toJson $c }}",
            d.clone(),
        ),
        go(
            "{{ $a := dict \"x\" (dict) }}{{ $b := dict \"x\" (dict \"z\" 2) \"l\" (list) }}{{ $_ := merge $a $b }}{{ toJson $a }}{{ $_ := set $b.x \"w\" 1 }} {{ toJson $a }}",
            d.clone(),
        ),
        go(
            "{{ mergeOverwrite (dict \"a\" (list 1 2)) (dict \"a\" (list 3)) | toJson }} {{ merge (dict \"a\" (list 1 2)) (dict \"a\" (list 3)) | toJson }} {{ merge (dict \"a\" (list)) (dict \"a\" (list 3)) | toJson }}",
            d.clone(),
        ),
        go(
            "{{ mergeOverwrite (dict \"a\" 1 \"b\" (dict \"c\" 1)) (dict \"a\" .n \"b\" .n) | toJson }} {{ merge (dict \"a\" \"x\") (dict \"a\" (dict \"b\" 1)) | toJson }} {{ mergeOverwrite (dict \"a\" \"x\") (dict \"a\" (dict \"b\" 1)) | toJson }}",
            d.clone(),
        ),
        go(
            "{{ default \"d\" .n }} {{ default \"d\" \"\" }} {{ default \"d\" 0 }} {{ default \"d\" .empty }} {{ default \"d\" \"x\" }} {{ default \"d\" .missing }} {{ .missing | default \"p\" }} {{ default \"d\" }}",
            d.clone(),
        ),
        go(
            "{{ empty .n }} {{ empty 0 }} {{ empty \"\" }} {{ empty .empty }} {{ empty .m }} {{ empty false }} {{ coalesce .n \"\" 0 \"x\" }} {{ coalesce .n }} {{ all 1 \"a\" }} {{ all 1 0 }} {{ any 0 \"\" }} {{ any 0 1 }}",
            d.clone(),
        ),
        go(
            "{{ ternary \"y\" \"n\" true }} {{ ternary \"y\" \"n\" false }} {{ typeOf 1 }} {{ typeOf 1.5 }} {{ typeOf .l }} {{ typeOf .m }} {{ kindOf .l }} {{ kindOf .m }} {{ kindIs \"string\" \"x\" }} {{ typeIs \"float64\" 1.5 }} {{ deepEqual .l .l }}",
            d.clone(),
        ),
        go("{{ first \"x\" }}", d.clone()),
        go("{{ ternary 1 2 \"x\" }}", d.clone()),
        go("{{ get \"x\" \"y\" }}", d.clone()),
    ]);
}

#[test]
fn sprig_math() {
    let d = json!({"f": 2.7, "i": 10, "s": "5", "n": null});
    check(vec![
        go(
            "{{ add 1 2 }} {{ add .f .i }} {{ add .s 1 }} {{ add .n 1 }} {{ add1 .f }} {{ sub .i 3 }} {{ mul 2 .f 3 }} {{ div .i 3 }} {{ mod .i 3 }} {{ max 1 .f 5 }} {{ min 3 .f }} {{ add \"1.0\" 1 }} {{ add \"x\" 1 }}",
            d.clone(),
        ),
        go(
            "{{ int .f }} {{ int64 .s }} {{ int \"0x10\" }} {{ int \"010\" }} {{ float64 .s }} {{ float64 1 }} {{ int true }} {{ int \"1.0\" }} {{ int \"1.5\" }}",
            d.clone(),
        ),
        go(
            "{{ ceil .f }} {{ floor .f }} {{ round 2.456 2 }} {{ round 2.5 0 }} {{ addf 1.1 2.2 }} {{ subf 5 1.5 }} {{ mulf 1.5 2 }} {{ divf 1 4 }} {{ maxf 1 2.5 }} {{ minf 1 2.5 }}",
            d.clone(),
        ),
        go("{{ eq (add 1 1) 2 }} {{ len (list 1 2) | eq 2 }}", d.clone()),
        go(
            "{{ add 1 1 | printf \"%T %d %v\" }} {{ typeOf (int64 3) }} {{ kindOf (mul 2 3) }} {{ typeOf (int 3) }} {{ typeOf (len .s) }} {{ typeOf (max 1 2) }} {{ add 1 1 | toJson }} {{ list (sub 5 2) | toYaml }}",
            d.clone(),
        ),
        go(
            "{{ eq (add 1 1) 2 }} {{ lt (add 1 1) 3 }} {{ index (list 1 2 3) (add 1 1) }} {{ has 2 (list (add 1 1)) }} {{ range (add 1 2) }}{{ typeOf . }}{{ end }} {{ len (list 1 2) | add 1 | typeOf }}",
            d.clone(),
        ),
        go("{{ indent (add 1 1) \"x\" }}", d.clone()),
        go("{{ until (add 1 1) }}", d.clone()),
        go("{{ div 1 0 }}", d.clone()),
    ]);
}

#[test]
fn helm_functions() {
    let d = json!({"Values": {"name": "x", "empty": "", "n": null, "tplText": "{{ .Values.name }}-{{ .Values.missing }}"}, "s": "v"});
    check(vec![
        helm(
            "{{ define \"lbl\" }}app: {{ .Values.name }}\nv: \"1\"{{ end }}{{ include \"lbl\" . | nindent 2 }}|{{ include \"lbl\" . | fromYaml | toJson }}",
            d.clone(),
        ),
        helm(
            "{{ tpl .Values.tplText . }}|{{ tpl \"{{ define \\\"inner\\\" }}I{{ end }}{{ include \\\"inner\\\" . }}\" . }}|{{ tpl \"{{ .s }}\" . }}",
            d.clone(),
        ),
        helm("{{ required \"need name\" .Values.name }}", d.clone()),
        helm("{{ required \"need empty\" .Values.empty }}", d.clone()),
        helm("{{ required \"need n\" .Values.n }}", d.clone()),
        helm("{{ required \"need missing\" .Values.missing }}", d.clone()),
        helm("{{ fail \"failed here\" }}", d.clone()),
        helm(
            "{{ lookup \"v1\" \"Pod\" \"ns\" \"name\" }}|{{ (lookup \"v1\" \"Pod\" \"ns\" \"name\").items }}",
            d.clone(),
        ),
        helm("{{ include \"nope\" . }}", d.clone()),
        helm("{{ define \"a\" }}{{ .Values.missing.x }}{{ end }}{{ include \"a\" . }}", d.clone()),
        helm("{{ tpl \"{{ .bad\" . }}", d.clone()),
    ]);
}

#[test]
fn deep_recursion() {
    let d = json!({"n": 1});
    check(vec![
        go(
            "{{ define \"down\" }}{{ if gt . 0 }}{{ include \"down\" (sub . 1) }}{{ end }}{{ . }}{{ end }}{{ include \"down\" 90 | len }}",
            d.clone(),
        ),
        go(
            "{{ define \"t\" }}{{ if gt . 0 }}{{ template \"t\" (sub . 1) }}{{ end }}.{{ end }}{{ template \"t\" 95 }}",
            d.clone(),
        ),
    ]);
}

#[test]
fn public_marshal_functions() {
    let d =
        json!({"b": [1, 1.5, 1e21, "x: y", "multi\nline"], "a": {"<html>": "&", "n": null}, "big": 1000000});
    let want = run_oracle(&[
        go("{{ toYaml . }}", d.clone()),
        go("{{ toJson . }}", d.clone()),
        go("{{ toPrettyJson . }}", d.clone()),
    ]);
    assert_eq!(gotemplate::to_yaml(&d).unwrap(), format!("{}\n", want[0].as_ref().unwrap()));
    assert_eq!(&gotemplate::to_json(&d), want[1].as_ref().unwrap());
    assert_eq!(&gotemplate::to_json_indent(&d, "  "), want[2].as_ref().unwrap());
    assert!(gotemplate::to_yaml(&json!({"k": "del\u{7f}"})).is_err());
}

/// Past the depth limit (100 nested templates) execution stops with an error instead of
/// overflowing the stack of a 2 MiB test thread.
#[test]
fn runaway_recursion_is_an_error() {
    let mut t = Templates::new();
    t.parse("r", r#"{{ define "loop" }}{{ include "loop" . }}{{ end }}{{ include "loop" 1 }}"#).unwrap();
    let err = t.execute("r", &Value::Null).unwrap_err().to_string();
    assert!(err.contains("exceeded maximum template depth (100)"), "{err}");
    t.parse("s", r#"{{ define "self" }}{{ template "self" . }}{{ end }}{{ template "self" 1 }}"#).unwrap();
    let err = t.execute("s", &Value::Null).unwrap_err().to_string();
    assert!(err.contains("exceeded maximum template depth (100)"), "{err}");
}
