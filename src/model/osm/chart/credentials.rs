//! Where the chart copies a credential into an object, by position: the value after
//! `--vault-token` in a Deployment's container arguments, and the `Shared_Key` line of
//! fluent-bit's configuration. The release record's manifest shows a mask there instead, so that
//! the record holds no credential. Nothing is searched by text: a value that happens to equal a
//! credential elsewhere (a flag name, a Secret's key name) stays as the chart wrote it.
//!
//! Positions, from openservicemesh/osm v1.2.4 `charts/osm/templates/`:
//! - `osm-deployment.yaml:71`, `osm-injector-deployment.yaml:67`,
//!   `osm-bootstrap-deployment.yaml:58`: `"--vault-token", "{{ .Values.osm.vault.token }}"`;
//! - `fluentbit-configmap.yaml:32`: `Shared_Key {{ .Values.osm.fluentBit.primaryKey }}`.

use serde_json::Value;

/// The value key of the Vault token, and the container argument the chart puts it after.
pub const VAULT_TOKEN: &str = "osm.vault.token";
const VAULT_TOKEN_FLAG: &str = "--vault-token";
/// The value key of fluent-bit's Azure shared key, and the configuration line that holds it.
pub const FLUENT_BIT_KEY: &str = "osm.fluentBit.primaryKey";
const SHARED_KEY_DIRECTIVE: &str = "Shared_Key";
/// The ConfigMap and the data key of fluent-bit's configuration (`fluentbit-configmap.yaml`).
const FLUENT_BIT_CONFIG_MAP: &str = "fluentbit-configmap";
const FLUENT_BIT_CONF: &str = "fluent-bit.conf";

/// The mask left where a credential was: names the value key, never the value.
pub fn mask(path: &str) -> String {
    format!("<hidden: {path}>")
}

/// Replaces every credential the chart placed in `objects` by [`mask`]; returns the value keys
/// hidden, sorted, once each.
pub fn hide(objects: &mut [Value]) -> Vec<String> {
    let mut hidden = Vec::new();
    for object in objects.iter_mut() {
        match object["kind"].as_str() {
            Some("Deployment") => hide_vault_token(object, &mut hidden),
            Some("ConfigMap") if object["metadata"]["name"] == FLUENT_BIT_CONFIG_MAP => {
                hide_shared_key(object, &mut hidden)
            }
            _ => {}
        }
    }
    hidden.sort();
    hidden.dedup();
    hidden
}

fn hide_vault_token(deployment: &mut Value, hidden: &mut Vec<String>) {
    let Some(containers) =
        deployment.pointer_mut("/spec/template/spec/containers").and_then(Value::as_array_mut)
    else {
        return;
    };
    for container in containers {
        let Some(args) = container.get_mut("args").and_then(Value::as_array_mut) else { continue };
        let mut after_flag = false;
        for arg in args.iter_mut() {
            if after_flag && arg.as_str().is_some_and(|s| !s.is_empty()) {
                *arg = Value::String(mask(VAULT_TOKEN));
                hidden.push(VAULT_TOKEN.into());
            }
            after_flag = arg.as_str() == Some(VAULT_TOKEN_FLAG);
        }
    }
}

fn hide_shared_key(config_map: &mut Value, hidden: &mut Vec<String>) {
    let Some(text) = config_map.pointer_mut(&format!("/data/{FLUENT_BIT_CONF}")) else { return };
    let Some(conf) = text.as_str() else { return };
    let mut changed = false;
    let lines: Vec<String> = conf
        .split('\n')
        .map(|line| {
            let body = line.trim_start();
            let indent = &line[..line.len() - body.len()];
            match body.strip_prefix(SHARED_KEY_DIRECTIVE).filter(|rest| rest.starts_with(' ')) {
                Some(rest) if !rest.trim().is_empty() => {
                    changed = true;
                    format!("{indent}{SHARED_KEY_DIRECTIVE} {}", mask(FLUENT_BIT_KEY))
                }
                _ => line.to_string(),
            }
        })
        .collect();
    if changed {
        *text = Value::String(lines.join("\n"));
        hidden.push(FLUENT_BIT_KEY.into());
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn the_token_is_hidden_where_the_chart_put_it_and_nowhere_else() {
        // A token equal to the Secret's key name, as in `osm.vault.secret.key=token`.
        let mut objects = vec![json!({
            "kind": "Deployment",
            "spec": {"template": {"spec": {"containers": [{"name": "osm-injector", "args": [
                "--vault-host", "vault.example",
                "--vault-token", "token",
                "--vault-token-secret-name", "vault-token",
                "--vault-token-secret-key", "token",
            ]}]}}},
        })];
        assert_eq!(hide(&mut objects), vec![VAULT_TOKEN.to_string()]);
        assert_eq!(
            objects[0]["spec"]["template"]["spec"]["containers"][0]["args"],
            json!([
                "--vault-host",
                "vault.example",
                "--vault-token",
                "<hidden: osm.vault.token>",
                "--vault-token-secret-name",
                "vault-token",
                "--vault-token-secret-key",
                "token",
            ])
        );
    }

    #[test]
    fn an_empty_token_and_other_objects_are_left_alone() {
        let mut objects = vec![
            json!({"kind": "Deployment", "spec": {"template": {"spec": {"containers": [
                {"name": "c", "args": ["--vault-token", "", "--vault-token-secret-name", "s"]}]}}}}),
            json!({"kind": "Secret", "data": {"token": "dG9rZW4="}}),
        ];
        let before = objects.clone();
        assert!(hide(&mut objects).is_empty());
        assert_eq!(objects, before);
    }

    #[test]
    fn the_shared_key_line_is_hidden() {
        let conf = "[OUTPUT]\n  Name    azure\n  Match   *\n  Customer_ID ws-1\n  Shared_Key Zm9vYmFy";
        let mut objects = vec![
            json!({"kind": "ConfigMap", "metadata": {"name": "fluentbit-configmap"}, "data": {"fluent-bit.conf": conf}}),
            json!({"kind": "ConfigMap", "metadata": {"name": "other"}, "data": {"fluent-bit.conf": conf}}),
        ];
        assert_eq!(hide(&mut objects), vec![FLUENT_BIT_KEY.to_string()]);
        assert_eq!(
            objects[0]["data"]["fluent-bit.conf"],
            "[OUTPUT]\n  Name    azure\n  Match   *\n  Customer_ID ws-1\n  Shared_Key <hidden: osm.fluentBit.primaryKey>"
        );
        assert_eq!(objects[1]["data"]["fluent-bit.conf"], conf, "only the chart's fluent-bit ConfigMap");
    }
}
