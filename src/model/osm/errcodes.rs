//! OSM's error codes (`E1000`...) and what each means, for `osm support error-info`.
//!
//! The table is OSM v1.2.4's `pkg/errcode/errcode.go`: the codes follow its `iota` blocks
//! (1000 startup, 2000 traffic policy, 3000 Kubernetes objects, 4000 certificates, 4100 pub-sub,
//! 4150 MeshConfig, 5000 xDS, 6100 injector, 6700 validating webhook, 7000 reconciler) and the
//! descriptions are its `ErrCodeMap` texts with the surrounding newlines trimmed, as the Go CLI
//! prints them (`cmd/cli/support_err.go`).

use crate::error::{Error, Result};
use crate::model::input::Remedy;

/// One error code: its number, the Go constant's name, and the description.
#[derive(Debug)]
pub struct ErrorCode {
    pub code: u16,
    pub name: &'static str,
    pub description: &'static str,
}

impl ErrorCode {
    /// The code as OSM's logs and the Go CLI print it (`E1000`), the form `osm support error-info` shows.
    pub fn label(&self) -> String {
        format!("E{}", self.code)
    }
}

/// Every code, in ascending order.
pub const ERROR_CODES: &[ErrorCode] = &[
    ErrorCode {
        code: 1000,
        name: "ErrInvalidCLIArgument",
        description: "An invalid command line argument was passed to the application.",
    },
    ErrorCode {
        code: 1001,
        name: "ErrSettingLogLevel",
        description: "The specified log level could not be set in the system.",
    },
    ErrorCode {
        code: 1002,
        name: "ErrFetchingControllerPod",
        description: "The osm-controller k8s pod resource was not able to be retrieved by the system.",
    },
    ErrorCode {
        code: 1003,
        name: "ErrFetchingInjectorPod",
        description: "The osm-injector k8s pod resource was not able to be retrieved by the system.",
    },
    ErrorCode {
        code: 1004,
        name: "ErrStartingIngressClient",
        description: "The Ingress client created by the osm-controller to monitor Ingress resources\nfailed to start.",
    },
    ErrorCode {
        code: 1005,
        name: "ErrStartingReconciler",
        description: "The Reconciler client to monitor updates and deletes to OSM's CRDs and mutating webhook\nfailed to start.",
    },
    ErrorCode {
        code: 2000,
        name: "ErrDedupEgressTrafficMatches",
        description: "An error was encountered while attempting to deduplicate traffic matching attributes\n(destination port, protocol, IP address etc.) used for matching egress traffic.\nThe applied egress policies could be conflicting with each other, and the system\nwas unable to process affected egress policies.",
    },
    ErrorCode {
        code: 2001,
        name: "ErrDedupEgressClusterConfigs",
        description: "An error was encountered while attempting to deduplicate upstream clusters associated\nwith the egress destination.\nThe applied egress policies could be conflicting with each other, and the system\nwas unable to process affected egress policies.",
    },
    ErrorCode {
        code: 2002,
        name: "ErrInvalidEgressIPRange",
        description: "An invalid IP address range was specified in the egress policy. The IP address range\nmust be specified as as a CIDR notation IP address and prefix length, like \"192.0.2.0/24\",\nas defined in RFC 4632.\nThe invalid IP address range was ignored by the system.",
    },
    ErrorCode {
        code: 2003,
        name: "ErrInvalidEgressMatches",
        description: "An invalid match was specified in the egress policy.\nThe specified match was ignored by the system while applying the egress policy.",
    },
    ErrorCode {
        code: 2004,
        name: "ErrEgressSMIHTTPRouteGroupNotFound",
        description: "The SMI HTTPRouteGroup resource specified as a match in an egress policy was not found.\nPlease verify that the specified SMI HTTPRouteGroup resource exists in the same namespace\nas the egress policy referencing it as a match.",
    },
    ErrorCode {
        code: 2005,
        name: "ErrFetchingSMIHTTPRouteGroupForTrafficTarget",
        description: "The SMI HTTPRouteGroup resources specified as a match in an SMI TrafficTarget policy was\nunable to be retrieved by the system.\nThe associated SMI TrafficTarget policy was ignored by the system. Please verify that the\nmatches specified for the Traffictarget resource exist in the same namespace as the\nTrafficTarget policy referencing the match.",
    },
    ErrorCode {
        code: 2006,
        name: "ErrSMIHTTPRouteGroupNoMatch",
        description: "The SMI HTTPRouteGroup resource is invalid as it does not have any matches specified.\nThe SMI HTTPRouteGroup policy was ignored by the system.",
    },
    ErrorCode {
        code: 2007,
        name: "ErrMultipleSMISplitPerServiceUnsupported",
        description: "There are multiple SMI traffic split policies associated with the same apex(root)\nservice specified in the policies. The system does not support this scenario so\nonlt the first encountered policy is processed by the system, subsequent policies\nreferring the same apex service are ignored.",
    },
    ErrorCode {
        code: 2008,
        name: "ErrAddingRouteToOutboundTrafficPolicy",
        description: "There was an error adding a route match to an outbound traffic policy representation\nwithin the system.\nThe associated route was ignored by the system.",
    },
    ErrorCode {
        code: 2009,
        name: "ErrGettingInboundTrafficTargets",
        description: "The inbound TrafficTargets composed of their routes for a given destination\nServiceIdentity could not be configured.",
    },
    ErrorCode {
        code: 2010,
        name: "ErrInvalidDestinationKind",
        description: "An applied SMI TrafficTarget policy has an invalid destination kind.",
    },
    ErrorCode {
        code: 2011,
        name: "ErrInvalidSourceKind",
        description: "An applied SMI TrafficTarget policy has an invalid source kind.",
    },
    ErrorCode {
        code: 3000,
        name: "ErrEndpointsNotFound",
        description: "The system found 0 endpoints to be reached when the service's FQDN was resolved.",
    },
    ErrorCode {
        code: 3001,
        name: "ErrMarshallingKubernetesResource",
        description: "A Kubernetes resource could not be marshalled.",
    },
    ErrorCode {
        code: 3002,
        name: "ErrUnmarshallingKubernetesResource",
        description: "A Kubernetes resource could not be unmarshalled.",
    },
    ErrorCode {
        code: 4000,
        name: "ErrFetchingCertSecret",
        description: "The Kubernetes secret containing the certificate could not be retrieved by the system.",
    },
    ErrorCode {
        code: 4001,
        name: "ErrObtainingCertFromSecret",
        description: "The certificate specified by name could not be obtained by key from the secret's data.",
    },
    ErrorCode {
        code: 4002,
        name: "ErrObtainingPrivateKeyFromSecret",
        description: "The private key specified by name could not be obtained by key from the secret's data.",
    },
    ErrorCode {
        code: 4003,
        name: "ErrObtainingCertExpirationFromSecret",
        description: "The certificate expiration specified by name could not be obtained by key from the secret's\ndata.",
    },
    ErrorCode {
        code: 4004,
        name: "ErrParsingCertExpiration",
        description: "The certificate expiration obtained from the secret's data by name could not be parsed.",
    },
    ErrorCode {
        code: 4005,
        name: "ErrCreatingCertSecret",
        description: "The secret containing a certificate could not be created by the system.",
    },
    ErrorCode {
        code: 4006,
        name: "ErrGeneratingPrivateKey",
        description: "A private key failed to be generated.",
    },
    ErrorCode {
        code: 4007,
        name: "ErrEncodingKeyDERtoPEM",
        description: "The specified private key could be be could not be converted from a DER encoded key to a\nPEM encoded key.",
    },
    ErrorCode {
        code: 4008,
        name: "ErrCreatingCertReq",
        description: "The certificate request fails to be created when attempting to issue a certificate.",
    },
    ErrorCode {
        code: 4009,
        name: "ErrCreatingRootCert",
        description: "When creating a new certificate authority, the root certificate could not be obtained by\nthe system.",
    },
    ErrorCode {
        code: 4010,
        name: "ErrEncodingCertDERtoPEM",
        description: "The specified certificate could not be converted from a DER encoded certificate to a PEM\nencoded certificate.",
    },
    ErrorCode {
        code: 4011,
        name: "ErrDecodingPEMCert",
        description: "The specified PEM encoded certificate could not be decoded.",
    },
    ErrorCode {
        code: 4012,
        name: "ErrDecodingPEMPrivateKey",
        description: "The specified PEM privateKey for the certificate authority's root certificate could not\nbe decoded.",
    },
    ErrorCode {
        code: 4013,
        name: "ErrIssuingCert",
        description: "An unspecified error occurred when issuing a certificate from the certificate manager.",
    },
    ErrorCode {
        code: 4014,
        name: "ErrCreatingCert",
        description: "An error occurred when creating a certificate to issue from the certificate manager.",
    },
    ErrorCode {
        code: 4015,
        name: "ErrInvalidCA",
        description: "The certificate authority privided when issuing a certificate was invalid.",
    },
    ErrorCode {
        code: 4016,
        name: "ErrRotatingCert",
        description: "The specified certificate could not be rotated.",
    },
    ErrorCode {
        code: 4100,
        name: "ErrPubSubMessageFormat",
        description: "Failed parsing object into PubSub message.",
    },
    ErrorCode {
        code: 4150,
        name: "ErrConfigInformerInitCache",
        description: "Failed initial cache sync for config.openservicemesh.io informer.",
    },
    ErrorCode {
        code: 4151,
        name: "ErrMeshConfigStructCasting",
        description: "Failed to cast object to MeshConfig.",
    },
    ErrorCode {
        code: 4152,
        name: "ErrMeshConfigFetchFromCache",
        description: "Failed to fetch MeshConfig from cache with specific key.",
    },
    ErrorCode {
        code: 4153,
        name: "ErrMeshConfigMarshaling",
        description: "Failed to marshal MeshConfig into other format.",
    },
    ErrorCode {
        code: 5000,
        name: "ErrMarshallingXDSResource",
        description: "A XDS resource could not be marshalled.",
    },
    ErrorCode {
        code: 5001,
        name: "ErrParsingXDSCertCN",
        description: "The XDS certificate common name could not be parsed. The CN should be of the form\n<proxy-UUID>.<kind>.<proxy-identity>.",
    },
    ErrorCode {
        code: 5002,
        name: "ErrFetchingPodFromCert",
        description: "The proxy UUID obtained from parsing the XDS certificate's common name did not match\nthe osm-proxy-uuid label value for any pod. The pod associated with the specified Envoy\nproxy could not be found.",
    },
    ErrorCode {
        code: 5003,
        name: "ErrPodBelongsToMultipleServices",
        description: "A pod in the mesh belongs to more than one service. By Open Service Mesh convention\nthe number of services a pod can belong to is 1. This is a limitation we set in place\nin order to make the mesh easy to understand and reason about. When a pod belongs to\nmore than one service XDS will not program the Envoy proxy, leaving it out of the mesh.",
    },
    ErrorCode {
        code: 5004,
        name: "ErrGettingProxyFromPod",
        description: "The Envoy proxy data structure created by ADS to reference an Envoy proxy sidecar from\na pod's osm-proxy-uuid label could not be configured.",
    },
    ErrorCode {
        code: 5005,
        name: "ErrGRPCConnectionFailed",
        description: "A GRPC connection failure occurred and the ADS is no longer able to receive\nDiscoveryRequests.",
    },
    ErrorCode {
        code: 5006,
        name: "ErrSendingDiscoveryResponse",
        description: "The DiscoveryResponse configured by ADS failed to send to the Envoy proxy.",
    },
    ErrorCode {
        code: 5007,
        name: "ErrGeneratingReqResource",
        description: "The resources to be included in the DiscoveryResponse could not be generated.",
    },
    ErrorCode {
        code: 5008,
        name: "ErrRecordingSnapshot",
        description: "The aggregated resources generated for a DiscoveryResponse failed to be configured as\na new snapshot in the Envoy xDS Aggregate Discovery Services cache.",
    },
    ErrorCode {
        code: 5009,
        name: "ErrStartingADSServer",
        description: "The Aggregate Discovery Server (ADS) created by the OSM controller failed to start.",
    },
    ErrorCode {
        code: 5010,
        name: "ErrMismatchedServiceAccount",
        description: "The ServiceAccount referenced in the NodeID does not match the ServiceAccount\nspecified in the proxy certificate.\nThe proxy was not allowed to be a part of the mesh.",
    },
    ErrorCode {
        code: 5011,
        name: "ErrGRPCStreamClosedByProxy",
        description: "The gRPC stream was closed by the proxy and no DiscoveryRequests can be received.\nThe Stream Agreggated Resource server was terminated for the specified proxy.",
    },
    ErrorCode {
        code: 5012,
        name: "ErrUnexpectedXDSRequest",
        description: "The envoy proxy has not completed the initialization phase and it is not ready\nto receive broadcast updates from control plane related changes. New versions\nshould not be pushed if the first request has not be received.\nThe broadcast update was ignored for that proxy.",
    },
    ErrorCode {
        code: 5013,
        name: "ErrInvalidXDSTypeURI",
        description: "The TypeURL of the resource being requested in the DiscoveryRequest is invalid.",
    },
    ErrorCode {
        code: 5014,
        name: "ErrParsingDiscoveryReqVersion",
        description: "The version of the DiscoveryRequest could not be parsed by ADS.",
    },
    ErrorCode {
        code: 5015,
        name: "ErrGettingOrgDstEgressCluster",
        description: "An Envoy egress cluster which routes traffic to its original destination could not\nbe configured. When a Host is not specified in the cluster config, the original\ndestination is used.",
    },
    ErrorCode {
        code: 5016,
        name: "ErrGettingDNSEgressCluster",
        description: "An Envoy egress cluster that routes traffic based on the specified Host resolved\nusing DNS could not be configured.",
    },
    ErrorCode {
        code: 5017,
        name: "ErrObtainingUpstreamServiceCluster",
        description: "An Envoy cluster that corresponds to a specified upstream service could not be\nconfigured.",
    },
    ErrorCode {
        code: 5018,
        name: "ErrFetchingServiceList",
        description: "The meshed services corresponding a specified Envoy proxy could not be listed.",
    },
    ErrorCode {
        code: 5019,
        name: "ErrDuplicateClusters",
        description: "Multiple Envoy clusters with the same name were configured. The duplicate clusters\nwill not be sent to the Envoy proxy in a ClusterDiscovery response.",
    },
    ErrorCode {
        code: 5020,
        name: "ErrUnsupportedProtocolForService",
        description: "The application protocol specified for a port is not supported for ingress\ntraffic. The XDS filter chain for ingress traffic to the port was not created.",
    },
    ErrorCode {
        code: 5021,
        name: "ErrIngressFilterChain",
        description: "An XDS filter chain could not be constructed for ingress.",
    },
    ErrorCode {
        code: 5022,
        name: "ErrBuildingRBACPolicyForRoute",
        description: "A traffic policy rule could not be configured as an RBAC rule on the proxy.\nThe corresponding rule was ignored by the system.",
    },
    ErrorCode {
        code: 5023,
        name: "ErrUnmarshallingSDSCert",
        description: "The SDS certificate resource could not be unmarshalled.\nThe corresponding certificate resource was ignored by the system.",
    },
    ErrorCode {
        code: 5024,
        name: "ErrGettingServiceCertSecret",
        description: "An XDS secret containing a TLS certificate could not be retrieved.\nThe corresponding secret request was ignored by the system.",
    },
    ErrorCode {
        code: 5025,
        name: "ErrGettingMeshService",
        description: "The SDS secret does not correspond to a MeshService.",
    },
    ErrorCode {
        code: 5026,
        name: "ErrGettingK8sServiceAccount",
        description: "The SDS secret does not correspond to a ServiceAccount.",
    },
    ErrorCode {
        code: 5027,
        name: "ErrSDSCertMismatch",
        description: "The identity obtained from the SDS certificate request does not match the\nidentity of the proxy.\nThe corresponding certificate request was ignored by the system.",
    },
    ErrorCode {
        code: 6100,
        name: "ErrMarshallingProtoToYAML",
        description: "A protobuf ProtoMessage could not be converted into YAML.",
    },
    ErrorCode {
        code: 6101,
        name: "ErrParsingMutatingWebhookCert",
        description: "The mutating webhook certificate could not be parsed.\nThe mutating webhook HTTP server was not started.",
    },
    ErrorCode {
        code: 6102,
        name: "ErrStartingInjectionWebhookHTTPServer",
        description: "The sidecar injection webhook HTTP server failed to start.",
    },
    ErrorCode {
        code: 6103,
        name: "ErrDecodingAdmissionReqBody",
        description: "An AdmissionRequest could not be decoded.",
    },
    ErrorCode {
        code: 6104,
        name: "ErrParsingReqTimeout",
        description: "The timeout from an AdmissionRequest could not be parsed.",
    },
    ErrorCode {
        code: 6105,
        name: "ErrInvalidAdmissionReqHeader",
        description: "The AdmissionRequest's header was invalid. The content type obtained from the\nheader is not supported.",
    },
    ErrorCode {
        code: 6106,
        name: "ErrWritingAdmissionResp",
        description: "The AdmissionResponse could not be written.",
    },
    ErrorCode { code: 6107, name: "ErrNilAdmissionReq", description: "The AdmissionRequest was empty." },
    ErrorCode {
        code: 6108,
        name: "ErrDeterminingPodInjectionEnablement",
        description: "It could not be determined if the pod specified in the AdmissionRequest is\nenabled for sidecar injection.",
    },
    ErrorCode {
        code: 6109,
        name: "ErrDeterminingNamespaceInjectionEnablement",
        description: "It could not be determined if the namespace specified in the\nAdmissionRequest is enabled for sidecar injection.",
    },
    ErrorCode {
        code: 6110,
        name: "ErrDeterminingPodPortExclusions",
        description: "The port exclusions for a pod could not be obtained.\nNo port exclusions are added to the init container's spec.",
    },
    ErrorCode {
        code: 6111,
        name: "ErrReadingAdmissionReqBody",
        description: "The AdmissionRequest body could not be read.",
    },
    ErrorCode {
        code: 6112,
        name: "ErrNilAdmissionReqBody",
        description: "The AdmissionRequest body was nil.",
    },
    ErrorCode {
        code: 6113,
        name: "ErrCreatingMutatingWebhook",
        description: "The MutatingWebhookConfiguration could not be created.",
    },
    ErrorCode {
        code: 6114,
        name: "ErrUpdatingMutatingWebhook",
        description: "The MutatingWebhookConfiguration could not be updated.",
    },
    ErrorCode {
        code: 6700,
        name: "ErrShuttingDownValidatingWebhookHTTPServer",
        description: "An error occurred when shutting down the validating webhook HTTP server.",
    },
    ErrorCode {
        code: 6701,
        name: "ErrStartingValidatingWebhookHTTPServer",
        description: "The validating webhook HTTP server failed to start.",
    },
    ErrorCode {
        code: 6702,
        name: "ErrParsingValidatingWebhookCert",
        description: "The validating webhook certificate could not be parsed.\nThe validating webhook HTTP server was not started.",
    },
    ErrorCode {
        code: 6703,
        name: "ErrCreatingValidatingWebhook",
        description: "The ValidatingWebhookConfiguration could not be created.",
    },
    ErrorCode {
        code: 7000,
        name: "ErrReconcilingUpdatedCRD",
        description: "An error occurred while reconciling the updated CRD to its original state.",
    },
    ErrorCode {
        code: 7001,
        name: "ErrReconcilingDeletedCRD",
        description: "An error occurred while reconciling the deleted CRD.",
    },
    ErrorCode {
        code: 7002,
        name: "ErrReconcilingUpdatedMutatingWebhook",
        description: "An error occurred while reconciling the updated mutating webhook to its original state.",
    },
    ErrorCode {
        code: 7003,
        name: "ErrReconcilingDeletedMutatingWebhook",
        description: "An error occurred while reconciling the deleted mutating webhook.",
    },
    ErrorCode {
        code: 7004,
        name: "ErrReconcilingUpdatedValidatingWebhook",
        description: "An error occurred while while reconciling the updated validating webhook to its original state.",
    },
    ErrorCode {
        code: 7005,
        name: "ErrReconcilingDeletedValidatingWebhook",
        description: "An error occurred while reconciling the deleted validating webhook.",
    },
];

/// The code `text` names (`E1000`, `e1000` or `1000`), or an error (exit 4) that says what a
/// code looks like or that OSM has no such code. The Go CLI's messages are kept.
pub fn lookup(text: &str) -> Result<&'static ErrorCode> {
    let digits = text.trim().trim_start_matches(['E', 'e']);
    let number: u16 = digits.parse().map_err(|_| {
        Error::invalid(format!(
            "error code '{text}' is not a valid error code format, should be of the form Exxxx, ex. E1000"
        ))
        .with_hint(Remedy::ListErrorCodes)
    })?;
    ERROR_CODES.iter().find(|e| e.code == number).ok_or_else(|| {
        Error::invalid(format!("error code '{text}' is not a valid error code recognized by OSM"))
            .with_hint(Remedy::ListErrorCodes)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_sorted_unique_and_described() {
        assert!(ERROR_CODES.windows(2).all(|w| w[0].code < w[1].code));
        assert!(ERROR_CODES.iter().all(|e| !e.description.is_empty() && !e.description.starts_with('\n')));
        assert_eq!(ERROR_CODES.len(), 96);
    }

    #[test]
    fn lookup_by_label() {
        assert_eq!(lookup("E1000").unwrap().name, "ErrInvalidCLIArgument");
        assert_eq!(lookup("6100").unwrap().name, "ErrMarshallingProtoToYAML");
        assert_eq!(lookup("E7005").unwrap().label(), "E7005");
        assert!(lookup("Exyz").unwrap_err().message.contains("should be of the form Exxxx"));
        assert!(lookup("E9999").unwrap_err().message.contains("not a valid error code recognized by OSM"));
    }
}
