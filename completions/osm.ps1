
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'osm' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'osm'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'osm' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Install the OSM control plane')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Remove a mesh (`osm uninstall mesh`)')
            [CompletionResult]::new('mesh', 'mesh', [CompletionResultType]::ParameterValue, 'Manage meshes: list, upgrade, read and change their settings')
            [CompletionResult]::new('namespace', 'namespace', [CompletionResultType]::ParameterValue, 'Enrol namespaces in a mesh, take them out, list them')
            [CompletionResult]::new('ns', 'ns', [CompletionResultType]::ParameterValue, 'Enrol namespaces in a mesh, take them out, list them')
            [CompletionResult]::new('metrics', 'metrics', [CompletionResultType]::ParameterValue, 'Enable or disable Prometheus metrics for meshed namespaces')
            [CompletionResult]::new('permissive', 'permissive', [CompletionResultType]::ParameterValue, 'Turn permissive traffic policy mode (no SMI policy needed) on or off')
            [CompletionResult]::new('egress', 'egress', [CompletionResultType]::ParameterValue, 'Let meshed pods reach destinations outside the mesh, or stop them')
            [CompletionResult]::new('tracing', 'tracing', [CompletionResultType]::ParameterValue, 'Send the sidecars'' trace spans to a collector, or stop')
            [CompletionResult]::new('traffic', 'traffic', [CompletionResultType]::ParameterValue, 'Route traffic between service versions: splits, shifts, header matches, mirrors (SMI, Istio, Gateway API)')
            [CompletionResult]::new('istio', 'istio', [CompletionResultType]::ParameterValue, 'Install Istio, inject its sidecars, remove it: istioctl''s lifecycle commands')
            [CompletionResult]::new('port-forward', 'port-forward', [CompletionResultType]::ParameterValue, 'Forward local ports to a pod, deployment or service; follows the workload across restarts')
            [CompletionResult]::new('dashboard', 'dashboard', [CompletionResultType]::ParameterValue, 'Open a mesh add-on''s UI (Grafana, Prometheus, Jaeger) through a port-forward')
            [CompletionResult]::new('proxy', 'proxy', [CompletionResultType]::ParameterValue, 'Read or change a sidecar''s Envoy admin interface')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check a cluster before installing (--pre) or the health of an installed mesh')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify mesh configuration step by step: connectivity, control-plane health, ingress')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Check traffic policies: may one pod reach another, do policies conflict')
            [CompletionResult]::new('support', 'support', [CompletionResultType]::ParameterValue, 'Supportability tools: a bug-report archive, OSM''s error codes')
            [CompletionResult]::new('env', 'env', [CompletionResultType]::ParameterValue, 'Print osm''s settings (namespace, kubeconfig, context, ...) and where each came from')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the version of osm and of the cluster it talks to')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;install' {
            [CompletionResult]::new('--mesh-name', '--mesh-name', [CompletionResultType]::ParameterName, 'Name of the mesh (overrides osm.meshName)')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Set a value (Helm syntax: a.b=1,c={x,y}); repeatable. `OpenServiceMesh.` works as `osm.`')
            [CompletionResult]::new('--set-string', '--set-string', [CompletionResultType]::ParameterName, 'Set a value, keeping it a string; repeatable')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Read values from a YAML file; repeatable, later files win')
            [CompletionResult]::new('--values', '--values', [CompletionResultType]::ParameterName, 'Read values from a YAML file; repeatable, later files win')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the control plane to become ready')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'With --dry-run: print YAML (default) or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'With --dry-run: print YAML (default) or JSON')
            [CompletionResult]::new('--enforce-single-mesh', '--enforce-single-mesh', [CompletionResultType]::ParameterName, 'Allow no other mesh in the cluster (overrides osm.enforceSingleMesh)')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'With --dry-run: an API group/version the target cluster serves besides the usual ones, as `helm template -a` (e.g. security.openshift.io/v1); repeatable')
            [CompletionResult]::new('--api-versions', '--api-versions', [CompletionResultType]::ParameterName, 'With --dry-run: an API group/version the target cluster serves besides the usual ones, as `helm template -a` (e.g. security.openshift.io/v1); repeatable')
            [CompletionResult]::new('--osm-chart-path', '--osm-chart-path', [CompletionResultType]::ParameterName, 'Not supported: osm renders the control plane itself (use --set or -f instead)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('--atomic', '--atomic', [CompletionResultType]::ParameterName, 'Remove what this install created if it fails or times out')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Return once everything is applied, without waiting for the pods')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the objects that would be applied, without contacting the cluster')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;uninstall' {
            [CompletionResult]::new('--mesh-name', '--mesh-name', [CompletionResultType]::ParameterName, 'Name of the mesh to remove')
            [CompletionResult]::new('--ca-bundle-secret-name', '--ca-bundle-secret-name', [CompletionResultType]::ParameterName, 'Name of the secret holding the mesh''s root CA bundle')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the Go CLI; osm needs no port-forward to uninstall')
            [CompletionResult]::new('--local-port', '--local-port', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the Go CLI; osm needs no port-forward to uninstall')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (also allows -a while other meshes exist)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (also allows -a while other meshes exist)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--delete-namespace', '--delete-namespace', [CompletionResultType]::ParameterName, 'Also delete the control-plane namespace')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Also delete OSM''s CRDs, with every custom resource of those kinds')
            [CompletionResult]::new('--delete-cluster-wide-resources', '--delete-cluster-wide-resources', [CompletionResultType]::ParameterName, 'Also delete OSM''s CRDs, with every custom resource of those kinds')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be removed, and remove nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('mesh', 'mesh', [CompletionResultType]::ParameterValue, 'Remove a mesh''s control plane (and, with -a, OSM''s CRDs)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;uninstall;mesh' {
            [CompletionResult]::new('--mesh-name', '--mesh-name', [CompletionResultType]::ParameterName, 'Name of the mesh to remove')
            [CompletionResult]::new('--ca-bundle-secret-name', '--ca-bundle-secret-name', [CompletionResultType]::ParameterName, 'Name of the secret holding the mesh''s root CA bundle')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the Go CLI; osm needs no port-forward to uninstall')
            [CompletionResult]::new('--local-port', '--local-port', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the Go CLI; osm needs no port-forward to uninstall')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (also allows -a while other meshes exist)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (also allows -a while other meshes exist)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--delete-namespace', '--delete-namespace', [CompletionResultType]::ParameterName, 'Also delete the control-plane namespace')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Also delete OSM''s CRDs, with every custom resource of those kinds')
            [CompletionResult]::new('--delete-cluster-wide-resources', '--delete-cluster-wide-resources', [CompletionResultType]::ParameterName, 'Also delete OSM''s CRDs, with every custom resource of those kinds')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be removed, and remove nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;uninstall;help' {
            [CompletionResult]::new('mesh', 'mesh', [CompletionResultType]::ParameterValue, 'Remove a mesh''s control plane (and, with -a, OSM''s CRDs)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;uninstall;help;mesh' {
            break
        }
        'osm;uninstall;help;help' {
            break
        }
        'osm;mesh' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the meshes in the cluster, with their readiness and monitored namespaces')
            [CompletionResult]::new('upgrade', 'upgrade', [CompletionResultType]::ParameterValue, 'Upgrade a mesh''s control plane, keeping its values unless --reset-values')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Read or change the mesh''s settings (its MeshConfig) by field path')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;mesh;list' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;mesh;upgrade' {
            [CompletionResult]::new('--mesh-name', '--mesh-name', [CompletionResultType]::ParameterName, 'Name of the mesh to upgrade')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Set a value (Helm syntax: a.b=1,c={x,y}); repeatable. `OpenServiceMesh.` works as `osm.`')
            [CompletionResult]::new('--set-string', '--set-string', [CompletionResultType]::ParameterName, 'Set a value, keeping it a string; repeatable')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Read values from a YAML file; repeatable, later files win')
            [CompletionResult]::new('--values', '--values', [CompletionResultType]::ParameterName, 'Read values from a YAML file; repeatable, later files win')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the control plane to become ready')
            [CompletionResult]::new('--osm-chart-path', '--osm-chart-path', [CompletionResultType]::ParameterName, 'The Go CLI''s chart override: refused where parsed, with what to use instead')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('--reset-values', '--reset-values', [CompletionResultType]::ParameterName, 'Start from the defaults instead of the values the mesh was installed with')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, and change nothing')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Return once everything is applied, without waiting for the pods')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;mesh;config' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print the MeshConfig''s settings, or one field by dotted path (e.g. traffic.enableEgress)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change fields by dotted path: all assignments apply as one patch, or none does')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;mesh;config;get' {
            [CompletionResult]::new('--mesh-name', '--mesh-name', [CompletionResultType]::ParameterName, 'Name of the mesh (its control-plane namespace is found through it)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;mesh;config;set' {
            [CompletionResult]::new('--mesh-name', '--mesh-name', [CompletionResultType]::ParameterName, 'Name of the mesh (its control-plane namespace is found through it)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the patch that would be applied and change nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;mesh;config;help' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print the MeshConfig''s settings, or one field by dotted path (e.g. traffic.enableEgress)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change fields by dotted path: all assignments apply as one patch, or none does')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;mesh;config;help;get' {
            break
        }
        'osm;mesh;config;help;set' {
            break
        }
        'osm;mesh;config;help;help' {
            break
        }
        'osm;mesh;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the meshes in the cluster, with their readiness and monitored namespaces')
            [CompletionResult]::new('upgrade', 'upgrade', [CompletionResultType]::ParameterValue, 'Upgrade a mesh''s control plane, keeping its values unless --reset-values')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Read or change the mesh''s settings (its MeshConfig) by field path')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;mesh;help;list' {
            break
        }
        'osm;mesh;help;upgrade' {
            break
        }
        'osm;mesh;help;config' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print the MeshConfig''s settings, or one field by dotted path (e.g. traffic.enableEgress)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change fields by dotted path: all assignments apply as one patch, or none does')
            break
        }
        'osm;mesh;help;config;get' {
            break
        }
        'osm;mesh;help;config;set' {
            break
        }
        'osm;mesh;help;help' {
            break
        }
        'osm;namespace' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Enrol namespaces in a mesh: their new pods get an Envoy sidecar')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Take namespaces out of their mesh')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Take namespaces out of their mesh')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the namespaces of one mesh or of every mesh')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the namespaces of one mesh or of every mesh')
            [CompletionResult]::new('ignore', 'ignore', [CompletionResultType]::ParameterValue, 'Make the mesh leave namespaces alone (label openservicemesh.io/ignore=true)')
            [CompletionResult]::new('unignore', 'unignore', [CompletionResultType]::ParameterValue, 'Undo `osm namespace ignore`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;ns' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Enrol namespaces in a mesh: their new pods get an Envoy sidecar')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Take namespaces out of their mesh')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Take namespaces out of their mesh')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the namespaces of one mesh or of every mesh')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the namespaces of one mesh or of every mesh')
            [CompletionResult]::new('ignore', 'ignore', [CompletionResultType]::ParameterValue, 'Make the mesh leave namespaces alone (label openservicemesh.io/ignore=true)')
            [CompletionResult]::new('unignore', 'unignore', [CompletionResultType]::ParameterValue, 'Undo `osm namespace ignore`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;namespace;add' {
            [CompletionResult]::new('--mesh-name', '--mesh-name', [CompletionResultType]::ParameterName, 'Name of the mesh to enrol them in')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'Which mesh''s injection labels to set')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'The istiod revision that injects (istio.io/rev=REV instead of istio-injection=enabled)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('--disable-sidecar-injection', '--disable-sidecar-injection', [CompletionResultType]::ParameterName, 'Monitor the namespaces without injecting sidecars into their pods')
            [CompletionResult]::new('--restart', '--restart', [CompletionResultType]::ParameterName, 'Restart the namespaces'' Deployments, StatefulSets and DaemonSets so running pods get a sidecar')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;ns;add' {
            [CompletionResult]::new('--mesh-name', '--mesh-name', [CompletionResultType]::ParameterName, 'Name of the mesh to enrol them in')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'Which mesh''s injection labels to set')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'The istiod revision that injects (istio.io/rev=REV instead of istio-injection=enabled)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('--disable-sidecar-injection', '--disable-sidecar-injection', [CompletionResultType]::ParameterName, 'Monitor the namespaces without injecting sidecars into their pods')
            [CompletionResult]::new('--restart', '--restart', [CompletionResultType]::ParameterName, 'Restart the namespaces'' Deployments, StatefulSets and DaemonSets so running pods get a sidecar')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;namespace;remove' {
            [CompletionResult]::new('--mesh-name', '--mesh-name', [CompletionResultType]::ParameterName, 'Name of the mesh they belong to')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'Which mesh''s injection labels to remove')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('--restart', '--restart', [CompletionResultType]::ParameterName, 'Restart the namespaces'' Deployments, StatefulSets and DaemonSets so pods lose their sidecar')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;namespace;rm' {
            [CompletionResult]::new('--mesh-name', '--mesh-name', [CompletionResultType]::ParameterName, 'Name of the mesh they belong to')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'Which mesh''s injection labels to remove')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('--restart', '--restart', [CompletionResultType]::ParameterName, 'Restart the namespaces'' Deployments, StatefulSets and DaemonSets so pods lose their sidecar')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;ns;remove' {
            [CompletionResult]::new('--mesh-name', '--mesh-name', [CompletionResultType]::ParameterName, 'Name of the mesh they belong to')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'Which mesh''s injection labels to remove')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('--restart', '--restart', [CompletionResultType]::ParameterName, 'Restart the namespaces'' Deployments, StatefulSets and DaemonSets so pods lose their sidecar')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;ns;rm' {
            [CompletionResult]::new('--mesh-name', '--mesh-name', [CompletionResultType]::ParameterName, 'Name of the mesh they belong to')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'Which mesh''s injection labels to remove')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('--restart', '--restart', [CompletionResultType]::ParameterName, 'Restart the namespaces'' Deployments, StatefulSets and DaemonSets so pods lose their sidecar')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;namespace;list' {
            [CompletionResult]::new('--mesh-name', '--mesh-name', [CompletionResultType]::ParameterName, 'Only the namespaces of this mesh (default: every mesh)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;namespace;ls' {
            [CompletionResult]::new('--mesh-name', '--mesh-name', [CompletionResultType]::ParameterName, 'Only the namespaces of this mesh (default: every mesh)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;ns;list' {
            [CompletionResult]::new('--mesh-name', '--mesh-name', [CompletionResultType]::ParameterName, 'Only the namespaces of this mesh (default: every mesh)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;ns;ls' {
            [CompletionResult]::new('--mesh-name', '--mesh-name', [CompletionResultType]::ParameterName, 'Only the namespaces of this mesh (default: every mesh)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;namespace;ignore' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;ns;ignore' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;namespace;unignore' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;ns;unignore' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;namespace;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Enrol namespaces in a mesh: their new pods get an Envoy sidecar')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Take namespaces out of their mesh')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the namespaces of one mesh or of every mesh')
            [CompletionResult]::new('ignore', 'ignore', [CompletionResultType]::ParameterValue, 'Make the mesh leave namespaces alone (label openservicemesh.io/ignore=true)')
            [CompletionResult]::new('unignore', 'unignore', [CompletionResultType]::ParameterValue, 'Undo `osm namespace ignore`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;namespace;help;add' {
            break
        }
        'osm;namespace;help;remove' {
            break
        }
        'osm;namespace;help;list' {
            break
        }
        'osm;namespace;help;ignore' {
            break
        }
        'osm;namespace;help;unignore' {
            break
        }
        'osm;namespace;help;help' {
            break
        }
        'osm;ns;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Enrol namespaces in a mesh: their new pods get an Envoy sidecar')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Take namespaces out of their mesh')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the namespaces of one mesh or of every mesh')
            [CompletionResult]::new('ignore', 'ignore', [CompletionResultType]::ParameterValue, 'Make the mesh leave namespaces alone (label openservicemesh.io/ignore=true)')
            [CompletionResult]::new('unignore', 'unignore', [CompletionResultType]::ParameterValue, 'Undo `osm namespace ignore`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;ns;help;add' {
            break
        }
        'osm;ns;help;remove' {
            break
        }
        'osm;ns;help;list' {
            break
        }
        'osm;ns;help;ignore' {
            break
        }
        'osm;ns;help;unignore' {
            break
        }
        'osm;ns;help;help' {
            break
        }
        'osm;metrics' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Let Prometheus scrape the sidecars of meshed namespaces')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Stop Prometheus scraping the sidecars of namespaces')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;metrics;enable' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespaces (comma-separated, repeatable)')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespaces (comma-separated, repeatable)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;metrics;disable' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespaces (comma-separated, repeatable)')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespaces (comma-separated, repeatable)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;metrics;help' {
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Let Prometheus scrape the sidecars of meshed namespaces')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Stop Prometheus scraping the sidecars of namespaces')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;metrics;help;enable' {
            break
        }
        'osm;metrics;help;disable' {
            break
        }
        'osm;metrics;help;help' {
            break
        }
        'osm;permissive' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Turn permissive traffic policy mode on: meshed services reach each other without SMI policies')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Turn permissive traffic policy mode off: only traffic allowed by SMI TrafficTargets flows')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show whether permissive traffic policy mode is on')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;permissive;enable' {
            [CompletionResult]::new('--mesh-name', '--mesh-name', [CompletionResultType]::ParameterName, 'Name of the mesh (its control-plane namespace is found through it)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the patch that would be applied and change nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;permissive;disable' {
            [CompletionResult]::new('--mesh-name', '--mesh-name', [CompletionResultType]::ParameterName, 'Name of the mesh (its control-plane namespace is found through it)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the patch that would be applied and change nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;permissive;status' {
            [CompletionResult]::new('--mesh-name', '--mesh-name', [CompletionResultType]::ParameterName, 'Name of the mesh (its control-plane namespace is found through it)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;permissive;help' {
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Turn permissive traffic policy mode on: meshed services reach each other without SMI policies')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Turn permissive traffic policy mode off: only traffic allowed by SMI TrafficTargets flows')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show whether permissive traffic policy mode is on')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;permissive;help;enable' {
            break
        }
        'osm;permissive;help;disable' {
            break
        }
        'osm;permissive;help;status' {
            break
        }
        'osm;permissive;help;help' {
            break
        }
        'osm;egress' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Let meshed pods reach destinations outside the mesh')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Stop meshed pods reaching destinations outside the mesh')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show whether meshed pods may reach destinations outside the mesh')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;egress;enable' {
            [CompletionResult]::new('--mesh-name', '--mesh-name', [CompletionResultType]::ParameterName, 'Name of the mesh (its control-plane namespace is found through it)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the patch that would be applied and change nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;egress;disable' {
            [CompletionResult]::new('--mesh-name', '--mesh-name', [CompletionResultType]::ParameterName, 'Name of the mesh (its control-plane namespace is found through it)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the patch that would be applied and change nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;egress;status' {
            [CompletionResult]::new('--mesh-name', '--mesh-name', [CompletionResultType]::ParameterName, 'Name of the mesh (its control-plane namespace is found through it)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;egress;help' {
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Let meshed pods reach destinations outside the mesh')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Stop meshed pods reaching destinations outside the mesh')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show whether meshed pods may reach destinations outside the mesh')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;egress;help;enable' {
            break
        }
        'osm;egress;help;disable' {
            break
        }
        'osm;egress;help;status' {
            break
        }
        'osm;egress;help;help' {
            break
        }
        'osm;tracing' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Send spans to a collector (Zipkin API, e.g. Jaeger)')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Stop sending spans')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show whether tracing is on and where spans go')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;tracing;enable' {
            [CompletionResult]::new('--mesh-name', '--mesh-name', [CompletionResultType]::ParameterName, 'Name of the mesh (its control-plane namespace is found through it)')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Collector host (default: the address already set, else the mesh''s jaeger Service)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Collector port (default: the port already set, else 9411)')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Collector path (default: the endpoint already set, else /api/v2/spans)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the patch that would be applied and change nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;tracing;disable' {
            [CompletionResult]::new('--mesh-name', '--mesh-name', [CompletionResultType]::ParameterName, 'Name of the mesh (its control-plane namespace is found through it)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the patch that would be applied and change nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;tracing;status' {
            [CompletionResult]::new('--mesh-name', '--mesh-name', [CompletionResultType]::ParameterName, 'Name of the mesh (its control-plane namespace is found through it)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;tracing;help' {
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Send spans to a collector (Zipkin API, e.g. Jaeger)')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Stop sending spans')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show whether tracing is on and where spans go')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;tracing;help;enable' {
            break
        }
        'osm;tracing;help;disable' {
            break
        }
        'osm;tracing;help;status' {
            break
        }
        'osm;tracing;help;help' {
            break
        }
        'osm;traffic' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('split', 'split', [CompletionResultType]::ParameterValue, 'Create and set weighted splits (TrafficSplit, VirtualService, HTTPRoute); show, list, delete TrafficSplits')
            [CompletionResult]::new('shift', 'shift', [CompletionResultType]::ParameterValue, 'Move traffic to one backend step by step, optionally gated by Prometheus metrics (a canary)')
            [CompletionResult]::new('route', 'route', [CompletionResultType]::ParameterValue, 'Send all traffic of the default route to one backend')
            [CompletionResult]::new('match', 'match', [CompletionResultType]::ParameterValue, 'Route requests carrying a header to one backend, before the default route')
            [CompletionResult]::new('mirror', 'mirror', [CompletionResultType]::ParameterValue, 'Copy the default route''s requests to another backend (responses are discarded)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show the effective routing table: rules in order, matches, weights in percent, mirrors')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;traffic;split' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a TrafficSplit, VirtualService or HTTPRoute splitting a root Service between backends')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change backend percentages; backends not named share the remainder by their current weight')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one TrafficSplit with its backends'' percentages')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List TrafficSplits')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a TrafficSplit')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;traffic;split;create' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the routing object (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the routing object (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('--service', '--service', [CompletionResultType]::ParameterName, 'The root Service clients address: svc, svc.ns or svc.ns.svc.cluster.local')
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'A backend Service and its weight (non-negative integer); repeat for each backend')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which kind of object to create: a TrafficSplit, a VirtualService or an HTTPRoute')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'The port of the HTTPRoute''s parent Service and backendRefs (default: the root Service''s first port)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('--allow-missing-services', '--allow-missing-services', [CompletionResultType]::ParameterName, 'Create the route even if the root or a backend Service does not exist (yet)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the object and create nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;traffic;split;set' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the routing object (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the routing object (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which kind of object NAME is (default: whichever exists)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('--equal', '--equal', [CompletionResultType]::ParameterName, 'Spread the percentage not assigned evenly (all of it when nothing is assigned)')
            [CompletionResult]::new('--add', '--add', [CompletionResultType]::ParameterName, 'Add named Services that are not backends yet')
            [CompletionResult]::new('--allow-missing-services', '--allow-missing-services', [CompletionResultType]::ParameterName, 'With --add, add a Service that does not exist (yet)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the new weights and the change as a diff, and change nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;traffic;split;get' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the routing object (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the routing object (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;traffic;split;list' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the routing object (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the routing object (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'List TrafficSplits in every namespace')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'List TrafficSplits in every namespace')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;traffic;split;delete' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the routing object (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the routing object (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;traffic;split;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a TrafficSplit, VirtualService or HTTPRoute splitting a root Service between backends')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change backend percentages; backends not named share the remainder by their current weight')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one TrafficSplit with its backends'' percentages')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List TrafficSplits')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a TrafficSplit')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;traffic;split;help;create' {
            break
        }
        'osm;traffic;split;help;set' {
            break
        }
        'osm;traffic;split;help;get' {
            break
        }
        'osm;traffic;split;help;list' {
            break
        }
        'osm;traffic;split;help;delete' {
            break
        }
        'osm;traffic;split;help;help' {
            break
        }
        'osm;traffic;shift' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the routing object (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the routing object (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The backend that receives the traffic')
            [CompletionResult]::new('--step', '--step', [CompletionResultType]::ParameterName, 'Percentage moved to it per step, 1 to 100')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'How long to wait after each step, and the window each check measures (e.g. 30s, 2m)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Stop when it has this percentage')
            [CompletionResult]::new('--max-weight', '--max-weight', [CompletionResultType]::ParameterName, 'Stop at this percentage and wait for `osm traffic shift promote`')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which kind of object NAME is (default: whichever exists)')
            [CompletionResult]::new('--min-success-rate', '--min-success-rate', [CompletionResultType]::ParameterName, 'Lowest share of the target''s requests answered without a 5xx, in percent (e.g. 99)')
            [CompletionResult]::new('--max-latency-p99', '--max-latency-p99', [CompletionResultType]::ParameterName, 'Highest 99th-percentile latency of the target''s requests (e.g. 500ms)')
            [CompletionResult]::new('--max-error-delta', '--max-error-delta', [CompletionResultType]::ParameterName, 'Percentage points the target''s error rate may exceed the stable backend''s')
            [CompletionResult]::new('--failure-threshold', '--failure-threshold', [CompletionResultType]::ParameterName, 'Failed checks before traffic goes back to the stable backend')
            [CompletionResult]::new('--min-requests', '--min-requests', [CompletionResultType]::ParameterName, 'Fewer requests than this in an interval is no data, neither pass nor failure')
            [CompletionResult]::new('--on-no-data', '--on-no-data', [CompletionResultType]::ParameterName, 'What a check without enough data does: hold the weight, or count as a failure')
            [CompletionResult]::new('--metrics', '--metrics', [CompletionResultType]::ParameterName, 'Which metrics to read (default: istio for a VirtualService; else osm, or envoy when the MeshConfig turns WASM stats off)')
            [CompletionResult]::new('--query-success-rate', '--query-success-rate', [CompletionResultType]::ParameterName, 'Your own success-rate PromQL (percent), with {{namespace}}, {{workload}}, {{interval}}')
            [CompletionResult]::new('--query-latency', '--query-latency', [CompletionResultType]::ParameterName, 'Your own p99-latency PromQL (milliseconds), with {{namespace}}, {{workload}}, {{interval}}')
            [CompletionResult]::new('--prometheus', '--prometheus', [CompletionResultType]::ParameterName, 'Prometheus''s URL (default: a port-forward to the mesh''s Prometheus)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'table: a line per step and check (a progress bar on a terminal); json: one JSON event per line')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'table: a line per step and check (a progress bar on a terminal); json: one JSON event per line')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the steps (and the analysis''s queries) and change nothing')
            [CompletionResult]::new('--compare-baseline', '--compare-baseline', [CompletionResultType]::ParameterName, 'Fail when the target''s error rate exceeds the stable backend''s by more than --max-error-delta')
            [CompletionResult]::new('--rollback-on-interrupt', '--rollback-on-interrupt', [CompletionResultType]::ParameterName, 'Route everything back to the stable backend on Ctrl-C, instead of pausing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show a shift''s plan and progress, as kept on the routing object')
            [CompletionResult]::new('promote', 'promote', [CompletionResultType]::ParameterValue, 'Give the target backend all the traffic now')
            [CompletionResult]::new('abort', 'abort', [CompletionResultType]::ParameterValue, 'Route all the traffic back to the stable backend and end the shift')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Continue a paused or interrupted shift from where it stopped')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;traffic;shift;status' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the routing object (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the routing object (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which kind of object NAME is (default: whichever exists)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;traffic;shift;promote' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the routing object (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the routing object (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which kind of object NAME is (default: whichever exists)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;traffic;shift;abort' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the routing object (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the routing object (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which kind of object NAME is (default: whichever exists)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;traffic;shift;resume' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the routing object (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the routing object (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which kind of object NAME is (default: whichever exists)')
            [CompletionResult]::new('--prometheus', '--prometheus', [CompletionResultType]::ParameterName, 'Prometheus''s URL (default: a port-forward to the mesh''s Prometheus)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'table: a line per step and check (a progress bar on a terminal); json: one JSON event per line')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'table: a line per step and check (a progress bar on a terminal); json: one JSON event per line')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('--rollback-on-interrupt', '--rollback-on-interrupt', [CompletionResultType]::ParameterName, 'Route everything back to the stable backend on Ctrl-C, instead of pausing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;traffic;shift;help' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show a shift''s plan and progress, as kept on the routing object')
            [CompletionResult]::new('promote', 'promote', [CompletionResultType]::ParameterValue, 'Give the target backend all the traffic now')
            [CompletionResult]::new('abort', 'abort', [CompletionResultType]::ParameterValue, 'Route all the traffic back to the stable backend and end the shift')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Continue a paused or interrupted shift from where it stopped')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;traffic;shift;help;status' {
            break
        }
        'osm;traffic;shift;help;promote' {
            break
        }
        'osm;traffic;shift;help;abort' {
            break
        }
        'osm;traffic;shift;help;resume' {
            break
        }
        'osm;traffic;shift;help;help' {
            break
        }
        'osm;traffic;route' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the routing object (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the routing object (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which kind of object NAME is (default: whichever exists)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The backend: a subset, a host or Service, or a backendRef name')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the change as a diff and change nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;traffic;match' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add (or replace) the rule for a header; exactly one of --header, --header-prefix, --header-regex')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove the rules that match on this header alone')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;traffic;match;add' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the routing object (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the routing object (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which kind of object NAME is (default: whichever exists)')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Requests whose header KEY is exactly VALUE')
            [CompletionResult]::new('--header-prefix', '--header-prefix', [CompletionResultType]::ParameterName, 'Requests whose header KEY starts with VALUE (Istio only)')
            [CompletionResult]::new('--header-regex', '--header-regex', [CompletionResultType]::ParameterName, 'Requests whose header KEY matches the regular expression VALUE')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The backend those requests go to')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the change as a diff and change nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;traffic;match;remove' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the routing object (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the routing object (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which kind of object NAME is (default: whichever exists)')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'The header whose rules go')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the change as a diff and change nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;traffic;match;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add (or replace) the rule for a header; exactly one of --header, --header-prefix, --header-regex')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove the rules that match on this header alone')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;traffic;match;help;add' {
            break
        }
        'osm;traffic;match;help;remove' {
            break
        }
        'osm;traffic;match;help;help' {
            break
        }
        'osm;traffic;mirror' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Mirror the default route to a backend')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Stop mirroring (every rule of the object)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;traffic;mirror;set' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the routing object (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the routing object (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which kind of object NAME is (default: whichever exists)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The backend that receives the copies')
            [CompletionResult]::new('--percent', '--percent', [CompletionResultType]::ParameterName, 'Share of requests copied, 0 to 100')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the change as a diff and change nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;traffic;mirror;clear' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the routing object (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the routing object (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which kind of object NAME is (default: whichever exists)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the change as a diff and change nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;traffic;mirror;help' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Mirror the default route to a backend')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Stop mirroring (every rule of the object)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;traffic;mirror;help;set' {
            break
        }
        'osm;traffic;mirror;help;clear' {
            break
        }
        'osm;traffic;mirror;help;help' {
            break
        }
        'osm;traffic;get' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the routing object (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the routing object (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which kind of object NAME is (default: whichever exists)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;traffic;help' {
            [CompletionResult]::new('split', 'split', [CompletionResultType]::ParameterValue, 'Create and set weighted splits (TrafficSplit, VirtualService, HTTPRoute); show, list, delete TrafficSplits')
            [CompletionResult]::new('shift', 'shift', [CompletionResultType]::ParameterValue, 'Move traffic to one backend step by step, optionally gated by Prometheus metrics (a canary)')
            [CompletionResult]::new('route', 'route', [CompletionResultType]::ParameterValue, 'Send all traffic of the default route to one backend')
            [CompletionResult]::new('match', 'match', [CompletionResultType]::ParameterValue, 'Route requests carrying a header to one backend, before the default route')
            [CompletionResult]::new('mirror', 'mirror', [CompletionResultType]::ParameterValue, 'Copy the default route''s requests to another backend (responses are discarded)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show the effective routing table: rules in order, matches, weights in percent, mirrors')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;traffic;help;split' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a TrafficSplit, VirtualService or HTTPRoute splitting a root Service between backends')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change backend percentages; backends not named share the remainder by their current weight')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one TrafficSplit with its backends'' percentages')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List TrafficSplits')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a TrafficSplit')
            break
        }
        'osm;traffic;help;split;create' {
            break
        }
        'osm;traffic;help;split;set' {
            break
        }
        'osm;traffic;help;split;get' {
            break
        }
        'osm;traffic;help;split;list' {
            break
        }
        'osm;traffic;help;split;delete' {
            break
        }
        'osm;traffic;help;shift' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show a shift''s plan and progress, as kept on the routing object')
            [CompletionResult]::new('promote', 'promote', [CompletionResultType]::ParameterValue, 'Give the target backend all the traffic now')
            [CompletionResult]::new('abort', 'abort', [CompletionResultType]::ParameterValue, 'Route all the traffic back to the stable backend and end the shift')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Continue a paused or interrupted shift from where it stopped')
            break
        }
        'osm;traffic;help;shift;status' {
            break
        }
        'osm;traffic;help;shift;promote' {
            break
        }
        'osm;traffic;help;shift;abort' {
            break
        }
        'osm;traffic;help;shift;resume' {
            break
        }
        'osm;traffic;help;route' {
            break
        }
        'osm;traffic;help;match' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add (or replace) the rule for a header; exactly one of --header, --header-prefix, --header-regex')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove the rules that match on this header alone')
            break
        }
        'osm;traffic;help;match;add' {
            break
        }
        'osm;traffic;help;match;remove' {
            break
        }
        'osm;traffic;help;mirror' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Mirror the default route to a backend')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Stop mirroring (every rule of the object)')
            break
        }
        'osm;traffic;help;mirror;set' {
            break
        }
        'osm;traffic;help;mirror;clear' {
            break
        }
        'osm;traffic;help;get' {
            break
        }
        'osm;traffic;help;help' {
            break
        }
        'osm;istio' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('manifest', 'manifest', [CompletionResultType]::ParameterValue, 'Print the manifests an Istio install applies (istioctl manifest generate)')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Install Istio''s control plane (istioctl install)')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Remove Istio''s control plane (istioctl uninstall)')
            [CompletionResult]::new('kube-inject', 'kube-inject', [CompletionResultType]::ParameterValue, 'Add Istio''s sidecar to the workloads of a manifest (istioctl kube-inject)')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the versions of osm''s Istio and of the installed control plane (istioctl version)')
            [CompletionResult]::new('verify-install', 'verify-install', [CompletionResultType]::ParameterValue, 'Check that what an Istio install wrote is present and ready (istioctl verify-install)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;istio;manifest' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Print the objects of an Istio install, as istioctl manifest generate does')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;istio;manifest;generate' {
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Set a value of the IstioOperator (repeatable, later wins), e.g. profile=demo or components.egressGateways[0].enabled=false (a dot inside a key is written \.)')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Set a value of the IstioOperator (repeatable, later wins), e.g. profile=demo or components.egressGateways[0].enabled=false (a dot inside a key is written \.)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'IstioOperator files to merge in order, before the --set values (repeatable or comma-separated; - reads stdin)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'IstioOperator files to merge in order, before the --set values (repeatable or comma-separated; - reads stdin)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'The control plane revision (default: none, the default revision)')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'The control plane revision (default: none, the default revision)')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'A directory with Istio''s charts/ and profiles/ to use instead of the built-in 1.30.3 ones')
            [CompletionResult]::new('--manifests', '--manifests', [CompletionResultType]::ParameterName, 'A directory with Istio''s charts/ and profiles/ to use instead of the built-in 1.30.3 ones')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Go on even if the IstioOperator does not validate')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;istio;manifest;help' {
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Print the objects of an Istio install, as istioctl manifest generate does')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;istio;manifest;help;generate' {
            break
        }
        'osm;istio;manifest;help;help' {
            break
        }
        'osm;istio;install' {
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Set a value of the IstioOperator (repeatable, later wins), e.g. profile=demo or components.egressGateways[0].enabled=false (a dot inside a key is written \.)')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Set a value of the IstioOperator (repeatable, later wins), e.g. profile=demo or components.egressGateways[0].enabled=false (a dot inside a key is written \.)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'IstioOperator files to merge in order, before the --set values (repeatable or comma-separated; - reads stdin)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'IstioOperator files to merge in order, before the --set values (repeatable or comma-separated; - reads stdin)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'The control plane revision (default: none, the default revision)')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'The control plane revision (default: none, the default revision)')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'A directory with Istio''s charts/ and profiles/ to use instead of the built-in 1.30.3 ones')
            [CompletionResult]::new('--manifests', '--manifests', [CompletionResultType]::ParameterName, 'A directory with Istio''s charts/ and profiles/ to use instead of the built-in 1.30.3 ones')
            [CompletionResult]::new('--readiness-timeout', '--readiness-timeout', [CompletionResultType]::ParameterName, 'How long each component''s Deployments get to become ready')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Go on even if the IstioOperator does not validate')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Install without asking for confirmation')
            [CompletionResult]::new('--skip-confirmation', '--skip-confirmation', [CompletionResultType]::ParameterName, 'Install without asking for confirmation')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what the install would write, and write nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;istio;uninstall' {
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Remove the control plane of this revision (its Istiod, gateways and webhooks; the CRDs stay)')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Remove the control plane of this revision (its Istiod, gateways and webhooks; the CRDs stay)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The IstioOperator the control plane was installed with: what carries its name and namespace is removed (every revision''s, unless --revision narrows it, as istioctl does)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'The IstioOperator the control plane was installed with: what carries its name and namespace is removed (every revision''s, unless --revision narrows it, as istioctl does)')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Set a value of the IstioOperator, as for install (repeatable; revision=R alone selects nothing narrower, as with istioctl: pass --revision)')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Set a value of the IstioOperator, as for install (repeatable; revision=R alone selects nothing narrower, as with istioctl: pass --revision)')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'A directory with Istio''s charts/ and profiles/ to read the profiles from')
            [CompletionResult]::new('--manifests', '--manifests', [CompletionResultType]::ParameterName, 'A directory with Istio''s charts/ and profiles/ to read the profiles from')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Accepted for istioctl''s command lines; uninstall validates nothing it could skip')
            [CompletionResult]::new('--purge', '--purge', [CompletionResultType]::ParameterName, 'Remove every Istio object of every revision, CRDs and cluster-wide objects included')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Uninstall without asking for confirmation')
            [CompletionResult]::new('--skip-confirmation', '--skip-confirmation', [CompletionResultType]::ParameterName, 'Uninstall without asking for confirmation')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be removed, and remove nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;istio;kube-inject' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Input Kubernetes resource filename (`-` reads standard input)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'Input Kubernetes resource filename (`-` reads standard input)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Modified output Kubernetes resource filename (default: standard output)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Modified output Kubernetes resource filename (default: standard output)')
            [CompletionResult]::new('--injectConfigFile', '--injectConfigFile', [CompletionResultType]::ParameterName, 'Injection configuration filename (the `config` key of the istio-sidecar-injector ConfigMap)')
            [CompletionResult]::new('--meshConfigFile', '--meshConfigFile', [CompletionResultType]::ParameterName, 'Mesh configuration filename (the `mesh` key of the istio ConfigMap)')
            [CompletionResult]::new('--valuesFile', '--valuesFile', [CompletionResultType]::ParameterName, 'Injection values configuration filename (the `values` key of the istio-sidecar-injector ConfigMap)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Control plane revision whose ConfigMaps are read; `default` renders as the default revision')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Control plane revision whose ConfigMaps are read; `default` renders as the default revision')
            [CompletionResult]::new('--injectConfigMapName', '--injectConfigMapName', [CompletionResultType]::ParameterName, 'ConfigMap name for Istio sidecar injection, key should be "config"')
            [CompletionResult]::new('--meshConfigMapName', '--meshConfigMapName', [CompletionResultType]::ParameterName, 'ConfigMap name for Istio mesh configuration, key should be "mesh"')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane, where the ConfigMaps live')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane, where the ConfigMaps live')
            [CompletionResult]::new('--operatorFileName', '--operatorFileName', [CompletionResultType]::ParameterName, 'IstioOperator file whose values and meshConfig replace --valuesFile and --meshConfigFile (merged over its profile, as manifest generate merges it)')
            [CompletionResult]::new('--webhookConfig', '--webhookConfig', [CompletionResultType]::ParameterName, 'MutatingWebhookConfiguration name for Istio (istioctl names it only in its messages; osm reads the injection config from the revision''s ConfigMaps, never through the webhook)')
            [CompletionResult]::new('--xds-address', '--xds-address', [CompletionResultType]::ParameterName, 'istiod''s address, to inject through a running control plane (refused without --injectConfigFile)')
            [CompletionResult]::new('--xds-label', '--xds-label', [CompletionResultType]::ParameterName, 'The istiod pod label to reach it by (refused without --injectConfigFile)')
            [CompletionResult]::new('--xds-port', '--xds-port', [CompletionResultType]::ParameterName, 'The istiod port to reach (refused without --injectConfigFile)')
            [CompletionResult]::new('--cert-dir', '--cert-dir', [CompletionResultType]::ParameterName, 'Certificates to reach istiod with (refused without --injectConfigFile)')
            [CompletionResult]::new('--authority', '--authority', [CompletionResultType]::ParameterName, 'istiod''s expected TLS name (refused without --injectConfigFile)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for istiod (refused without --injectConfigFile)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip istiod''s certificate check (refused without --injectConfigFile)')
            [CompletionResult]::new('--plaintext', '--plaintext', [CompletionResultType]::ParameterName, 'Reach istiod without TLS (refused without --injectConfigFile)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;istio;version' {
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Also read the control plane''s version from the cluster (--remote=false: osm''s Istio only)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;istio;verify-install' {
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Set a value of the IstioOperator (repeatable, later wins), e.g. profile=demo or components.egressGateways[0].enabled=false (a dot inside a key is written \.)')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Set a value of the IstioOperator (repeatable, later wins), e.g. profile=demo or components.egressGateways[0].enabled=false (a dot inside a key is written \.)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'IstioOperator files to merge in order, before the --set values (repeatable or comma-separated; - reads stdin)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'IstioOperator files to merge in order, before the --set values (repeatable or comma-separated; - reads stdin)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'The control plane revision (default: none, the default revision)')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'The control plane revision (default: none, the default revision)')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'A directory with Istio''s charts/ and profiles/ to use instead of the built-in 1.30.3 ones')
            [CompletionResult]::new('--manifests', '--manifests', [CompletionResultType]::ParameterName, 'A directory with Istio''s charts/ and profiles/ to use instead of the built-in 1.30.3 ones')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Go on even if the IstioOperator does not validate')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;istio;help' {
            [CompletionResult]::new('manifest', 'manifest', [CompletionResultType]::ParameterValue, 'Print the manifests an Istio install applies (istioctl manifest generate)')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Install Istio''s control plane (istioctl install)')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Remove Istio''s control plane (istioctl uninstall)')
            [CompletionResult]::new('kube-inject', 'kube-inject', [CompletionResultType]::ParameterValue, 'Add Istio''s sidecar to the workloads of a manifest (istioctl kube-inject)')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the versions of osm''s Istio and of the installed control plane (istioctl version)')
            [CompletionResult]::new('verify-install', 'verify-install', [CompletionResultType]::ParameterValue, 'Check that what an Istio install wrote is present and ready (istioctl verify-install)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;istio;help;manifest' {
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Print the objects of an Istio install, as istioctl manifest generate does')
            break
        }
        'osm;istio;help;manifest;generate' {
            break
        }
        'osm;istio;help;install' {
            break
        }
        'osm;istio;help;uninstall' {
            break
        }
        'osm;istio;help;kube-inject' {
            break
        }
        'osm;istio;help;version' {
            break
        }
        'osm;istio;help;verify-install' {
            break
        }
        'osm;istio;help;help' {
            break
        }
        'osm;port-forward' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the target (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the target (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Local address to listen on (loopback unless you say otherwise)')
            [CompletionResult]::new('--reconnect-timeout', '--reconnect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a new ready pod when the forwarded pod goes away before giving up (exit 1)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;dashboard' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Local port (default: the add-on''s port, e.g. 3000 for Grafana; a free one if that is busy)')
            [CompletionResult]::new('--local-port', '--local-port', [CompletionResultType]::ParameterName, 'Local port (default: the add-on''s port, e.g. 3000 for Grafana; a free one if that is busy)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Port of the add-on''s Service (default: 3000 Grafana, 7070 Prometheus, 16686 Jaeger)')
            [CompletionResult]::new('--remote-port', '--remote-port', [CompletionResultType]::ParameterName, 'Port of the add-on''s Service (default: 3000 Grafana, 7070 Prometheus, 16686 Jaeger)')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Open the UI in a browser (`--open-browser=false` to only print the URL)')
            [CompletionResult]::new('--open-browser', '--open-browser', [CompletionResultType]::ParameterName, 'Open the UI in a browser (`--open-browser=false` to only print the URL)')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Local address to listen on')
            [CompletionResult]::new('--mesh-name', '--mesh-name', [CompletionResultType]::ParameterName, 'Name of the mesh whose add-on to open')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the add-on''s pod to be ready and its UI to answer')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Only print the URL (same as --open-browser=false)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;proxy' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'GET from the sidecar''s admin interface (e.g. config_dump, stats, clusters, "stats?format=json")')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'POST to the sidecar''s admin interface (e.g. reset_counters, "logging?level=debug")')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;proxy;get' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the pod (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the pod (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Write the answer to this file instead of stdout')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Write the answer to this file instead of stdout')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Local port of the forward to the admin interface (default: any free port)')
            [CompletionResult]::new('--local-port', '--local-port', [CompletionResultType]::ParameterName, 'Local port of the forward to the admin interface (default: any free port)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;proxy;set' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the pod (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the pod (default: the kubeconfig context''s namespace)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Write the answer to this file instead of stdout')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Write the answer to this file instead of stdout')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Local port of the forward to the admin interface (default: any free port)')
            [CompletionResult]::new('--local-port', '--local-port', [CompletionResultType]::ParameterName, 'Local port of the forward to the admin interface (default: any free port)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;proxy;help' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'GET from the sidecar''s admin interface (e.g. config_dump, stats, clusters, "stats?format=json")')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'POST to the sidecar''s admin interface (e.g. reset_counters, "logging?level=debug")')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;proxy;help;get' {
            break
        }
        'osm;proxy;help;set' {
            break
        }
        'osm;proxy;help;help' {
            break
        }
        'osm;check' {
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Re-run failing checks until they pass or this much time has passed (e.g. 90s, 5m)')
            [CompletionResult]::new('--mesh-name', '--mesh-name', [CompletionResultType]::ParameterName, 'The mesh to check (default: the one in --osm-namespace; with --pre, `osm`)')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'Which mesh software to check: OSM, or Istio (istioctl''s precheck with --pre)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'With --mesh istio: the control plane''s revision')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'With --mesh istio: the control plane''s revision')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'With --mesh istio: the namespace of Istio''s control plane')
            [CompletionResult]::new('--istio-namespace', '--istio-namespace', [CompletionResultType]::ParameterName, 'With --mesh istio: the namespace of Istio''s control plane')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'With --mesh istio: the namespace of Istio''s control plane')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('--pre', '--pre', [CompletionResultType]::ParameterName, 'Check that `osm install` can go ahead in this cluster instead of checking an installed mesh')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;verify' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('connectivity', 'connectivity', [CompletionResultType]::ParameterValue, 'Verify that a pod can reach another pod (or an external host) through the mesh')
            [CompletionResult]::new('control-plane-health', 'control-plane-health', [CompletionResultType]::ParameterValue, 'Verify the health of the OSM control plane: pods ready and their health endpoints answering')
            [CompletionResult]::new('ingress', 'ingress', [CompletionResultType]::ParameterValue, 'Verify that an ingress Service can reach a pod through an IngressBackend')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;verify;connectivity' {
            [CompletionResult]::new('--from-pod', '--from-pod', [CompletionResultType]::ParameterName, 'The client pod, as NAMESPACE/NAME')
            [CompletionResult]::new('--to-pod', '--to-pod', [CompletionResultType]::ParameterName, 'The destination pod, as NAMESPACE/NAME (needs --to-service)')
            [CompletionResult]::new('--to-service', '--to-service', [CompletionResultType]::ParameterName, 'The destination Service, in the destination pod''s namespace')
            [CompletionResult]::new('--app-protocol', '--app-protocol', [CompletionResultType]::ParameterName, 'Application protocol')
            [CompletionResult]::new('--to-ext-port', '--to-ext-port', [CompletionResultType]::ParameterName, 'External port (egress)')
            [CompletionResult]::new('--to-ext-host', '--to-ext-host', [CompletionResultType]::ParameterName, 'External host name (egress)')
            [CompletionResult]::new('--mesh-name', '--mesh-name', [CompletionResultType]::ParameterName, 'Mesh name')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;verify;control-plane-health' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;verify;ingress' {
            [CompletionResult]::new('--from-service', '--from-service', [CompletionResultType]::ParameterName, 'The ingress Service, as NAMESPACE/NAME')
            [CompletionResult]::new('--to-pod', '--to-pod', [CompletionResultType]::ParameterName, 'The destination pod, as NAMESPACE/NAME')
            [CompletionResult]::new('--to-service', '--to-service', [CompletionResultType]::ParameterName, 'The destination Service, in the destination pod''s namespace')
            [CompletionResult]::new('--ingress-backend', '--ingress-backend', [CompletionResultType]::ParameterName, 'The IngressBackend, in the destination pod''s namespace')
            [CompletionResult]::new('--to-port', '--to-port', [CompletionResultType]::ParameterName, 'The port the destination pod listens on')
            [CompletionResult]::new('--app-protocol', '--app-protocol', [CompletionResultType]::ParameterName, 'Application protocol')
            [CompletionResult]::new('--mesh-name', '--mesh-name', [CompletionResultType]::ParameterName, 'Mesh name')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;verify;help' {
            [CompletionResult]::new('connectivity', 'connectivity', [CompletionResultType]::ParameterValue, 'Verify that a pod can reach another pod (or an external host) through the mesh')
            [CompletionResult]::new('control-plane-health', 'control-plane-health', [CompletionResultType]::ParameterValue, 'Verify the health of the OSM control plane: pods ready and their health endpoints answering')
            [CompletionResult]::new('ingress', 'ingress', [CompletionResultType]::ParameterValue, 'Verify that an ingress Service can reach a pod through an IngressBackend')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;verify;help;connectivity' {
            break
        }
        'osm;verify;help;control-plane-health' {
            break
        }
        'osm;verify;help;ingress' {
            break
        }
        'osm;verify;help;help' {
            break
        }
        'osm;policy' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('check-pods', 'check-pods', [CompletionResultType]::ParameterValue, 'Check whether a pod may send traffic to another, by an SMI TrafficTarget or permissive mode')
            [CompletionResult]::new('check-conflicts', 'check-conflicts', [CompletionResultType]::ParameterValue, 'Check whether resources of one kind conflict with each other in a namespace')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;policy;check-pods' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;policy;check-conflicts' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace to check (exactly one)')
            [CompletionResult]::new('--namespaces', '--namespaces', [CompletionResultType]::ParameterName, 'The namespace to check (exactly one)')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace to check (exactly one)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;policy;help' {
            [CompletionResult]::new('check-pods', 'check-pods', [CompletionResultType]::ParameterValue, 'Check whether a pod may send traffic to another, by an SMI TrafficTarget or permissive mode')
            [CompletionResult]::new('check-conflicts', 'check-conflicts', [CompletionResultType]::ParameterValue, 'Check whether resources of one kind conflict with each other in a namespace')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;policy;help;check-pods' {
            break
        }
        'osm;policy;help;check-conflicts' {
            break
        }
        'osm;policy;help;help' {
            break
        }
        'osm;support' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('bug-report', 'bug-report', [CompletionResultType]::ParameterValue, 'Collect the mesh''s logs, objects, sidecar configs and checks into a zip for a bug report')
            [CompletionResult]::new('error-info', 'error-info', [CompletionResultType]::ParameterValue, 'Print what OSM''s error codes (E1000...) mean, one or all')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;support;bug-report' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'The zip file to write (default: osm-bug-report-<time>.zip in the current directory)')
            [CompletionResult]::new('--out-file', '--out-file', [CompletionResultType]::ParameterName, 'The zip file to write (default: osm-bug-report-<time>.zip in the current directory)')
            [CompletionResult]::new('--app-namespaces', '--app-namespaces', [CompletionResultType]::ParameterName, 'Application namespaces to include, besides the mesh''s monitored ones (comma-separated or repeated)')
            [CompletionResult]::new('--app-namespace', '--app-namespace', [CompletionResultType]::ParameterName, 'Application namespaces to include, besides the mesh''s monitored ones (comma-separated or repeated)')
            [CompletionResult]::new('--app-deployments', '--app-deployments', [CompletionResultType]::ParameterName, 'Application Deployments to include, as NAMESPACE/NAME (comma-separated or repeated)')
            [CompletionResult]::new('--app-pods', '--app-pods', [CompletionResultType]::ParameterName, 'Application pods to include, as NAMESPACE/NAME (comma-separated or repeated)')
            [CompletionResult]::new('--mesh-name', '--mesh-name', [CompletionResultType]::ParameterName, 'The mesh to report on (default: the one in --osm-namespace)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every monitored namespace and all its pods (the default when no --app-* flag is given)')
            [CompletionResult]::new('--ingress', '--ingress', [CompletionResultType]::ParameterName, 'Also collect Ingress objects and IngressBackends of the collected namespaces')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;support;error-info' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;support;help' {
            [CompletionResult]::new('bug-report', 'bug-report', [CompletionResultType]::ParameterValue, 'Collect the mesh''s logs, objects, sidecar configs and checks into a zip for a bug report')
            [CompletionResult]::new('error-info', 'error-info', [CompletionResultType]::ParameterValue, 'Print what OSM''s error codes (E1000...) mean, one or all')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;support;help;bug-report' {
            break
        }
        'osm;support;help;error-info' {
            break
        }
        'osm;support;help;help' {
            break
        }
        'osm;env' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;version' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('--client', '--client', [CompletionResultType]::ParameterName, 'Print only the client version; do not contact the cluster')
            [CompletionResult]::new('--client-only', '--client-only', [CompletionResultType]::ParameterName, 'Print only the client version; do not contact the cluster')
            [CompletionResult]::new('--version-only', '--version-only', [CompletionResultType]::ParameterName, 'Accepted for the Go CLI''s scripts: osm prints no upgrade notices to hide')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;completion' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use')
            [CompletionResult]::new('--osm-namespace', '--osm-namespace', [CompletionResultType]::ParameterName, 'Namespace of the OSM control plane')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print debug lines on stderr (-vv also shows every API request)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Disable colored output (the NO_COLOR environment variable does the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;help' {
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Install the OSM control plane')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Remove a mesh (`osm uninstall mesh`)')
            [CompletionResult]::new('mesh', 'mesh', [CompletionResultType]::ParameterValue, 'Manage meshes: list, upgrade, read and change their settings')
            [CompletionResult]::new('namespace', 'namespace', [CompletionResultType]::ParameterValue, 'Enrol namespaces in a mesh, take them out, list them')
            [CompletionResult]::new('metrics', 'metrics', [CompletionResultType]::ParameterValue, 'Enable or disable Prometheus metrics for meshed namespaces')
            [CompletionResult]::new('permissive', 'permissive', [CompletionResultType]::ParameterValue, 'Turn permissive traffic policy mode (no SMI policy needed) on or off')
            [CompletionResult]::new('egress', 'egress', [CompletionResultType]::ParameterValue, 'Let meshed pods reach destinations outside the mesh, or stop them')
            [CompletionResult]::new('tracing', 'tracing', [CompletionResultType]::ParameterValue, 'Send the sidecars'' trace spans to a collector, or stop')
            [CompletionResult]::new('traffic', 'traffic', [CompletionResultType]::ParameterValue, 'Route traffic between service versions: splits, shifts, header matches, mirrors (SMI, Istio, Gateway API)')
            [CompletionResult]::new('istio', 'istio', [CompletionResultType]::ParameterValue, 'Install Istio, inject its sidecars, remove it: istioctl''s lifecycle commands')
            [CompletionResult]::new('port-forward', 'port-forward', [CompletionResultType]::ParameterValue, 'Forward local ports to a pod, deployment or service; follows the workload across restarts')
            [CompletionResult]::new('dashboard', 'dashboard', [CompletionResultType]::ParameterValue, 'Open a mesh add-on''s UI (Grafana, Prometheus, Jaeger) through a port-forward')
            [CompletionResult]::new('proxy', 'proxy', [CompletionResultType]::ParameterValue, 'Read or change a sidecar''s Envoy admin interface')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check a cluster before installing (--pre) or the health of an installed mesh')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify mesh configuration step by step: connectivity, control-plane health, ingress')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Check traffic policies: may one pod reach another, do policies conflict')
            [CompletionResult]::new('support', 'support', [CompletionResultType]::ParameterValue, 'Supportability tools: a bug-report archive, OSM''s error codes')
            [CompletionResult]::new('env', 'env', [CompletionResultType]::ParameterValue, 'Print osm''s settings (namespace, kubeconfig, context, ...) and where each came from')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the version of osm and of the cluster it talks to')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;help;install' {
            break
        }
        'osm;help;uninstall' {
            [CompletionResult]::new('mesh', 'mesh', [CompletionResultType]::ParameterValue, 'Remove a mesh''s control plane (and, with -a, OSM''s CRDs)')
            break
        }
        'osm;help;uninstall;mesh' {
            break
        }
        'osm;help;mesh' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the meshes in the cluster, with their readiness and monitored namespaces')
            [CompletionResult]::new('upgrade', 'upgrade', [CompletionResultType]::ParameterValue, 'Upgrade a mesh''s control plane, keeping its values unless --reset-values')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Read or change the mesh''s settings (its MeshConfig) by field path')
            break
        }
        'osm;help;mesh;list' {
            break
        }
        'osm;help;mesh;upgrade' {
            break
        }
        'osm;help;mesh;config' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print the MeshConfig''s settings, or one field by dotted path (e.g. traffic.enableEgress)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change fields by dotted path: all assignments apply as one patch, or none does')
            break
        }
        'osm;help;mesh;config;get' {
            break
        }
        'osm;help;mesh;config;set' {
            break
        }
        'osm;help;namespace' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Enrol namespaces in a mesh: their new pods get an Envoy sidecar')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Take namespaces out of their mesh')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the namespaces of one mesh or of every mesh')
            [CompletionResult]::new('ignore', 'ignore', [CompletionResultType]::ParameterValue, 'Make the mesh leave namespaces alone (label openservicemesh.io/ignore=true)')
            [CompletionResult]::new('unignore', 'unignore', [CompletionResultType]::ParameterValue, 'Undo `osm namespace ignore`')
            break
        }
        'osm;help;namespace;add' {
            break
        }
        'osm;help;namespace;remove' {
            break
        }
        'osm;help;namespace;list' {
            break
        }
        'osm;help;namespace;ignore' {
            break
        }
        'osm;help;namespace;unignore' {
            break
        }
        'osm;help;metrics' {
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Let Prometheus scrape the sidecars of meshed namespaces')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Stop Prometheus scraping the sidecars of namespaces')
            break
        }
        'osm;help;metrics;enable' {
            break
        }
        'osm;help;metrics;disable' {
            break
        }
        'osm;help;permissive' {
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Turn permissive traffic policy mode on: meshed services reach each other without SMI policies')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Turn permissive traffic policy mode off: only traffic allowed by SMI TrafficTargets flows')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show whether permissive traffic policy mode is on')
            break
        }
        'osm;help;permissive;enable' {
            break
        }
        'osm;help;permissive;disable' {
            break
        }
        'osm;help;permissive;status' {
            break
        }
        'osm;help;egress' {
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Let meshed pods reach destinations outside the mesh')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Stop meshed pods reaching destinations outside the mesh')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show whether meshed pods may reach destinations outside the mesh')
            break
        }
        'osm;help;egress;enable' {
            break
        }
        'osm;help;egress;disable' {
            break
        }
        'osm;help;egress;status' {
            break
        }
        'osm;help;tracing' {
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Send spans to a collector (Zipkin API, e.g. Jaeger)')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Stop sending spans')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show whether tracing is on and where spans go')
            break
        }
        'osm;help;tracing;enable' {
            break
        }
        'osm;help;tracing;disable' {
            break
        }
        'osm;help;tracing;status' {
            break
        }
        'osm;help;traffic' {
            [CompletionResult]::new('split', 'split', [CompletionResultType]::ParameterValue, 'Create and set weighted splits (TrafficSplit, VirtualService, HTTPRoute); show, list, delete TrafficSplits')
            [CompletionResult]::new('shift', 'shift', [CompletionResultType]::ParameterValue, 'Move traffic to one backend step by step, optionally gated by Prometheus metrics (a canary)')
            [CompletionResult]::new('route', 'route', [CompletionResultType]::ParameterValue, 'Send all traffic of the default route to one backend')
            [CompletionResult]::new('match', 'match', [CompletionResultType]::ParameterValue, 'Route requests carrying a header to one backend, before the default route')
            [CompletionResult]::new('mirror', 'mirror', [CompletionResultType]::ParameterValue, 'Copy the default route''s requests to another backend (responses are discarded)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show the effective routing table: rules in order, matches, weights in percent, mirrors')
            break
        }
        'osm;help;traffic;split' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a TrafficSplit, VirtualService or HTTPRoute splitting a root Service between backends')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change backend percentages; backends not named share the remainder by their current weight')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one TrafficSplit with its backends'' percentages')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List TrafficSplits')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a TrafficSplit')
            break
        }
        'osm;help;traffic;split;create' {
            break
        }
        'osm;help;traffic;split;set' {
            break
        }
        'osm;help;traffic;split;get' {
            break
        }
        'osm;help;traffic;split;list' {
            break
        }
        'osm;help;traffic;split;delete' {
            break
        }
        'osm;help;traffic;shift' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show a shift''s plan and progress, as kept on the routing object')
            [CompletionResult]::new('promote', 'promote', [CompletionResultType]::ParameterValue, 'Give the target backend all the traffic now')
            [CompletionResult]::new('abort', 'abort', [CompletionResultType]::ParameterValue, 'Route all the traffic back to the stable backend and end the shift')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Continue a paused or interrupted shift from where it stopped')
            break
        }
        'osm;help;traffic;shift;status' {
            break
        }
        'osm;help;traffic;shift;promote' {
            break
        }
        'osm;help;traffic;shift;abort' {
            break
        }
        'osm;help;traffic;shift;resume' {
            break
        }
        'osm;help;traffic;route' {
            break
        }
        'osm;help;traffic;match' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add (or replace) the rule for a header; exactly one of --header, --header-prefix, --header-regex')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove the rules that match on this header alone')
            break
        }
        'osm;help;traffic;match;add' {
            break
        }
        'osm;help;traffic;match;remove' {
            break
        }
        'osm;help;traffic;mirror' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Mirror the default route to a backend')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Stop mirroring (every rule of the object)')
            break
        }
        'osm;help;traffic;mirror;set' {
            break
        }
        'osm;help;traffic;mirror;clear' {
            break
        }
        'osm;help;traffic;get' {
            break
        }
        'osm;help;istio' {
            [CompletionResult]::new('manifest', 'manifest', [CompletionResultType]::ParameterValue, 'Print the manifests an Istio install applies (istioctl manifest generate)')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Install Istio''s control plane (istioctl install)')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Remove Istio''s control plane (istioctl uninstall)')
            [CompletionResult]::new('kube-inject', 'kube-inject', [CompletionResultType]::ParameterValue, 'Add Istio''s sidecar to the workloads of a manifest (istioctl kube-inject)')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the versions of osm''s Istio and of the installed control plane (istioctl version)')
            [CompletionResult]::new('verify-install', 'verify-install', [CompletionResultType]::ParameterValue, 'Check that what an Istio install wrote is present and ready (istioctl verify-install)')
            break
        }
        'osm;help;istio;manifest' {
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Print the objects of an Istio install, as istioctl manifest generate does')
            break
        }
        'osm;help;istio;manifest;generate' {
            break
        }
        'osm;help;istio;install' {
            break
        }
        'osm;help;istio;uninstall' {
            break
        }
        'osm;help;istio;kube-inject' {
            break
        }
        'osm;help;istio;version' {
            break
        }
        'osm;help;istio;verify-install' {
            break
        }
        'osm;help;port-forward' {
            break
        }
        'osm;help;dashboard' {
            break
        }
        'osm;help;proxy' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'GET from the sidecar''s admin interface (e.g. config_dump, stats, clusters, "stats?format=json")')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'POST to the sidecar''s admin interface (e.g. reset_counters, "logging?level=debug")')
            break
        }
        'osm;help;proxy;get' {
            break
        }
        'osm;help;proxy;set' {
            break
        }
        'osm;help;check' {
            break
        }
        'osm;help;verify' {
            [CompletionResult]::new('connectivity', 'connectivity', [CompletionResultType]::ParameterValue, 'Verify that a pod can reach another pod (or an external host) through the mesh')
            [CompletionResult]::new('control-plane-health', 'control-plane-health', [CompletionResultType]::ParameterValue, 'Verify the health of the OSM control plane: pods ready and their health endpoints answering')
            [CompletionResult]::new('ingress', 'ingress', [CompletionResultType]::ParameterValue, 'Verify that an ingress Service can reach a pod through an IngressBackend')
            break
        }
        'osm;help;verify;connectivity' {
            break
        }
        'osm;help;verify;control-plane-health' {
            break
        }
        'osm;help;verify;ingress' {
            break
        }
        'osm;help;policy' {
            [CompletionResult]::new('check-pods', 'check-pods', [CompletionResultType]::ParameterValue, 'Check whether a pod may send traffic to another, by an SMI TrafficTarget or permissive mode')
            [CompletionResult]::new('check-conflicts', 'check-conflicts', [CompletionResultType]::ParameterValue, 'Check whether resources of one kind conflict with each other in a namespace')
            break
        }
        'osm;help;policy;check-pods' {
            break
        }
        'osm;help;policy;check-conflicts' {
            break
        }
        'osm;help;support' {
            [CompletionResult]::new('bug-report', 'bug-report', [CompletionResultType]::ParameterValue, 'Collect the mesh''s logs, objects, sidecar configs and checks into a zip for a bug report')
            [CompletionResult]::new('error-info', 'error-info', [CompletionResultType]::ParameterValue, 'Print what OSM''s error codes (E1000...) mean, one or all')
            break
        }
        'osm;help;support;bug-report' {
            break
        }
        'osm;help;support;error-info' {
            break
        }
        'osm;help;env' {
            break
        }
        'osm;help;version' {
            break
        }
        'osm;help;completion' {
            break
        }
        'osm;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
