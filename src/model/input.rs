//! What the domain's messages point a user at, by meaning: a setting the user gives ([`Input`]) or
//! a remedy to carry out ([`Remedy`]). How the command line spells them (flag names, `osm` and
//! `kubectl` command lines) is the CLI's business: `cli/spelling.rs` implements `Display` for both,
//! so a message still reads `--min-success-rate 99` while the domain knows only the setting, and a
//! renamed flag or command changes one file.

/// A setting the user gives on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    // Canary gates and queries.
    MinSuccessRate,
    MaxLatencyP99,
    MaxErrorDelta,
    MinRequests,
    FailureThreshold,
    CompareBaseline,
    QuerySuccessRate,
    QueryLatency,
    // Traffic splits and routes.
    Backend,
    EqualWeights,
    AddBackend,
    Step,
    Until,
    Percent,
    HeaderRegex,
    IstioApi,
    GatewayApi,
    // Values and manifests.
    Set,
    SetString,
    ValuesFile,
    IstioOperatorFile,
    MeshConfigFile,
    Manifests,
    Force,
    Revision,
    // Where and which mesh.
    Context,
    EnforceSingleMesh,
    OsmNamespace,
    MeshName,
    ToService,
    // Checks, traffic and the lifecycle's own switches.
    AppProtocol,
    FromService,
    Port,
    Api,
    Prometheus,
    RollbackOnInterrupt,
    Atomic,
    ReadinessTimeout,
    /// `--set` and `-f` together, as the sources of a chart's values.
    SetOrValues,
    // istioctl kube-inject's inputs.
    Filename,
    OperatorFileName,
    InjectConfigFile,
    InjectValuesFile,
    /// The revision or the Istio namespace, which together name a control plane.
    IstioControlPlane,
    // How to reach the cluster.
    Kubeconfig,
    RequestTimeout,
    Timeout,
    Address,
}

/// A command of this tool that a description names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Install,
    MeshUpgrade,
    Version,
    Check,
    BugReport,
}

/// A remedy a check or an error suggests; the fields are what the spelt-out command needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Remedy {
    // The API server and permissions.
    CheckServerVersion,
    AskAdminForOsm,
    AskAdminForIstio,
    // OSM's control plane.
    SecondOsmMesh,
    WaitNamespaceGone {
        namespace: String,
    },
    RemoveOtherOsmRelease,
    ReapplyCrds,
    ReapplyUnservedCrds,
    ReinstallOsmParts {
        namespace: String,
    },
    InspectPod {
        namespace: String,
        pod: String,
    },
    UpgradeIfControlPlaneHealthy,
    RestartControlPlane,
    RecreateMeshConfig,
    RecreateIncompleteMesh {
        namespace: String,
    },
    FixMeshConfigFields,
    ShowMeshConfig,
    RestartPodsAfterJoining,
    MoveWeightFromMissingBackend,
    InspectReleaseSecret {
        name: String,
    },
    ListErrorCodes,
    StoreVaultTokenInSecret,
    WriteSetAsHelmDoes,
    PassExistingValuesFile,
    PassOsmNamespace,
    InstallOneOsm,
    PickMeshOrUpgrade,
    UninstallEnforcingMesh,
    WaitNamespaceGoneThenInstall {
        namespace: String,
    },
    RemoveFailedInstall {
        mesh: String,
        namespace: String,
    },
    RemoveUnrecordedMesh {
        mesh: String,
        namespace: String,
    },
    UpgradeWithSameValues {
        mesh: String,
    },
    ReinstallUnrecordedMesh,
    FixValuesNamedAbove,
    LookAtFinalizers,
    CreateNamespace {
        namespace: String,
    },
    // Reaching the cluster.
    RefreshUserCredentials {
        user: String,
    },
    RefreshCredentials,
    AskForRbac,
    AllowSlowServer,
    CheckClusterRunning {
        context: Option<String>,
    },
    CheckKubeconfigSetup,
    PickContext,
    ViewKubeconfig,
    FixKubeconfigFile,
    // Pods, workloads and their sidecars.
    /// `resource` is a plural such as `pods` or `services`.
    ListResource {
        resource: String,
        namespace: String,
    },
    NameTargetKind {
        name: String,
        namespace: String,
    },
    ScaledUp {
        namespace: String,
    },
    DeployedAndScaledUp {
        namespace: String,
        selector: String,
    },
    /// `resources` as kubectl takes them: `pods`, `daemonset,pods`.
    DescribeOrRaiseTimeout {
        resources: String,
        namespace: String,
    },
    NoNodeForDaemonSet {
        namespace: String,
        name: String,
    },
    DescribeReplicaSet {
        namespace: String,
        app: String,
    },
    EnvoyAdminHelp,
    CheckSidecarLog {
        namespace: String,
        pod: String,
    },
    CheckPodLog {
        namespace: String,
        pod: String,
    },
    DescribePodWhy {
        namespace: String,
        pod: String,
    },
    EnrolNamespaceForSidecar {
        namespace: String,
    },
    // The Go CLI's verifications.
    AddNamespaceToMesh {
        namespace: String,
        mesh: String,
    },
    NamespaceInOtherMesh {
        namespace: String,
        mesh: String,
    },
    ConfirmService {
        service: String,
    },
    CheckControllerLogs,
    AllowEgress {
        namespace: String,
        service_account: String,
        port: String,
        protocol: String,
    },
    CheckDeployment,
    DescribeAppPods {
        namespace: String,
        app: String,
    },
    ReadAppLog {
        namespace: String,
        app: String,
    },
    // Istio's control plane.
    OtherIstioRevision,
    RerunIstioInstall,
    InstallIstioRestores,
    InstallIstio,
    DescribeCrd,
    NameInstalledIstioRevision,
    EnableIstiodOrTagLater,
    MoveDefaultTag {
        revision: String,
    },
    RemoveOverlappingWebhooks {
        names: String,
    },
    DescribeIstioPods {
        namespace: String,
        timeout: String,
    },
    // Traffic.
    StartNewShift,
    SplitSetExample,
    AddBackendFirst {
        backend: String,
    },
    FixSplitBackends,
    RouteFirst,
    ClearMirrors,
    AddSubset {
        rule: String,
        subset: String,
    },
    ListObjects {
        resources: String,
        namespace: String,
    },
    ShiftWhenReady {
        namespace: String,
        selector: String,
    },
    ShiftRecord {
        name: String,
        namespace: String,
    },
    ResumeOrAbortShift {
        name: String,
        namespace: String,
    },
    PromoteOrAbortShift {
        to: String,
        name: String,
        namespace: String,
    },
}

impl From<Remedy> for String {
    fn from(remedy: Remedy) -> String {
        remedy.to_string()
    }
}
