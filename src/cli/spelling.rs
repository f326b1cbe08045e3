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
            Input::AppProtocol => "--app-protocol",
            Input::FromService => "--from-service",
            Input::Port => "--port",
            Input::Api => "--api",
            Input::Prometheus => "--prometheus",
            Input::RollbackOnInterrupt => "--rollback-on-interrupt",
            Input::Atomic => "--atomic",
            Input::ReadinessTimeout => "--readiness-timeout",
            Input::SetOrValues => "--set/-f",
            Input::Filename => "-f/--filename",
            Input::OperatorFileName => "--operatorFileName",
            Input::InjectConfigFile => "--injectConfigFile",
            Input::InjectValuesFile => "--valuesFile",
            Input::IstioControlPlane => "--revision/-i",
            Input::Kubeconfig => "--kubeconfig",
            Input::RequestTimeout => "--request-timeout",
            Input::Timeout => "--timeout",
            Input::Address => "--address",
        })
    }
}

impl fmt::Display for Command {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Command::Install => "osm install",
            Command::MeshUpgrade => "osm mesh upgrade",
            Command::Version => "osm version",
            Command::Check => "osm check",
            Command::BugReport => "osm support bug-report",
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
            Remedy::RecreateIncompleteMesh { namespace } => write!(
                f,
                "the control plane is incomplete: `kubectl get meshconfig -n {namespace}` shows what is there; \
                 reinstall with `osm install` (or `osm mesh upgrade`) to recreate it"
            ),
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
            Remedy::PassOsmNamespace => {
                f.write_str("pass the mesh's control-plane namespace with --osm-namespace (`osm mesh list` shows it)")
            }
            Remedy::InstallOneOsm => f.write_str("install one with `osm install`"),
            Remedy::PickMeshOrUpgrade => {
                f.write_str("pick another name with --mesh-name, or upgrade that mesh with `osm mesh upgrade`")
            }
            Remedy::UninstallEnforcingMesh => f.write_str(
                "uninstall that mesh first (osm uninstall mesh), or reinstall it with --enforce-single-mesh=false",
            ),
            Remedy::WaitNamespaceGoneThenInstall { namespace } => write!(
                f,
                "wait until it is gone (kubectl wait --for=delete namespace/{namespace}), then install again"
            ),
            Remedy::RemoveFailedInstall { mesh, namespace } => write!(
                f,
                "what was applied stays in place; remove it with `osm uninstall mesh --mesh-name {mesh} --osm-namespace {namespace} -y`, or pass --atomic next time"
            ),
            Remedy::RemoveUnrecordedMesh { mesh, namespace } => write!(
                f,
                "remove it first with `osm uninstall mesh --mesh-name {mesh} --osm-namespace {namespace}`, then install again"
            ),
            Remedy::UpgradeWithSameValues { mesh } => write!(
                f,
                "change an installed mesh with `osm mesh upgrade --mesh-name {mesh}` and the same --set/-f flags"
            ),
            Remedy::ReinstallUnrecordedMesh => {
                f.write_str("uninstall it with `osm uninstall mesh` and install it again with `osm install`")
            }
            Remedy::FixValuesNamedAbove => {
                f.write_str("fix the values named above (--set/-f) and run the command again")
            }
            Remedy::LookAtFinalizers => f.write_str(
                "run the command again; if they stay, look at their finalizers with kubectl get -o yaml",
            ),
            Remedy::CreateNamespace { namespace } => write!(f, "create it first: kubectl create namespace {namespace}"),
            Remedy::RefreshUserCredentials { user } => write!(
                f,
                "the token or certificate of user \"{user}\" in the kubeconfig is wrong or expired: refresh it, or pick another context with --context"
            ),
            Remedy::RefreshCredentials => {
                f.write_str("refresh the credentials in the kubeconfig, or pick another context with --context")
            }
            Remedy::AskForRbac => f.write_str(
                "ask a cluster administrator for that RBAC permission, or use a context that has it (--context)",
            ),
            Remedy::AllowSlowServer => f.write_str(
                "the API server is slow or overloaded: allow it longer with --request-timeout (0 means no limit), or drop the flag to wait as kubectl does",
            ),
            Remedy::CheckClusterRunning { context: Some(context) } => write!(
                f,
                "check that the cluster is running and that the context is right: kubectl --context {context} cluster-info"
            ),
            Remedy::CheckClusterRunning { context: None } => {
                f.write_str("check that the cluster is running: kubectl cluster-info")
            }
            Remedy::CheckKubeconfigSetup => f.write_str(
                "pass --kubeconfig PATH, set KUBECONFIG, or run `kubectl config view` to check your setup",
            ),
            Remedy::PickContext => f.write_str("pass --context NAME or run `kubectl config use-context NAME`"),
            Remedy::ViewKubeconfig => f.write_str("check its cluster and user entries with `kubectl config view`"),
            Remedy::FixKubeconfigFile => f.write_str(
                "fix the file (`kubectl config view --kubeconfig FILE` shows what kubectl makes of it)",
            ),
            Remedy::ListResource { resource, namespace } => {
                write!(f, "list the {resource} with: kubectl get {resource} -n {namespace}")
            }
            Remedy::NameTargetKind { name, namespace } => write!(
                f,
                "name it with its kind (svc/{name} for a service), or list what exists: kubectl get deploy,pods -n {namespace}"
            ),
            Remedy::ScaledUp { namespace } => {
                write!(f, "check that the workload is scaled up: kubectl get pods -n {namespace}")
            }
            Remedy::DeployedAndScaledUp { namespace, selector } => write!(
                f,
                "check that it is deployed and scaled up: kubectl get pods -n {namespace} -l {selector}"
            ),
            Remedy::DescribeOrRaiseTimeout { resources, namespace } => write!(
                f,
                "look closer with: kubectl describe {resources} -n {namespace}; raise --timeout if the images are still being pulled"
            ),
            Remedy::NoNodeForDaemonSet { namespace, name } => {
                write!(f, "kubectl get nodes; kubectl describe daemonset -n {namespace} {name}")
            }
            Remedy::DescribeReplicaSet { namespace, app } => {
                write!(f, "check the ReplicaSet: kubectl describe rs -n {namespace} -l app={app}")
            }
            Remedy::EnvoyAdminHelp => f.write_str("see the admin paths Envoy offers with: osm proxy get help POD"),
            Remedy::CheckSidecarLog { namespace, pod } => {
                write!(f, "check the sidecar: kubectl logs -n {namespace} {pod} -c envoy")
            }
            Remedy::CheckPodLog { namespace, pod } => write!(f, "check the pod: kubectl logs -n {namespace} {pod}"),
            Remedy::DescribePodWhy { namespace, pod } => {
                write!(f, "see why with: kubectl describe pod -n {namespace} {pod}")
            }
            Remedy::EnrolNamespaceForSidecar { namespace } => write!(
                f,
                "enrol the namespace with `osm namespace add {namespace}`, then restart the pod so a sidecar is injected"
            ),
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
            Remedy::AllowEgress { namespace, service_account, port, protocol } => write!(
                f,
                "Create an Egress policy in namespace {namespace} for ServiceAccount {service_account} with port {port} ({protocol}), or enable global egress with `osm egress enable`"
            ),
            Remedy::CheckDeployment => f.write_str("Check the Deployment: `osm check` names what is wrong"),
            Remedy::DescribeAppPods { namespace, app } => {
                write!(f, "Look closer with `kubectl describe pods -n {namespace} -l app={app}`")
            }
            Remedy::ReadAppLog { namespace, app } => {
                write!(f, "Read the component's log: kubectl logs -n {namespace} -l app={app}")
            }
            Remedy::OtherIstioRevision => f.write_str(
                "install under another revision (--revision), or remove that control plane first (`osm istio uninstall --revision REV`)",
            ),
            Remedy::RerunIstioInstall => f.write_str("run `osm istio install` again with the same settings"),
            Remedy::InstallIstioRestores => {
                f.write_str("install it with `osm istio install` (the same settings restore missing parts)")
            }
            Remedy::InstallIstio => f.write_str("install Istio with `osm istio install`"),
            Remedy::DescribeCrd => f.write_str("`kubectl describe crd NAME` shows why one is not established"),
            Remedy::NameInstalledIstioRevision => f.write_str(
                "name an installed revision with --revision (osm istio version --remote lists the control planes)",
            ),
            Remedy::EnableIstiodOrTagLater => f.write_str(
                "enable Istiod (components.pilot.enabled=true), or set the tag later with istioctl tag set",
            ),
            Remedy::MoveDefaultTag { revision } => write!(f, "istioctl tag set default --revision {revision}"),
            Remedy::RemoveOverlappingWebhooks { names } => write!(
                f,
                "pods would be injected twice; remove the overlapping webhook configuration (kubectl delete mutatingwebhookconfiguration {names}; a revision tag: istioctl tag remove <tag>) or install under another revision"
            ),
            Remedy::DescribeIstioPods { namespace, timeout } => write!(
                f,
                "look closer with kubectl describe pods -n {namespace}, and raise --readiness-timeout (now {timeout}) if the images are still being pulled"
            ),
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
            Remedy::ListObjects { resources, namespace } => {
                write!(f, "`kubectl get {resources} -n {namespace}` lists them")
            }
            Remedy::ShiftWhenReady { namespace, selector } => {
                write!(f, "shift once its pods are ready: kubectl get pods -n {namespace} -l {selector}")
            }
            Remedy::ShiftRecord { name, namespace } => {
                write!(f, "the shift's record: osm traffic shift status {name} -n {namespace}")
            }
            Remedy::ResumeOrAbortShift { name, namespace } => write!(
                f,
                "continue with: osm traffic shift resume {name} -n {namespace}; or roll back with: osm traffic shift abort {name} -n {namespace}"
            ),
            Remedy::PromoteOrAbortShift { to, name, namespace } => write!(
                f,
                "give {to} everything with: osm traffic shift promote {name} -n {namespace}; or roll back with: osm traffic shift abort {name} -n {namespace}"
            ),
        }
    }
}
