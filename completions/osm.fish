# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_osm_global_optspecs
    string join \n kubeconfig= context= osm-namespace= v/verbose no-color request-timeout= h/help V/version
end

function __fish_osm_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_osm_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_osm_using_subcommand
    set -l cmd (__fish_osm_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c osm -n "__fish_osm_needs_command" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_needs_command" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_needs_command" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_needs_command" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_needs_command" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_needs_command" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osm -n "__fish_osm_needs_command" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_needs_command" -f -a "install" -d 'Install the OSM control plane'
complete -c osm -n "__fish_osm_needs_command" -f -a "uninstall" -d 'Remove a mesh (`osm uninstall mesh`)'
complete -c osm -n "__fish_osm_needs_command" -f -a "mesh" -d 'Manage meshes: list, upgrade, read and change their settings'
complete -c osm -n "__fish_osm_needs_command" -f -a "namespace" -d 'Enrol namespaces in a mesh, take them out, list them'
complete -c osm -n "__fish_osm_needs_command" -f -a "ns" -d 'Enrol namespaces in a mesh, take them out, list them'
complete -c osm -n "__fish_osm_needs_command" -f -a "metrics" -d 'Enable or disable Prometheus metrics for meshed namespaces'
complete -c osm -n "__fish_osm_needs_command" -f -a "permissive" -d 'Turn permissive traffic policy mode (no SMI policy needed) on or off'
complete -c osm -n "__fish_osm_needs_command" -f -a "egress" -d 'Let meshed pods reach destinations outside the mesh, or stop them'
complete -c osm -n "__fish_osm_needs_command" -f -a "tracing" -d 'Send the sidecars\' trace spans to a collector, or stop'
complete -c osm -n "__fish_osm_needs_command" -f -a "traffic" -d 'Route traffic between service versions: splits, shifts, header matches, mirrors (SMI, Istio, Gateway API)'
complete -c osm -n "__fish_osm_needs_command" -f -a "istio" -d 'Install Istio, inject its sidecars, remove it: istioctl\'s lifecycle commands'
complete -c osm -n "__fish_osm_needs_command" -f -a "port-forward" -d 'Forward local ports to a pod, deployment or service; follows the workload across restarts'
complete -c osm -n "__fish_osm_needs_command" -f -a "dashboard" -d 'Open a mesh add-on\'s UI (Grafana, Prometheus, Jaeger) through a port-forward'
complete -c osm -n "__fish_osm_needs_command" -f -a "proxy" -d 'Read or change a sidecar\'s Envoy admin interface'
complete -c osm -n "__fish_osm_needs_command" -f -a "check" -d 'Check a cluster before installing (--pre) or the health of an installed mesh'
complete -c osm -n "__fish_osm_needs_command" -f -a "verify" -d 'Verify mesh configuration step by step: connectivity, control-plane health, ingress'
complete -c osm -n "__fish_osm_needs_command" -f -a "policy" -d 'Check traffic policies: may one pod reach another, do policies conflict'
complete -c osm -n "__fish_osm_needs_command" -f -a "support" -d 'Supportability tools: a bug-report archive, OSM\'s error codes'
complete -c osm -n "__fish_osm_needs_command" -f -a "env" -d 'Print osm\'s settings (namespace, kubeconfig, context, ...) and where each came from'
complete -c osm -n "__fish_osm_needs_command" -f -a "version" -d 'Print the version of osm and of the cluster it talks to'
complete -c osm -n "__fish_osm_needs_command" -f -a "completion" -d 'Print a shell completion script'
complete -c osm -n "__fish_osm_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand install" -l mesh-name -d 'Name of the mesh (overrides osm.meshName)' -r
complete -c osm -n "__fish_osm_using_subcommand install" -l set -d 'Set a value (Helm syntax: a.b=1,c={x,y}); repeatable. `OpenServiceMesh.` works as `osm.`' -r
complete -c osm -n "__fish_osm_using_subcommand install" -l set-string -d 'Set a value, keeping it a string; repeatable' -r
complete -c osm -n "__fish_osm_using_subcommand install" -s f -l values -d 'Read values from a YAML file; repeatable, later files win' -r -F
complete -c osm -n "__fish_osm_using_subcommand install" -l timeout -d 'How long to wait for the control plane to become ready' -r
complete -c osm -n "__fish_osm_using_subcommand install" -s o -l output -d 'With --dry-run: print YAML (default) or JSON' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c osm -n "__fish_osm_using_subcommand install" -l enforce-single-mesh -d 'Allow no other mesh in the cluster (overrides osm.enforceSingleMesh)' -r -f -a "true\t''
false\t''"
complete -c osm -n "__fish_osm_using_subcommand install" -s a -l api-versions -d 'With --dry-run: an API group/version the target cluster serves besides the usual ones, as `helm template -a` (e.g. security.openshift.io/v1); repeatable' -r
complete -c osm -n "__fish_osm_using_subcommand install" -l osm-chart-path -d 'Not supported: osm renders the control plane itself (use --set or -f instead)' -r -F
complete -c osm -n "__fish_osm_using_subcommand install" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand install" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand install" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand install" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand install" -l atomic -d 'Remove what this install created if it fails or times out'
complete -c osm -n "__fish_osm_using_subcommand install" -l no-wait -d 'Return once everything is applied, without waiting for the pods'
complete -c osm -n "__fish_osm_using_subcommand install" -l dry-run -d 'Print the objects that would be applied, without contacting the cluster'
complete -c osm -n "__fish_osm_using_subcommand install" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand install" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand install" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand install" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand uninstall; and not __fish_seen_subcommand_from mesh help" -l mesh-name -d 'Name of the mesh to remove' -r
complete -c osm -n "__fish_osm_using_subcommand uninstall; and not __fish_seen_subcommand_from mesh help" -l ca-bundle-secret-name -d 'Name of the secret holding the mesh\'s root CA bundle' -r
complete -c osm -n "__fish_osm_using_subcommand uninstall; and not __fish_seen_subcommand_from mesh help" -s p -l local-port -d 'Accepted for compatibility with the Go CLI; osm needs no port-forward to uninstall' -r
complete -c osm -n "__fish_osm_using_subcommand uninstall; and not __fish_seen_subcommand_from mesh help" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand uninstall; and not __fish_seen_subcommand_from mesh help" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand uninstall; and not __fish_seen_subcommand_from mesh help" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand uninstall; and not __fish_seen_subcommand_from mesh help" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand uninstall; and not __fish_seen_subcommand_from mesh help" -s f -l force -d 'Do not ask for confirmation (also allows -a while other meshes exist)'
complete -c osm -n "__fish_osm_using_subcommand uninstall; and not __fish_seen_subcommand_from mesh help" -s y -l yes -d 'Do not ask for confirmation'
complete -c osm -n "__fish_osm_using_subcommand uninstall; and not __fish_seen_subcommand_from mesh help" -l delete-namespace -d 'Also delete the control-plane namespace'
complete -c osm -n "__fish_osm_using_subcommand uninstall; and not __fish_seen_subcommand_from mesh help" -s a -l delete-cluster-wide-resources -d 'Also delete OSM\'s CRDs, with every custom resource of those kinds'
complete -c osm -n "__fish_osm_using_subcommand uninstall; and not __fish_seen_subcommand_from mesh help" -l dry-run -d 'Show what would be removed, and remove nothing'
complete -c osm -n "__fish_osm_using_subcommand uninstall; and not __fish_seen_subcommand_from mesh help" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand uninstall; and not __fish_seen_subcommand_from mesh help" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand uninstall; and not __fish_seen_subcommand_from mesh help" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand uninstall; and not __fish_seen_subcommand_from mesh help" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand uninstall; and not __fish_seen_subcommand_from mesh help" -f -a "mesh" -d 'Remove a mesh\'s control plane (and, with -a, OSM\'s CRDs)'
complete -c osm -n "__fish_osm_using_subcommand uninstall; and not __fish_seen_subcommand_from mesh help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand uninstall; and __fish_seen_subcommand_from mesh" -l mesh-name -d 'Name of the mesh to remove' -r
complete -c osm -n "__fish_osm_using_subcommand uninstall; and __fish_seen_subcommand_from mesh" -l ca-bundle-secret-name -d 'Name of the secret holding the mesh\'s root CA bundle' -r
complete -c osm -n "__fish_osm_using_subcommand uninstall; and __fish_seen_subcommand_from mesh" -s p -l local-port -d 'Accepted for compatibility with the Go CLI; osm needs no port-forward to uninstall' -r
complete -c osm -n "__fish_osm_using_subcommand uninstall; and __fish_seen_subcommand_from mesh" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand uninstall; and __fish_seen_subcommand_from mesh" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand uninstall; and __fish_seen_subcommand_from mesh" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand uninstall; and __fish_seen_subcommand_from mesh" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand uninstall; and __fish_seen_subcommand_from mesh" -s f -l force -d 'Do not ask for confirmation (also allows -a while other meshes exist)'
complete -c osm -n "__fish_osm_using_subcommand uninstall; and __fish_seen_subcommand_from mesh" -s y -l yes -d 'Do not ask for confirmation'
complete -c osm -n "__fish_osm_using_subcommand uninstall; and __fish_seen_subcommand_from mesh" -l delete-namespace -d 'Also delete the control-plane namespace'
complete -c osm -n "__fish_osm_using_subcommand uninstall; and __fish_seen_subcommand_from mesh" -s a -l delete-cluster-wide-resources -d 'Also delete OSM\'s CRDs, with every custom resource of those kinds'
complete -c osm -n "__fish_osm_using_subcommand uninstall; and __fish_seen_subcommand_from mesh" -l dry-run -d 'Show what would be removed, and remove nothing'
complete -c osm -n "__fish_osm_using_subcommand uninstall; and __fish_seen_subcommand_from mesh" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand uninstall; and __fish_seen_subcommand_from mesh" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand uninstall; and __fish_seen_subcommand_from mesh" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand uninstall; and __fish_seen_subcommand_from mesh" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand uninstall; and __fish_seen_subcommand_from help" -f -a "mesh" -d 'Remove a mesh\'s control plane (and, with -a, OSM\'s CRDs)'
complete -c osm -n "__fish_osm_using_subcommand uninstall; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand mesh; and not __fish_seen_subcommand_from list upgrade config help" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand mesh; and not __fish_seen_subcommand_from list upgrade config help" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand mesh; and not __fish_seen_subcommand_from list upgrade config help" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand mesh; and not __fish_seen_subcommand_from list upgrade config help" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand mesh; and not __fish_seen_subcommand_from list upgrade config help" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand mesh; and not __fish_seen_subcommand_from list upgrade config help" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand mesh; and not __fish_seen_subcommand_from list upgrade config help" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand mesh; and not __fish_seen_subcommand_from list upgrade config help" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand mesh; and not __fish_seen_subcommand_from list upgrade config help" -f -a "list" -d 'List the meshes in the cluster, with their readiness and monitored namespaces'
complete -c osm -n "__fish_osm_using_subcommand mesh; and not __fish_seen_subcommand_from list upgrade config help" -f -a "upgrade" -d 'Upgrade a mesh\'s control plane, keeping its values unless --reset-values'
complete -c osm -n "__fish_osm_using_subcommand mesh; and not __fish_seen_subcommand_from list upgrade config help" -f -a "config" -d 'Read or change the mesh\'s settings (its MeshConfig) by field path'
complete -c osm -n "__fish_osm_using_subcommand mesh; and not __fish_seen_subcommand_from list upgrade config help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from list" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from list" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from list" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from list" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from list" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from upgrade" -l mesh-name -d 'Name of the mesh to upgrade' -r
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from upgrade" -l set -d 'Set a value (Helm syntax: a.b=1,c={x,y}); repeatable. `OpenServiceMesh.` works as `osm.`' -r
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from upgrade" -l set-string -d 'Set a value, keeping it a string; repeatable' -r
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from upgrade" -s f -l values -d 'Read values from a YAML file; repeatable, later files win' -r -F
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from upgrade" -l timeout -d 'How long to wait for the control plane to become ready' -r
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from upgrade" -l osm-chart-path -d 'The Go CLI\'s chart override: refused where parsed, with what to use instead' -r -F
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from upgrade" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from upgrade" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from upgrade" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from upgrade" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from upgrade" -l reset-values -d 'Start from the defaults instead of the values the mesh was installed with'
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from upgrade" -l dry-run -d 'Show what would change, and change nothing'
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from upgrade" -l no-wait -d 'Return once everything is applied, without waiting for the pods'
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from upgrade" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from upgrade" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from upgrade" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from upgrade" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from config" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from config" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from config" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from config" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from config" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from config" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from config" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from config" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from config" -f -a "get" -d 'Print the MeshConfig\'s settings, or one field by dotted path (e.g. traffic.enableEgress)'
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from config" -f -a "set" -d 'Change fields by dotted path: all assignments apply as one patch, or none does'
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from config" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the meshes in the cluster, with their readiness and monitored namespaces'
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from help" -f -a "upgrade" -d 'Upgrade a mesh\'s control plane, keeping its values unless --reset-values'
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from help" -f -a "config" -d 'Read or change the mesh\'s settings (its MeshConfig) by field path'
complete -c osm -n "__fish_osm_using_subcommand mesh; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand namespace; and not __fish_seen_subcommand_from add remove rm list ls ignore unignore help" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand namespace; and not __fish_seen_subcommand_from add remove rm list ls ignore unignore help" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand namespace; and not __fish_seen_subcommand_from add remove rm list ls ignore unignore help" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand namespace; and not __fish_seen_subcommand_from add remove rm list ls ignore unignore help" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand namespace; and not __fish_seen_subcommand_from add remove rm list ls ignore unignore help" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand namespace; and not __fish_seen_subcommand_from add remove rm list ls ignore unignore help" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand namespace; and not __fish_seen_subcommand_from add remove rm list ls ignore unignore help" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand namespace; and not __fish_seen_subcommand_from add remove rm list ls ignore unignore help" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand namespace; and not __fish_seen_subcommand_from add remove rm list ls ignore unignore help" -f -a "add" -d 'Enrol namespaces in a mesh: their new pods get an Envoy sidecar'
complete -c osm -n "__fish_osm_using_subcommand namespace; and not __fish_seen_subcommand_from add remove rm list ls ignore unignore help" -f -a "remove" -d 'Take namespaces out of their mesh'
complete -c osm -n "__fish_osm_using_subcommand namespace; and not __fish_seen_subcommand_from add remove rm list ls ignore unignore help" -f -a "rm" -d 'Take namespaces out of their mesh'
complete -c osm -n "__fish_osm_using_subcommand namespace; and not __fish_seen_subcommand_from add remove rm list ls ignore unignore help" -f -a "list" -d 'List the namespaces of one mesh or of every mesh'
complete -c osm -n "__fish_osm_using_subcommand namespace; and not __fish_seen_subcommand_from add remove rm list ls ignore unignore help" -f -a "ls" -d 'List the namespaces of one mesh or of every mesh'
complete -c osm -n "__fish_osm_using_subcommand namespace; and not __fish_seen_subcommand_from add remove rm list ls ignore unignore help" -f -a "ignore" -d 'Make the mesh leave namespaces alone (label openservicemesh.io/ignore=true)'
complete -c osm -n "__fish_osm_using_subcommand namespace; and not __fish_seen_subcommand_from add remove rm list ls ignore unignore help" -f -a "unignore" -d 'Undo `osm namespace ignore`'
complete -c osm -n "__fish_osm_using_subcommand namespace; and not __fish_seen_subcommand_from add remove rm list ls ignore unignore help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from add" -l mesh-name -d 'Name of the mesh to enrol them in' -r
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from add" -l mesh -d 'Which mesh\'s injection labels to set' -r -f -a "osm\t'Open Service Mesh: openservicemesh.io/monitored-by and the sidecar-injection annotation'
istio\t'Istio: istio-injection=enabled, or istio.io/rev=REV with --revision'"
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from add" -l revision -d 'The istiod revision that injects (istio.io/rev=REV instead of istio-injection=enabled)' -r
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from add" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from add" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from add" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from add" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from add" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from add" -l disable-sidecar-injection -d 'Monitor the namespaces without injecting sidecars into their pods'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from add" -l restart -d 'Restart the namespaces\' Deployments, StatefulSets and DaemonSets so running pods get a sidecar'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from add" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from remove" -l mesh-name -d 'Name of the mesh they belong to' -r
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from remove" -l mesh -d 'Which mesh\'s injection labels to remove' -r -f -a "osm\t'Open Service Mesh: openservicemesh.io/monitored-by and the sidecar-injection annotation'
istio\t'Istio: istio-injection=enabled, or istio.io/rev=REV with --revision'"
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from remove" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from remove" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from remove" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from remove" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from remove" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from remove" -l restart -d 'Restart the namespaces\' Deployments, StatefulSets and DaemonSets so pods lose their sidecar'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from remove" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from rm" -l mesh-name -d 'Name of the mesh they belong to' -r
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from rm" -l mesh -d 'Which mesh\'s injection labels to remove' -r -f -a "osm\t'Open Service Mesh: openservicemesh.io/monitored-by and the sidecar-injection annotation'
istio\t'Istio: istio-injection=enabled, or istio.io/rev=REV with --revision'"
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from rm" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from rm" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from rm" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from rm" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from rm" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from rm" -l restart -d 'Restart the namespaces\' Deployments, StatefulSets and DaemonSets so pods lose their sidecar'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from rm" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from rm" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from list" -l mesh-name -d 'Only the namespaces of this mesh (default: every mesh)' -r
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from list" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from list" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from list" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from list" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from list" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from ls" -l mesh-name -d 'Only the namespaces of this mesh (default: every mesh)' -r
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from ls" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from ls" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from ls" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from ls" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from ls" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from ignore" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from ignore" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from ignore" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from ignore" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from ignore" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from ignore" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from ignore" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from ignore" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from ignore" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from unignore" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from unignore" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from unignore" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from unignore" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from unignore" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from unignore" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from unignore" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from unignore" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from unignore" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from help" -f -a "add" -d 'Enrol namespaces in a mesh: their new pods get an Envoy sidecar'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Take namespaces out of their mesh'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the namespaces of one mesh or of every mesh'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from help" -f -a "ignore" -d 'Make the mesh leave namespaces alone (label openservicemesh.io/ignore=true)'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from help" -f -a "unignore" -d 'Undo `osm namespace ignore`'
complete -c osm -n "__fish_osm_using_subcommand namespace; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand ns; and not __fish_seen_subcommand_from add remove rm list ls ignore unignore help" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand ns; and not __fish_seen_subcommand_from add remove rm list ls ignore unignore help" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand ns; and not __fish_seen_subcommand_from add remove rm list ls ignore unignore help" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand ns; and not __fish_seen_subcommand_from add remove rm list ls ignore unignore help" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand ns; and not __fish_seen_subcommand_from add remove rm list ls ignore unignore help" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand ns; and not __fish_seen_subcommand_from add remove rm list ls ignore unignore help" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand ns; and not __fish_seen_subcommand_from add remove rm list ls ignore unignore help" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand ns; and not __fish_seen_subcommand_from add remove rm list ls ignore unignore help" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand ns; and not __fish_seen_subcommand_from add remove rm list ls ignore unignore help" -f -a "add" -d 'Enrol namespaces in a mesh: their new pods get an Envoy sidecar'
complete -c osm -n "__fish_osm_using_subcommand ns; and not __fish_seen_subcommand_from add remove rm list ls ignore unignore help" -f -a "remove" -d 'Take namespaces out of their mesh'
complete -c osm -n "__fish_osm_using_subcommand ns; and not __fish_seen_subcommand_from add remove rm list ls ignore unignore help" -f -a "rm" -d 'Take namespaces out of their mesh'
complete -c osm -n "__fish_osm_using_subcommand ns; and not __fish_seen_subcommand_from add remove rm list ls ignore unignore help" -f -a "list" -d 'List the namespaces of one mesh or of every mesh'
complete -c osm -n "__fish_osm_using_subcommand ns; and not __fish_seen_subcommand_from add remove rm list ls ignore unignore help" -f -a "ls" -d 'List the namespaces of one mesh or of every mesh'
complete -c osm -n "__fish_osm_using_subcommand ns; and not __fish_seen_subcommand_from add remove rm list ls ignore unignore help" -f -a "ignore" -d 'Make the mesh leave namespaces alone (label openservicemesh.io/ignore=true)'
complete -c osm -n "__fish_osm_using_subcommand ns; and not __fish_seen_subcommand_from add remove rm list ls ignore unignore help" -f -a "unignore" -d 'Undo `osm namespace ignore`'
complete -c osm -n "__fish_osm_using_subcommand ns; and not __fish_seen_subcommand_from add remove rm list ls ignore unignore help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from add" -l mesh-name -d 'Name of the mesh to enrol them in' -r
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from add" -l mesh -d 'Which mesh\'s injection labels to set' -r -f -a "osm\t'Open Service Mesh: openservicemesh.io/monitored-by and the sidecar-injection annotation'
istio\t'Istio: istio-injection=enabled, or istio.io/rev=REV with --revision'"
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from add" -l revision -d 'The istiod revision that injects (istio.io/rev=REV instead of istio-injection=enabled)' -r
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from add" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from add" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from add" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from add" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from add" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from add" -l disable-sidecar-injection -d 'Monitor the namespaces without injecting sidecars into their pods'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from add" -l restart -d 'Restart the namespaces\' Deployments, StatefulSets and DaemonSets so running pods get a sidecar'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from add" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from remove" -l mesh-name -d 'Name of the mesh they belong to' -r
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from remove" -l mesh -d 'Which mesh\'s injection labels to remove' -r -f -a "osm\t'Open Service Mesh: openservicemesh.io/monitored-by and the sidecar-injection annotation'
istio\t'Istio: istio-injection=enabled, or istio.io/rev=REV with --revision'"
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from remove" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from remove" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from remove" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from remove" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from remove" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from remove" -l restart -d 'Restart the namespaces\' Deployments, StatefulSets and DaemonSets so pods lose their sidecar'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from remove" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from rm" -l mesh-name -d 'Name of the mesh they belong to' -r
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from rm" -l mesh -d 'Which mesh\'s injection labels to remove' -r -f -a "osm\t'Open Service Mesh: openservicemesh.io/monitored-by and the sidecar-injection annotation'
istio\t'Istio: istio-injection=enabled, or istio.io/rev=REV with --revision'"
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from rm" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from rm" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from rm" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from rm" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from rm" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from rm" -l restart -d 'Restart the namespaces\' Deployments, StatefulSets and DaemonSets so pods lose their sidecar'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from rm" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from rm" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from list" -l mesh-name -d 'Only the namespaces of this mesh (default: every mesh)' -r
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from list" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from list" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from list" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from list" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from list" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from ls" -l mesh-name -d 'Only the namespaces of this mesh (default: every mesh)' -r
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from ls" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from ls" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from ls" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from ls" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from ls" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from ignore" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from ignore" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from ignore" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from ignore" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from ignore" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from ignore" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from ignore" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from ignore" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from ignore" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from unignore" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from unignore" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from unignore" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from unignore" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from unignore" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from unignore" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from unignore" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from unignore" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from unignore" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from help" -f -a "add" -d 'Enrol namespaces in a mesh: their new pods get an Envoy sidecar'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Take namespaces out of their mesh'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the namespaces of one mesh or of every mesh'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from help" -f -a "ignore" -d 'Make the mesh leave namespaces alone (label openservicemesh.io/ignore=true)'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from help" -f -a "unignore" -d 'Undo `osm namespace ignore`'
complete -c osm -n "__fish_osm_using_subcommand ns; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand metrics; and not __fish_seen_subcommand_from enable disable help" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand metrics; and not __fish_seen_subcommand_from enable disable help" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand metrics; and not __fish_seen_subcommand_from enable disable help" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand metrics; and not __fish_seen_subcommand_from enable disable help" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand metrics; and not __fish_seen_subcommand_from enable disable help" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand metrics; and not __fish_seen_subcommand_from enable disable help" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand metrics; and not __fish_seen_subcommand_from enable disable help" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand metrics; and not __fish_seen_subcommand_from enable disable help" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand metrics; and not __fish_seen_subcommand_from enable disable help" -f -a "enable" -d 'Let Prometheus scrape the sidecars of meshed namespaces'
complete -c osm -n "__fish_osm_using_subcommand metrics; and not __fish_seen_subcommand_from enable disable help" -f -a "disable" -d 'Stop Prometheus scraping the sidecars of namespaces'
complete -c osm -n "__fish_osm_using_subcommand metrics; and not __fish_seen_subcommand_from enable disable help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand metrics; and __fish_seen_subcommand_from enable" -s n -l namespace -d 'Namespaces (comma-separated, repeatable)' -r
complete -c osm -n "__fish_osm_using_subcommand metrics; and __fish_seen_subcommand_from enable" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c osm -n "__fish_osm_using_subcommand metrics; and __fish_seen_subcommand_from enable" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand metrics; and __fish_seen_subcommand_from enable" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand metrics; and __fish_seen_subcommand_from enable" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand metrics; and __fish_seen_subcommand_from enable" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand metrics; and __fish_seen_subcommand_from enable" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand metrics; and __fish_seen_subcommand_from enable" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand metrics; and __fish_seen_subcommand_from enable" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand metrics; and __fish_seen_subcommand_from enable" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand metrics; and __fish_seen_subcommand_from disable" -s n -l namespace -d 'Namespaces (comma-separated, repeatable)' -r
complete -c osm -n "__fish_osm_using_subcommand metrics; and __fish_seen_subcommand_from disable" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c osm -n "__fish_osm_using_subcommand metrics; and __fish_seen_subcommand_from disable" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand metrics; and __fish_seen_subcommand_from disable" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand metrics; and __fish_seen_subcommand_from disable" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand metrics; and __fish_seen_subcommand_from disable" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand metrics; and __fish_seen_subcommand_from disable" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand metrics; and __fish_seen_subcommand_from disable" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand metrics; and __fish_seen_subcommand_from disable" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand metrics; and __fish_seen_subcommand_from disable" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand metrics; and __fish_seen_subcommand_from help" -f -a "enable" -d 'Let Prometheus scrape the sidecars of meshed namespaces'
complete -c osm -n "__fish_osm_using_subcommand metrics; and __fish_seen_subcommand_from help" -f -a "disable" -d 'Stop Prometheus scraping the sidecars of namespaces'
complete -c osm -n "__fish_osm_using_subcommand metrics; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand permissive; and not __fish_seen_subcommand_from enable disable status help" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand permissive; and not __fish_seen_subcommand_from enable disable status help" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand permissive; and not __fish_seen_subcommand_from enable disable status help" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand permissive; and not __fish_seen_subcommand_from enable disable status help" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand permissive; and not __fish_seen_subcommand_from enable disable status help" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand permissive; and not __fish_seen_subcommand_from enable disable status help" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand permissive; and not __fish_seen_subcommand_from enable disable status help" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand permissive; and not __fish_seen_subcommand_from enable disable status help" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand permissive; and not __fish_seen_subcommand_from enable disable status help" -f -a "enable" -d 'Turn permissive traffic policy mode on: meshed services reach each other without SMI policies'
complete -c osm -n "__fish_osm_using_subcommand permissive; and not __fish_seen_subcommand_from enable disable status help" -f -a "disable" -d 'Turn permissive traffic policy mode off: only traffic allowed by SMI TrafficTargets flows'
complete -c osm -n "__fish_osm_using_subcommand permissive; and not __fish_seen_subcommand_from enable disable status help" -f -a "status" -d 'Show whether permissive traffic policy mode is on'
complete -c osm -n "__fish_osm_using_subcommand permissive; and not __fish_seen_subcommand_from enable disable status help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand permissive; and __fish_seen_subcommand_from enable" -l mesh-name -d 'Name of the mesh (its control-plane namespace is found through it)' -r
complete -c osm -n "__fish_osm_using_subcommand permissive; and __fish_seen_subcommand_from enable" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand permissive; and __fish_seen_subcommand_from enable" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand permissive; and __fish_seen_subcommand_from enable" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand permissive; and __fish_seen_subcommand_from enable" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand permissive; and __fish_seen_subcommand_from enable" -l dry-run -d 'Print the patch that would be applied and change nothing'
complete -c osm -n "__fish_osm_using_subcommand permissive; and __fish_seen_subcommand_from enable" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand permissive; and __fish_seen_subcommand_from enable" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand permissive; and __fish_seen_subcommand_from enable" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand permissive; and __fish_seen_subcommand_from enable" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand permissive; and __fish_seen_subcommand_from disable" -l mesh-name -d 'Name of the mesh (its control-plane namespace is found through it)' -r
complete -c osm -n "__fish_osm_using_subcommand permissive; and __fish_seen_subcommand_from disable" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand permissive; and __fish_seen_subcommand_from disable" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand permissive; and __fish_seen_subcommand_from disable" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand permissive; and __fish_seen_subcommand_from disable" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand permissive; and __fish_seen_subcommand_from disable" -l dry-run -d 'Print the patch that would be applied and change nothing'
complete -c osm -n "__fish_osm_using_subcommand permissive; and __fish_seen_subcommand_from disable" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand permissive; and __fish_seen_subcommand_from disable" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand permissive; and __fish_seen_subcommand_from disable" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand permissive; and __fish_seen_subcommand_from disable" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand permissive; and __fish_seen_subcommand_from status" -l mesh-name -d 'Name of the mesh (its control-plane namespace is found through it)' -r
complete -c osm -n "__fish_osm_using_subcommand permissive; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c osm -n "__fish_osm_using_subcommand permissive; and __fish_seen_subcommand_from status" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand permissive; and __fish_seen_subcommand_from status" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand permissive; and __fish_seen_subcommand_from status" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand permissive; and __fish_seen_subcommand_from status" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand permissive; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand permissive; and __fish_seen_subcommand_from status" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand permissive; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand permissive; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand permissive; and __fish_seen_subcommand_from help" -f -a "enable" -d 'Turn permissive traffic policy mode on: meshed services reach each other without SMI policies'
complete -c osm -n "__fish_osm_using_subcommand permissive; and __fish_seen_subcommand_from help" -f -a "disable" -d 'Turn permissive traffic policy mode off: only traffic allowed by SMI TrafficTargets flows'
complete -c osm -n "__fish_osm_using_subcommand permissive; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show whether permissive traffic policy mode is on'
complete -c osm -n "__fish_osm_using_subcommand permissive; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand egress; and not __fish_seen_subcommand_from enable disable status help" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand egress; and not __fish_seen_subcommand_from enable disable status help" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand egress; and not __fish_seen_subcommand_from enable disable status help" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand egress; and not __fish_seen_subcommand_from enable disable status help" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand egress; and not __fish_seen_subcommand_from enable disable status help" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand egress; and not __fish_seen_subcommand_from enable disable status help" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand egress; and not __fish_seen_subcommand_from enable disable status help" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand egress; and not __fish_seen_subcommand_from enable disable status help" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand egress; and not __fish_seen_subcommand_from enable disable status help" -f -a "enable" -d 'Let meshed pods reach destinations outside the mesh'
complete -c osm -n "__fish_osm_using_subcommand egress; and not __fish_seen_subcommand_from enable disable status help" -f -a "disable" -d 'Stop meshed pods reaching destinations outside the mesh'
complete -c osm -n "__fish_osm_using_subcommand egress; and not __fish_seen_subcommand_from enable disable status help" -f -a "status" -d 'Show whether meshed pods may reach destinations outside the mesh'
complete -c osm -n "__fish_osm_using_subcommand egress; and not __fish_seen_subcommand_from enable disable status help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand egress; and __fish_seen_subcommand_from enable" -l mesh-name -d 'Name of the mesh (its control-plane namespace is found through it)' -r
complete -c osm -n "__fish_osm_using_subcommand egress; and __fish_seen_subcommand_from enable" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand egress; and __fish_seen_subcommand_from enable" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand egress; and __fish_seen_subcommand_from enable" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand egress; and __fish_seen_subcommand_from enable" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand egress; and __fish_seen_subcommand_from enable" -l dry-run -d 'Print the patch that would be applied and change nothing'
complete -c osm -n "__fish_osm_using_subcommand egress; and __fish_seen_subcommand_from enable" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand egress; and __fish_seen_subcommand_from enable" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand egress; and __fish_seen_subcommand_from enable" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand egress; and __fish_seen_subcommand_from enable" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand egress; and __fish_seen_subcommand_from disable" -l mesh-name -d 'Name of the mesh (its control-plane namespace is found through it)' -r
complete -c osm -n "__fish_osm_using_subcommand egress; and __fish_seen_subcommand_from disable" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand egress; and __fish_seen_subcommand_from disable" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand egress; and __fish_seen_subcommand_from disable" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand egress; and __fish_seen_subcommand_from disable" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand egress; and __fish_seen_subcommand_from disable" -l dry-run -d 'Print the patch that would be applied and change nothing'
complete -c osm -n "__fish_osm_using_subcommand egress; and __fish_seen_subcommand_from disable" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand egress; and __fish_seen_subcommand_from disable" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand egress; and __fish_seen_subcommand_from disable" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand egress; and __fish_seen_subcommand_from disable" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand egress; and __fish_seen_subcommand_from status" -l mesh-name -d 'Name of the mesh (its control-plane namespace is found through it)' -r
complete -c osm -n "__fish_osm_using_subcommand egress; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c osm -n "__fish_osm_using_subcommand egress; and __fish_seen_subcommand_from status" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand egress; and __fish_seen_subcommand_from status" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand egress; and __fish_seen_subcommand_from status" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand egress; and __fish_seen_subcommand_from status" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand egress; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand egress; and __fish_seen_subcommand_from status" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand egress; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand egress; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand egress; and __fish_seen_subcommand_from help" -f -a "enable" -d 'Let meshed pods reach destinations outside the mesh'
complete -c osm -n "__fish_osm_using_subcommand egress; and __fish_seen_subcommand_from help" -f -a "disable" -d 'Stop meshed pods reaching destinations outside the mesh'
complete -c osm -n "__fish_osm_using_subcommand egress; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show whether meshed pods may reach destinations outside the mesh'
complete -c osm -n "__fish_osm_using_subcommand egress; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand tracing; and not __fish_seen_subcommand_from enable disable status help" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand tracing; and not __fish_seen_subcommand_from enable disable status help" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand tracing; and not __fish_seen_subcommand_from enable disable status help" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand tracing; and not __fish_seen_subcommand_from enable disable status help" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand tracing; and not __fish_seen_subcommand_from enable disable status help" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand tracing; and not __fish_seen_subcommand_from enable disable status help" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand tracing; and not __fish_seen_subcommand_from enable disable status help" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand tracing; and not __fish_seen_subcommand_from enable disable status help" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand tracing; and not __fish_seen_subcommand_from enable disable status help" -f -a "enable" -d 'Send spans to a collector (Zipkin API, e.g. Jaeger)'
complete -c osm -n "__fish_osm_using_subcommand tracing; and not __fish_seen_subcommand_from enable disable status help" -f -a "disable" -d 'Stop sending spans'
complete -c osm -n "__fish_osm_using_subcommand tracing; and not __fish_seen_subcommand_from enable disable status help" -f -a "status" -d 'Show whether tracing is on and where spans go'
complete -c osm -n "__fish_osm_using_subcommand tracing; and not __fish_seen_subcommand_from enable disable status help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from enable" -l mesh-name -d 'Name of the mesh (its control-plane namespace is found through it)' -r
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from enable" -l address -d 'Collector host (default: the address already set, else the mesh\'s jaeger Service)' -r
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from enable" -l port -d 'Collector port (default: the port already set, else 9411)' -r
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from enable" -l endpoint -d 'Collector path (default: the endpoint already set, else /api/v2/spans)' -r
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from enable" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from enable" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from enable" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from enable" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from enable" -l dry-run -d 'Print the patch that would be applied and change nothing'
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from enable" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from enable" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from enable" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from enable" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from disable" -l mesh-name -d 'Name of the mesh (its control-plane namespace is found through it)' -r
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from disable" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from disable" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from disable" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from disable" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from disable" -l dry-run -d 'Print the patch that would be applied and change nothing'
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from disable" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from disable" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from disable" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from disable" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from status" -l mesh-name -d 'Name of the mesh (its control-plane namespace is found through it)' -r
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from status" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from status" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from status" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from status" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from status" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from help" -f -a "enable" -d 'Send spans to a collector (Zipkin API, e.g. Jaeger)'
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from help" -f -a "disable" -d 'Stop sending spans'
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show whether tracing is on and where spans go'
complete -c osm -n "__fish_osm_using_subcommand tracing; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand traffic; and not __fish_seen_subcommand_from split shift route match mirror get help" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand traffic; and not __fish_seen_subcommand_from split shift route match mirror get help" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and not __fish_seen_subcommand_from split shift route match mirror get help" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and not __fish_seen_subcommand_from split shift route match mirror get help" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and not __fish_seen_subcommand_from split shift route match mirror get help" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand traffic; and not __fish_seen_subcommand_from split shift route match mirror get help" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand traffic; and not __fish_seen_subcommand_from split shift route match mirror get help" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand traffic; and not __fish_seen_subcommand_from split shift route match mirror get help" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand traffic; and not __fish_seen_subcommand_from split shift route match mirror get help" -f -a "split" -d 'Create and set weighted splits (TrafficSplit, VirtualService, HTTPRoute); show, list, delete TrafficSplits'
complete -c osm -n "__fish_osm_using_subcommand traffic; and not __fish_seen_subcommand_from split shift route match mirror get help" -f -a "shift" -d 'Move traffic to one backend step by step, optionally gated by Prometheus metrics (a canary)'
complete -c osm -n "__fish_osm_using_subcommand traffic; and not __fish_seen_subcommand_from split shift route match mirror get help" -f -a "route" -d 'Send all traffic of the default route to one backend'
complete -c osm -n "__fish_osm_using_subcommand traffic; and not __fish_seen_subcommand_from split shift route match mirror get help" -f -a "match" -d 'Route requests carrying a header to one backend, before the default route'
complete -c osm -n "__fish_osm_using_subcommand traffic; and not __fish_seen_subcommand_from split shift route match mirror get help" -f -a "mirror" -d 'Copy the default route\'s requests to another backend (responses are discarded)'
complete -c osm -n "__fish_osm_using_subcommand traffic; and not __fish_seen_subcommand_from split shift route match mirror get help" -f -a "get" -d 'Show the effective routing table: rules in order, matches, weights in percent, mirrors'
complete -c osm -n "__fish_osm_using_subcommand traffic; and not __fish_seen_subcommand_from split shift route match mirror get help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from split" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from split" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from split" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from split" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from split" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from split" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from split" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from split" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from split" -f -a "create" -d 'Create a TrafficSplit, VirtualService or HTTPRoute splitting a root Service between backends'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from split" -f -a "set" -d 'Change backend percentages; backends not named share the remainder by their current weight'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from split" -f -a "get" -d 'Show one TrafficSplit with its backends\' percentages'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from split" -f -a "list" -d 'List TrafficSplits'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from split" -f -a "delete" -d 'Delete a TrafficSplit'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from split" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from shift" -s n -l namespace -d 'Namespace of the routing object (default: the kubeconfig context\'s namespace)' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from shift" -l to -d 'The backend that receives the traffic' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from shift" -l step -d 'Percentage moved to it per step, 1 to 100' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from shift" -l interval -d 'How long to wait after each step, and the window each check measures (e.g. 30s, 2m)' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from shift" -l until -d 'Stop when it has this percentage' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from shift" -l max-weight -d 'Stop at this percentage and wait for `osm traffic shift promote`' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from shift" -l api -d 'Which kind of object NAME is (default: whichever exists)' -r -f -a "smi\t'SMI TrafficSplit (split.smi-spec.io/v1alpha2), as upstream OSM serves'
istio\t'Istio VirtualService (networking.istio.io/v1)'
gateway\t'Gateway API HTTPRoute (gateway.networking.k8s.io/v1)'"
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from shift" -l min-success-rate -d 'Lowest share of the target\'s requests answered without a 5xx, in percent (e.g. 99)' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from shift" -l max-latency-p99 -d 'Highest 99th-percentile latency of the target\'s requests (e.g. 500ms)' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from shift" -l max-error-delta -d 'Percentage points the target\'s error rate may exceed the stable backend\'s' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from shift" -l failure-threshold -d 'Failed checks before traffic goes back to the stable backend' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from shift" -l min-requests -d 'Fewer requests than this in an interval is no data, neither pass nor failure' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from shift" -l on-no-data -d 'What a check without enough data does: hold the weight, or count as a failure' -r -f -a "hold\t''
fail\t''"
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from shift" -l metrics -d 'Which metrics to read (default: istio for a VirtualService; else osm, or envoy when the MeshConfig turns WASM stats off)' -r -f -a "osm\t'OSM\'s WASM stats: osm_request_total, osm_request_duration_ms'
envoy\t'Envoy\'s cluster stats, for OSM without WASM stats (no latency)'
istio\t'Istio\'s istio_requests_total, istio_request_duration_milliseconds'"
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from shift" -l query-success-rate -d 'Your own success-rate PromQL (percent), with {{namespace}}, {{workload}}, {{interval}}' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from shift" -l query-latency -d 'Your own p99-latency PromQL (milliseconds), with {{namespace}}, {{workload}}, {{interval}}' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from shift" -l prometheus -d 'Prometheus\'s URL (default: a port-forward to the mesh\'s Prometheus)' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from shift" -s o -l output -d 'table: a line per step and check (a progress bar on a terminal); json: one JSON event per line' -r -f -a "table\t''
json\t''"
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from shift" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from shift" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from shift" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from shift" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from shift" -l dry-run -d 'Print the steps (and the analysis\'s queries) and change nothing'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from shift" -l compare-baseline -d 'Fail when the target\'s error rate exceeds the stable backend\'s by more than --max-error-delta'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from shift" -l rollback-on-interrupt -d 'Route everything back to the stable backend on Ctrl-C, instead of pausing'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from shift" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from shift" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from shift" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from shift" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from shift" -a "status" -d 'Show a shift\'s plan and progress, as kept on the routing object'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from shift" -a "promote" -d 'Give the target backend all the traffic now'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from shift" -a "abort" -d 'Route all the traffic back to the stable backend and end the shift'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from shift" -a "resume" -d 'Continue a paused or interrupted shift from where it stopped'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from shift" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from route" -s n -l namespace -d 'Namespace of the routing object (default: the kubeconfig context\'s namespace)' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from route" -l api -d 'Which kind of object NAME is (default: whichever exists)' -r -f -a "smi\t'SMI TrafficSplit (split.smi-spec.io/v1alpha2), as upstream OSM serves'
istio\t'Istio VirtualService (networking.istio.io/v1)'
gateway\t'Gateway API HTTPRoute (gateway.networking.k8s.io/v1)'"
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from route" -l to -d 'The backend: a subset, a host or Service, or a backendRef name' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from route" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from route" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from route" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from route" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from route" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from route" -l dry-run -d 'Print the change as a diff and change nothing'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from route" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from route" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from route" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from route" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from match" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from match" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from match" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from match" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from match" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from match" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from match" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from match" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from match" -f -a "add" -d 'Add (or replace) the rule for a header; exactly one of --header, --header-prefix, --header-regex'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from match" -f -a "remove" -d 'Remove the rules that match on this header alone'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from match" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from mirror" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from mirror" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from mirror" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from mirror" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from mirror" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from mirror" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from mirror" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from mirror" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from mirror" -f -a "set" -d 'Mirror the default route to a backend'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from mirror" -f -a "clear" -d 'Stop mirroring (every rule of the object)'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from mirror" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from get" -s n -l namespace -d 'Namespace of the routing object (default: the kubeconfig context\'s namespace)' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from get" -l api -d 'Which kind of object NAME is (default: whichever exists)' -r -f -a "smi\t'SMI TrafficSplit (split.smi-spec.io/v1alpha2), as upstream OSM serves'
istio\t'Istio VirtualService (networking.istio.io/v1)'
gateway\t'Gateway API HTTPRoute (gateway.networking.k8s.io/v1)'"
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from get" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from get" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from get" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from get" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from get" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from help" -f -a "split" -d 'Create and set weighted splits (TrafficSplit, VirtualService, HTTPRoute); show, list, delete TrafficSplits'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from help" -f -a "shift" -d 'Move traffic to one backend step by step, optionally gated by Prometheus metrics (a canary)'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from help" -f -a "route" -d 'Send all traffic of the default route to one backend'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from help" -f -a "match" -d 'Route requests carrying a header to one backend, before the default route'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from help" -f -a "mirror" -d 'Copy the default route\'s requests to another backend (responses are discarded)'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show the effective routing table: rules in order, matches, weights in percent, mirrors'
complete -c osm -n "__fish_osm_using_subcommand traffic; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand istio; and not __fish_seen_subcommand_from manifest install uninstall kube-inject version verify-install help" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand istio; and not __fish_seen_subcommand_from manifest install uninstall kube-inject version verify-install help" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and not __fish_seen_subcommand_from manifest install uninstall kube-inject version verify-install help" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and not __fish_seen_subcommand_from manifest install uninstall kube-inject version verify-install help" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and not __fish_seen_subcommand_from manifest install uninstall kube-inject version verify-install help" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand istio; and not __fish_seen_subcommand_from manifest install uninstall kube-inject version verify-install help" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand istio; and not __fish_seen_subcommand_from manifest install uninstall kube-inject version verify-install help" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand istio; and not __fish_seen_subcommand_from manifest install uninstall kube-inject version verify-install help" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand istio; and not __fish_seen_subcommand_from manifest install uninstall kube-inject version verify-install help" -f -a "manifest" -d 'Print the manifests an Istio install applies (istioctl manifest generate)'
complete -c osm -n "__fish_osm_using_subcommand istio; and not __fish_seen_subcommand_from manifest install uninstall kube-inject version verify-install help" -f -a "install" -d 'Install Istio\'s control plane (istioctl install)'
complete -c osm -n "__fish_osm_using_subcommand istio; and not __fish_seen_subcommand_from manifest install uninstall kube-inject version verify-install help" -f -a "uninstall" -d 'Remove Istio\'s control plane (istioctl uninstall)'
complete -c osm -n "__fish_osm_using_subcommand istio; and not __fish_seen_subcommand_from manifest install uninstall kube-inject version verify-install help" -f -a "kube-inject" -d 'Add Istio\'s sidecar to the workloads of a manifest (istioctl kube-inject)'
complete -c osm -n "__fish_osm_using_subcommand istio; and not __fish_seen_subcommand_from manifest install uninstall kube-inject version verify-install help" -f -a "version" -d 'Print the versions of osm\'s Istio and of the installed control plane (istioctl version)'
complete -c osm -n "__fish_osm_using_subcommand istio; and not __fish_seen_subcommand_from manifest install uninstall kube-inject version verify-install help" -f -a "verify-install" -d 'Check that what an Istio install wrote is present and ready (istioctl verify-install)'
complete -c osm -n "__fish_osm_using_subcommand istio; and not __fish_seen_subcommand_from manifest install uninstall kube-inject version verify-install help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from manifest" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from manifest" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from manifest" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from manifest" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from manifest" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from manifest" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from manifest" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from manifest" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from manifest" -f -a "generate" -d 'Print the objects of an Istio install, as istioctl manifest generate does'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from manifest" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from install" -s s -l set -d 'Set a value of the IstioOperator (repeatable, later wins), e.g. profile=demo or components.egressGateways[0].enabled=false (a dot inside a key is written \\.)' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from install" -s f -l filename -d 'IstioOperator files to merge in order, before the --set values (repeatable or comma-separated; - reads stdin)' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from install" -s r -l revision -d 'The control plane revision (default: none, the default revision)' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from install" -s d -l manifests -d 'A directory with Istio\'s charts/ and profiles/ to use instead of the built-in 1.30.3 ones' -r -F
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from install" -l readiness-timeout -d 'How long each component\'s Deployments get to become ready' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from install" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from install" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from install" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from install" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from install" -l force -d 'Go on even if the IstioOperator does not validate'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from install" -s y -l skip-confirmation -d 'Install without asking for confirmation'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from install" -l dry-run -d 'Print what the install would write, and write nothing'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from install" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from install" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from install" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from install" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from uninstall" -s r -l revision -d 'Remove the control plane of this revision (its Istiod, gateways and webhooks; the CRDs stay)' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from uninstall" -s f -l filename -d 'The IstioOperator the control plane was installed with: what carries its name and namespace is removed (every revision\'s, unless --revision narrows it, as istioctl does)' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from uninstall" -s s -l set -d 'Set a value of the IstioOperator, as for install (repeatable; revision=R alone selects nothing narrower, as with istioctl: pass --revision)' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from uninstall" -s d -l manifests -d 'A directory with Istio\'s charts/ and profiles/ to read the profiles from' -r -F
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from uninstall" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from uninstall" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from uninstall" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from uninstall" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from uninstall" -l force -d 'Accepted for istioctl\'s command lines; uninstall validates nothing it could skip'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from uninstall" -l purge -d 'Remove every Istio object of every revision, CRDs and cluster-wide objects included'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from uninstall" -s y -l skip-confirmation -d 'Uninstall without asking for confirmation'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from uninstall" -l dry-run -d 'Print what would be removed, and remove nothing'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from uninstall" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from uninstall" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from uninstall" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from uninstall" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from kube-inject" -s f -l filename -d 'Input Kubernetes resource filename (`-` reads standard input)' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from kube-inject" -s o -l output -d 'Modified output Kubernetes resource filename (default: standard output)' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from kube-inject" -l injectConfigFile -d 'Injection configuration filename (the `config` key of the istio-sidecar-injector ConfigMap)' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from kube-inject" -l meshConfigFile -d 'Mesh configuration filename (the `mesh` key of the istio ConfigMap)' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from kube-inject" -l valuesFile -d 'Injection values configuration filename (the `values` key of the istio-sidecar-injector ConfigMap)' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from kube-inject" -s r -l revision -d 'Control plane revision whose ConfigMaps are read; `default` renders as the default revision' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from kube-inject" -l injectConfigMapName -d 'ConfigMap name for Istio sidecar injection, key should be "config"' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from kube-inject" -l meshConfigMapName -d 'ConfigMap name for Istio mesh configuration, key should be "mesh"' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from kube-inject" -s i -l istioNamespace -d 'Namespace of the Istio control plane, where the ConfigMaps live' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from kube-inject" -l operatorFileName -d 'IstioOperator file whose values and meshConfig replace --valuesFile and --meshConfigFile (merged over its profile, as manifest generate merges it)' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from kube-inject" -l webhookConfig -d 'MutatingWebhookConfiguration name for Istio (istioctl names it only in its messages; osm reads the injection config from the revision\'s ConfigMaps, never through the webhook)' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from kube-inject" -l xds-address -d 'istiod\'s address, to inject through a running control plane (refused without --injectConfigFile)' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from kube-inject" -l xds-label -d 'The istiod pod label to reach it by (refused without --injectConfigFile)' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from kube-inject" -l xds-port -d 'The istiod port to reach (refused without --injectConfigFile)' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from kube-inject" -l cert-dir -d 'Certificates to reach istiod with (refused without --injectConfigFile)' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from kube-inject" -l authority -d 'istiod\'s expected TLS name (refused without --injectConfigFile)' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from kube-inject" -l timeout -d 'How long to wait for istiod (refused without --injectConfigFile)' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from kube-inject" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from kube-inject" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from kube-inject" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from kube-inject" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from kube-inject" -l insecure -d 'Skip istiod\'s certificate check (refused without --injectConfigFile)'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from kube-inject" -l plaintext -d 'Reach istiod without TLS (refused without --injectConfigFile)'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from kube-inject" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from kube-inject" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from kube-inject" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from kube-inject" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from version" -l remote -d 'Also read the control plane\'s version from the cluster (--remote=false: osm\'s Istio only)' -r -f -a "true\t''
false\t''"
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from version" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from version" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from version" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from version" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from version" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from version" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from version" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from version" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from verify-install" -s s -l set -d 'Set a value of the IstioOperator (repeatable, later wins), e.g. profile=demo or components.egressGateways[0].enabled=false (a dot inside a key is written \\.)' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from verify-install" -s f -l filename -d 'IstioOperator files to merge in order, before the --set values (repeatable or comma-separated; - reads stdin)' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from verify-install" -s r -l revision -d 'The control plane revision (default: none, the default revision)' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from verify-install" -s d -l manifests -d 'A directory with Istio\'s charts/ and profiles/ to use instead of the built-in 1.30.3 ones' -r -F
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from verify-install" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from verify-install" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from verify-install" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from verify-install" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from verify-install" -l force -d 'Go on even if the IstioOperator does not validate'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from verify-install" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from verify-install" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from verify-install" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from verify-install" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from help" -f -a "manifest" -d 'Print the manifests an Istio install applies (istioctl manifest generate)'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from help" -f -a "install" -d 'Install Istio\'s control plane (istioctl install)'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from help" -f -a "uninstall" -d 'Remove Istio\'s control plane (istioctl uninstall)'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from help" -f -a "kube-inject" -d 'Add Istio\'s sidecar to the workloads of a manifest (istioctl kube-inject)'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from help" -f -a "version" -d 'Print the versions of osm\'s Istio and of the installed control plane (istioctl version)'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from help" -f -a "verify-install" -d 'Check that what an Istio install wrote is present and ready (istioctl verify-install)'
complete -c osm -n "__fish_osm_using_subcommand istio; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand port-forward" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace)' -r
complete -c osm -n "__fish_osm_using_subcommand port-forward" -l address -d 'Local address to listen on (loopback unless you say otherwise)' -r
complete -c osm -n "__fish_osm_using_subcommand port-forward" -l reconnect-timeout -d 'How long to wait for a new ready pod when the forwarded pod goes away before giving up (exit 1)' -r
complete -c osm -n "__fish_osm_using_subcommand port-forward" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand port-forward" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand port-forward" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand port-forward" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand port-forward" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand port-forward" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand port-forward" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand port-forward" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand dashboard" -s p -l local-port -d 'Local port (default: the add-on\'s port, e.g. 3000 for Grafana; a free one if that is busy)' -r
complete -c osm -n "__fish_osm_using_subcommand dashboard" -s r -l remote-port -d 'Port of the add-on\'s Service (default: 3000 Grafana, 7070 Prometheus, 16686 Jaeger)' -r
complete -c osm -n "__fish_osm_using_subcommand dashboard" -s b -l open-browser -d 'Open the UI in a browser (`--open-browser=false` to only print the URL)' -r -f -a "true\t''
false\t''"
complete -c osm -n "__fish_osm_using_subcommand dashboard" -l address -d 'Local address to listen on' -r
complete -c osm -n "__fish_osm_using_subcommand dashboard" -l mesh-name -d 'Name of the mesh whose add-on to open' -r
complete -c osm -n "__fish_osm_using_subcommand dashboard" -l timeout -d 'How long to wait for the add-on\'s pod to be ready and its UI to answer' -r
complete -c osm -n "__fish_osm_using_subcommand dashboard" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand dashboard" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand dashboard" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand dashboard" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand dashboard" -l no-browser -d 'Only print the URL (same as --open-browser=false)'
complete -c osm -n "__fish_osm_using_subcommand dashboard" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand dashboard" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand dashboard" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand dashboard" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand proxy; and not __fish_seen_subcommand_from get set help" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand proxy; and not __fish_seen_subcommand_from get set help" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand proxy; and not __fish_seen_subcommand_from get set help" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand proxy; and not __fish_seen_subcommand_from get set help" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand proxy; and not __fish_seen_subcommand_from get set help" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand proxy; and not __fish_seen_subcommand_from get set help" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand proxy; and not __fish_seen_subcommand_from get set help" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand proxy; and not __fish_seen_subcommand_from get set help" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand proxy; and not __fish_seen_subcommand_from get set help" -f -a "get" -d 'GET from the sidecar\'s admin interface (e.g. config_dump, stats, clusters, "stats?format=json")'
complete -c osm -n "__fish_osm_using_subcommand proxy; and not __fish_seen_subcommand_from get set help" -f -a "set" -d 'POST to the sidecar\'s admin interface (e.g. reset_counters, "logging?level=debug")'
complete -c osm -n "__fish_osm_using_subcommand proxy; and not __fish_seen_subcommand_from get set help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand proxy; and __fish_seen_subcommand_from get" -s n -l namespace -d 'Namespace of the pod (default: the kubeconfig context\'s namespace)' -r
complete -c osm -n "__fish_osm_using_subcommand proxy; and __fish_seen_subcommand_from get" -s f -l file -d 'Write the answer to this file instead of stdout' -r -F
complete -c osm -n "__fish_osm_using_subcommand proxy; and __fish_seen_subcommand_from get" -s p -l local-port -d 'Local port of the forward to the admin interface (default: any free port)' -r
complete -c osm -n "__fish_osm_using_subcommand proxy; and __fish_seen_subcommand_from get" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand proxy; and __fish_seen_subcommand_from get" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand proxy; and __fish_seen_subcommand_from get" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand proxy; and __fish_seen_subcommand_from get" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand proxy; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand proxy; and __fish_seen_subcommand_from get" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand proxy; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand proxy; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand proxy; and __fish_seen_subcommand_from set" -s n -l namespace -d 'Namespace of the pod (default: the kubeconfig context\'s namespace)' -r
complete -c osm -n "__fish_osm_using_subcommand proxy; and __fish_seen_subcommand_from set" -s f -l file -d 'Write the answer to this file instead of stdout' -r -F
complete -c osm -n "__fish_osm_using_subcommand proxy; and __fish_seen_subcommand_from set" -s p -l local-port -d 'Local port of the forward to the admin interface (default: any free port)' -r
complete -c osm -n "__fish_osm_using_subcommand proxy; and __fish_seen_subcommand_from set" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand proxy; and __fish_seen_subcommand_from set" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand proxy; and __fish_seen_subcommand_from set" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand proxy; and __fish_seen_subcommand_from set" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand proxy; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand proxy; and __fish_seen_subcommand_from set" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand proxy; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand proxy; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand proxy; and __fish_seen_subcommand_from help" -f -a "get" -d 'GET from the sidecar\'s admin interface (e.g. config_dump, stats, clusters, "stats?format=json")'
complete -c osm -n "__fish_osm_using_subcommand proxy; and __fish_seen_subcommand_from help" -f -a "set" -d 'POST to the sidecar\'s admin interface (e.g. reset_counters, "logging?level=debug")'
complete -c osm -n "__fish_osm_using_subcommand proxy; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand check" -l wait -d 'Re-run failing checks until they pass or this much time has passed (e.g. 90s, 5m)' -r
complete -c osm -n "__fish_osm_using_subcommand check" -l mesh-name -d 'The mesh to check (default: the one in --osm-namespace; with --pre, `osm`)' -r
complete -c osm -n "__fish_osm_using_subcommand check" -l mesh -d 'Which mesh software to check: OSM, or Istio (istioctl\'s precheck with --pre)' -r -f -a "osm\t''
istio\t''"
complete -c osm -n "__fish_osm_using_subcommand check" -s r -l revision -d 'With --mesh istio: the control plane\'s revision' -r
complete -c osm -n "__fish_osm_using_subcommand check" -s i -l istio-namespace -l istioNamespace -d 'With --mesh istio: the namespace of Istio\'s control plane' -r
complete -c osm -n "__fish_osm_using_subcommand check" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''"
complete -c osm -n "__fish_osm_using_subcommand check" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand check" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand check" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand check" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand check" -l pre -d 'Check that `osm install` can go ahead in this cluster instead of checking an installed mesh'
complete -c osm -n "__fish_osm_using_subcommand check" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand check" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand check" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand check" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand verify; and not __fish_seen_subcommand_from connectivity control-plane-health ingress help" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand verify; and not __fish_seen_subcommand_from connectivity control-plane-health ingress help" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand verify; and not __fish_seen_subcommand_from connectivity control-plane-health ingress help" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand verify; and not __fish_seen_subcommand_from connectivity control-plane-health ingress help" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand verify; and not __fish_seen_subcommand_from connectivity control-plane-health ingress help" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand verify; and not __fish_seen_subcommand_from connectivity control-plane-health ingress help" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand verify; and not __fish_seen_subcommand_from connectivity control-plane-health ingress help" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand verify; and not __fish_seen_subcommand_from connectivity control-plane-health ingress help" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand verify; and not __fish_seen_subcommand_from connectivity control-plane-health ingress help" -f -a "connectivity" -d 'Verify that a pod can reach another pod (or an external host) through the mesh'
complete -c osm -n "__fish_osm_using_subcommand verify; and not __fish_seen_subcommand_from connectivity control-plane-health ingress help" -f -a "control-plane-health" -d 'Verify the health of the OSM control plane: pods ready and their health endpoints answering'
complete -c osm -n "__fish_osm_using_subcommand verify; and not __fish_seen_subcommand_from connectivity control-plane-health ingress help" -f -a "ingress" -d 'Verify that an ingress Service can reach a pod through an IngressBackend'
complete -c osm -n "__fish_osm_using_subcommand verify; and not __fish_seen_subcommand_from connectivity control-plane-health ingress help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from connectivity" -l from-pod -d 'The client pod, as NAMESPACE/NAME' -r
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from connectivity" -l to-pod -d 'The destination pod, as NAMESPACE/NAME (needs --to-service)' -r
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from connectivity" -l to-service -d 'The destination Service, in the destination pod\'s namespace' -r
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from connectivity" -l app-protocol -d 'Application protocol' -r
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from connectivity" -l to-ext-port -d 'External port (egress)' -r
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from connectivity" -l to-ext-host -d 'External host name (egress)' -r
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from connectivity" -l mesh-name -d 'Mesh name' -r
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from connectivity" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''"
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from connectivity" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from connectivity" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from connectivity" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from connectivity" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from connectivity" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from connectivity" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from connectivity" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from connectivity" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from control-plane-health" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''"
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from control-plane-health" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from control-plane-health" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from control-plane-health" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from control-plane-health" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from control-plane-health" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from control-plane-health" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from control-plane-health" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from control-plane-health" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from ingress" -l from-service -d 'The ingress Service, as NAMESPACE/NAME' -r
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from ingress" -l to-pod -d 'The destination pod, as NAMESPACE/NAME' -r
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from ingress" -l to-service -d 'The destination Service, in the destination pod\'s namespace' -r
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from ingress" -l ingress-backend -d 'The IngressBackend, in the destination pod\'s namespace' -r
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from ingress" -l to-port -d 'The port the destination pod listens on' -r
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from ingress" -l app-protocol -d 'Application protocol' -r
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from ingress" -l mesh-name -d 'Mesh name' -r
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from ingress" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''"
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from ingress" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from ingress" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from ingress" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from ingress" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from ingress" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from ingress" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from ingress" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from ingress" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from help" -f -a "connectivity" -d 'Verify that a pod can reach another pod (or an external host) through the mesh'
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from help" -f -a "control-plane-health" -d 'Verify the health of the OSM control plane: pods ready and their health endpoints answering'
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from help" -f -a "ingress" -d 'Verify that an ingress Service can reach a pod through an IngressBackend'
complete -c osm -n "__fish_osm_using_subcommand verify; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand policy; and not __fish_seen_subcommand_from check-pods check-conflicts help" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand policy; and not __fish_seen_subcommand_from check-pods check-conflicts help" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand policy; and not __fish_seen_subcommand_from check-pods check-conflicts help" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand policy; and not __fish_seen_subcommand_from check-pods check-conflicts help" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand policy; and not __fish_seen_subcommand_from check-pods check-conflicts help" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand policy; and not __fish_seen_subcommand_from check-pods check-conflicts help" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand policy; and not __fish_seen_subcommand_from check-pods check-conflicts help" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand policy; and not __fish_seen_subcommand_from check-pods check-conflicts help" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand policy; and not __fish_seen_subcommand_from check-pods check-conflicts help" -f -a "check-pods" -d 'Check whether a pod may send traffic to another, by an SMI TrafficTarget or permissive mode'
complete -c osm -n "__fish_osm_using_subcommand policy; and not __fish_seen_subcommand_from check-pods check-conflicts help" -f -a "check-conflicts" -d 'Check whether resources of one kind conflict with each other in a namespace'
complete -c osm -n "__fish_osm_using_subcommand policy; and not __fish_seen_subcommand_from check-pods check-conflicts help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand policy; and __fish_seen_subcommand_from check-pods" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand policy; and __fish_seen_subcommand_from check-pods" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand policy; and __fish_seen_subcommand_from check-pods" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand policy; and __fish_seen_subcommand_from check-pods" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand policy; and __fish_seen_subcommand_from check-pods" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand policy; and __fish_seen_subcommand_from check-pods" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand policy; and __fish_seen_subcommand_from check-pods" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand policy; and __fish_seen_subcommand_from check-pods" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand policy; and __fish_seen_subcommand_from check-conflicts" -s n -l namespaces -l namespace -d 'The namespace to check (exactly one)' -r
complete -c osm -n "__fish_osm_using_subcommand policy; and __fish_seen_subcommand_from check-conflicts" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand policy; and __fish_seen_subcommand_from check-conflicts" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand policy; and __fish_seen_subcommand_from check-conflicts" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand policy; and __fish_seen_subcommand_from check-conflicts" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand policy; and __fish_seen_subcommand_from check-conflicts" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand policy; and __fish_seen_subcommand_from check-conflicts" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand policy; and __fish_seen_subcommand_from check-conflicts" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand policy; and __fish_seen_subcommand_from check-conflicts" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "check-pods" -d 'Check whether a pod may send traffic to another, by an SMI TrafficTarget or permissive mode'
complete -c osm -n "__fish_osm_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "check-conflicts" -d 'Check whether resources of one kind conflict with each other in a namespace'
complete -c osm -n "__fish_osm_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand support; and not __fish_seen_subcommand_from bug-report error-info help" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand support; and not __fish_seen_subcommand_from bug-report error-info help" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand support; and not __fish_seen_subcommand_from bug-report error-info help" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand support; and not __fish_seen_subcommand_from bug-report error-info help" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand support; and not __fish_seen_subcommand_from bug-report error-info help" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand support; and not __fish_seen_subcommand_from bug-report error-info help" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand support; and not __fish_seen_subcommand_from bug-report error-info help" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand support; and not __fish_seen_subcommand_from bug-report error-info help" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand support; and not __fish_seen_subcommand_from bug-report error-info help" -f -a "bug-report" -d 'Collect the mesh\'s logs, objects, sidecar configs and checks into a zip for a bug report'
complete -c osm -n "__fish_osm_using_subcommand support; and not __fish_seen_subcommand_from bug-report error-info help" -f -a "error-info" -d 'Print what OSM\'s error codes (E1000...) mean, one or all'
complete -c osm -n "__fish_osm_using_subcommand support; and not __fish_seen_subcommand_from bug-report error-info help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand support; and __fish_seen_subcommand_from bug-report" -s o -l out-file -d 'The zip file to write (default: osm-bug-report-<time>.zip in the current directory)' -r -F
complete -c osm -n "__fish_osm_using_subcommand support; and __fish_seen_subcommand_from bug-report" -l app-namespaces -l app-namespace -d 'Application namespaces to include, besides the mesh\'s monitored ones (comma-separated or repeated)' -r
complete -c osm -n "__fish_osm_using_subcommand support; and __fish_seen_subcommand_from bug-report" -l app-deployments -d 'Application Deployments to include, as NAMESPACE/NAME (comma-separated or repeated)' -r
complete -c osm -n "__fish_osm_using_subcommand support; and __fish_seen_subcommand_from bug-report" -l app-pods -d 'Application pods to include, as NAMESPACE/NAME (comma-separated or repeated)' -r
complete -c osm -n "__fish_osm_using_subcommand support; and __fish_seen_subcommand_from bug-report" -l mesh-name -d 'The mesh to report on (default: the one in --osm-namespace)' -r
complete -c osm -n "__fish_osm_using_subcommand support; and __fish_seen_subcommand_from bug-report" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand support; and __fish_seen_subcommand_from bug-report" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand support; and __fish_seen_subcommand_from bug-report" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand support; and __fish_seen_subcommand_from bug-report" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand support; and __fish_seen_subcommand_from bug-report" -l all -d 'Every monitored namespace and all its pods (the default when no --app-* flag is given)'
complete -c osm -n "__fish_osm_using_subcommand support; and __fish_seen_subcommand_from bug-report" -l ingress -d 'Also collect Ingress objects and IngressBackends of the collected namespaces'
complete -c osm -n "__fish_osm_using_subcommand support; and __fish_seen_subcommand_from bug-report" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand support; and __fish_seen_subcommand_from bug-report" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand support; and __fish_seen_subcommand_from bug-report" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand support; and __fish_seen_subcommand_from bug-report" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand support; and __fish_seen_subcommand_from error-info" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c osm -n "__fish_osm_using_subcommand support; and __fish_seen_subcommand_from error-info" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand support; and __fish_seen_subcommand_from error-info" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand support; and __fish_seen_subcommand_from error-info" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand support; and __fish_seen_subcommand_from error-info" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand support; and __fish_seen_subcommand_from error-info" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand support; and __fish_seen_subcommand_from error-info" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand support; and __fish_seen_subcommand_from error-info" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand support; and __fish_seen_subcommand_from error-info" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand support; and __fish_seen_subcommand_from help" -f -a "bug-report" -d 'Collect the mesh\'s logs, objects, sidecar configs and checks into a zip for a bug report'
complete -c osm -n "__fish_osm_using_subcommand support; and __fish_seen_subcommand_from help" -f -a "error-info" -d 'Print what OSM\'s error codes (E1000...) mean, one or all'
complete -c osm -n "__fish_osm_using_subcommand support; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand env" -s o -l output -d 'Output format' -r -f -a "yaml\t''
json\t''"
complete -c osm -n "__fish_osm_using_subcommand env" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand env" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand env" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand env" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand env" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand env" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand env" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand env" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand version" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c osm -n "__fish_osm_using_subcommand version" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand version" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand version" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand version" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand version" -l client -l client-only -d 'Print only the client version; do not contact the cluster'
complete -c osm -n "__fish_osm_using_subcommand version" -l version-only -d 'Accepted for the Go CLI\'s scripts: osm prints no upgrade notices to hide'
complete -c osm -n "__fish_osm_using_subcommand version" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand version" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand version" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand version" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand completion" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand completion" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand completion" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand completion" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand completion" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand completion" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand completion" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand completion" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand help; and not __fish_seen_subcommand_from install uninstall mesh namespace metrics permissive egress tracing traffic istio port-forward dashboard proxy check verify policy support env version completion help" -f -a "install" -d 'Install the OSM control plane'
complete -c osm -n "__fish_osm_using_subcommand help; and not __fish_seen_subcommand_from install uninstall mesh namespace metrics permissive egress tracing traffic istio port-forward dashboard proxy check verify policy support env version completion help" -f -a "uninstall" -d 'Remove a mesh (`osm uninstall mesh`)'
complete -c osm -n "__fish_osm_using_subcommand help; and not __fish_seen_subcommand_from install uninstall mesh namespace metrics permissive egress tracing traffic istio port-forward dashboard proxy check verify policy support env version completion help" -f -a "mesh" -d 'Manage meshes: list, upgrade, read and change their settings'
complete -c osm -n "__fish_osm_using_subcommand help; and not __fish_seen_subcommand_from install uninstall mesh namespace metrics permissive egress tracing traffic istio port-forward dashboard proxy check verify policy support env version completion help" -f -a "namespace" -d 'Enrol namespaces in a mesh, take them out, list them'
complete -c osm -n "__fish_osm_using_subcommand help; and not __fish_seen_subcommand_from install uninstall mesh namespace metrics permissive egress tracing traffic istio port-forward dashboard proxy check verify policy support env version completion help" -f -a "metrics" -d 'Enable or disable Prometheus metrics for meshed namespaces'
complete -c osm -n "__fish_osm_using_subcommand help; and not __fish_seen_subcommand_from install uninstall mesh namespace metrics permissive egress tracing traffic istio port-forward dashboard proxy check verify policy support env version completion help" -f -a "permissive" -d 'Turn permissive traffic policy mode (no SMI policy needed) on or off'
complete -c osm -n "__fish_osm_using_subcommand help; and not __fish_seen_subcommand_from install uninstall mesh namespace metrics permissive egress tracing traffic istio port-forward dashboard proxy check verify policy support env version completion help" -f -a "egress" -d 'Let meshed pods reach destinations outside the mesh, or stop them'
complete -c osm -n "__fish_osm_using_subcommand help; and not __fish_seen_subcommand_from install uninstall mesh namespace metrics permissive egress tracing traffic istio port-forward dashboard proxy check verify policy support env version completion help" -f -a "tracing" -d 'Send the sidecars\' trace spans to a collector, or stop'
complete -c osm -n "__fish_osm_using_subcommand help; and not __fish_seen_subcommand_from install uninstall mesh namespace metrics permissive egress tracing traffic istio port-forward dashboard proxy check verify policy support env version completion help" -f -a "traffic" -d 'Route traffic between service versions: splits, shifts, header matches, mirrors (SMI, Istio, Gateway API)'
complete -c osm -n "__fish_osm_using_subcommand help; and not __fish_seen_subcommand_from install uninstall mesh namespace metrics permissive egress tracing traffic istio port-forward dashboard proxy check verify policy support env version completion help" -f -a "istio" -d 'Install Istio, inject its sidecars, remove it: istioctl\'s lifecycle commands'
complete -c osm -n "__fish_osm_using_subcommand help; and not __fish_seen_subcommand_from install uninstall mesh namespace metrics permissive egress tracing traffic istio port-forward dashboard proxy check verify policy support env version completion help" -f -a "port-forward" -d 'Forward local ports to a pod, deployment or service; follows the workload across restarts'
complete -c osm -n "__fish_osm_using_subcommand help; and not __fish_seen_subcommand_from install uninstall mesh namespace metrics permissive egress tracing traffic istio port-forward dashboard proxy check verify policy support env version completion help" -f -a "dashboard" -d 'Open a mesh add-on\'s UI (Grafana, Prometheus, Jaeger) through a port-forward'
complete -c osm -n "__fish_osm_using_subcommand help; and not __fish_seen_subcommand_from install uninstall mesh namespace metrics permissive egress tracing traffic istio port-forward dashboard proxy check verify policy support env version completion help" -f -a "proxy" -d 'Read or change a sidecar\'s Envoy admin interface'
complete -c osm -n "__fish_osm_using_subcommand help; and not __fish_seen_subcommand_from install uninstall mesh namespace metrics permissive egress tracing traffic istio port-forward dashboard proxy check verify policy support env version completion help" -f -a "check" -d 'Check a cluster before installing (--pre) or the health of an installed mesh'
complete -c osm -n "__fish_osm_using_subcommand help; and not __fish_seen_subcommand_from install uninstall mesh namespace metrics permissive egress tracing traffic istio port-forward dashboard proxy check verify policy support env version completion help" -f -a "verify" -d 'Verify mesh configuration step by step: connectivity, control-plane health, ingress'
complete -c osm -n "__fish_osm_using_subcommand help; and not __fish_seen_subcommand_from install uninstall mesh namespace metrics permissive egress tracing traffic istio port-forward dashboard proxy check verify policy support env version completion help" -f -a "policy" -d 'Check traffic policies: may one pod reach another, do policies conflict'
complete -c osm -n "__fish_osm_using_subcommand help; and not __fish_seen_subcommand_from install uninstall mesh namespace metrics permissive egress tracing traffic istio port-forward dashboard proxy check verify policy support env version completion help" -f -a "support" -d 'Supportability tools: a bug-report archive, OSM\'s error codes'
complete -c osm -n "__fish_osm_using_subcommand help; and not __fish_seen_subcommand_from install uninstall mesh namespace metrics permissive egress tracing traffic istio port-forward dashboard proxy check verify policy support env version completion help" -f -a "env" -d 'Print osm\'s settings (namespace, kubeconfig, context, ...) and where each came from'
complete -c osm -n "__fish_osm_using_subcommand help; and not __fish_seen_subcommand_from install uninstall mesh namespace metrics permissive egress tracing traffic istio port-forward dashboard proxy check verify policy support env version completion help" -f -a "version" -d 'Print the version of osm and of the cluster it talks to'
complete -c osm -n "__fish_osm_using_subcommand help; and not __fish_seen_subcommand_from install uninstall mesh namespace metrics permissive egress tracing traffic istio port-forward dashboard proxy check verify policy support env version completion help" -f -a "completion" -d 'Print a shell completion script'
complete -c osm -n "__fish_osm_using_subcommand help; and not __fish_seen_subcommand_from install uninstall mesh namespace metrics permissive egress tracing traffic istio port-forward dashboard proxy check verify policy support env version completion help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from uninstall" -f -a "mesh" -d 'Remove a mesh\'s control plane (and, with -a, OSM\'s CRDs)'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from mesh" -f -a "list" -d 'List the meshes in the cluster, with their readiness and monitored namespaces'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from mesh" -f -a "upgrade" -d 'Upgrade a mesh\'s control plane, keeping its values unless --reset-values'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from mesh" -f -a "config" -d 'Read or change the mesh\'s settings (its MeshConfig) by field path'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from namespace" -f -a "add" -d 'Enrol namespaces in a mesh: their new pods get an Envoy sidecar'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from namespace" -f -a "remove" -d 'Take namespaces out of their mesh'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from namespace" -f -a "list" -d 'List the namespaces of one mesh or of every mesh'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from namespace" -f -a "ignore" -d 'Make the mesh leave namespaces alone (label openservicemesh.io/ignore=true)'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from namespace" -f -a "unignore" -d 'Undo `osm namespace ignore`'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from metrics" -f -a "enable" -d 'Let Prometheus scrape the sidecars of meshed namespaces'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from metrics" -f -a "disable" -d 'Stop Prometheus scraping the sidecars of namespaces'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from permissive" -f -a "enable" -d 'Turn permissive traffic policy mode on: meshed services reach each other without SMI policies'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from permissive" -f -a "disable" -d 'Turn permissive traffic policy mode off: only traffic allowed by SMI TrafficTargets flows'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from permissive" -f -a "status" -d 'Show whether permissive traffic policy mode is on'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from egress" -f -a "enable" -d 'Let meshed pods reach destinations outside the mesh'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from egress" -f -a "disable" -d 'Stop meshed pods reaching destinations outside the mesh'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from egress" -f -a "status" -d 'Show whether meshed pods may reach destinations outside the mesh'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from tracing" -f -a "enable" -d 'Send spans to a collector (Zipkin API, e.g. Jaeger)'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from tracing" -f -a "disable" -d 'Stop sending spans'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from tracing" -f -a "status" -d 'Show whether tracing is on and where spans go'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from traffic" -f -a "split" -d 'Create and set weighted splits (TrafficSplit, VirtualService, HTTPRoute); show, list, delete TrafficSplits'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from traffic" -f -a "shift" -d 'Move traffic to one backend step by step, optionally gated by Prometheus metrics (a canary)'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from traffic" -f -a "route" -d 'Send all traffic of the default route to one backend'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from traffic" -f -a "match" -d 'Route requests carrying a header to one backend, before the default route'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from traffic" -f -a "mirror" -d 'Copy the default route\'s requests to another backend (responses are discarded)'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from traffic" -f -a "get" -d 'Show the effective routing table: rules in order, matches, weights in percent, mirrors'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from istio" -f -a "manifest" -d 'Print the manifests an Istio install applies (istioctl manifest generate)'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from istio" -f -a "install" -d 'Install Istio\'s control plane (istioctl install)'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from istio" -f -a "uninstall" -d 'Remove Istio\'s control plane (istioctl uninstall)'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from istio" -f -a "kube-inject" -d 'Add Istio\'s sidecar to the workloads of a manifest (istioctl kube-inject)'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from istio" -f -a "version" -d 'Print the versions of osm\'s Istio and of the installed control plane (istioctl version)'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from istio" -f -a "verify-install" -d 'Check that what an Istio install wrote is present and ready (istioctl verify-install)'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from proxy" -f -a "get" -d 'GET from the sidecar\'s admin interface (e.g. config_dump, stats, clusters, "stats?format=json")'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from proxy" -f -a "set" -d 'POST to the sidecar\'s admin interface (e.g. reset_counters, "logging?level=debug")'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from verify" -f -a "connectivity" -d 'Verify that a pod can reach another pod (or an external host) through the mesh'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from verify" -f -a "control-plane-health" -d 'Verify the health of the OSM control plane: pods ready and their health endpoints answering'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from verify" -f -a "ingress" -d 'Verify that an ingress Service can reach a pod through an IngressBackend'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "check-pods" -d 'Check whether a pod may send traffic to another, by an SMI TrafficTarget or permissive mode'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "check-conflicts" -d 'Check whether resources of one kind conflict with each other in a namespace'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from support" -f -a "bug-report" -d 'Collect the mesh\'s logs, objects, sidecar configs and checks into a zip for a bug report'
complete -c osm -n "__fish_osm_using_subcommand help; and __fish_seen_subcommand_from support" -f -a "error-info" -d 'Print what OSM\'s error codes (E1000...) mean, one or all'
