
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
            cand version 'Print the version of osm and of the cluster it talks to'
            cand completion 'Print a shell completion script'
            cand namespace 'Enrol namespaces in a mesh, take them out, list them'
            cand ns 'Enrol namespaces in a mesh, take them out, list them'
            cand metrics 'Enable or disable Prometheus metrics for meshed namespaces'
            cand port-forward 'Forward local ports to a pod, deployment or service; follows the workload across restarts'
            cand dashboard 'Open a mesh add-on''s UI (Grafana, Prometheus, Jaeger) through a port-forward'
            cand proxy 'Read or change a sidecar''s Envoy admin interface'
            cand help 'Print this message or the help of the given subcommand(s)'
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
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;ns;add'= {
            cand --mesh-name 'Name of the mesh to enrol them in'
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
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;namespace;remove'= {
            cand --mesh-name 'Name of the mesh they belong to'
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
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;namespace;rm'= {
            cand --mesh-name 'Name of the mesh they belong to'
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
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;ns;remove'= {
            cand --mesh-name 'Name of the mesh they belong to'
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
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;ns;rm'= {
            cand --mesh-name 'Name of the mesh they belong to'
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
            cand -h 'Print help'
            cand --help 'Print help'
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
        &'osm;help'= {
            cand version 'Print the version of osm and of the cluster it talks to'
            cand completion 'Print a shell completion script'
            cand namespace 'Enrol namespaces in a mesh, take them out, list them'
            cand metrics 'Enable or disable Prometheus metrics for meshed namespaces'
            cand port-forward 'Forward local ports to a pod, deployment or service; follows the workload across restarts'
            cand dashboard 'Open a mesh add-on''s UI (Grafana, Prometheus, Jaeger) through a port-forward'
            cand proxy 'Read or change a sidecar''s Envoy admin interface'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;help;version'= {
        }
        &'osm;help;completion'= {
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
        &'osm;help;help'= {
        }
    ]
    $completions[$command]
}
