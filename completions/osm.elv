
use builtin;
use str;

set edit:completion:arg-completer[osm] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'osm'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'osm'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand install 'Install the OSM control plane'
            cand uninstall 'Remove a mesh (`osm uninstall mesh`)'
            cand mesh 'Manage meshes: list, upgrade, read and change their settings'
            cand namespace 'Enrol namespaces in a mesh, take them out, list them'
            cand ns 'Enrol namespaces in a mesh, take them out, list them'
            cand metrics 'Enable or disable Prometheus metrics for meshed namespaces'
            cand permissive 'Turn permissive traffic policy mode (no SMI policy needed) on or off'
            cand egress 'Let meshed pods reach destinations outside the mesh, or stop them'
            cand tracing 'Send the sidecars'' trace spans to a collector, or stop'
            cand traffic 'Route traffic between service versions: splits, shifts, header matches, mirrors (SMI, Istio, Gateway API)'
            cand istio 'Install Istio, inject its sidecars, remove it: istioctl''s lifecycle commands'
            cand port-forward 'Forward local ports to a pod, deployment or service; follows the workload across restarts'
            cand dashboard 'Open a mesh add-on''s UI (Grafana, Prometheus, Jaeger) through a port-forward'
            cand proxy 'Read or change a sidecar''s Envoy admin interface'
            cand check 'Check a cluster before installing (--pre) or the health of an installed mesh'
            cand verify 'Verify mesh configuration step by step: connectivity, control-plane health, ingress'
            cand policy 'Check traffic policies: may one pod reach another, do policies conflict'
            cand support 'Supportability tools: a bug-report archive, OSM''s error codes'
            cand env 'Print osm''s settings (namespace, kubeconfig, context, ...) and where each came from'
            cand version 'Print the version of osm and of the cluster it talks to'
            cand completion 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;install'= {
            cand --mesh-name 'Name of the mesh (overrides osm.meshName)'
            cand --set 'Set a value (Helm syntax: a.b=1,c={x,y}); repeatable. `OpenServiceMesh.` works as `osm.`'
            cand --set-string 'Set a value, keeping it a string; repeatable'
            cand -f 'Read values from a YAML file; repeatable, later files win'
            cand --values 'Read values from a YAML file; repeatable, later files win'
            cand --timeout 'How long to wait for the control plane to become ready'
            cand -o 'With --dry-run: print YAML (default) or JSON'
            cand --output 'With --dry-run: print YAML (default) or JSON'
            cand --enforce-single-mesh 'Allow no other mesh in the cluster (overrides osm.enforceSingleMesh)'
            cand -a 'With --dry-run: an API group/version the target cluster serves besides the usual ones, as `helm template -a` (e.g. security.openshift.io/v1); repeatable'
            cand --api-versions 'With --dry-run: an API group/version the target cluster serves besides the usual ones, as `helm template -a` (e.g. security.openshift.io/v1); repeatable'
            cand --osm-chart-path 'Not supported: osm renders the control plane itself (use --set or -f instead)'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand --atomic 'Remove what this install created if it fails or times out'
            cand --no-wait 'Return once everything is applied, without waiting for the pods'
            cand --dry-run 'Print the objects that would be applied, without contacting the cluster'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;uninstall'= {
            cand --mesh-name 'Name of the mesh to remove'
            cand --ca-bundle-secret-name 'Name of the secret holding the mesh''s root CA bundle'
            cand -p 'Accepted for compatibility with the Go CLI; osm needs no port-forward to uninstall'
            cand --local-port 'Accepted for compatibility with the Go CLI; osm needs no port-forward to uninstall'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -f 'Do not ask for confirmation (also allows -a while other meshes exist)'
            cand --force 'Do not ask for confirmation (also allows -a while other meshes exist)'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --delete-namespace 'Also delete the control-plane namespace'
            cand -a 'Also delete OSM''s CRDs, with every custom resource of those kinds'
            cand --delete-cluster-wide-resources 'Also delete OSM''s CRDs, with every custom resource of those kinds'
            cand --dry-run 'Show what would be removed, and remove nothing'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand mesh 'Remove a mesh''s control plane (and, with -a, OSM''s CRDs)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;uninstall;mesh'= {
            cand --mesh-name 'Name of the mesh to remove'
            cand --ca-bundle-secret-name 'Name of the secret holding the mesh''s root CA bundle'
            cand -p 'Accepted for compatibility with the Go CLI; osm needs no port-forward to uninstall'
            cand --local-port 'Accepted for compatibility with the Go CLI; osm needs no port-forward to uninstall'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -f 'Do not ask for confirmation (also allows -a while other meshes exist)'
            cand --force 'Do not ask for confirmation (also allows -a while other meshes exist)'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --delete-namespace 'Also delete the control-plane namespace'
            cand -a 'Also delete OSM''s CRDs, with every custom resource of those kinds'
            cand --delete-cluster-wide-resources 'Also delete OSM''s CRDs, with every custom resource of those kinds'
            cand --dry-run 'Show what would be removed, and remove nothing'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;uninstall;help'= {
            cand mesh 'Remove a mesh''s control plane (and, with -a, OSM''s CRDs)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;uninstall;help;mesh'= {
        }
        &'osm;uninstall;help;help'= {
        }
        &'osm;mesh'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List the meshes in the cluster, with their readiness and monitored namespaces'
            cand upgrade 'Upgrade a mesh''s control plane, keeping its values unless --reset-values'
            cand config 'Read or change the mesh''s settings (its MeshConfig) by field path'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;mesh;list'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;mesh;upgrade'= {
            cand --mesh-name 'Name of the mesh to upgrade'
            cand --set 'Set a value (Helm syntax: a.b=1,c={x,y}); repeatable. `OpenServiceMesh.` works as `osm.`'
            cand --set-string 'Set a value, keeping it a string; repeatable'
            cand -f 'Read values from a YAML file; repeatable, later files win'
            cand --values 'Read values from a YAML file; repeatable, later files win'
            cand --timeout 'How long to wait for the control plane to become ready'
            cand --osm-chart-path 'The Go CLI''s chart override: refused where parsed, with what to use instead'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand --reset-values 'Start from the defaults instead of the values the mesh was installed with'
            cand --dry-run 'Show what would change, and change nothing'
            cand --no-wait 'Return once everything is applied, without waiting for the pods'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;mesh;config'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand get 'Print the MeshConfig''s settings, or one field by dotted path (e.g. traffic.enableEgress)'
            cand set 'Change fields by dotted path: all assignments apply as one patch, or none does'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;mesh;config;get'= {
            cand --mesh-name 'Name of the mesh (its control-plane namespace is found through it)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;mesh;config;set'= {
            cand --mesh-name 'Name of the mesh (its control-plane namespace is found through it)'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand --dry-run 'Print the patch that would be applied and change nothing'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;mesh;config;help'= {
            cand get 'Print the MeshConfig''s settings, or one field by dotted path (e.g. traffic.enableEgress)'
            cand set 'Change fields by dotted path: all assignments apply as one patch, or none does'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;mesh;config;help;get'= {
        }
        &'osm;mesh;config;help;set'= {
        }
        &'osm;mesh;config;help;help'= {
        }
        &'osm;mesh;help'= {
            cand list 'List the meshes in the cluster, with their readiness and monitored namespaces'
            cand upgrade 'Upgrade a mesh''s control plane, keeping its values unless --reset-values'
            cand config 'Read or change the mesh''s settings (its MeshConfig) by field path'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;mesh;help;list'= {
        }
        &'osm;mesh;help;upgrade'= {
        }
        &'osm;mesh;help;config'= {
            cand get 'Print the MeshConfig''s settings, or one field by dotted path (e.g. traffic.enableEgress)'
            cand set 'Change fields by dotted path: all assignments apply as one patch, or none does'
        }
        &'osm;mesh;help;config;get'= {
        }
        &'osm;mesh;help;config;set'= {
        }
        &'osm;mesh;help;help'= {
        }
        &'osm;namespace'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Enrol namespaces in a mesh: their new pods get an Envoy sidecar'
            cand remove 'Take namespaces out of their mesh'
            cand rm 'Take namespaces out of their mesh'
            cand list 'List the namespaces of one mesh or of every mesh'
            cand ls 'List the namespaces of one mesh or of every mesh'
            cand ignore 'Make the mesh leave namespaces alone (label openservicemesh.io/ignore=true)'
            cand unignore 'Undo `osm namespace ignore`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;ns'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Enrol namespaces in a mesh: their new pods get an Envoy sidecar'
            cand remove 'Take namespaces out of their mesh'
            cand rm 'Take namespaces out of their mesh'
            cand list 'List the namespaces of one mesh or of every mesh'
            cand ls 'List the namespaces of one mesh or of every mesh'
            cand ignore 'Make the mesh leave namespaces alone (label openservicemesh.io/ignore=true)'
            cand unignore 'Undo `osm namespace ignore`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;namespace;add'= {
            cand --mesh-name 'Name of the mesh to enrol them in'
            cand --mesh 'Which mesh''s injection labels to set'
            cand --revision 'The istiod revision that injects (istio.io/rev=REV instead of istio-injection=enabled)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand --disable-sidecar-injection 'Monitor the namespaces without injecting sidecars into their pods'
            cand --restart 'Restart the namespaces'' Deployments, StatefulSets and DaemonSets so running pods get a sidecar'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;ns;add'= {
            cand --mesh-name 'Name of the mesh to enrol them in'
            cand --mesh 'Which mesh''s injection labels to set'
            cand --revision 'The istiod revision that injects (istio.io/rev=REV instead of istio-injection=enabled)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand --disable-sidecar-injection 'Monitor the namespaces without injecting sidecars into their pods'
            cand --restart 'Restart the namespaces'' Deployments, StatefulSets and DaemonSets so running pods get a sidecar'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;namespace;remove'= {
            cand --mesh-name 'Name of the mesh they belong to'
            cand --mesh 'Which mesh''s injection labels to remove'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand --restart 'Restart the namespaces'' Deployments, StatefulSets and DaemonSets so pods lose their sidecar'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;namespace;rm'= {
            cand --mesh-name 'Name of the mesh they belong to'
            cand --mesh 'Which mesh''s injection labels to remove'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand --restart 'Restart the namespaces'' Deployments, StatefulSets and DaemonSets so pods lose their sidecar'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;ns;remove'= {
            cand --mesh-name 'Name of the mesh they belong to'
            cand --mesh 'Which mesh''s injection labels to remove'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand --restart 'Restart the namespaces'' Deployments, StatefulSets and DaemonSets so pods lose their sidecar'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;ns;rm'= {
            cand --mesh-name 'Name of the mesh they belong to'
            cand --mesh 'Which mesh''s injection labels to remove'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand --restart 'Restart the namespaces'' Deployments, StatefulSets and DaemonSets so pods lose their sidecar'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;namespace;list'= {
            cand --mesh-name 'Only the namespaces of this mesh (default: every mesh)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;namespace;ls'= {
            cand --mesh-name 'Only the namespaces of this mesh (default: every mesh)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;ns;list'= {
            cand --mesh-name 'Only the namespaces of this mesh (default: every mesh)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;ns;ls'= {
            cand --mesh-name 'Only the namespaces of this mesh (default: every mesh)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;namespace;ignore'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;ns;ignore'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;namespace;unignore'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;ns;unignore'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;namespace;help'= {
            cand add 'Enrol namespaces in a mesh: their new pods get an Envoy sidecar'
            cand remove 'Take namespaces out of their mesh'
            cand list 'List the namespaces of one mesh or of every mesh'
            cand ignore 'Make the mesh leave namespaces alone (label openservicemesh.io/ignore=true)'
            cand unignore 'Undo `osm namespace ignore`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;namespace;help;add'= {
        }
        &'osm;namespace;help;remove'= {
        }
        &'osm;namespace;help;list'= {
        }
        &'osm;namespace;help;ignore'= {
        }
        &'osm;namespace;help;unignore'= {
        }
        &'osm;namespace;help;help'= {
        }
        &'osm;ns;help'= {
            cand add 'Enrol namespaces in a mesh: their new pods get an Envoy sidecar'
            cand remove 'Take namespaces out of their mesh'
            cand list 'List the namespaces of one mesh or of every mesh'
            cand ignore 'Make the mesh leave namespaces alone (label openservicemesh.io/ignore=true)'
            cand unignore 'Undo `osm namespace ignore`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;ns;help;add'= {
        }
        &'osm;ns;help;remove'= {
        }
        &'osm;ns;help;list'= {
        }
        &'osm;ns;help;ignore'= {
        }
        &'osm;ns;help;unignore'= {
        }
        &'osm;ns;help;help'= {
        }
        &'osm;metrics'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand enable 'Let Prometheus scrape the sidecars of meshed namespaces'
            cand disable 'Stop Prometheus scraping the sidecars of namespaces'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;metrics;enable'= {
            cand -n 'Namespaces (comma-separated, repeatable)'
            cand --namespace 'Namespaces (comma-separated, repeatable)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;metrics;disable'= {
            cand -n 'Namespaces (comma-separated, repeatable)'
            cand --namespace 'Namespaces (comma-separated, repeatable)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;metrics;help'= {
            cand enable 'Let Prometheus scrape the sidecars of meshed namespaces'
            cand disable 'Stop Prometheus scraping the sidecars of namespaces'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;metrics;help;enable'= {
        }
        &'osm;metrics;help;disable'= {
        }
        &'osm;metrics;help;help'= {
        }
        &'osm;permissive'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand enable 'Turn permissive traffic policy mode on: meshed services reach each other without SMI policies'
            cand disable 'Turn permissive traffic policy mode off: only traffic allowed by SMI TrafficTargets flows'
            cand status 'Show whether permissive traffic policy mode is on'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;permissive;enable'= {
            cand --mesh-name 'Name of the mesh (its control-plane namespace is found through it)'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand --dry-run 'Print the patch that would be applied and change nothing'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;permissive;disable'= {
            cand --mesh-name 'Name of the mesh (its control-plane namespace is found through it)'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand --dry-run 'Print the patch that would be applied and change nothing'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;permissive;status'= {
            cand --mesh-name 'Name of the mesh (its control-plane namespace is found through it)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;permissive;help'= {
            cand enable 'Turn permissive traffic policy mode on: meshed services reach each other without SMI policies'
            cand disable 'Turn permissive traffic policy mode off: only traffic allowed by SMI TrafficTargets flows'
            cand status 'Show whether permissive traffic policy mode is on'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;permissive;help;enable'= {
        }
        &'osm;permissive;help;disable'= {
        }
        &'osm;permissive;help;status'= {
        }
        &'osm;permissive;help;help'= {
        }
        &'osm;egress'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand enable 'Let meshed pods reach destinations outside the mesh'
            cand disable 'Stop meshed pods reaching destinations outside the mesh'
            cand status 'Show whether meshed pods may reach destinations outside the mesh'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;egress;enable'= {
            cand --mesh-name 'Name of the mesh (its control-plane namespace is found through it)'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand --dry-run 'Print the patch that would be applied and change nothing'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;egress;disable'= {
            cand --mesh-name 'Name of the mesh (its control-plane namespace is found through it)'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand --dry-run 'Print the patch that would be applied and change nothing'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;egress;status'= {
            cand --mesh-name 'Name of the mesh (its control-plane namespace is found through it)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;egress;help'= {
            cand enable 'Let meshed pods reach destinations outside the mesh'
            cand disable 'Stop meshed pods reaching destinations outside the mesh'
            cand status 'Show whether meshed pods may reach destinations outside the mesh'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;egress;help;enable'= {
        }
        &'osm;egress;help;disable'= {
        }
        &'osm;egress;help;status'= {
        }
        &'osm;egress;help;help'= {
        }
        &'osm;tracing'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand enable 'Send spans to a collector (Zipkin API, e.g. Jaeger)'
            cand disable 'Stop sending spans'
            cand status 'Show whether tracing is on and where spans go'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;tracing;enable'= {
            cand --mesh-name 'Name of the mesh (its control-plane namespace is found through it)'
            cand --address 'Collector host (default: the address already set, else the mesh''s jaeger Service)'
            cand --port 'Collector port (default: the port already set, else 9411)'
            cand --endpoint 'Collector path (default: the endpoint already set, else /api/v2/spans)'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand --dry-run 'Print the patch that would be applied and change nothing'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;tracing;disable'= {
            cand --mesh-name 'Name of the mesh (its control-plane namespace is found through it)'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand --dry-run 'Print the patch that would be applied and change nothing'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;tracing;status'= {
            cand --mesh-name 'Name of the mesh (its control-plane namespace is found through it)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;tracing;help'= {
            cand enable 'Send spans to a collector (Zipkin API, e.g. Jaeger)'
            cand disable 'Stop sending spans'
            cand status 'Show whether tracing is on and where spans go'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;tracing;help;enable'= {
        }
        &'osm;tracing;help;disable'= {
        }
        &'osm;tracing;help;status'= {
        }
        &'osm;tracing;help;help'= {
        }
        &'osm;traffic'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand split 'Create and set weighted splits (TrafficSplit, VirtualService, HTTPRoute); show, list, delete TrafficSplits'
            cand shift 'Move traffic to one backend step by step, optionally gated by Prometheus metrics (a canary)'
            cand route 'Send all traffic of the default route to one backend'
            cand match 'Route requests carrying a header to one backend, before the default route'
            cand mirror 'Copy the default route''s requests to another backend (responses are discarded)'
            cand get 'Show the effective routing table: rules in order, matches, weights in percent, mirrors'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;traffic;split'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create a TrafficSplit, VirtualService or HTTPRoute splitting a root Service between backends'
            cand set 'Change backend percentages; backends not named share the remainder by their current weight'
            cand get 'Show one TrafficSplit with its backends'' percentages'
            cand list 'List TrafficSplits'
            cand delete 'Delete a TrafficSplit'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;traffic;split;create'= {
            cand -n 'Namespace of the routing object (default: the kubeconfig context''s namespace)'
            cand --namespace 'Namespace of the routing object (default: the kubeconfig context''s namespace)'
            cand --service 'The root Service clients address: svc, svc.ns or svc.ns.svc.cluster.local'
            cand --backend 'A backend Service and its weight (non-negative integer); repeat for each backend'
            cand --api 'Which kind of object to create: a TrafficSplit, a VirtualService or an HTTPRoute'
            cand --port 'The port of the HTTPRoute''s parent Service and backendRefs (default: the root Service''s first port)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand --allow-missing-services 'Create the route even if the root or a backend Service does not exist (yet)'
            cand --dry-run 'Print the object and create nothing'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;traffic;split;set'= {
            cand -n 'Namespace of the routing object (default: the kubeconfig context''s namespace)'
            cand --namespace 'Namespace of the routing object (default: the kubeconfig context''s namespace)'
            cand --api 'Which kind of object NAME is (default: whichever exists)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand --equal 'Spread the percentage not assigned evenly (all of it when nothing is assigned)'
            cand --add 'Add named Services that are not backends yet'
            cand --allow-missing-services 'With --add, add a Service that does not exist (yet)'
            cand --dry-run 'Print the new weights and the change as a diff, and change nothing'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;traffic;split;get'= {
            cand -n 'Namespace of the routing object (default: the kubeconfig context''s namespace)'
            cand --namespace 'Namespace of the routing object (default: the kubeconfig context''s namespace)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;traffic;split;list'= {
            cand -n 'Namespace of the routing object (default: the kubeconfig context''s namespace)'
            cand --namespace 'Namespace of the routing object (default: the kubeconfig context''s namespace)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -A 'List TrafficSplits in every namespace'
            cand --all-namespaces 'List TrafficSplits in every namespace'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;traffic;split;delete'= {
            cand -n 'Namespace of the routing object (default: the kubeconfig context''s namespace)'
            cand --namespace 'Namespace of the routing object (default: the kubeconfig context''s namespace)'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;traffic;split;help'= {
            cand create 'Create a TrafficSplit, VirtualService or HTTPRoute splitting a root Service between backends'
            cand set 'Change backend percentages; backends not named share the remainder by their current weight'
            cand get 'Show one TrafficSplit with its backends'' percentages'
            cand list 'List TrafficSplits'
            cand delete 'Delete a TrafficSplit'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;traffic;split;help;create'= {
        }
        &'osm;traffic;split;help;set'= {
        }
        &'osm;traffic;split;help;get'= {
        }
        &'osm;traffic;split;help;list'= {
        }
        &'osm;traffic;split;help;delete'= {
        }
        &'osm;traffic;split;help;help'= {
        }
        &'osm;traffic;shift'= {
            cand -n 'Namespace of the routing object (default: the kubeconfig context''s namespace)'
            cand --namespace 'Namespace of the routing object (default: the kubeconfig context''s namespace)'
            cand --to 'The backend that receives the traffic'
            cand --step 'Percentage moved to it per step, 1 to 100'
            cand --interval 'How long to wait after each step, and the window each check measures (e.g. 30s, 2m)'
            cand --until 'Stop when it has this percentage'
            cand --max-weight 'Stop at this percentage and wait for `osm traffic shift promote`'
            cand --api 'Which kind of object NAME is (default: whichever exists)'
            cand --min-success-rate 'Lowest share of the target''s requests answered without a 5xx, in percent (e.g. 99)'
            cand --max-latency-p99 'Highest 99th-percentile latency of the target''s requests (e.g. 500ms)'
            cand --max-error-delta 'Percentage points the target''s error rate may exceed the stable backend''s'
            cand --failure-threshold 'Failed checks before traffic goes back to the stable backend'
            cand --min-requests 'Fewer requests than this in an interval is no data, neither pass nor failure'
            cand --on-no-data 'What a check without enough data does: hold the weight, or count as a failure'
            cand --metrics 'Which metrics to read (default: istio for a VirtualService; else osm, or envoy when the MeshConfig turns WASM stats off)'
            cand --query-success-rate 'Your own success-rate PromQL (percent), with {{namespace}}, {{workload}}, {{interval}}'
            cand --query-latency 'Your own p99-latency PromQL (milliseconds), with {{namespace}}, {{workload}}, {{interval}}'
            cand --prometheus 'Prometheus''s URL (default: a port-forward to the mesh''s Prometheus)'
            cand -o 'table: a line per step and check (a progress bar on a terminal); json: one JSON event per line'
            cand --output 'table: a line per step and check (a progress bar on a terminal); json: one JSON event per line'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand --dry-run 'Print the steps (and the analysis''s queries) and change nothing'
            cand --compare-baseline 'Fail when the target''s error rate exceeds the stable backend''s by more than --max-error-delta'
            cand --rollback-on-interrupt 'Route everything back to the stable backend on Ctrl-C, instead of pausing'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand status 'Show a shift''s plan and progress, as kept on the routing object'
            cand promote 'Give the target backend all the traffic now'
            cand abort 'Route all the traffic back to the stable backend and end the shift'
            cand resume 'Continue a paused or interrupted shift from where it stopped'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;traffic;shift;status'= {
            cand -n 'Namespace of the routing object (default: the kubeconfig context''s namespace)'
            cand --namespace 'Namespace of the routing object (default: the kubeconfig context''s namespace)'
            cand --api 'Which kind of object NAME is (default: whichever exists)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;traffic;shift;promote'= {
            cand -n 'Namespace of the routing object (default: the kubeconfig context''s namespace)'
            cand --namespace 'Namespace of the routing object (default: the kubeconfig context''s namespace)'
            cand --api 'Which kind of object NAME is (default: whichever exists)'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;traffic;shift;abort'= {
            cand -n 'Namespace of the routing object (default: the kubeconfig context''s namespace)'
            cand --namespace 'Namespace of the routing object (default: the kubeconfig context''s namespace)'
            cand --api 'Which kind of object NAME is (default: whichever exists)'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;traffic;shift;resume'= {
            cand -n 'Namespace of the routing object (default: the kubeconfig context''s namespace)'
            cand --namespace 'Namespace of the routing object (default: the kubeconfig context''s namespace)'
            cand --api 'Which kind of object NAME is (default: whichever exists)'
            cand --prometheus 'Prometheus''s URL (default: a port-forward to the mesh''s Prometheus)'
            cand -o 'table: a line per step and check (a progress bar on a terminal); json: one JSON event per line'
            cand --output 'table: a line per step and check (a progress bar on a terminal); json: one JSON event per line'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand --rollback-on-interrupt 'Route everything back to the stable backend on Ctrl-C, instead of pausing'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;traffic;shift;help'= {
            cand status 'Show a shift''s plan and progress, as kept on the routing object'
            cand promote 'Give the target backend all the traffic now'
            cand abort 'Route all the traffic back to the stable backend and end the shift'
            cand resume 'Continue a paused or interrupted shift from where it stopped'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;traffic;shift;help;status'= {
        }
        &'osm;traffic;shift;help;promote'= {
        }
        &'osm;traffic;shift;help;abort'= {
        }
        &'osm;traffic;shift;help;resume'= {
        }
        &'osm;traffic;shift;help;help'= {
        }
        &'osm;traffic;route'= {
            cand -n 'Namespace of the routing object (default: the kubeconfig context''s namespace)'
            cand --namespace 'Namespace of the routing object (default: the kubeconfig context''s namespace)'
            cand --api 'Which kind of object NAME is (default: whichever exists)'
            cand --to 'The backend: a subset, a host or Service, or a backendRef name'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand --dry-run 'Print the change as a diff and change nothing'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;traffic;match'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add (or replace) the rule for a header; exactly one of --header, --header-prefix, --header-regex'
            cand remove 'Remove the rules that match on this header alone'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;traffic;match;add'= {
            cand -n 'Namespace of the routing object (default: the kubeconfig context''s namespace)'
            cand --namespace 'Namespace of the routing object (default: the kubeconfig context''s namespace)'
            cand --api 'Which kind of object NAME is (default: whichever exists)'
            cand --header 'Requests whose header KEY is exactly VALUE'
            cand --header-prefix 'Requests whose header KEY starts with VALUE (Istio only)'
            cand --header-regex 'Requests whose header KEY matches the regular expression VALUE'
            cand --to 'The backend those requests go to'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand --dry-run 'Print the change as a diff and change nothing'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;traffic;match;remove'= {
            cand -n 'Namespace of the routing object (default: the kubeconfig context''s namespace)'
            cand --namespace 'Namespace of the routing object (default: the kubeconfig context''s namespace)'
            cand --api 'Which kind of object NAME is (default: whichever exists)'
            cand --header 'The header whose rules go'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand --dry-run 'Print the change as a diff and change nothing'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;traffic;match;help'= {
            cand add 'Add (or replace) the rule for a header; exactly one of --header, --header-prefix, --header-regex'
            cand remove 'Remove the rules that match on this header alone'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;traffic;match;help;add'= {
        }
        &'osm;traffic;match;help;remove'= {
        }
        &'osm;traffic;match;help;help'= {
        }
        &'osm;traffic;mirror'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand set 'Mirror the default route to a backend'
            cand clear 'Stop mirroring (every rule of the object)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;traffic;mirror;set'= {
            cand -n 'Namespace of the routing object (default: the kubeconfig context''s namespace)'
            cand --namespace 'Namespace of the routing object (default: the kubeconfig context''s namespace)'
            cand --api 'Which kind of object NAME is (default: whichever exists)'
            cand --to 'The backend that receives the copies'
            cand --percent 'Share of requests copied, 0 to 100'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand --dry-run 'Print the change as a diff and change nothing'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;traffic;mirror;clear'= {
            cand -n 'Namespace of the routing object (default: the kubeconfig context''s namespace)'
            cand --namespace 'Namespace of the routing object (default: the kubeconfig context''s namespace)'
            cand --api 'Which kind of object NAME is (default: whichever exists)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand --dry-run 'Print the change as a diff and change nothing'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;traffic;mirror;help'= {
            cand set 'Mirror the default route to a backend'
            cand clear 'Stop mirroring (every rule of the object)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;traffic;mirror;help;set'= {
        }
        &'osm;traffic;mirror;help;clear'= {
        }
        &'osm;traffic;mirror;help;help'= {
        }
        &'osm;traffic;get'= {
            cand -n 'Namespace of the routing object (default: the kubeconfig context''s namespace)'
            cand --namespace 'Namespace of the routing object (default: the kubeconfig context''s namespace)'
            cand --api 'Which kind of object NAME is (default: whichever exists)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;traffic;help'= {
            cand split 'Create and set weighted splits (TrafficSplit, VirtualService, HTTPRoute); show, list, delete TrafficSplits'
            cand shift 'Move traffic to one backend step by step, optionally gated by Prometheus metrics (a canary)'
            cand route 'Send all traffic of the default route to one backend'
            cand match 'Route requests carrying a header to one backend, before the default route'
            cand mirror 'Copy the default route''s requests to another backend (responses are discarded)'
            cand get 'Show the effective routing table: rules in order, matches, weights in percent, mirrors'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;traffic;help;split'= {
            cand create 'Create a TrafficSplit, VirtualService or HTTPRoute splitting a root Service between backends'
            cand set 'Change backend percentages; backends not named share the remainder by their current weight'
            cand get 'Show one TrafficSplit with its backends'' percentages'
            cand list 'List TrafficSplits'
            cand delete 'Delete a TrafficSplit'
        }
        &'osm;traffic;help;split;create'= {
        }
        &'osm;traffic;help;split;set'= {
        }
        &'osm;traffic;help;split;get'= {
        }
        &'osm;traffic;help;split;list'= {
        }
        &'osm;traffic;help;split;delete'= {
        }
        &'osm;traffic;help;shift'= {
            cand status 'Show a shift''s plan and progress, as kept on the routing object'
            cand promote 'Give the target backend all the traffic now'
            cand abort 'Route all the traffic back to the stable backend and end the shift'
            cand resume 'Continue a paused or interrupted shift from where it stopped'
        }
        &'osm;traffic;help;shift;status'= {
        }
        &'osm;traffic;help;shift;promote'= {
        }
        &'osm;traffic;help;shift;abort'= {
        }
        &'osm;traffic;help;shift;resume'= {
        }
        &'osm;traffic;help;route'= {
        }
        &'osm;traffic;help;match'= {
            cand add 'Add (or replace) the rule for a header; exactly one of --header, --header-prefix, --header-regex'
            cand remove 'Remove the rules that match on this header alone'
        }
        &'osm;traffic;help;match;add'= {
        }
        &'osm;traffic;help;match;remove'= {
        }
        &'osm;traffic;help;mirror'= {
            cand set 'Mirror the default route to a backend'
            cand clear 'Stop mirroring (every rule of the object)'
        }
        &'osm;traffic;help;mirror;set'= {
        }
        &'osm;traffic;help;mirror;clear'= {
        }
        &'osm;traffic;help;get'= {
        }
        &'osm;traffic;help;help'= {
        }
        &'osm;istio'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand manifest 'Print the manifests an Istio install applies (istioctl manifest generate)'
            cand install 'Install Istio''s control plane (istioctl install)'
            cand uninstall 'Remove Istio''s control plane (istioctl uninstall)'
            cand kube-inject 'Add Istio''s sidecar to the workloads of a manifest (istioctl kube-inject)'
            cand version 'Print the versions of osm''s Istio and of the installed control plane (istioctl version)'
            cand verify-install 'Check that what an Istio install wrote is present and ready (istioctl verify-install)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;istio;manifest'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand generate 'Print the objects of an Istio install, as istioctl manifest generate does'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;istio;manifest;generate'= {
            cand -s 'Set a value of the IstioOperator (repeatable, later wins), e.g. profile=demo or components.egressGateways[0].enabled=false (a dot inside a key is written \.)'
            cand --set 'Set a value of the IstioOperator (repeatable, later wins), e.g. profile=demo or components.egressGateways[0].enabled=false (a dot inside a key is written \.)'
            cand -f 'IstioOperator files to merge in order, before the --set values (repeatable or comma-separated; - reads stdin)'
            cand --filename 'IstioOperator files to merge in order, before the --set values (repeatable or comma-separated; - reads stdin)'
            cand -r 'The control plane revision (default: none, the default revision)'
            cand --revision 'The control plane revision (default: none, the default revision)'
            cand -d 'A directory with Istio''s charts/ and profiles/ to use instead of the built-in 1.30.3 ones'
            cand --manifests 'A directory with Istio''s charts/ and profiles/ to use instead of the built-in 1.30.3 ones'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand --force 'Go on even if the IstioOperator does not validate'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;istio;manifest;help'= {
            cand generate 'Print the objects of an Istio install, as istioctl manifest generate does'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;istio;manifest;help;generate'= {
        }
        &'osm;istio;manifest;help;help'= {
        }
        &'osm;istio;install'= {
            cand -s 'Set a value of the IstioOperator (repeatable, later wins), e.g. profile=demo or components.egressGateways[0].enabled=false (a dot inside a key is written \.)'
            cand --set 'Set a value of the IstioOperator (repeatable, later wins), e.g. profile=demo or components.egressGateways[0].enabled=false (a dot inside a key is written \.)'
            cand -f 'IstioOperator files to merge in order, before the --set values (repeatable or comma-separated; - reads stdin)'
            cand --filename 'IstioOperator files to merge in order, before the --set values (repeatable or comma-separated; - reads stdin)'
            cand -r 'The control plane revision (default: none, the default revision)'
            cand --revision 'The control plane revision (default: none, the default revision)'
            cand -d 'A directory with Istio''s charts/ and profiles/ to use instead of the built-in 1.30.3 ones'
            cand --manifests 'A directory with Istio''s charts/ and profiles/ to use instead of the built-in 1.30.3 ones'
            cand --readiness-timeout 'How long each component''s Deployments get to become ready'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand --force 'Go on even if the IstioOperator does not validate'
            cand -y 'Install without asking for confirmation'
            cand --skip-confirmation 'Install without asking for confirmation'
            cand --dry-run 'Print what the install would write, and write nothing'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;istio;uninstall'= {
            cand -r 'Remove the control plane of this revision (its Istiod, gateways and webhooks; the CRDs stay)'
            cand --revision 'Remove the control plane of this revision (its Istiod, gateways and webhooks; the CRDs stay)'
            cand -f 'The IstioOperator the control plane was installed with: what carries its name and namespace is removed (every revision''s, unless --revision narrows it, as istioctl does)'
            cand --filename 'The IstioOperator the control plane was installed with: what carries its name and namespace is removed (every revision''s, unless --revision narrows it, as istioctl does)'
            cand -s 'Set a value of the IstioOperator, as for install (repeatable; revision=R alone selects nothing narrower, as with istioctl: pass --revision)'
            cand --set 'Set a value of the IstioOperator, as for install (repeatable; revision=R alone selects nothing narrower, as with istioctl: pass --revision)'
            cand -d 'A directory with Istio''s charts/ and profiles/ to read the profiles from'
            cand --manifests 'A directory with Istio''s charts/ and profiles/ to read the profiles from'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand --force 'Accepted for istioctl''s command lines; uninstall validates nothing it could skip'
            cand --purge 'Remove every Istio object of every revision, CRDs and cluster-wide objects included'
            cand -y 'Uninstall without asking for confirmation'
            cand --skip-confirmation 'Uninstall without asking for confirmation'
            cand --dry-run 'Print what would be removed, and remove nothing'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;istio;kube-inject'= {
            cand -f 'Input Kubernetes resource filename (`-` reads standard input)'
            cand --filename 'Input Kubernetes resource filename (`-` reads standard input)'
            cand -o 'Modified output Kubernetes resource filename (default: standard output)'
            cand --output 'Modified output Kubernetes resource filename (default: standard output)'
            cand --injectConfigFile 'Injection configuration filename (the `config` key of the istio-sidecar-injector ConfigMap)'
            cand --meshConfigFile 'Mesh configuration filename (the `mesh` key of the istio ConfigMap)'
            cand --valuesFile 'Injection values configuration filename (the `values` key of the istio-sidecar-injector ConfigMap)'
            cand -r 'Control plane revision whose ConfigMaps are read; `default` renders as the default revision'
            cand --revision 'Control plane revision whose ConfigMaps are read; `default` renders as the default revision'
            cand --injectConfigMapName 'ConfigMap name for Istio sidecar injection, key should be "config"'
            cand --meshConfigMapName 'ConfigMap name for Istio mesh configuration, key should be "mesh"'
            cand -i 'Namespace of the Istio control plane, where the ConfigMaps live'
            cand --istioNamespace 'Namespace of the Istio control plane, where the ConfigMaps live'
            cand --operatorFileName 'IstioOperator file whose values and meshConfig replace --valuesFile and --meshConfigFile (merged over its profile, as manifest generate merges it)'
            cand --webhookConfig 'MutatingWebhookConfiguration name for Istio (istioctl names it only in its messages; osm reads the injection config from the revision''s ConfigMaps, never through the webhook)'
            cand --xds-address 'istiod''s address, to inject through a running control plane (refused without --injectConfigFile)'
            cand --xds-label 'The istiod pod label to reach it by (refused without --injectConfigFile)'
            cand --xds-port 'The istiod port to reach (refused without --injectConfigFile)'
            cand --cert-dir 'Certificates to reach istiod with (refused without --injectConfigFile)'
            cand --authority 'istiod''s expected TLS name (refused without --injectConfigFile)'
            cand --timeout 'How long to wait for istiod (refused without --injectConfigFile)'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand --insecure 'Skip istiod''s certificate check (refused without --injectConfigFile)'
            cand --plaintext 'Reach istiod without TLS (refused without --injectConfigFile)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;istio;version'= {
            cand --remote 'Also read the control plane''s version from the cluster (--remote=false: osm''s Istio only)'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;istio;verify-install'= {
            cand -s 'Set a value of the IstioOperator (repeatable, later wins), e.g. profile=demo or components.egressGateways[0].enabled=false (a dot inside a key is written \.)'
            cand --set 'Set a value of the IstioOperator (repeatable, later wins), e.g. profile=demo or components.egressGateways[0].enabled=false (a dot inside a key is written \.)'
            cand -f 'IstioOperator files to merge in order, before the --set values (repeatable or comma-separated; - reads stdin)'
            cand --filename 'IstioOperator files to merge in order, before the --set values (repeatable or comma-separated; - reads stdin)'
            cand -r 'The control plane revision (default: none, the default revision)'
            cand --revision 'The control plane revision (default: none, the default revision)'
            cand -d 'A directory with Istio''s charts/ and profiles/ to use instead of the built-in 1.30.3 ones'
            cand --manifests 'A directory with Istio''s charts/ and profiles/ to use instead of the built-in 1.30.3 ones'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand --force 'Go on even if the IstioOperator does not validate'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;istio;help'= {
            cand manifest 'Print the manifests an Istio install applies (istioctl manifest generate)'
            cand install 'Install Istio''s control plane (istioctl install)'
            cand uninstall 'Remove Istio''s control plane (istioctl uninstall)'
            cand kube-inject 'Add Istio''s sidecar to the workloads of a manifest (istioctl kube-inject)'
            cand version 'Print the versions of osm''s Istio and of the installed control plane (istioctl version)'
            cand verify-install 'Check that what an Istio install wrote is present and ready (istioctl verify-install)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;istio;help;manifest'= {
            cand generate 'Print the objects of an Istio install, as istioctl manifest generate does'
        }
        &'osm;istio;help;manifest;generate'= {
        }
        &'osm;istio;help;install'= {
        }
        &'osm;istio;help;uninstall'= {
        }
        &'osm;istio;help;kube-inject'= {
        }
        &'osm;istio;help;version'= {
        }
        &'osm;istio;help;verify-install'= {
        }
        &'osm;istio;help;help'= {
        }
        &'osm;port-forward'= {
            cand -n 'Namespace of the target (default: the kubeconfig context''s namespace)'
            cand --namespace 'Namespace of the target (default: the kubeconfig context''s namespace)'
            cand --address 'Local address to listen on (loopback unless you say otherwise)'
            cand --reconnect-timeout 'How long to wait for a new ready pod when the forwarded pod goes away before giving up (exit 1)'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;dashboard'= {
            cand -p 'Local port (default: the add-on''s port, e.g. 3000 for Grafana; a free one if that is busy)'
            cand --local-port 'Local port (default: the add-on''s port, e.g. 3000 for Grafana; a free one if that is busy)'
            cand -r 'Port of the add-on''s Service (default: 3000 Grafana, 7070 Prometheus, 16686 Jaeger)'
            cand --remote-port 'Port of the add-on''s Service (default: 3000 Grafana, 7070 Prometheus, 16686 Jaeger)'
            cand -b 'Open the UI in a browser (`--open-browser=false` to only print the URL)'
            cand --open-browser 'Open the UI in a browser (`--open-browser=false` to only print the URL)'
            cand --address 'Local address to listen on'
            cand --mesh-name 'Name of the mesh whose add-on to open'
            cand --timeout 'How long to wait for the add-on''s pod to be ready and its UI to answer'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand --no-browser 'Only print the URL (same as --open-browser=false)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;proxy'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand get 'GET from the sidecar''s admin interface (e.g. config_dump, stats, clusters, "stats?format=json")'
            cand set 'POST to the sidecar''s admin interface (e.g. reset_counters, "logging?level=debug")'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;proxy;get'= {
            cand -n 'Namespace of the pod (default: the kubeconfig context''s namespace)'
            cand --namespace 'Namespace of the pod (default: the kubeconfig context''s namespace)'
            cand -f 'Write the answer to this file instead of stdout'
            cand --file 'Write the answer to this file instead of stdout'
            cand -p 'Local port of the forward to the admin interface (default: any free port)'
            cand --local-port 'Local port of the forward to the admin interface (default: any free port)'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;proxy;set'= {
            cand -n 'Namespace of the pod (default: the kubeconfig context''s namespace)'
            cand --namespace 'Namespace of the pod (default: the kubeconfig context''s namespace)'
            cand -f 'Write the answer to this file instead of stdout'
            cand --file 'Write the answer to this file instead of stdout'
            cand -p 'Local port of the forward to the admin interface (default: any free port)'
            cand --local-port 'Local port of the forward to the admin interface (default: any free port)'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;proxy;help'= {
            cand get 'GET from the sidecar''s admin interface (e.g. config_dump, stats, clusters, "stats?format=json")'
            cand set 'POST to the sidecar''s admin interface (e.g. reset_counters, "logging?level=debug")'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;proxy;help;get'= {
        }
        &'osm;proxy;help;set'= {
        }
        &'osm;proxy;help;help'= {
        }
        &'osm;check'= {
            cand --wait 'Re-run failing checks until they pass or this much time has passed (e.g. 90s, 5m)'
            cand --mesh-name 'The mesh to check (default: the one in --osm-namespace; with --pre, `osm`)'
            cand --mesh 'Which mesh software to check: OSM, or Istio (istioctl''s precheck with --pre)'
            cand -r 'With --mesh istio: the control plane''s revision'
            cand --revision 'With --mesh istio: the control plane''s revision'
            cand -i 'With --mesh istio: the namespace of Istio''s control plane'
            cand --istio-namespace 'With --mesh istio: the namespace of Istio''s control plane'
            cand --istioNamespace 'With --mesh istio: the namespace of Istio''s control plane'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand --pre 'Check that `osm install` can go ahead in this cluster instead of checking an installed mesh'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;verify'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand connectivity 'Verify that a pod can reach another pod (or an external host) through the mesh'
            cand control-plane-health 'Verify the health of the OSM control plane: pods ready and their health endpoints answering'
            cand ingress 'Verify that an ingress Service can reach a pod through an IngressBackend'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;verify;connectivity'= {
            cand --from-pod 'The client pod, as NAMESPACE/NAME'
            cand --to-pod 'The destination pod, as NAMESPACE/NAME (needs --to-service)'
            cand --to-service 'The destination Service, in the destination pod''s namespace'
            cand --app-protocol 'Application protocol'
            cand --to-ext-port 'External port (egress)'
            cand --to-ext-host 'External host name (egress)'
            cand --mesh-name 'Mesh name'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;verify;control-plane-health'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;verify;ingress'= {
            cand --from-service 'The ingress Service, as NAMESPACE/NAME'
            cand --to-pod 'The destination pod, as NAMESPACE/NAME'
            cand --to-service 'The destination Service, in the destination pod''s namespace'
            cand --ingress-backend 'The IngressBackend, in the destination pod''s namespace'
            cand --to-port 'The port the destination pod listens on'
            cand --app-protocol 'Application protocol'
            cand --mesh-name 'Mesh name'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;verify;help'= {
            cand connectivity 'Verify that a pod can reach another pod (or an external host) through the mesh'
            cand control-plane-health 'Verify the health of the OSM control plane: pods ready and their health endpoints answering'
            cand ingress 'Verify that an ingress Service can reach a pod through an IngressBackend'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;verify;help;connectivity'= {
        }
        &'osm;verify;help;control-plane-health'= {
        }
        &'osm;verify;help;ingress'= {
        }
        &'osm;verify;help;help'= {
        }
        &'osm;policy'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand check-pods 'Check whether a pod may send traffic to another, by an SMI TrafficTarget or permissive mode'
            cand check-conflicts 'Check whether resources of one kind conflict with each other in a namespace'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;policy;check-pods'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;policy;check-conflicts'= {
            cand -n 'The namespace to check (exactly one)'
            cand --namespaces 'The namespace to check (exactly one)'
            cand --namespace 'The namespace to check (exactly one)'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;policy;help'= {
            cand check-pods 'Check whether a pod may send traffic to another, by an SMI TrafficTarget or permissive mode'
            cand check-conflicts 'Check whether resources of one kind conflict with each other in a namespace'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;policy;help;check-pods'= {
        }
        &'osm;policy;help;check-conflicts'= {
        }
        &'osm;policy;help;help'= {
        }
        &'osm;support'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand bug-report 'Collect the mesh''s logs, objects, sidecar configs and checks into a zip for a bug report'
            cand error-info 'Print what OSM''s error codes (E1000...) mean, one or all'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;support;bug-report'= {
            cand -o 'The zip file to write (default: osm-bug-report-<time>.zip in the current directory)'
            cand --out-file 'The zip file to write (default: osm-bug-report-<time>.zip in the current directory)'
            cand --app-namespaces 'Application namespaces to include, besides the mesh''s monitored ones (comma-separated or repeated)'
            cand --app-namespace 'Application namespaces to include, besides the mesh''s monitored ones (comma-separated or repeated)'
            cand --app-deployments 'Application Deployments to include, as NAMESPACE/NAME (comma-separated or repeated)'
            cand --app-pods 'Application pods to include, as NAMESPACE/NAME (comma-separated or repeated)'
            cand --mesh-name 'The mesh to report on (default: the one in --osm-namespace)'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand --all 'Every monitored namespace and all its pods (the default when no --app-* flag is given)'
            cand --ingress 'Also collect Ingress objects and IngressBackends of the collected namespaces'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;support;error-info'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;support;help'= {
            cand bug-report 'Collect the mesh''s logs, objects, sidecar configs and checks into a zip for a bug report'
            cand error-info 'Print what OSM''s error codes (E1000...) mean, one or all'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;support;help;bug-report'= {
        }
        &'osm;support;help;error-info'= {
        }
        &'osm;support;help;help'= {
        }
        &'osm;env'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;version'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand --client 'Print only the client version; do not contact the cluster'
            cand --client-only 'Print only the client version; do not contact the cluster'
            cand --version-only 'Accepted for the Go CLI''s scripts: osm prints no upgrade notices to hide'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;completion'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;help'= {
            cand install 'Install the OSM control plane'
            cand uninstall 'Remove a mesh (`osm uninstall mesh`)'
            cand mesh 'Manage meshes: list, upgrade, read and change their settings'
            cand namespace 'Enrol namespaces in a mesh, take them out, list them'
            cand metrics 'Enable or disable Prometheus metrics for meshed namespaces'
            cand permissive 'Turn permissive traffic policy mode (no SMI policy needed) on or off'
            cand egress 'Let meshed pods reach destinations outside the mesh, or stop them'
            cand tracing 'Send the sidecars'' trace spans to a collector, or stop'
            cand traffic 'Route traffic between service versions: splits, shifts, header matches, mirrors (SMI, Istio, Gateway API)'
            cand istio 'Install Istio, inject its sidecars, remove it: istioctl''s lifecycle commands'
            cand port-forward 'Forward local ports to a pod, deployment or service; follows the workload across restarts'
            cand dashboard 'Open a mesh add-on''s UI (Grafana, Prometheus, Jaeger) through a port-forward'
            cand proxy 'Read or change a sidecar''s Envoy admin interface'
            cand check 'Check a cluster before installing (--pre) or the health of an installed mesh'
            cand verify 'Verify mesh configuration step by step: connectivity, control-plane health, ingress'
            cand policy 'Check traffic policies: may one pod reach another, do policies conflict'
            cand support 'Supportability tools: a bug-report archive, OSM''s error codes'
            cand env 'Print osm''s settings (namespace, kubeconfig, context, ...) and where each came from'
            cand version 'Print the version of osm and of the cluster it talks to'
            cand completion 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;help;install'= {
        }
        &'osm;help;uninstall'= {
            cand mesh 'Remove a mesh''s control plane (and, with -a, OSM''s CRDs)'
        }
        &'osm;help;uninstall;mesh'= {
        }
        &'osm;help;mesh'= {
            cand list 'List the meshes in the cluster, with their readiness and monitored namespaces'
            cand upgrade 'Upgrade a mesh''s control plane, keeping its values unless --reset-values'
            cand config 'Read or change the mesh''s settings (its MeshConfig) by field path'
        }
        &'osm;help;mesh;list'= {
        }
        &'osm;help;mesh;upgrade'= {
        }
        &'osm;help;mesh;config'= {
            cand get 'Print the MeshConfig''s settings, or one field by dotted path (e.g. traffic.enableEgress)'
            cand set 'Change fields by dotted path: all assignments apply as one patch, or none does'
        }
        &'osm;help;mesh;config;get'= {
        }
        &'osm;help;mesh;config;set'= {
        }
        &'osm;help;namespace'= {
            cand add 'Enrol namespaces in a mesh: their new pods get an Envoy sidecar'
            cand remove 'Take namespaces out of their mesh'
            cand list 'List the namespaces of one mesh or of every mesh'
            cand ignore 'Make the mesh leave namespaces alone (label openservicemesh.io/ignore=true)'
            cand unignore 'Undo `osm namespace ignore`'
        }
        &'osm;help;namespace;add'= {
        }
        &'osm;help;namespace;remove'= {
        }
        &'osm;help;namespace;list'= {
        }
        &'osm;help;namespace;ignore'= {
        }
        &'osm;help;namespace;unignore'= {
        }
        &'osm;help;metrics'= {
            cand enable 'Let Prometheus scrape the sidecars of meshed namespaces'
            cand disable 'Stop Prometheus scraping the sidecars of namespaces'
        }
        &'osm;help;metrics;enable'= {
        }
        &'osm;help;metrics;disable'= {
        }
        &'osm;help;permissive'= {
            cand enable 'Turn permissive traffic policy mode on: meshed services reach each other without SMI policies'
            cand disable 'Turn permissive traffic policy mode off: only traffic allowed by SMI TrafficTargets flows'
            cand status 'Show whether permissive traffic policy mode is on'
        }
        &'osm;help;permissive;enable'= {
        }
        &'osm;help;permissive;disable'= {
        }
        &'osm;help;permissive;status'= {
        }
        &'osm;help;egress'= {
            cand enable 'Let meshed pods reach destinations outside the mesh'
            cand disable 'Stop meshed pods reaching destinations outside the mesh'
            cand status 'Show whether meshed pods may reach destinations outside the mesh'
        }
        &'osm;help;egress;enable'= {
        }
        &'osm;help;egress;disable'= {
        }
        &'osm;help;egress;status'= {
        }
        &'osm;help;tracing'= {
            cand enable 'Send spans to a collector (Zipkin API, e.g. Jaeger)'
            cand disable 'Stop sending spans'
            cand status 'Show whether tracing is on and where spans go'
        }
        &'osm;help;tracing;enable'= {
        }
        &'osm;help;tracing;disable'= {
        }
        &'osm;help;tracing;status'= {
        }
        &'osm;help;traffic'= {
            cand split 'Create and set weighted splits (TrafficSplit, VirtualService, HTTPRoute); show, list, delete TrafficSplits'
            cand shift 'Move traffic to one backend step by step, optionally gated by Prometheus metrics (a canary)'
            cand route 'Send all traffic of the default route to one backend'
            cand match 'Route requests carrying a header to one backend, before the default route'
            cand mirror 'Copy the default route''s requests to another backend (responses are discarded)'
            cand get 'Show the effective routing table: rules in order, matches, weights in percent, mirrors'
        }
        &'osm;help;traffic;split'= {
            cand create 'Create a TrafficSplit, VirtualService or HTTPRoute splitting a root Service between backends'
            cand set 'Change backend percentages; backends not named share the remainder by their current weight'
            cand get 'Show one TrafficSplit with its backends'' percentages'
            cand list 'List TrafficSplits'
            cand delete 'Delete a TrafficSplit'
        }
        &'osm;help;traffic;split;create'= {
        }
        &'osm;help;traffic;split;set'= {
        }
        &'osm;help;traffic;split;get'= {
        }
        &'osm;help;traffic;split;list'= {
        }
        &'osm;help;traffic;split;delete'= {
        }
        &'osm;help;traffic;shift'= {
            cand status 'Show a shift''s plan and progress, as kept on the routing object'
            cand promote 'Give the target backend all the traffic now'
            cand abort 'Route all the traffic back to the stable backend and end the shift'
            cand resume 'Continue a paused or interrupted shift from where it stopped'
        }
        &'osm;help;traffic;shift;status'= {
        }
        &'osm;help;traffic;shift;promote'= {
        }
        &'osm;help;traffic;shift;abort'= {
        }
        &'osm;help;traffic;shift;resume'= {
        }
        &'osm;help;traffic;route'= {
        }
        &'osm;help;traffic;match'= {
            cand add 'Add (or replace) the rule for a header; exactly one of --header, --header-prefix, --header-regex'
            cand remove 'Remove the rules that match on this header alone'
        }
        &'osm;help;traffic;match;add'= {
        }
        &'osm;help;traffic;match;remove'= {
        }
        &'osm;help;traffic;mirror'= {
            cand set 'Mirror the default route to a backend'
            cand clear 'Stop mirroring (every rule of the object)'
        }
        &'osm;help;traffic;mirror;set'= {
        }
        &'osm;help;traffic;mirror;clear'= {
        }
        &'osm;help;traffic;get'= {
        }
        &'osm;help;istio'= {
            cand manifest 'Print the manifests an Istio install applies (istioctl manifest generate)'
            cand install 'Install Istio''s control plane (istioctl install)'
            cand uninstall 'Remove Istio''s control plane (istioctl uninstall)'
            cand kube-inject 'Add Istio''s sidecar to the workloads of a manifest (istioctl kube-inject)'
            cand version 'Print the versions of osm''s Istio and of the installed control plane (istioctl version)'
            cand verify-install 'Check that what an Istio install wrote is present and ready (istioctl verify-install)'
        }
        &'osm;help;istio;manifest'= {
            cand generate 'Print the objects of an Istio install, as istioctl manifest generate does'
        }
        &'osm;help;istio;manifest;generate'= {
        }
        &'osm;help;istio;install'= {
        }
        &'osm;help;istio;uninstall'= {
        }
        &'osm;help;istio;kube-inject'= {
        }
        &'osm;help;istio;version'= {
        }
        &'osm;help;istio;verify-install'= {
        }
        &'osm;help;port-forward'= {
        }
        &'osm;help;dashboard'= {
        }
        &'osm;help;proxy'= {
            cand get 'GET from the sidecar''s admin interface (e.g. config_dump, stats, clusters, "stats?format=json")'
            cand set 'POST to the sidecar''s admin interface (e.g. reset_counters, "logging?level=debug")'
        }
        &'osm;help;proxy;get'= {
        }
        &'osm;help;proxy;set'= {
        }
        &'osm;help;check'= {
        }
        &'osm;help;verify'= {
            cand connectivity 'Verify that a pod can reach another pod (or an external host) through the mesh'
            cand control-plane-health 'Verify the health of the OSM control plane: pods ready and their health endpoints answering'
            cand ingress 'Verify that an ingress Service can reach a pod through an IngressBackend'
        }
        &'osm;help;verify;connectivity'= {
        }
        &'osm;help;verify;control-plane-health'= {
        }
        &'osm;help;verify;ingress'= {
        }
        &'osm;help;policy'= {
            cand check-pods 'Check whether a pod may send traffic to another, by an SMI TrafficTarget or permissive mode'
            cand check-conflicts 'Check whether resources of one kind conflict with each other in a namespace'
        }
        &'osm;help;policy;check-pods'= {
        }
        &'osm;help;policy;check-conflicts'= {
        }
        &'osm;help;support'= {
            cand bug-report 'Collect the mesh''s logs, objects, sidecar configs and checks into a zip for a bug report'
            cand error-info 'Print what OSM''s error codes (E1000...) mean, one or all'
        }
        &'osm;help;support;bug-report'= {
        }
        &'osm;help;support;error-info'= {
        }
        &'osm;help;env'= {
        }
        &'osm;help;version'= {
        }
        &'osm;help;completion'= {
        }
        &'osm;help;help'= {
        }
    ]
    $completions[$command]
}
