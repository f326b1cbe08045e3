//! What `osm support bug-report` hides before anything reaches the archive: values under keys
//! that name credentials (`token`, `password`, `secret`, `apiKey`, ...), environment variables
//! with such names, and anything that looks like a credential wherever it appears (JWTs,
//! private-key PEM blocks, `Bearer ...`, `token=...`, long random-looking strings). Secrets
//! themselves are never collected; this covers credentials that leak into other objects and logs.

use std::sync::LazyLock;

use regex::{Captures, Regex};
use serde_json::Value;

/// What replaces a hidden value.
pub const REDACTED: &str = "<redacted>";

/// Key names whose string values are credentials (compared lower-case, without `-`/`_`).
const SECRET_WORDS: &[&str] = &[
    "token",
    "password",
    "passwd",
    "secret",
    "apikey",
    "accesskey",
    "credential",
    "privatekey",
    "authorization",
];

/// Key endings that name or point at a credential rather than hold it (`secretName`,
/// `tokenSecretRef`, `passwordFile`): their values stay.
const REFERENCE_ENDINGS: &[&str] = &["name", "ref", "path", "file", "namespace", "kind", "key"];

/// Whether a key (or environment variable name) holds a credential.
pub fn is_secret_key(key: &str) -> bool {
    let folded: String =
        key.chars().filter(|c| *c != '-' && *c != '_' && *c != '.').collect::<String>().to_lowercase();
    let word = SECRET_WORDS.iter().any(|w| folded.contains(w));
    // `privatekey` ends with `key` and still holds one.
    let reference = REFERENCE_ENDINGS.iter().any(|e| folded.ends_with(e))
        && !folded.ends_with("privatekey")
        && !folded.ends_with("apikey")
        && !folded.ends_with("accesskey");
    word && !reference
}

static JWT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"eyJ[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{6,}").expect("static regex")
});
static PEM_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----")
        .expect("static regex")
});
/// `token=...`, `password: ...`, `Authorization: Bearer ...`, `"apiKey":"..."`.
static KEYED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i)((?:bearer|basic)\s+|(?:token|password|passwd|secret|api[_-]?key|access[_-]?key|client[_-]?secret)["']?\s*[:=]\s*["']?)([^\s"',;&}]{4,})"#,
    )
    .expect("static regex")
});
/// Long runs of token alphabet: judged by [`looks_random`].
static LONG_RUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[A-Za-z0-9+/_=-]{32,}").expect("static regex"));

/// A run of 32+ characters is taken for a credential when it mixes digits with letters the way
/// random strings do: hex of 32+ digits (unless an image digest `sha256:...` or a UID), or
/// base64 with upper case, lower case and digits.
fn looks_random(run: &str, before: &str) -> bool {
    if before.ends_with("sha256:") || before.ends_with("sha512:") {
        return false;
    }
    let digits = run.chars().filter(char::is_ascii_digit).count();
    let upper = run.chars().filter(char::is_ascii_uppercase).count();
    let lower = run.chars().filter(char::is_ascii_lowercase).count();
    let hex = run.chars().all(|c| c.is_ascii_hexdigit());
    if run.contains('/') && run.split('/').all(|part| part.len() < 32) {
        return false; // a path
    }
    (hex && digits >= 6 && run.len() >= 32) || (digits >= 3 && upper >= 3 && lower >= 3 && run.len() >= 32)
}

/// Hides credential-looking parts of free text (logs, config dumps).
pub fn text(input: &str) -> String {
    let out = PEM_KEY.replace_all(input, REDACTED);
    let out = JWT.replace_all(&out, REDACTED);
    let out = KEYED.replace_all(&out, |c: &Captures| format!("{}{REDACTED}", &c[1]));
    let mut result = String::with_capacity(out.len());
    let mut last = 0;
    for m in LONG_RUN.find_iter(&out) {
        result.push_str(&out[last..m.start()]);
        if looks_random(m.as_str(), &out[..m.start()]) {
            result.push_str(REDACTED);
        } else {
            result.push_str(m.as_str());
        }
        last = m.end();
    }
    result.push_str(&out[last..]);
    result
}

/// Hides credentials in an object: string values under credential keys, `{name, value}` pairs
/// (environment variables) with a credential name, and credential-looking text anywhere.
/// `managedFields` and the last-applied annotation (a copy of the object as text) are dropped.
pub fn value(node: &mut Value) {
    match node {
        Value::Object(map) => {
            map.remove("managedFields");
            if let Some(Value::Object(annotations)) = map.get_mut("annotations") {
                annotations.remove("kubectl.kubernetes.io/last-applied-configuration");
            }
            let env_like = map.get("name").and_then(Value::as_str).is_some_and(is_secret_key);
            for (key, child) in map.iter_mut() {
                let hide = is_secret_key(key) || (env_like && key == "value");
                match child {
                    Value::String(s) if hide && !s.is_empty() => *s = REDACTED.to_string(),
                    _ => value(child),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(value),
        Value::String(s) => {
            let hidden = text(s);
            if hidden != *s {
                *s = hidden;
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const TOKEN: &str = "9f2c4e7a1b8d3f6e0a5c9b2d7e4f1a8c3b6d9e2f5a7c";

    #[test]
    fn keys() {
        for key in
            ["token", "API_TOKEN", "dbPassword", "client-secret", "apiKey", "privateKey", "Authorization"]
        {
            assert!(is_secret_key(key), "{key}");
        }
        for key in ["secretName", "tokenSecretRef", "name", "image", "passwordFile", "secret.key"] {
            assert!(!is_secret_key(key), "{key}");
        }
    }

    #[test]
    fn text_rules() {
        assert_eq!(text(&format!("connecting with {TOKEN} now")), format!("connecting with {REDACTED} now"));
        assert_eq!(text("Authorization: Bearer abc.def-ghi"), format!("Authorization: Bearer {REDACTED}"));
        assert_eq!(text("url?token=s3cr3t&x=1"), format!("url?token={REDACTED}&x=1"));
        assert_eq!(text("\"password\": \"hunter22\""), format!("\"password\": \"{REDACTED}\""));
        let jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW0ifQ.c2lnbmF0dXJlLXZhbHVl";
        assert_eq!(text(&format!("jwt {jwt}")), format!("jwt {REDACTED}"));
        let pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----";
        assert_eq!(text(pem), REDACTED);
        // Left alone: image digests, paths, words, UIDs.
        let digest = "openservicemesh/osm-controller@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        assert_eq!(text(digest), digest);
        for plain in [
            "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt",
            "2b8f6a7e-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
            "osm-controller-7c9c5d8b7-2x6kq",
        ] {
            assert_eq!(text(plain), plain);
        }
    }

    #[test]
    fn objects() {
        let mut pod = json!({
            "metadata": {"annotations": {"example.com/token": TOKEN, "note": format!("key {TOKEN}"),
                "kubectl.kubernetes.io/last-applied-configuration": "{}"}, "managedFields": [{}]},
            "spec": {"containers": [{"name": "app", "env": [
                {"name": "API_TOKEN", "value": "short-but-secret"},
                {"name": "LOG_LEVEL", "value": "debug"}]}]}
        });
        value(&mut pod);
        let text = pod.to_string();
        assert!(!text.contains(TOKEN), "{text}");
        assert!(!text.contains("short-but-secret"), "{text}");
        assert!(text.contains("\"debug\""));
        assert!(pod["metadata"].get("managedFields").is_none());
        assert!(
            pod["metadata"]["annotations"].get("kubectl.kubernetes.io/last-applied-configuration").is_none()
        );
        assert_eq!(pod["spec"]["containers"][0]["name"], "app");
    }
}
