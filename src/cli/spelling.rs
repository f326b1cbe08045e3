//! How the command line spells what the domain's messages point at: each [`Input`] as its flag and
//! each [`Remedy`] as the command that carries it out. The domain names settings and remedies by
//! meaning (`model::input`); the words a user types live here, beside the flags' definitions.

use std::fmt;

use crate::model::input::{Command, Input, Remedy};

impl fmt::Display for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Input::MinSuccessRate => "--min-success-rate",
            Input::MaxLatencyP99 => "--max-latency-p99",
            Input::MaxErrorDelta => "--max-error-delta",
            Input::MinRequests => "--min-requests",
            Input::FailureThreshold => "--failure-threshold",
            Input::CompareBaseline => "--compare-baseline",
            Input::QuerySuccessRate => "--query-success-rate",
            Input::QueryLatency => "--query-latency",
            Input::Backend => "--backend",
            Input::EqualWeights => "--equal",
            Input::AddBackend => "--add",
            Input::Step => "--step",
            Input::Until => "--until",
            Input::Percent => "--percent",
            Input::HeaderRegex => "--header-regex",
            Input::IstioApi => "--api istio",
            Input::GatewayApi => "--api gateway",
            Input::Set => "--set",
            Input::SetString => "--set-string",
            Input::ValuesFile => "-f/--values",
            Input::IstioOperatorFile => "-f",
            Input::MeshConfigFile => "--meshConfigFile",
            Input::Manifests => "--manifests (-d)",
            Input::Force => "--force",
            Input::Revision => "--revision",
            Input::Context => "--context",
            Input::EnforceSingleMesh => "--enforce-single-mesh",
            Input::OsmNamespace => "--osm-namespace",
            Input::MeshName => "--mesh-name",
            Input::ToService => "--to-service",
        })
    }
}

impl fmt::Display for Command {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Command::Install => "osm install",
        })
    }
}

impl fmt::Display for Remedy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Remedy::CheckServerVersion => f.write_str("check the server with `kubectl version`"),
            Remedy::AskAdminForOsm => f.write_str(
                "ask a cluster administrator to install OSM, or to grant these (e.g. cluster-admin), or use another --context",
            ),
            Remedy::AskAdminForIstio => f.write_str(
                "ask a cluster administrator to install Istio, or to grant these, or use another --context",
            ),
            Remedy::SecondOsmMesh => f.write_str(
                "a second OSM mesh needs --enforce-single-mesh=false on both; to change the one installed use `osm mesh upgrade`, or remove it with `osm uninstall mesh`",
            ),
            Remedy::WaitNamespaceGone { namespace } => write!(
                f,
                "wait until it is gone (kubectl wait --for=delete namespace/{namespace}) or pick another --osm-namespace"
            ),
            Remedy::RemoveOtherOsmRelease => f.write_str(
                "these CRDs belong to another OSM release: remove that release (osm uninstall mesh -a) or migrate its objects first",
            ),
            Remedy::ReapplyCrds => f.write_str(
                "re-apply them with `osm mesh upgrade`; `kubectl describe crd NAME` shows why one is not established",
            ),
            Remedy::ReapplyUnservedCrds => f.write_str(
                "objects stored at a version no longer served cannot be read: re-apply the CRDs with `osm mesh upgrade`",
            ),
            Remedy::ReinstallOsmParts { namespace } => write!(
                f,
                "reinstall the missing parts with `osm mesh upgrade`; `kubectl get deploy -n {namespace}` shows what is there"
            ),
            Remedy::InspectPod { namespace, pod } => write!(
                f,
                "look closer with `kubectl describe pod -n {namespace} {pod}` and `kubectl logs -n {namespace} {pod} --previous`"
            ),
            Remedy::UpgradeIfControlPlaneHealthy => f.write_str(
                "the control plane creates it when it starts: check the control-plane pods (above), then `osm mesh upgrade` if they are healthy",
            ),
            Remedy::RestartControlPlane => f.write_str(
                "the control plane patches its webhooks when it starts: restart it with `kubectl rollout restart deploy -n <osm-namespace>`",
            ),
            Remedy::RecreateMeshConfig => {
                f.write_str("recreate it with `osm mesh upgrade` (the control plane does not start without it)")
            }
            Remedy::FixMeshConfigFields => {
                f.write_str("fix the fields with `osm mesh config set PATH=VALUE` (it checks values against the schema)")
            }
            Remedy::ShowMeshConfig => f.write_str("`osm mesh config get` shows the current settings"),
            Remedy::RestartPodsAfterJoining => f.write_str(
                "these pods started before their namespace joined the mesh: restart them (`osm namespace add NS --restart`, or `kubectl rollout restart deploy -n NS`)",
            ),
            Remedy::MoveWeightFromMissingBackend => f.write_str(
                "traffic to a missing backend fails: create the Service, or move its weight away with `osm traffic split set`",
            ),
            Remedy::InspectReleaseSecret { name } => write!(
                f,
                "it was changed by hand or by another tool; inspect it with `kubectl get secret {name} -o yaml`"
            ),
            Remedy::ListErrorCodes => f.write_str("run `osm support error-info` without an argument to list every code"),
            Remedy::StoreVaultTokenInSecret => f.write_str(
                "store the Vault token in a Secret and pass --set osm.vault.secret.name=NAME,osm.vault.secret.key=KEY; nothing was changed",
            ),
            Remedy::WriteSetAsHelmDoes => f.write_str("write --set key=value[,key=value], as Helm does"),
            Remedy::PassExistingValuesFile => f.write_str("pass an existing YAML file to -f/--values"),
            Remedy::AddNamespaceToMesh { namespace, mesh } => write!(
                f,
                "Add the namespace to the mesh with `osm namespace add {namespace} --mesh-name {mesh}` and restart its pods"
            ),
            Remedy::NamespaceInOtherMesh { namespace, mesh } => write!(
                f,
                "Namespace {namespace:?} belongs to mesh {mesh:?}: pass --mesh-name {mesh}, or move it with `osm namespace remove` and `osm namespace add`"
            ),
            Remedy::ConfirmService { service } => {
                write!(f, "Confirm service {service:?} exists, and pass its name with --to-service")
            }
            Remedy::CheckControllerLogs => f.write_str(
                "The control plane has not programmed this sidecar: check the osm-controller logs (osm support bug-report collects them)",
            ),
            Remedy::OtherIstioRevision => f.write_str(
                "install under another revision (--revision), or remove that control plane first (`osm istio uninstall --revision REV`)",
            ),
            Remedy::RerunIstioInstall => f.write_str("run `osm istio install` again with the same settings"),
            Remedy::InstallIstioRestores => {
                f.write_str("install it with `osm istio install` (the same settings restore missing parts)")
            }
            Remedy::InstallIstio => f.write_str("install Istio with `osm istio install`"),
            Remedy::DescribeCrd => f.write_str("`kubectl describe crd NAME` shows why one is not established"),
            Remedy::StartNewShift => f.write_str("start a new shift: osm traffic shift NAME -n NS --to BACKEND"),
            Remedy::SplitSetExample => f.write_str("e.g. osm traffic split set NAME -n NS bookstore-v2=100"),
            Remedy::AddBackendFirst { backend } => {
                write!(f, "add it first: osm traffic split set NAME -n NS {backend}=0 --add")
            }
            Remedy::FixSplitBackends => f.write_str("fix it with `osm traffic split set` naming every backend"),
            Remedy::RouteFirst => f.write_str("give it one first: osm traffic route NAME -n NS --to BACKEND"),
            Remedy::ClearMirrors => f.write_str("remove the existing mirrors first: osm traffic mirror clear NAME -n NS"),
            Remedy::AddSubset { rule, subset } => write!(
                f,
                "add it to the DestinationRule first (`kubectl edit destinationrule {rule}`), under \
                 spec.subsets:\n  - name: {subset}\n    labels:\n      version: {subset}"
            ),
        }
    }
}
