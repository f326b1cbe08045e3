use gotemplate::Templates;
use serde_json::json;

fn run(t: &str, data: serde_json::Value) -> String {
    let mut s = Templates::new();
    s.parse("t", t).unwrap_or_else(|e| panic!("parse {t:?}: {e}"));
    match s.execute("t", &data) {
        Ok(o) => o,
        Err(e) => format!("ERR: {e}"),
    }
}

#[test]
fn smoke() {
    let d = json!({"a": {"b": 1000000, "c": "x", "l": [1, 2, "three"], "m": {"k": "v", "z": true}}, "n": null, "s": "multi\nline\n"});
    for t in [
        "{{ .a.b }}|{{ .a.c }}|{{ .missing }}|{{ .missing.x }}|{{ .n }}",
        "{{- range $i, $v := .a.l }}[{{$i}}={{$v}}]{{ end -}}",
        "{{ range $k, $v := .a.m }}{{$k}}:{{$v}} {{ end }}",
        "{{ if and .a .missing }}yes{{ else if .a.c }}elif{{ else }}no{{ end }}",
        "{{ toYaml .a | nindent 2 }}",
        "{{ toJson .a }}",
        "{{ toPrettyJson .a }}",
        "{{ printf \"%s-%d-%v-%q-%5.2f\" \"x\" 3 .a.b \"q\" 3.14159 }}",
        "{{ $x := dict \"a\" 1 }}{{ $_ := set $x \"b\" 2 }}{{ $x }}",
        "{{ define \"foo\" }}foo{{ . }}{{ end }}{{ include \"foo\" 3 | quote }}{{ template \"foo\" 4 }}",
        "{{ toYaml .s }}",
        "{{ eq .a.b 1000000 }}",
        "{{ .n.x }}",
        "{{ 1000000.0 }} {{ 1e6 }} {{ 123456.0 }} {{ 0.00001 }} {{ 3 }}",
        "{{ .a.l | toYaml }}",
        "{{ tpl \"{{ .a.c }}-{{ .missing }}\" . }}",
    ] {
        println!("{t}\n=> {}\n", run(t, d.clone()));
    }
}
