//! Chart errors worded as Helm words them: each chart under testdata/helm-errors fails, and
//! `<chart>.stderr` is what the real `helm template rel ./<chart>` (v3.21.4) printed
//! ("Error: " and the message, engine.go cleanupParseError/cleanupExecError).

use std::path::Path;

use gotemplate::{Chart, RenderOptions, coalesce_values, render_chart};
use serde_json::Value;

fn case(name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/helm-errors");
    let chart_dir = dir.join(name);
    let mut files = Vec::new();
    for sub in ["", "templates/"] {
        for entry in std::fs::read_dir(chart_dir.join(sub)).unwrap() {
            let p = entry.unwrap().path();
            if p.is_file() {
                let rel = format!("{sub}{}", p.file_name().unwrap().to_string_lossy());
                files.push((rel, std::fs::read_to_string(&p).unwrap()));
            }
        }
    }
    let defaults: Value =
        serde_saphyr::from_str(&std::fs::read_to_string(chart_dir.join("values.yaml")).unwrap()).unwrap();
    let values = coalesce_values(&defaults, &Value::Object(Default::default()));
    let opts = RenderOptions { release_name: "rel".into(), ..Default::default() };
    let err = render_chart(&Chart { files }, &values, &opts).unwrap_err().to_string();
    let stderr = std::fs::read_to_string(dir.join(format!("{name}.stderr"))).unwrap();
    let want = stderr.lines().next().unwrap().strip_prefix("Error: ").unwrap();
    assert_eq!(err, want);
}

#[test]
fn fail_in_an_included_template() {
    case("fail");
}

#[test]
fn required_value_missing() {
    case("required");
}

#[test]
fn unclosed_action() {
    case("parse");
}

#[test]
fn error_inside_tpl() {
    case("tpl");
}

#[test]
fn nil_pointer() {
    case("nilpointer");
}
