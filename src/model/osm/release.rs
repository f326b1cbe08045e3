//! The release record, in Helm's format, so that Helm and osm see the same installs:
//! `helm list`, `helm get values` and `helm uninstall` work on a mesh osm installed, and osm
//! lists, upgrades and removes meshes the Go CLI (which drives Helm's library) or Helm installed.
//!
//! Facts from helm/helm v3.21.4:
//! - `pkg/storage/storage.go` (`makeKey`): one record per revision, `sh.helm.release.v1.<name>.v<N>`.
//! - `pkg/storage/driver/secrets.go`: each a Secret of type `helm.sh/release.v1`, labels `name`,
//!   `owner=helm`, `status`, `version`, plus `createdAt`/`modifiedAt` (Unix seconds), and the
//!   release under data key `release`.
//! - `pkg/storage/driver/util.go`: that value is base64 (standard alphabet) of the gzipped JSON
//!   release (BestCompression); a value without the gzip magic bytes is plain JSON.
//! - `pkg/release/{release,info,status}.go`, `pkg/chart/{chart,metadata}.go`: the JSON fields.
//! - `pkg/releaseutil/manifest.go`: a manifest is YAML documents separated by `---` lines.
//!
//! The record never holds a credential: the values leave them out, and where the chart copied
//! one into an object (a pod argument, the fluent-bit Secret) the manifest shows
//! `<hidden: KEY>` instead.

use std::io::{Read, Write};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde_json::{Value, json};

use crate::error::{Error, Result};
use crate::model::input::Remedy;

/// The Secret type of Helm 3's release records.
pub const SECRET_TYPE: &str = "helm.sh/release.v1";
/// The label every Helm release record carries, and its value.
pub const OWNER_LABEL: &str = "owner";
pub const OWNER: &str = "helm";
/// The release's name, on each of its records.
pub const NAME_LABEL: &str = "name";

/// Helm's release states (`pkg/release/status.go`).
pub mod status {
    pub const DEPLOYED: &str = "deployed";
    pub const SUPERSEDED: &str = "superseded";
    pub const FAILED: &str = "failed";
    pub const PENDING_INSTALL: &str = "pending-install";
    pub const PENDING_UPGRADE: &str = "pending-upgrade";
    pub const UNINSTALLED: &str = "uninstalled";
}

/// Helm's key for a revision's record (`sh.helm.release.v1.<name>.v<N>`, `makeKey`): Helm and osm
/// find and overwrite each other's records by it.
pub fn secret_name(name: &str, revision: u32) -> String {
    format!("sh.helm.release.v1.{name}.v{revision}")
}

/// Selects every revision's record of release `name` by the labels Helm's secrets driver sets,
/// whichever tool wrote it.
pub fn selector(name: &str) -> String {
    format!("{OWNER_LABEL}={OWNER},{NAME_LABEL}={name}")
}

/// One revision of a release. The JSON is kept whole, so that rewriting a record Helm wrote
/// (to mark it superseded) keeps every field osm does not model.
#[derive(Debug, Clone, PartialEq)]
pub struct Release {
    raw: Value,
}

/// What a new revision is made of.
pub struct NewRelease<'a> {
    pub name: &'a str,
    pub namespace: &'a str,
    pub revision: u32,
    pub status: &'a str,
    pub description: &'a str,
    /// When revision 1 was deployed (RFC 3339), for revisions after the first.
    pub first_deployed: Option<String>,
    /// When this revision is written (RFC 3339, see [`now`]); none for a record only shown,
    /// so that a dry run prints the same bytes each time.
    pub deployed_at: Option<String>,
    pub chart_version: &'a str,
    pub app_version: &'a str,
    /// The chart's own values.yaml, which `helm get values --all` merges under `config`.
    pub chart_values: &'a Value,
    /// The values the user gave (Helm's `config`), credentials removed.
    pub config: &'a Value,
    pub manifest: String,
}

impl Release {
    /// A revision in Helm's JSON shape, so Helm reads it as its own (the chart's templates are not
    /// stored). Without `deployed_at` its times stay empty: a dry run prints the same bytes each time.
    pub fn new(new: NewRelease) -> Release {
        let now = new.deployed_at.unwrap_or_default();
        let raw = json!({
            "name": new.name,
            "info": {
                "first_deployed": new.first_deployed.unwrap_or_else(|| now.clone()),
                "last_deployed": now,
                "deleted": "",
                "description": new.description,
                "status": new.status,
            },
            "chart": {
                "metadata": {
                    "name": "osm",
                    "version": new.chart_version,
                    "appVersion": new.app_version,
                    "apiVersion": "v2",
                    "description": "A Helm chart to install the OSM control plane on Kubernetes.",
                    "home": "https://github.com/openservicemesh/osm",
                    "type": "application",
                },
                "lock": null,
                "templates": [],
                "values": new.chart_values,
                "schema": null,
                "files": [],
            },
            "config": new.config,
            "manifest": new.manifest,
            "version": new.revision,
            "namespace": new.namespace,
        });
        Release { raw }
    }

    /// Reads a release record from a Secret as the API returns it (`data` base64-encoded).
    pub fn from_secret(secret: &Value) -> Result<Release> {
        let name = secret["metadata"]["name"].as_str().unwrap_or("?");
        let damaged = |why: String| {
            Error::failed(format!("the Helm release record {name} cannot be read: {why}"))
                .with_hint(Remedy::InspectReleaseSecret { name: name.to_string() })
        };
        if secret["type"] != SECRET_TYPE {
            return Err(damaged(format!("its type is {}, not {SECRET_TYPE}", secret["type"])));
        }
        let field =
            secret["data"]["release"].as_str().ok_or_else(|| damaged("it has no data.release".into()))?;
        let encoded =
            BASE64.decode(field).map_err(|e| damaged(format!("data.release is not base64: {e}")))?;
        let encoded = String::from_utf8(encoded).map_err(|e| damaged(e.to_string()))?;
        Release::decode(&encoded).map_err(|e| damaged(e.message))
    }

    /// Helm's storage encoding: base64 of gzipped JSON (plain JSON is accepted too, as Helm does).
    pub fn decode(text: &str) -> Result<Release> {
        let bytes = BASE64
            .decode(text.trim())
            .map_err(|e| Error::failed(format!("the release is not base64: {e}")))?;
        let json = if bytes.starts_with(&[0x1f, 0x8b, 0x08]) {
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(bytes.as_slice())
                .read_to_end(&mut out)
                .map_err(|e| Error::failed(format!("the release does not gunzip: {e}")))?;
            out
        } else {
            bytes
        };
        let raw: Value = serde_json::from_slice(&json)
            .map_err(|e| Error::failed(format!("the release is not JSON: {e}")))?;
        if !raw.is_object() || raw["name"].as_str().is_none() {
            return Err(Error::failed("the release has no name"));
        }
        Ok(Release { raw })
    }

    /// Helm's storage encoding (base64 of gzipped JSON, best compression), the inverse of
    /// [`Release::decode`]; [`Release::to_secret`] base64-encodes it once more as Secret data.
    pub fn encode(&self) -> String {
        let json = serde_json::to_vec(&self.raw).expect("a release serializes");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&json).expect("gzip into memory");
        BASE64.encode(gz.finish().expect("gzip into memory"))
    }

    /// The Secret that stores this revision, as Helm's secrets driver writes it (its
    /// `createdAt`/`modifiedAt` labels from the revision's time, when it has one).
    pub fn to_secret(&self) -> Value {
        let mut secret = json!({
            "apiVersion": "v1",
            "kind": "Secret",
            "metadata": {
                "name": secret_name(self.name(), self.revision()),
                "namespace": self.namespace(),
                "labels": {
                    NAME_LABEL: self.name(),
                    OWNER_LABEL: OWNER,
                    "status": self.status(),
                    "version": self.revision().to_string(),
                },
            },
            "type": SECRET_TYPE,
            "data": {"release": BASE64.encode(self.encode())},
        });
        let written = self.raw["info"]["last_deployed"]
            .as_str()
            .and_then(|t| t.parse::<k8s_openapi::jiff::Timestamp>().ok());
        if let Some(at) = written {
            let seconds = at.as_second().to_string();
            secret["metadata"]["labels"]["createdAt"] = json!(seconds);
            secret["metadata"]["labels"]["modifiedAt"] = json!(seconds);
        }
        secret
    }

    /// The release name: for OSM's releases the mesh name, as the Go CLI and osm name them.
    pub fn name(&self) -> &str {
        self.raw["name"].as_str().unwrap_or_default()
    }

    /// Where the revision's record Secret lives: the control-plane namespace for OSM's releases.
    pub fn namespace(&self) -> &str {
        self.raw["namespace"].as_str().unwrap_or_default()
    }

    /// Helm's `version` field; 0 when missing or out of range, which sorts such a record below every
    /// real revision.
    pub fn revision(&self) -> u32 {
        self.raw["version"].as_u64().and_then(|v| u32::try_from(v).ok()).unwrap_or(0)
    }

    /// One of the [`status`] states as Helm wrote it; `unknown` when the record has none.
    pub fn status(&self) -> &str {
        self.raw["info"]["status"].as_str().unwrap_or("unknown")
    }

    /// When revision 1 was deployed, carried into each later revision as Helm does; an empty time
    /// counts as `None`.
    pub fn first_deployed(&self) -> Option<String> {
        self.raw["info"]["first_deployed"].as_str().filter(|s| !s.is_empty()).map(str::to_string)
    }

    /// The chart's name, as `helm list` shows it with its version (`osm-1.2.4`).
    pub fn chart_name(&self) -> &str {
        self.raw["chart"]["metadata"]["name"].as_str().unwrap_or_default()
    }

    /// The version of what the release runs: the chart's appVersion, else its version.
    pub fn app_version(&self) -> String {
        let meta = &self.raw["chart"]["metadata"];
        meta["appVersion"].as_str().or(meta["version"].as_str()).unwrap_or_default().to_string()
    }

    /// The values the user gave (`helm get values`); an empty object when there were none.
    pub fn config(&self) -> Value {
        match &self.raw["config"] {
            Value::Object(_) => self.raw["config"].clone(),
            _ => json!({}),
        }
    }

    /// The YAML of every object the revision applied, hooks excluded ([`Release::hook_manifests`]):
    /// what an upgrade compares with and an uninstall removes (with the hooks' objects). Empty when
    /// missing.
    pub fn manifest(&self) -> &str {
        self.raw["manifest"].as_str().unwrap_or_default()
    }

    /// The manifests of the release's hooks (the Go CLI's pre-install check, its cleanup Job):
    /// a failed hook leaves its objects behind.
    pub fn hook_manifests(&self) -> Vec<&str> {
        self.raw["hooks"].as_array().into_iter().flatten().filter_map(|h| h["manifest"].as_str()).collect()
    }

    /// Sets the state and its description, as Helm's `SetStatus` does; a move to `deployed` also
    /// stamps `last_deployed` with the current time.
    pub fn set_status(&mut self, status: &str, description: &str) {
        self.raw["info"]["status"] = json!(status);
        self.raw["info"]["description"] = json!(description);
        if status == status::DEPLOYED {
            self.raw["info"]["last_deployed"] = json!(now());
        }
    }
}

/// The current time as Helm writes it in a release (RFC 3339).
pub fn now() -> String {
    k8s_openapi::jiff::Timestamp::now().to_string()
}

/// `obj` with the label and annotations Helm puts on every object it applies, the stored manifest
/// keeping none of them (helm v3.21.4 pkg/action/validate.go:34-37 and 140, called from
/// install.go:341 and upgrade.go:328; the same in v4.3.2 validate.go:35-38 and 212). Helm 4 deletes
/// only objects carrying them (v4.3.2 pkg/action/validate.go:123-190, uninstall.go:356), so
/// without them `helm uninstall` of an osm install would leave every object in place.
pub fn owned_by_release(obj: &Value, release: &str, namespace: &str) -> Value {
    let mut obj = obj.clone();
    let Some(metadata) = obj.get_mut("metadata").and_then(Value::as_object_mut) else { return obj };
    for (key, entries) in [
        ("labels", vec![("app.kubernetes.io/managed-by", "Helm")]),
        (
            "annotations",
            vec![("meta.helm.sh/release-name", release), ("meta.helm.sh/release-namespace", namespace)],
        ),
    ] {
        let map = metadata.entry(key).or_insert_with(|| json!({}));
        if !map.is_object() {
            *map = json!({});
        }
        for (k, v) in entries {
            map[k] = json!(v);
        }
    }
    obj
}

/// The manifest of `objects`: YAML documents, each after a `---` line, as Helm stores them.
pub fn manifest_of(objects: &[Value]) -> Result<String> {
    let mut text = String::new();
    for obj in objects {
        let yaml =
            serde_saphyr::to_string(obj).map_err(|e| Error::failed(format!("cannot encode YAML: {e}")))?;
        text.push_str("---\n");
        text.push_str(&yaml);
        if !text.ends_with('\n') {
            text.push('\n');
        }
    }
    Ok(text)
}

/// The objects of a manifest. Helm splits on lines that start with `---`
/// (`releaseutil.SplitManifests`); documents with only comments are skipped.
pub fn objects_of(manifest: &str) -> Result<Vec<Value>> {
    let mut docs: Vec<String> = vec![String::new()];
    for line in manifest.lines() {
        if line.starts_with("---") {
            docs.push(String::new());
        } else {
            let doc = docs.last_mut().expect("one document at least");
            doc.push_str(line);
            doc.push('\n');
        }
    }
    let mut objects = Vec::new();
    for doc in docs {
        let has_content = doc.lines().any(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
        if !has_content {
            continue;
        }
        let obj: Value = serde_saphyr::from_str(&doc)
            .map_err(|e| Error::failed(format!("a document of the release's manifest is not YAML: {e}")))?;
        if obj["kind"].is_string() && obj["metadata"]["name"].is_string() {
            objects.push(obj);
        }
    }
    Ok(objects)
}

/// The newest revision among `releases` (all of one name).
pub fn latest(releases: &[Release]) -> Option<&Release> {
    releases.iter().max_by_key(|r| r.revision())
}

/// The revision a mesh runs: the newest deployed one, else the newest of any state (a failed
/// install, a pending one whose CLI was killed).
pub fn current(releases: &[Release]) -> Option<&Release> {
    releases
        .iter()
        .filter(|r| r.status() == status::DEPLOYED)
        .max_by_key(|r| r.revision())
        .or(latest(releases))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(revision: u32, status: &str) -> Release {
        Release::new(NewRelease {
            name: "osm",
            namespace: "osm-system",
            revision,
            status,
            description: "Install complete",
            first_deployed: None,
            deployed_at: Some(now()),
            chart_version: "1.2.4",
            app_version: "v1.2.4",
            chart_values: &json!({"osm": {"meshName": "osm"}}),
            config: &json!({"osm": {"enablePermissiveTrafficPolicy": true}}),
            manifest: manifest_of(&[json!({"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "osm", "namespace": "osm-system"}})]).unwrap(),
        })
    }

    #[test]
    fn a_secret_round_trips_through_helm_encoding() {
        let release = sample(3, status::DEPLOYED);
        let secret = release.to_secret();
        assert_eq!(secret["metadata"]["name"], "sh.helm.release.v1.osm.v3");
        assert_eq!(secret["metadata"]["labels"]["owner"], "helm");
        assert_eq!(secret["metadata"]["labels"]["version"], "3");
        assert_eq!(secret["type"], SECRET_TYPE);
        // data.release is base64 of Helm's own string, which is base64 of gzip.
        let inner =
            String::from_utf8(BASE64.decode(secret["data"]["release"].as_str().unwrap()).unwrap()).unwrap();
        assert!(BASE64.decode(&inner).unwrap().starts_with(&[0x1f, 0x8b, 0x08]));
        let back = Release::from_secret(&secret).unwrap();
        assert_eq!(back, release);
        assert_eq!(back.config()["osm"]["enablePermissiveTrafficPolicy"], true);
    }

    #[test]
    fn plain_json_is_read_as_helm_reads_it() {
        let text = BASE64.encode(br#"{"name":"m","version":2,"info":{"status":"failed"}}"#);
        let release = Release::decode(&text).unwrap();
        assert_eq!((release.name(), release.revision(), release.status()), ("m", 2, "failed"));
        assert_eq!(release.config(), json!({}));
    }

    #[test]
    fn damaged_records_are_named() {
        let secret = json!({"metadata": {"name": "sh.helm.release.v1.m.v1"}, "type": SECRET_TYPE, "data": {"release": "!!"}});
        let err = Release::from_secret(&secret).unwrap_err();
        assert!(err.message.contains("sh.helm.release.v1.m.v1"), "{}", err.message);
    }

    #[test]
    fn objects_carry_helms_ownership_metadata_beside_their_own() {
        let obj = json!({"kind": "ServiceAccount", "metadata": {"name": "osm", "labels": {"app": "osm"}}});
        let owned = owned_by_release(&obj, "osm", "osm-system");
        assert_eq!(
            owned["metadata"],
            json!({
                "name": "osm",
                "labels": {"app": "osm", "app.kubernetes.io/managed-by": "Helm"},
                "annotations": {"meta.helm.sh/release-name": "osm", "meta.helm.sh/release-namespace": "osm-system"},
            })
        );
    }

    #[test]
    fn manifests_split_as_helm_splits_them() {
        let manifest = "---\n# Source: osm/templates/a.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n# Source: empty.yaml\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: b\n";
        let objects = objects_of(manifest).unwrap();
        let names: Vec<&str> = objects.iter().map(|o| o["metadata"]["name"].as_str().unwrap()).collect();
        assert_eq!(names, ["a", "b"]);
        assert_eq!(objects_of(&manifest_of(&objects).unwrap()).unwrap(), objects);
    }

    #[test]
    fn the_current_revision_is_the_newest_deployed() {
        let releases =
            vec![sample(1, status::SUPERSEDED), sample(2, status::DEPLOYED), sample(3, status::FAILED)];
        assert_eq!(current(&releases).unwrap().revision(), 2);
        assert_eq!(latest(&releases).unwrap().revision(), 3);
        let failed = vec![sample(1, status::FAILED)];
        assert_eq!(current(&failed).unwrap().revision(), 1);
    }
}
