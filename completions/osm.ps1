
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
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the version of osm and of the cluster it talks to')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('namespace', 'namespace', [CompletionResultType]::ParameterValue, 'Enrol namespaces in a mesh, take them out, list them')
            [CompletionResult]::new('ns', 'ns', [CompletionResultType]::ParameterValue, 'Enrol namespaces in a mesh, take them out, list them')
            [CompletionResult]::new('metrics', 'metrics', [CompletionResultType]::ParameterValue, 'Enable or disable Prometheus metrics for meshed namespaces')
            [CompletionResult]::new('port-forward', 'port-forward', [CompletionResultType]::ParameterValue, 'Forward local ports to a pod, deployment or service; follows the workload across restarts')
            [CompletionResult]::new('dashboard', 'dashboard', [CompletionResultType]::ParameterValue, 'Open a mesh add-on''s UI (Grafana, Prometheus, Jaeger) through a port-forward')
            [CompletionResult]::new('proxy', 'proxy', [CompletionResultType]::ParameterValue, 'Read or change a sidecar''s Envoy admin interface')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
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
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;ns;add' {
            [CompletionResult]::new('--mesh-name', '--mesh-name', [CompletionResultType]::ParameterName, 'Name of the mesh to enrol them in')
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
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;namespace;remove' {
            [CompletionResult]::new('--mesh-name', '--mesh-name', [CompletionResultType]::ParameterName, 'Name of the mesh they belong to')
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
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;namespace;rm' {
            [CompletionResult]::new('--mesh-name', '--mesh-name', [CompletionResultType]::ParameterName, 'Name of the mesh they belong to')
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
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;ns;remove' {
            [CompletionResult]::new('--mesh-name', '--mesh-name', [CompletionResultType]::ParameterName, 'Name of the mesh they belong to')
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
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'osm;ns;rm' {
            [CompletionResult]::new('--mesh-name', '--mesh-name', [CompletionResultType]::ParameterName, 'Name of the mesh they belong to')
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
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
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
        'osm;help' {
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the version of osm and of the cluster it talks to')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('namespace', 'namespace', [CompletionResultType]::ParameterValue, 'Enrol namespaces in a mesh, take them out, list them')
            [CompletionResult]::new('metrics', 'metrics', [CompletionResultType]::ParameterValue, 'Enable or disable Prometheus metrics for meshed namespaces')
            [CompletionResult]::new('port-forward', 'port-forward', [CompletionResultType]::ParameterValue, 'Forward local ports to a pod, deployment or service; follows the workload across restarts')
            [CompletionResult]::new('dashboard', 'dashboard', [CompletionResultType]::ParameterValue, 'Open a mesh add-on''s UI (Grafana, Prometheus, Jaeger) through a port-forward')
            [CompletionResult]::new('proxy', 'proxy', [CompletionResultType]::ParameterValue, 'Read or change a sidecar''s Envoy admin interface')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osm;help;version' {
            break
        }
        'osm;help;completion' {
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
        'osm;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
