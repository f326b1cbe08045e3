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
}

/// A command of this tool that a description names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Install,
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
    WaitNamespaceGone { namespace: String },
    RemoveOtherOsmRelease,
    ReapplyCrds,
    ReapplyUnservedCrds,
    ReinstallOsmParts { namespace: String },
    InspectPod { namespace: String, pod: String },
    UpgradeIfControlPlaneHealthy,
    RestartControlPlane,
    RecreateMeshConfig,
    FixMeshConfigFields,
    ShowMeshConfig,
    RestartPodsAfterJoining,
    MoveWeightFromMissingBackend,
    InspectReleaseSecret { name: String },
    ListErrorCodes,
    StoreVaultTokenInSecret,
    WriteSetAsHelmDoes,
    PassExistingValuesFile,
    // The Go CLI's verifications.
    AddNamespaceToMesh { namespace: String, mesh: String },
    NamespaceInOtherMesh { namespace: String, mesh: String },
    ConfirmService { service: String },
    CheckControllerLogs,
    // Istio's control plane.
    OtherIstioRevision,
    RerunIstioInstall,
    InstallIstioRestores,
    InstallIstio,
    DescribeCrd,
    // Traffic.
    StartNewShift,
    SplitSetExample,
    AddBackendFirst { backend: String },
    FixSplitBackends,
    RouteFirst,
    ClearMirrors,
    AddSubset { rule: String, subset: String },
}

impl From<Remedy> for String {
    fn from(remedy: Remedy) -> String {
        remedy.to_string()
    }
}
